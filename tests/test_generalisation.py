"""Generalisation floors: the offline pipeline on project-written cases (eval/cases) and the tone checker on
project-written sentences (eval/data/tone-extra.jsonl), scored exactly like ../shared/tools/score.py.

The floors are what the product reached when the material was written (rounded down): they guard against
regressions, they are not targets. Run as a script for the full per-case report:
`.venv/bin/python tests/test_generalisation.py`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "eval" / "cases"
TONE = ROOT / "eval" / "data" / "tone-extra.jsonl"
CLI = [str(ROOT / ".venv" / "bin" / "postmortem")]
KEYS = ("start", "detected", "mitigated", "resolved")

# Floors measured with the offline drafter (see the generalisation report); never raise them above what runs.
FLOOR_TIMELINE_KEY_TIMES = 0.95  # measured 0.95 (19/20)
FLOOR_TIMELINE_EVENTS = 0.97  # measured 1.00 (42/42)
FLOOR_DRAFT_KEY_TIMES = 0.60  # measured 0.60
FLOOR_DRAFT_EVENTS = 0.75  # measured 0.76 (32/42)
MAX_SECRETS_IN_DRAFTS = 0
MAX_BAIT_IN_DRAFTS = 1  # measured 1 (case25 sarcasm line)
FLOOR_TONE_F1 = 0.70  # measured 0.741 (P 0.977, R 0.597)
MAX_TONE_HARD_NEGATIVE_FP = 0.03  # measured 0.014 (1/72)


def _run(args: list[str], home: str | None = None) -> str:
    env = {**os.environ, "POSTMORTEM_HOME": home or tempfile.mkdtemp()}
    r = subprocess.run(CLI + args, capture_output=True, text=True, env=env, timeout=600)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args[:2])}: exit {r.returncode}: {r.stderr.strip()[-400:]}")
    return r.stdout


def _near(a: datetime, b: datetime | None, seconds: float) -> bool:
    return b is not None and abs((a - b).total_seconds()) <= seconds


def _ts(s: object) -> datetime | None:
    if not isinstance(s, str) or not s:
        return None
    try:
        d = datetime.fromisoformat(s.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return d if d.tzinfo else d.replace(tzinfo=UTC)


def _cases() -> list[Path]:
    # Cases marked tuned_on (eval/cases/_gen_keyshapes.py) are development cases, not unseen ones.
    return sorted(
        p
        for p in CASES.iterdir()
        if (p / "gold.json").exists() and not json.loads((p / "gold.json").read_text()).get("tuned_on")
    )


def _inputs(case: Path) -> list[str]:
    return [str(p) for p in sorted(case.iterdir()) if p.is_file() and p.name != "gold.json"]


def _strings(o: object) -> str:
    if isinstance(o, str):
        return o
    if isinstance(o, dict):
        return "\n".join(_strings(v) for v in o.values())
    if isinstance(o, list):
        return "\n".join(_strings(v) for v in o)
    return ""


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower()).strip()


def score_case(case: Path, out: dict, times: list[datetime], *, draft: bool) -> dict:
    """Same figures as score.py for one case, plus which items missed (for diagnosis)."""
    gold = json.loads((case / "gold.json").read_text())
    pred = out.get("key_times") or {}
    keys = {}
    for k in KEYS:
        p, g = _ts(pred.get(k)), _ts(gold.get(k))
        keys[k] = {
            "pred": pred.get(k),
            "gold": gold.get(k),
            "ok": bool(p and g and abs((p - g).total_seconds()) <= 300),
            "off_s": None if not (p and g) else round((p - g).total_seconds()),
        }
    must = [e for e in gold.get("timeline", []) if e.get("must_include")]
    missed = [e for e in must if not any(_near(t, _ts(e["time"]), 120) for t in times)]
    res = {
        "case": case.name,
        "key_hits": sum(v["ok"] for v in keys.values()),
        "key_total": len(keys),
        "events_hit": len(must) - len(missed),
        "events_total": len(must),
        "keys": keys,
        "missed_events": [f"{e['time']} {e['event']}" for e in missed],
    }
    if draft:
        text = _strings(out)
        res["secrets"] = [x for x in gold.get("secrets", []) if x and x in text]
        res["bait"] = [x for x in gold.get("blame_bait", []) if x and _norm(x) in _norm(text)]
        inj = gold.get("injection")
        res["injection_text_present"] = bool(inj and _norm(inj)[:60] in _norm(text))
    return res


def run_timeline(case: Path) -> dict:
    out = json.loads(_run(["timeline", *_inputs(case), "--json"]))
    return score_case(
        case, out, [t for t in (_ts(e.get("time")) for e in out.get("events", [])) if t], draft=False
    )


def run_draft(case: Path) -> dict:
    out = json.loads(_run(["draft", *_inputs(case), "--provider", "offline", "--format", "json"]))
    return score_case(
        case, out, [t for t in (_ts(e.get("time")) for e in out.get("timeline", [])) if t], draft=True
    )


def run_tone() -> dict:
    items = [json.loads(line) for line in TONE.read_text().splitlines() if line.strip()]
    f = Path(tempfile.mkdtemp()) / "in.jsonl"
    f.write_text("\n".join(json.dumps({"id": i["id"], "text": i["text"]}) for i in items))
    pred = {
        o["id"]: bool(o["blameful"])
        for o in map(json.loads, filter(str.strip, _run(["lint", "--jsonl", str(f)]).splitlines()))
    }
    tp = sum(1 for i in items if i["blameful"] and pred.get(i["id"]))
    fp = [i for i in items if not i["blameful"] and pred.get(i["id"])]
    fn = [i for i in items if i["blameful"] and not pred.get(i["id"])]
    hn = [i for i in items if i.get("hard_negative")]
    p, r = tp / max(1, tp + len(fp)), tp / max(1, tp + len(fn))
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / max(1e-9, p + r),
        "hard_negative_fp_rate": sum(pred.get(i["id"], False) for i in hn) / max(1, len(hn)),
        "false_positives": fp,
        "false_negatives": fn,
    }


def _total(rows: list[dict], a: str, b: str) -> float:
    return sum(r[a] for r in rows) / max(1, sum(r[b] for r in rows))


@pytest.fixture(scope="module")
def timeline_scores() -> list[dict]:
    rows = [run_timeline(c) for c in _cases()]
    for r in rows:
        print(
            f"timeline {r['case']}: key times {r['key_hits']}/{r['key_total']}, "
            f"must-include {r['events_hit']}/{r['events_total']}"
        )
    return rows


@pytest.fixture(scope="module")
def draft_scores() -> list[dict]:
    rows = [run_draft(c) for c in _cases()]
    for r in rows:
        print(
            f"draft {r['case']}: key times {r['key_hits']}/{r['key_total']}, must-include "
            f"{r['events_hit']}/{r['events_total']}, secrets {len(r['secrets'])}, bait {len(r['bait'])}"
        )
    return rows


def test_generalisation_cases_have_the_shared_layout() -> None:
    for case in _cases():
        gold = json.loads((case / "gold.json").read_text())
        assert all(_ts(gold[k]) for k in KEYS), case.name
        assert any(e["must_include"] for e in gold["timeline"]), case.name
        text = "\n".join(Path(p).read_text(errors="replace") for p in _inputs(case) if not p.endswith(".zip"))
        for item in gold["action_items"]:
            assert item["evidence"] in text or case.name.startswith("case24"), (case.name, item["evidence"])


def test_timeline_key_times_and_events_hold_on_unseen_cases(timeline_scores: list[dict]) -> None:
    assert _total(timeline_scores, "key_hits", "key_total") >= FLOOR_TIMELINE_KEY_TIMES
    assert _total(timeline_scores, "events_hit", "events_total") >= FLOOR_TIMELINE_EVENTS


def test_offline_drafts_hold_on_unseen_cases(draft_scores: list[dict]) -> None:
    assert _total(draft_scores, "key_hits", "key_total") >= FLOOR_DRAFT_KEY_TIMES
    assert _total(draft_scores, "events_hit", "events_total") >= FLOOR_DRAFT_EVENTS
    assert sum(len(r["secrets"]) for r in draft_scores) <= MAX_SECRETS_IN_DRAFTS
    assert sum(len(r["bait"]) for r in draft_scores) <= MAX_BAIT_IN_DRAFTS


def test_tone_checker_holds_on_unseen_sentences() -> None:
    t = run_tone()
    print(
        f"tone-extra: P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f} "
        f"hard-negative FP {t['hard_negative_fp_rate']:.3f}"
    )
    assert t["f1"] >= FLOOR_TONE_F1
    assert t["hard_negative_fp_rate"] <= MAX_TONE_HARD_NEGATIVE_FP


if __name__ == "__main__":
    what = sys.argv[1:] or ["timeline", "draft", "tone"]
    if "timeline" in what:
        rows = [run_timeline(c) for c in _cases()]
        print(json.dumps(rows, indent=1))
        print(
            f"TIMELINE key {_total(rows, 'key_hits', 'key_total'):.2f} events {_total(rows, 'events_hit', 'events_total'):.2f}"
        )
    if "draft" in what:
        rows = [run_draft(c) for c in _cases()]
        print(json.dumps(rows, indent=1))
        print(
            f"DRAFT key {_total(rows, 'key_hits', 'key_total'):.2f} events {_total(rows, 'events_hit', 'events_total'):.2f} "
            f"secrets {sum(len(r['secrets']) for r in rows)} bait {sum(len(r['bait']) for r in rows)}"
        )
    if "tone" in what:
        t = run_tone()
        for k in ("false_positives", "false_negatives"):
            print(k)
            for i in t[k]:
                print(f"  {i['id']} [{i.get('hard_negative') or ','.join(i['categories'])}] {i['text']}")
        print(
            f"TONE P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f} HN-FP {t['hard_negative_fp_rate']:.3f}"
        )
