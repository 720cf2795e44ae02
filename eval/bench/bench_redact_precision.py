"""Redaction precision on the dev cases: gold secrets still present, and what else became a placeholder.

    .venv/bin/python eval/bench/bench_redact_precision.py            # totals and per-case counts
    .venv/bin/python eval/bench/bench_redact_precision.py --list     # every non-gold redaction with its rule

A redaction is "gold" when its value overlaps a case's gold ``secrets`` entry (credentials, personal
data, internal IPs); every other placeholder is a candidate over-redaction, listed for reading
(some are right: personal data that gold does not list). Names aliased to roles are not counted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INCIDENTS = Path(os.environ.get("POSTMORTEM_SHARED_DATA", ROOT.parent / "shared" / "data")) / "incidents"


def main() -> None:
    """Print per-case and total redaction counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=str(INCIDENTS))
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from assistant.eval.cases import load_case
    from assistant.redact import Redactor, timeline_names
    from assistant.timeline import build_timeline

    leaked = gold_total = other = gold_hits = 0
    rules: Counter[str] = Counter()
    for folder in sorted(p for p in Path(args.cases).iterdir() if (p / "gold.json").exists()):
        case = load_case(folder)
        tl = build_timeline([str(p) for p in case.inputs])
        red = Redactor(alias_names=True, names=timeline_names(tl))
        out = red.redact_timeline(tl)
        text = "\n".join(e.text for e in out.events)
        secrets = [s for s in case.gold.get("secrets", []) if s]
        case_leaks = [s for s in secrets if s in text]
        gold_total += len(secrets)
        leaked += len(case_leaks)
        seen: set[tuple[str, str]] = set()
        n_other = n_gold = 0
        for e in tl.events:
            for f in red.findings(e.text):
                if f.kind == "name" or (f.value, f.rule) in seen:
                    continue
                seen.add((f.value, f.rule))
                if any(f.value in s or s in f.value for s in secrets):
                    n_gold += 1
                    continue
                n_other += 1
                rules[f"{f.kind}:{f.rule}"] += 1
                if args.list:
                    print(f"  {case.name[:10]} {f.kind:<8} {f.rule:<28} {f.value[:60]!r}")
        other += n_other
        gold_hits += n_gold
        print(
            f"{case.name:<46} gold secrets {len(secrets)} leaked {len(case_leaks)}  placeholders: gold {n_gold} other {n_other}"
        )
    print(
        f"TOTAL gold secrets {gold_total}, leaked {leaked}; distinct placeholders on gold values {gold_hits}, other {other}"
    )
    print("other by rule:", dict(rules.most_common()))


if __name__ == "__main__":
    main()
