"""Benchmark (not a test): `postmortem logs` against drain3 on Loghub-2k and on a generated 1M-line mixed log.

    .venv/bin/python eval/bench/bench_logs.py [--lines 1000000] [--drain3-lines 200000] [--skip-e2e]

Each contender runs in a fresh subprocess (peak RSS = ru_maxrss of that process). lines/s uses CPU
seconds of the work (the machine is shared); wall lines/s is printed too.
  ours        ``assistant.logmine.mine_files``: learned layout + header + template miner, every line
              (what `postmortem logs FILE --json` does before printing)
  drain3      drain3 0.9.11 defaults, ``add_log_message`` on the raw lines (the same input, no masking)
  e2e         ``read_sources`` + ``build_timeline`` on the 1M-line log (what `postmortem timeline` does)
On Loghub-2k each row also gives the grouping accuracy (GA) against the corrected labels, so speed
and accuracy are read side by side. Needs ../shared/data/loghub-2k for the Loghub rows.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOGHUB = ROOT.parent / "shared" / "data" / "loghub-2k"


def _ga(pred: dict[int, str], truth: dict[int, str]) -> float:
    pg: dict[str, set[int]] = defaultdict(set)
    tg: dict[str, set[int]] = defaultdict(set)
    for i in truth:
        pg[pred.get(i, f"missing-{i}")].add(i)
        tg[truth[i]].add(i)
    return sum(1 for i in truth if pg[pred.get(i, f"missing-{i}")] == tg[truth[i]]) / len(truth)


def _truth(log: Path) -> dict[int, str] | None:
    labels = Path(f"{log}_structured_corrected.csv")
    if not labels.exists():
        return None
    csv.field_size_limit(10**9)
    with labels.open(newline="", encoding="utf-8") as fh:
        return {int(r["LineId"]): r["EventId"] for r in csv.DictReader(fh)}


def _run_ours(path: str, limit: int) -> dict[str, object]:
    from assistant.logmine import mine_files

    t0, c0 = time.perf_counter(), time.process_time()
    lines, miner = mine_files([path], max_bytes=1 << 40)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    pred = {ml.line: miner.template_of(ml.key).id for ml in lines if ml.key is not None}
    return {
        "seconds": secs,
        "cpu_s": cpu,
        "lines": len(lines),
        "templates": len(set(pred.values())),
        "timed": sum(1 for ml in lines if ml.time is not None),
        "pred": pred,
    }


def _run_drain3(path: str, limit: int) -> dict[str, object]:
    import logging

    from drain3 import TemplateMiner

    logging.disable(logging.CRITICAL)
    t0, c0 = time.perf_counter(), time.process_time()
    miner = TemplateMiner()
    pred: dict[int, str] = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, start=1):
            if n > limit:
                break
            pred[n] = str(miner.add_log_message(line.rstrip("\n"))["cluster_id"])
    return {
        "seconds": time.perf_counter() - t0,
        "cpu_s": time.process_time() - c0,
        "lines": len(pred),
        "templates": len(miner.drain.clusters),
        "timed": -1,
        "pred": pred,
    }


def _run_e2e(path: str, limit: int) -> dict[str, object]:
    from assistant.ingest import read_sources
    from assistant.timeline import build_timeline

    t0, c0 = time.perf_counter(), time.process_time()
    res = read_sources([path], max_bytes=1 << 40)
    tl = build_timeline(res)
    cov = tl.coverage[0]
    return {
        "seconds": time.perf_counter() - t0,
        "cpu_s": time.process_time() - c0,
        "lines": cov.lines,
        "templates": -1,
        "timed": cov.timed,
        "events": len(tl.events),
        "pred": {},
    }


def _child(kind: str, path: str, limit: int, with_pred: bool) -> None:
    import resource

    out = {"ours": _run_ours, "drain3": _run_drain3, "e2e": _run_e2e}[kind](path, limit)
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if not with_pred:
        out.pop("pred")
    print(json.dumps(out))


def _measure(kind: str, path: Path, limit: int, *, with_pred: bool = False) -> dict[str, object]:
    r = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path), str(limit), str(int(with_pred))],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if r.returncode != 0:
        return {"error": r.stderr.strip()[-300:]}
    out: dict[str, object] = json.loads(r.stdout.strip().splitlines()[-1])
    if "pred" in out:
        out["pred"] = {int(k): v for k, v in out["pred"].items()}  # type: ignore[attr-defined]
    return out


def _row(name: str, r: dict[str, object], extra: str = "") -> str:
    if "error" in r:
        return f"{name:<22} error: {r['error']}"
    num = {k: float(v) for k, v in r.items() if isinstance(v, int | float)}
    lines, cpu, secs = num["lines"], num["cpu_s"], num["seconds"]
    return (
        f"{name:<22} {int(lines):>9,} {secs:>7.2f} {cpu:>6.2f} {lines / max(cpu, 1e-9):>11,.0f} "
        f"{lines / max(secs, 1e-9):>11,.0f} {num['peak_mb']:>7.0f} {int(num['templates']):>9}  {extra}"
    )


def main() -> None:
    """Loghub rows (GA + speed), then the 1M-line mixed log (speed, memory, end-to-end timeline)."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        _child(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5] == "1")
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument(
        "--drain3-lines", type=int, default=200_000, help="cap drain3's share of the big log (slow)"
    )
    ap.add_argument("--skip-e2e", action="store_true")
    args = ap.parse_args()
    head = (
        f"{'run':<22} {'lines':>9} {'wall s':>7} {'cpu s':>6} {'lines/cpu-s':>11} {'lines/wall':>11} "
        f"{'peak MB':>7} {'templates':>9}  note"
    )
    logs = sorted(LOGHUB.glob("*_2k.log")) if LOGHUB.exists() else []
    if logs:
        print(head)
        gas: dict[str, list[float]] = defaultdict(list)
        for log in logs:
            truth = _truth(log) or {}
            for kind in ("ours", "drain3"):
                r = _measure(kind, log, 10**9, with_pred=True)
                note = ""
                if truth and "pred" in r:
                    ga = _ga(r["pred"], truth)  # type: ignore[arg-type]
                    gas[kind].append(ga)
                    note = f"GA {ga:.3f}"
                print(_row(f"{log.name[:-7]} {kind}", r, note))
        for kind, vals in gas.items():
            print(f"average GA {kind}: {sum(vals) / len(vals):.3f} over {len(vals)} systems (raw lines in)")
        print()
    from assistant.eval.bench.bench_condense import generate

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mixed.log"
        generate(path, args.lines)
        print(head)
        print(_row("mixed ours (logs)", _measure("ours", path, args.lines)))
        print(_row("mixed drain3", _measure("drain3", path, args.drain3_lines)))
        if not args.skip_e2e:
            r = _measure("e2e", path, args.lines)
            print(_row("mixed timeline e2e", r, f"{r.get('events', '?')} events; goal: under 5 s wall"))


if __name__ == "__main__":
    main()
