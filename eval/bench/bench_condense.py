"""Benchmark (not a test): log condensation vs plain drain3 on the same generated 1M-line mixed log.

    .venv/bin/python eval/bench/bench_condense.py [--lines 1000000] [--drain3-lines N] [--skip-e2e]

Each contender runs in a fresh subprocess; wall seconds (perf_counter) and CPU seconds
(process_time) of the work itself, and peak RSS of the process (ru_maxrss) are printed; the CLI row
is the whole `postmortem` process (start-up and imports included, CPU from RUSAGE_CHILDREN). lines/s uses CPU seconds
(the machine is shared, so wall time depends on the neighbours); wall lines/s is printed too.
  ours-condense   the large-log path: stream the file in pieces, sample per (shape, 5 min), Condenser
  ours-e2e        read_sources() + build_timeline() in one process (what `postmortem timeline` does)
  ours-cli        `postmortem timeline FILE --json` as a user runs it (imports and JSON included)
  drain3          drain3.TemplateMiner.add_log_message on the same lines (message after the stamp)
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

# Varied message shapes so the template miners face a realistic number of clusters.
_VARIED = [
    f"{verb} {obj} id={{n}} ref={{h:x}} in {{n}}ms"
    for verb in (
        "created",
        "updated",
        "deleted",
        "fetched",
        "queued",
        "retried",
        "skipped",
        "cached",
        "evicted",
        "synced",
    )
    for obj in ("order", "invoice", "user", "session", "cart", "payment", "refund", "shipment", "label")
]
_SERVICES = ("checkout-api", "orders-api", "fare-search", "notify-worker", "gateway")


def generate(path: Path, lines: int, seed: int = 7) -> None:
    """A mixed ISO-8601 log: access lines, key=value app lines, JSON-ish payloads, rare errors, state lines."""
    rnd = random.Random(seed)
    t = datetime(2026, 3, 4, 6, 0, tzinfo=UTC)
    with path.open("w") as f:
        for _ in range(lines):
            t += timedelta(milliseconds=rnd.randint(5, 40))
            stamp = t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
            svc = rnd.choice(_SERVICES)
            host = f"{svc}-{rnd.randint(1, 8)}"
            r = rnd.random()
            if r < 0.45:
                line = (
                    f'{host} INFO 10.0.{rnd.randint(0, 255)}.{rnd.randint(1, 254)} "GET /v1/orders/'
                    f'{rnd.randint(10**6, 10**7)} HTTP/1.1" 200 {rnd.randint(100, 9000)} {rnd.randint(1, 900)}ms'
                )
            elif r < 0.75:
                line = (
                    f"{host} INFO request completed trace_id={rnd.getrandbits(64):016x} tenant=t_{rnd.randint(1, 999)}"
                    f" latency_ms={rnd.randint(1, 500)}"
                )
            elif r < 0.9:
                line = (
                    f"{host} DEBUG pool stats total=20 active={rnd.randint(0, 20)} idle={rnd.randint(0, 20)}"
                    f" waiting={rnd.randint(0, 5)}"
                )
            elif r < 0.97:
                line = (
                    f"{host} WARN supplier slow supplier=skygds latencyMs={rnd.randint(600, 3000)}"
                    f" route={rnd.choice(['MUC-IST', 'CDG-FCO', 'AMS-LIS'])}"
                )
            elif r < 0.975:
                line = (
                    f'{host} ERROR request failed order=D-{rnd.randint(10**7, 10**8)} err="db timeout after'
                    f' {rnd.randint(1, 30)}s" status=503'
                )
            elif r < 0.9998:
                line = f"{host} INFO {rnd.choice(_VARIED).format(n=rnd.randint(1, 99999), h=rnd.getrandbits(32))}"
            else:
                line = f"{host} INFO deploy {svc} v{rnd.randint(1, 5)}.{rnd.randint(0, 20)}.{rnd.randint(0, 9)} started by ci"
            f.write(f"{stamp} {line}\n")


def _run_ours(path: str) -> dict[str, float]:
    from assistant.domain import SourceRef
    from assistant.ingest._io import load_file
    from assistant.ingest.large_log import sample_large_log
    from assistant.timeline.condense import Condenser

    t0, c0 = time.perf_counter(), time.process_time()
    ld = load_file(Path(path), path, max_bytes=1 << 40)
    samples, _ = sample_large_log(ld.chunks(), ld.sample)
    c = Condenser()
    for n, dt, _, text, lvl, _, svc, weight, varying in samples:
        c.add(dt, text, SourceRef(file=path, line=n), level=lvl, service=svc, weight=weight, varying=varying)
    events = c.events()
    return {
        "seconds": time.perf_counter() - t0,
        "work_cpu_s": time.process_time() - c0,
        "lines": c.lines,
        "events": len(events),
        "templates": len(c.groups),
        "samples": len(samples),
    }


def _run_e2e(path: str) -> dict[str, float]:
    from assistant.ingest import read_sources
    from assistant.timeline import build_timeline

    t0, c0 = time.perf_counter(), time.process_time()
    res = read_sources([path])
    t1 = time.perf_counter()
    tl = build_timeline(res)
    lines = sum(r.attrs.get("weight", 1) for s in res.sources for r in s.records)
    return {
        "seconds": time.perf_counter() - t0,
        "work_cpu_s": time.process_time() - c0,
        "parse_seconds": t1 - t0,
        "lines": lines,
        "events": len(tl.events),
        "templates": -1,
    }


def _run_cli(path: str) -> dict[str, float]:
    import resource

    exe = Path(sys.executable).with_name("postmortem")
    t0 = time.perf_counter()
    r = subprocess.run([str(exe), "timeline", path, "--json"], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    events = len(json.loads(r.stdout)["events"])
    with open(path, "rb") as f:
        lines = sum(1 for _ in f)
    return {
        "seconds": wall,
        "lines": lines,
        "events": events,
        "templates": -1,
        "child_cpu_s": usage.ru_utime + usage.ru_stime,
        "child_peak_mb": usage.ru_maxrss / 1024,
    }


def _run_drain3(path: str, limit: int) -> dict[str, float]:
    from drain3 import TemplateMiner

    t0, c0 = time.perf_counter(), time.process_time()
    miner = TemplateMiner()
    n = 0
    with open(path) as f:
        for line in f:
            if n >= limit:
                break
            miner.add_log_message(line.split(" ", 1)[1].rstrip("\n"))
            n += 1
    return {
        "seconds": time.perf_counter() - t0,
        "work_cpu_s": time.process_time() - c0,
        "lines": n,
        "events": len(miner.drain.clusters),
        "templates": len(miner.drain.clusters),
    }


def _child(kind: str, path: str, limit: int) -> None:
    import logging
    import resource

    logging.disable(logging.CRITICAL)
    out = {
        "ours": lambda: _run_ours(path),
        "e2e": lambda: _run_e2e(path),
        "cli": lambda: _run_cli(path),
        "drain3": lambda: _run_drain3(path, limit),
    }[kind]()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    out["peak_mb"] = usage.ru_maxrss / 1024
    out["cpu_s"] = usage.ru_utime + usage.ru_stime
    if "child_cpu_s" in out:  # the CLI run: its own whole process (start-up and imports too) is what counts
        out["cpu_s"], out["peak_mb"] = out.pop("child_cpu_s"), out.pop("child_peak_mb")
    else:  # the work itself, without interpreter start-up and imports
        out["cpu_s"] = out.pop("work_cpu_s")
    print(json.dumps(out))


def _measure(kind: str, path: Path, limit: int) -> dict[str, float]:
    r = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path), str(limit)],
        capture_output=True,
        text=True,
        check=False,
    )
    if r.returncode != 0:
        return {"error": r.stderr.strip()[-300:]}  # type: ignore[dict-item]
    figures: dict[str, float] = json.loads(r.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    """Generate the log, run each contender in its own process, print the table."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--drain3-lines", type=int, default=None, help="cap drain3's share (it is slow)")
    ap.add_argument("--skip-e2e", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mixed.log"
        t0 = time.perf_counter()
        generate(path, args.lines)
        print(
            f"generated {args.lines:,} lines ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t0:.1f} s"
        )
        runs = {"ours-condense": _measure("ours", path, args.lines)}
        if not args.skip_e2e:
            runs["ours-e2e"] = _measure("e2e", path, args.lines)
            runs["ours-cli"] = _measure("cli", path, args.lines)
        runs["drain3"] = _measure("drain3", path, args.drain3_lines or args.lines)
    print(
        f"{'run':<14} {'lines':>10} {'wall s':>7} {'cpu s':>6} {'lines/cpu-s':>12} {'lines/wall-s':>12} "
        f"{'peak MB':>8} {'events':>7}  note"
    )
    for name, r in runs.items():
        if "error" in r:
            print(f"{name:<14} error: {r['error']}")
            continue
        if "parse_seconds" in r:
            note = f"read_sources {r['parse_seconds']:.1f} s wall"
        elif "samples" in r:
            note = f"{int(r['templates'])} templates from {int(r['samples']):,} samples"
        else:
            note = f"{int(r['templates'])} templates" if r["templates"] >= 0 else ""
        print(
            f"{name:<14} {int(r['lines']):>10,} {r['seconds']:>7.2f} {r['cpu_s']:>6.2f} "
            f"{r['lines'] / r['cpu_s']:>12,.0f} {r['lines'] / r['seconds']:>12,.0f} {r['peak_mb']:>8.0f} "
            f"{int(r['events']):>7}  {note}"
        )
    d3 = runs.get("drain3", {})
    for name in ("ours-condense", "ours-e2e", "ours-cli"):
        ours = runs.get(name, {})
        if "seconds" in ours and "seconds" in d3:
            cpu = (ours["lines"] / ours["cpu_s"]) / (d3["lines"] / d3["cpu_s"])
            wall = (ours["lines"] / ours["seconds"]) / (d3["lines"] / d3["seconds"])
            print(f"{name} vs drain3: {cpu:.1f}x lines per CPU-second, {wall:.1f}x lines per wall-second")


if __name__ == "__main__":
    main()
