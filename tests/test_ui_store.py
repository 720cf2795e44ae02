"""The drafts store, the section editor mapping and the exporters, without a server."""

from __future__ import annotations

import csv
import io
import sqlite3
import threading
from pathlib import Path
from typing import Any

from assistant.draft.working import from_json, to_json
from assistant.export.trackers import jira_priority
from assistant.store.drafts import DraftStore
from assistant.ui.exporters import action_items_csv, plain_markdown, to_json_text, to_markdown
from assistant.ui.sections import FIELD_BY_PATH, apply_field_text, apply_table_rows, field_text, table_rows

DRAFT: dict[str, Any] = {
    "title": "Checkout 502s after certificate expiry",
    "severity": "SEV2",
    "summary": "The edge proxy served an expired certificate, so checkout failed for 41 minutes.",
    "impact": {"summary": "Checkout unavailable.", "figures": [{"text": "12% of orders failed", "refs": ["chat.txt:4"], "event_ids": ["E004"]}]},
    "key_times": {"start": "2026-03-04T14:02:00+00:00", "detected": "2026-03-04T14:05:00+00:00",
                  "mitigated": None, "resolved": "2026-03-04T14:43:00+00:00"},
    "metrics": {"time_to_detect_s": 180.0, "time_to_mitigate_s": None, "time_to_resolve_s": 2460.0},
    "timeline": [{"time": "2026-03-04T14:02:00+00:00", "description": "First 502s", "refs": ["app.log:10"], "event_ids": ["E001"]}],
    "root_cause": {"text": "Certificate renewal did not cover the legacy proxy.", "refs": [], "event_ids": []},
    "lessons": {"went_well": [], "went_wrong": [], "lucky": []},
    "action_items": [
        {"description": "Alert 14 days before any certificate expires, including legacy proxies", "owner": "dana",
         "due": "2026-04-01", "priority": "high", "kind": "detect", "refs": ["chat.txt:80"], "event_ids": ["E050"]},
        {"description": "Move HAProxy certs to the managed issuer", "owner": None, "due": None,
         "priority": "medium", "kind": "prevent", "refs": [], "event_ids": []},
    ],
    "open_questions": ["Why did the renewal job skip this host?"],
}  # fmt: skip


def test_store_survives_reopen_and_uses_wal(tmp_path: Path) -> None:
    db = tmp_path / "drafts.sqlite3"
    store = DraftStore(db)
    draft_id = store.create(title="t", draft=dict(DRAFT), inputs={"pasted": "hello"})
    store.update_draft(draft_id, lambda d: d.update(summary="edited summary text"))
    store.close()
    again = DraftStore(db)
    rec = again.get(draft_id)
    assert rec is not None
    assert rec.draft["summary"] == "edited summary text"
    assert rec.inputs == {"pasted": "hello"}
    assert rec.title == DRAFT["title"]  # the title follows the draft's title
    assert [r.id for r in again.list()] == [draft_id]
    mode = sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_store_concurrent_edits_from_threads_are_all_kept(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts.sqlite3")
    draft_id = store.create(draft={"open_questions": []})

    def add(n: int) -> None:
        for i in range(20):
            store.update_draft(draft_id, lambda d, n=n, i=i: d["open_questions"].append(f"q{n}-{i}"))

    threads = [threading.Thread(target=add, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rec = store.get(draft_id)
    assert rec is not None
    assert len(rec.draft["open_questions"]) == 160
    assert len(set(rec.draft["open_questions"])) == 160


def test_statement_bullets_round_trip_keep_refs_and_event_ids() -> None:
    draft = from_json(DRAFT)
    f = FIELD_BY_PATH["impact.figures"]
    text = field_text(draft, f)
    assert text == "- 12% of orders failed [chat.txt:4]"
    draft = apply_field_text(draft, f, text.replace("12%", "13%") + "\n- about 900 support tickets")
    figs = to_json(draft)["impact"]["figures"]
    assert figs[0] == {"text": "13% of orders failed", "refs": ["chat.txt:4"], "event_ids": ["E004"]}
    assert figs[1] == {"text": "about 900 support tickets", "refs": [], "event_ids": []}


def test_empty_trigger_text_clears_the_trigger() -> None:
    draft = from_json({"trigger": {"text": "deploy 42", "refs": [], "event_ids": []}})
    draft = apply_field_text(draft, FIELD_BY_PATH["trigger.text"], "  ")
    assert draft.postmortem.trigger is None
    draft = apply_field_text(draft, FIELD_BY_PATH["trigger.text"], "config push")
    assert draft.postmortem.trigger is not None  # a new statement after the edit
    assert draft.postmortem.trigger.text == "config push"


def test_table_edit_keeps_hidden_fields_and_drops_blank_rows() -> None:
    draft = from_json({"action_items": DRAFT["action_items"]})
    rows = table_rows(draft, "action_items")
    assert rows[0][:3] == [
        "Alert 14 days before any certificate expires, including legacy proxies",
        "dana",
        "2026-04-01",
    ]
    rows[1][1] = "erin"
    rows.append(["", "", "", "", "", ""])
    items = apply_table_rows(draft, "action_items", rows).postmortem.action_items
    assert len(items) == 2
    assert items[1].owner == "erin"
    assert items[0].event_ids == ["E050"]


def test_jira_csv_of_a_draft_has_the_importer_headers_and_one_row_per_action_item() -> None:
    rows = list(csv.reader(io.StringIO(action_items_csv(from_json(DRAFT)))))
    assert rows[0] == [
        "Summary",
        "Description",
        "Assignee",
        "Due date",
        "Labels",
        "Labels",
        "Issue Type",
        "Priority",
    ]
    assert len(rows) == 3
    first, second = rows[1], rows[2]
    assert first[0].startswith("Alert 14 days before")
    assert (first[2], first[3], first[4:6], first[6], first[7]) == (
        "dana",
        "2026-04-01",
        ["postmortem", "detect"],
        "Task",
        "High",
    )
    assert "chat.txt:80" in first[1]
    assert second[2] == "" and second[7] == "Medium"


def test_jira_priority_maps_common_spellings() -> None:
    assert [jira_priority(p) for p in ("P0", "p1", "high", "Low", None, "weird")] == [
        "Highest", "High", "High", "Low", "Medium", "Medium"]  # fmt: skip


def test_markdown_export_holds_every_section_and_the_tables() -> None:
    md = to_markdown(from_json(DRAFT))
    for needle in ("Checkout 502s after certificate expiry", "expired certificate", "12% of orders failed",
                   "First 502s", "Certificate renewal did not cover", "Move HAProxy certs", "renewal job skip"):  # fmt: skip
        assert needle in md
    plain = plain_markdown(from_json(DRAFT))
    assert "| description | owner | due | priority | kind | refs |" in plain
    assert '"title": "Checkout 502s after certificate expiry"' in to_json_text(from_json(DRAFT))
