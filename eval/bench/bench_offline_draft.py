"""Benchmark: offline draft wall time of the largest dev case (goal: < 1 s beyond interpreter start-up).

Run from the project root: .venv/bin/python eval/bench/bench_offline_draft.py
Prints import time, timeline build time and draft time (median of 5 drafts after one warm-up).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("POSTMORTEM_SHARED_DATA", ROOT.parent / "shared" / "data")) / "incidents"


def _largest_case() -> Path:
    cases = [p for p in DATA.iterdir() if (p / "gold.json").exists()]
    return max(cases, key=lambda c: sum(f.stat().st_size for f in c.iterdir() if f.name != "gold.json"))


def main() -> None:
    """Time imports, the timeline and the first and warm offline drafts of the largest dev case."""
    if not DATA.exists():
        print(f"no dev cases at {DATA}; set POSTMORTEM_SHARED_DATA", file=sys.stderr)
        sys.exit(2)
    t0 = time.perf_counter()
    from assistant.draft.pipeline import draft_postmortem
    from assistant.draft.render import to_json
    from assistant.timeline import build_timeline

    t1 = time.perf_counter()
    case = _largest_case()
    files = [str(p) for p in sorted(case.iterdir()) if p.is_file() and p.name != "gold.json"]
    tl = build_timeline(files)
    t2 = time.perf_counter()
    first = time.perf_counter()
    to_json(draft_postmortem(tl))
    first = time.perf_counter() - first
    runs = []
    for _ in range(5):
        a = time.perf_counter()
        to_json(draft_postmortem(tl))
        runs.append(time.perf_counter() - a)
    print(f"case {case.name}: {len(tl.events)} timeline events from {len(files)} files")
    print(
        f"imports {t1 - t0:.3f} s; build_timeline {t2 - t1:.3f} s; first draft {first:.3f} s; "
        f"draft median {statistics.median(runs):.3f} s (5 runs)"
    )
    print(f"offline draft end-to-end (imports + timeline + first draft): {t2 - t0 + first:.3f} s")
    _bench_roles(tl.events)


def _bench_roles(events: list) -> None:  # type: ignore[type-arg]
    """Roles for a 2,000-event timeline (issue 11: < 1 s): the case's events repeated with new ids.

    Chat and notes lines are embedded once per distinct sentence (cached per process), log events
    by template; the first call pays the embedding of every distinct sentence, the timeline builder
    already paid it for this case, so "fresh" clears the cache first.
    """
    from assistant.roles.assign import assign_roles
    from assistant.tone.semantic import embedder

    big = [
        e.model_copy(update={"id": f"E{n:05d}"})
        for n, e in enumerate((events * (2000 // max(1, len(events)) + 1))[:2000])
    ]
    emb = embedder()
    if emb is not None:
        emb._cache.clear()
    a = time.perf_counter()
    assign_roles(big)
    fresh = time.perf_counter() - a
    a = time.perf_counter()
    assign_roles(big)
    warm = time.perf_counter() - a
    kinds = {k: sum(1 for e in big if e.source.value == k) for k in ("chat", "note", "log", "alert")}
    print(f"roles for {len(big)} events {kinds}: fresh {fresh:.3f} s, cached {warm:.3f} s")


if __name__ == "__main__":
    main()
