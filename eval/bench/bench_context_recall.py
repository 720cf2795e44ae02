"""Context recall: how much of what a good draft needs reaches the model, at a given token budget.

    .venv/bin/python eval/bench/bench_context_recall.py                       # dev cases, 8k and 16k
    .venv/bin/python eval/bench/bench_context_recall.py --cases DIR --budgets 8192
    .venv/bin/python eval/bench/bench_context_recall.py --truncate            # what a window would see
                                                                              # of prompts built without a budget

Drafts each case against the local OpenAI-compatible test server (which records every request) with
``POSTMORTEM_CONTEXT_TOKENS`` set to each budget, then checks the recorded prompts for
- must-include gold events: a line in a prompt stamped within 2 minutes of the gold time
  (an event line's time, or a log template's first/last time);
- action-item evidence: at least 80% of the quote's content words in one prompt line;
- root-cause keywords: the draft-eval keyword match over all prompt words.
"Sections" counts only section requests (what the writer of each section sees); "all" adds the
window-summary requests of a hierarchical draft. ``--truncate`` cuts each prompt to the budget
instead, which is what a model with that window receives of a prompt built without one.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
INCIDENTS = Path(os.environ.get("POSTMORTEM_SHARED_DATA", ROOT.parent / "shared" / "data")) / "incidents"
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)")


def _times(line: str) -> list[datetime]:
    out = []
    for m in _STAMP.findall(line):
        try:
            out.append(datetime.fromisoformat(m.replace("Z", "+00:00")))
        except ValueError:
            continue
    return [t for t in out if t.tzinfo]


def _truncate(text: str, budget: int, counter: object) -> str:
    """The head of ``text`` that fits ``budget`` tokens (line granularity)."""
    out, used = [], 0
    for line in text.split("\n"):
        used += counter.count(line) + 1  # type: ignore[attr-defined]
        if used > budget:
            break
        out.append(line)
    return "\n".join(out)


def recall(prompts: list[str], gold: dict[str, Any]) -> tuple[int, int, int, int, int, int]:
    """(events hit, total, evidence hit, total, keywords hit, total) over ``prompts``."""
    from assistant.eval.cases import parse_time
    from assistant.eval.metrics import content_tokens, token_match

    lines = [ln for p in prompts for ln in p.split("\n")]
    stamped = [t for ln in lines for t in _times(ln)]
    ev_hit = ev_tot = 0
    for entry in gold.get("timeline", []):
        if not entry.get("must_include"):
            continue
        g = parse_time(entry.get("time"))
        ev_tot += 1
        ev_hit += bool(g and any(abs((t - g).total_seconds()) <= 120 for t in stamped))
    line_tokens = [set(content_tokens(ln)) for ln in lines]
    ai_hit = ai_tot = 0
    for item in gold.get("action_items", []):
        quote = set(content_tokens(item.get("evidence") or ""))
        if not quote:
            continue
        ai_tot += 1
        ai_hit += any(len(quote & toks) >= 0.8 * len(quote) for toks in line_tokens)
    words = set().union(*line_tokens) if line_tokens else set()
    kws = list(gold.get("root_cause_keywords", []))
    kw_hit = sum(1 for k in kws if token_match(k, words))
    return ev_hit, ev_tot, ai_hit, ai_tot, kw_hit, len(kws)


def main() -> None:
    """Print per-case and total context recall at each budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=str(INCIDENTS), help="folder of case folders with gold.json")
    parser.add_argument("--budgets", default="8192,16384", help="comma-separated token budgets")
    parser.add_argument("--truncate", action="store_true", help="cut unbudgeted prompts to each budget")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("POSTMORTEM_HOME", str(ROOT / "test-output" / "bench-home"))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "POSTMORTEM_PROVIDER"):
        os.environ.pop(var, None)
    from assistant.config import get_settings
    from assistant.draft.pipeline import draft_postmortem
    from assistant.draft.tokens import EstimateCounter
    from assistant.eval.cases import load_case
    from assistant.llm.openai_compat import OpenAICompatProvider
    from assistant.llm.testing_server import OpenAITestServer, request_text
    from assistant.timeline import build_timeline

    folders = sorted(p for p in Path(args.cases).iterdir() if (p / "gold.json").exists())
    budgets = [int(b) for b in args.budgets.split(",")]
    counter = EstimateCounter()
    totals: dict[tuple[int, str], list[int]] = {}
    with OpenAITestServer() as srv:
        for folder in folders:
            case = load_case(folder)
            timeline = build_timeline([str(p) for p in case.inputs])
            for budget in budgets:
                os.environ["POSTMORTEM_CONTEXT_TOKENS"] = str(budget)
                get_settings(fresh=True)
                srv.reset()
                provider = OpenAICompatProvider(base_url=srv.base_url, model="test-model")
                try:
                    draft_postmortem(timeline, provider=provider, library=_NoLibrary())
                except Exception as exc:  # noqa: BLE001 — a benchmark: a draft that crashes after its requests still counts its prompts
                    print(
                        f"{case.name:<46} {budget:>6} draft failed after the requests: {type(exc).__name__}: {exc}"
                    )
                user = [(request_text(b, role="user"), b) for b in srv.requests]
                if args.truncate:
                    user = [(_truncate(t, budget, counter), b) for t, b in user]
                section = [
                    t for t, b in user if "window" not in str(b.get("tools") or b.get("response_format"))
                ]
                longest = max((counter.count(t) for t, _ in user), default=0)
                for scope, prompts in (("sections", section), ("all", [t for t, _ in user])):
                    r = recall(prompts, case.gold)
                    acc = totals.setdefault((budget, scope), [0] * 6)
                    for i, v in enumerate(r):
                        acc[i] += v
                    if scope == "sections":
                        print(
                            f"{case.name:<46} {budget:>6} events {r[0]:>2}/{r[1]:<2} evidence {r[2]:>2}/{r[3]:<2} "
                            f"keywords {r[4]:>2}/{r[5]:<2} requests {len(user):>2} longest prompt ~{longest} tok"
                        )
    for (budget, scope), a in sorted(totals.items()):
        print(
            f"TOTAL {budget:>6} {scope:<8} events {a[0] / max(a[1], 1):.3f} ({a[0]}/{a[1]})  "
            f"evidence {a[2] / max(a[3], 1):.3f} ({a[2]}/{a[3]})  keywords {a[4] / max(a[5], 1):.3f} ({a[4]}/{a[5]})"
        )


class _NoLibrary:
    """No past-incident library: recall is about this incident's own material."""

    def similar(self, query: str, k: int = 5) -> list[object]:
        return []


if __name__ == "__main__":
    main()
