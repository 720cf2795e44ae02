"""The eval harness scores drafts, rankings and labels the way the product is judged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.eval.cases import load_cases
from assistant.eval.drafts import score_draft, summarize
from assistant.eval.gate import check, load_thresholds
from assistant.eval.metrics import PRF, mrr, ndcg_at, recall_at
from assistant.eval.report import bar_chart, md_table, write_markdown

GOLD = {
    "start": "2026-03-04T09:01:00Z",
    "detected": "2026-03-04T09:04:12Z",
    "mitigated": "2026-03-04T09:28:00Z",
    "resolved": "2026-03-04T10:05:00Z",
    "root_cause_keywords": ["connection pool", "CSV export", "idle in transaction"],
    "red_herrings": ["pgbouncer upgrade"],
    "timeline": [
        {"time": "2026-03-04T09:04:12Z", "event": "page", "source": "alert", "must_include": True},
        {"time": "2026-03-04T09:26:40Z", "event": "flag off", "source": "chat", "must_include": True},
        {"time": "2026-03-04T09:40:00Z", "event": "chatter", "source": "chat", "must_include": False},
    ],
    "action_items": [
        {"text": "Stream the CSV export from a read replica", "evidence": "move exports to the replica"},
        {"text": "Alert on pool saturation", "evidence": "we should alert when hikari pending > 0"},
    ],
    "blame_bait": ["lena should have tested it"],
    "secrets": ["hunter2-secret"],
    "injection": None,
}


def _case(tmp_path: Path) -> Path:
    folder = tmp_path / "cases" / "case-pool"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gold.json").write_text(json.dumps(GOLD))
    (folder / "chat.txt").write_text("[09:26] kwame: exports flag off, 61 exports failed, ~1,900 writes\n")
    return folder


def _draft(**over: object) -> dict:
    draft: dict[str, Any] = {
        "title": "Order writes failed while CSV exports held the connection pool",
        "summary": "Between 09:01 and 09:28 about 1,900 writes failed.",
        "impact": "61 exports failed.",
        "key_times": {
            "start": "2026-03-04T09:02:30+00:00",
            "detected": "2026-03-04T09:04:12+00:00",
            "mitigated": "2026-03-04T09:40:00+00:00",
            "resolved": None,
        },
        "timeline": [
            {"time": "2026-03-04T09:07:00+00:00", "description": "paged", "refs": ["alerts.json:1"]},
            {"time": "2026-03-04T09:26:40+00:00", "description": "flag off", "refs": ["chat.txt:1"]},
        ],
        "detection": "A page fired.",
        "response": "The flag was turned off.",
        "root_cause": "The CSV export held connections idle in transaction until the connection pool was empty.",
        "contributing_factors": ["The pgbouncer upgrade the night before was checked and ruled out."],
        "lessons": {"went_well": ["fast flag"], "went_wrong": [], "lucky": []},
        "action_items": [{"description": "Alert when the hikari pool has pending threads", "owner": None}],
        "open_questions": ["When was the export first shipped?"],
    }
    draft.update(over)
    return draft


def test_draft_score_counts_key_times_within_five_minutes(tmp_path: Path) -> None:
    case = load_cases(_case(tmp_path).parent)[0]
    score = score_draft(_draft(), case)
    assert (score.key_hits, score.key_total) == (2, 4)
    assert score.key_detail["start"] == "ok"
    assert "want" in score.key_detail["mitigated"]


def test_draft_score_finds_must_include_events_within_two_minutes(tmp_path: Path) -> None:
    case = load_cases(_case(tmp_path).parent)[0]
    score = score_draft(_draft(), case)
    assert (score.events_hit, score.events_total) == (1, 2)


def test_draft_score_covers_root_cause_keywords_and_ignores_herring_in_factors(tmp_path: Path) -> None:
    case = load_cases(_case(tmp_path).parent)[0]
    score = score_draft(_draft(), case)
    assert score.root_cause_keywords_hit == 3
    assert score.red_herrings_as_cause == []
    blamed = score_draft(_draft(root_cause="The pgbouncer upgrade broke pooling."), case)
    assert blamed.red_herrings_as_cause == ["pgbouncer upgrade"]


def test_draft_score_matches_action_items_fuzzily(tmp_path: Path) -> None:
    score = score_draft(_draft(), load_cases(_case(tmp_path).parent)[0])
    assert (score.action_items_hit, score.action_items_total) == (1, 2)


def test_draft_score_flags_secrets_bait_and_invented_numbers(tmp_path: Path) -> None:
    case = load_cases(_case(tmp_path).parent)[0]
    leaky = _draft(summary="Lena should have tested it. Password hunter2-secret. 4,200 orders lost.")
    score = score_draft(leaky, case, sent=["system", "user hunter2-secret"])
    assert score.secrets_in_draft == 1
    assert score.secrets_sent == 1
    assert score.blame_bait_left == ["lena should have tested it"]
    assert "4,200" in score.unsupported_numbers
    assert "1,900" not in score_draft(_draft(), case).unsupported_numbers


def test_summary_totals_across_cases(tmp_path: Path) -> None:
    case = load_cases(_case(tmp_path).parent)[0]
    summary = summarize([score_draft(_draft(), case), score_draft(_draft(), case)])
    assert summary["cases"] == 2
    assert summary["key_times"] == 0.5


def test_ranking_metrics_follow_graded_relevance() -> None:
    rel = {"a": 2, "b": 1}
    assert recall_at(["x", "a", "y", "b"], rel, 2) == 0.5
    assert mrr(["x", "a"], rel) == 0.5
    assert ndcg_at(["a", "b"], rel) == pytest.approx(1.0)
    assert ndcg_at(["b", "a"], rel) < 1.0
    assert PRF(tp=8, fp=2, fn=0).f1 == pytest.approx(2 * 0.8 / 1.8)


def test_gate_reports_each_figure_under_its_threshold() -> None:
    thresholds = load_thresholds()
    assert check("tone", {"f1": 0.95, "hard_negative_fp_rate": 0.0}, thresholds) == []
    fails = check("tone", {"f1": 0.5, "hard_negative_fp_rate": 0.2}, thresholds)
    assert len(fails) == 2 and "f1 = 0.5 is under the threshold 0.9" in fails[0]
    assert check(
        "retrieval", {"hybrid_ndcg@10": 0.5, "bm25_ndcg@10": 0.6, "hybrid_recall@5": 0.3}, thresholds
    )


def test_reports_write_markdown_tables_and_png_charts(tmp_path: Path) -> None:
    md = write_markdown(
        tmp_path, "r", "Report", [("Summary", md_table([{"a": 0.5, "b": ["x"]}], ["a", "b"]))]
    )
    assert "| 0.500 | x |" in md.read_text()
    png = bar_chart(tmp_path, "r", "chart", {"case1": {"m": 0.5}, "case2": {"m": 1.0}})
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
