"""Benchmark the postmortem library on synthetic libraries: indexing docs/s and query p50/p95.

    .venv/bin/python eval/bench/bench_retrieval.py --sizes 1000 10000
    .venv/bin/python eval/bench/bench_retrieval.py --sizes 100000 --fake-vectors   # latency only

Goals (issue 4): query p50 < 20 ms at 10k and < 60 ms at 100k; indexing >= 300 docs/s.
``--fake-vectors`` fills the store with random unit vectors instead of running the embedding
model (the query itself still runs the real model, Chroma HNSW, BM25 and fusion), so query
latency at 100k can be measured without hours of embedding; its docs/s is not an indexing figure.
Each query runs with the query-vector cache cleared (the synthetic queries repeat), so p50/p95 are
cold figures. Wall times move with the machine's load; CPU times (process_time: all threads of this
process) and the load average are printed beside them.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

SERVICES = [
    "checkout",
    "payments",
    "search",
    "auth",
    "orders",
    "inventory",
    "billing",
    "notifications",
    "gateway",
    "catalog",
    "ledger",
]
CAUSES = [
    ("the TLS certificate on the {s} load balancer expired and handshakes failed", "certificate expiry"),
    ("the {s} database connection pool was exhausted after autoscaling added pods", "connection pool"),
    ("a feature flag enabled for all tenants made {s} return empty results", "feature flag"),
    ("memory grew after the release until {s} workers were OOM-killed", "memory leak"),
    ("a malformed message blocked the {s} consumer and lag grew for hours", "poison message"),
    ("a BGP route withdrawal isolated the data centre hosting {s}", "network partition"),
    ("CoreDNS pods were evicted and {s} lookups failed with SERVFAIL", "dns"),
    ("debug logs filled the {s} volume to 100% and writes failed", "disk full"),
    ("a cache flush sent every {s} request to the database at once", "cache stampede"),
    ("clients retried {s} calls with no backoff and overloaded it", "retry storm"),
    ("a schema migration took a lock on the {s} table and queries queued", "migration lock"),
    ("the {s} replica fell behind and failover promoted a stale copy", "replication"),
]
FILLER = [
    "On-call was paged by an alert on error rate",
    "The team rolled back and mitigated within the hour",
    "Customers saw elevated latency and failed requests during the incident window.",
]


def make_library(folder: Path, n: int, seed: int = 7) -> None:
    """Write ``n`` synthetic Markdown postmortems with front matter and action items."""
    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        s = rnd.choice(SERVICES)
        cause, kind = rnd.choice(CAUSES)
        text = cause.format(s=s)
        extra = ". ".join(rnd.sample(FILLER, 2))
        items = "\n".join(
            f"- [{rnd.choice('x ')}] {a} (OPS-{rnd.randint(100, 9999)})"
            for a in rnd.sample(
                [
                    "Alert earlier",
                    f"Add a runbook for {kind}",
                    f"Load-test {s}",
                    "Stage rollouts",
                    "Cap retries",
                    "Separate log volume",
                ],
                2,
            )
        )
        (folder / f"pm-{i:06d}.md").write_text(
            f"---\nid: pm-{i:06d}\ntitle: {s.title()} incident {i} - {kind}\nservices: [{s}]\n---\n\n"
            f"## Summary\nIncident {i}: {text}. {extra}.\n\n## Action items\n{items}\n"
        )


def _queries(n: int, seed: int = 11) -> list[str]:
    rnd = random.Random(seed)
    return [rnd.choice(CAUSES)[0].format(s=rnd.choice(SERVICES)) + " during peak traffic" for _ in range(n)]


def run(size: int, *, n_queries: int, fake_vectors: bool, keep: Path | None) -> None:
    """Index ``size`` synthetic postmortems and time ``n_queries`` searches over them."""
    from assistant.config import Settings
    from assistant.retrieval.library import Library

    base = keep or Path(tempfile.mkdtemp(prefix=f"bench-retrieval-{size}-"))
    folder = base / "library"
    if not folder.exists():
        make_library(folder, size)
    lib = Library.open(Settings(home=base / "home"))
    started, cpu0 = time.perf_counter(), time.process_time()
    if fake_vectors:
        import numpy as np

        from assistant.retrieval.index import find_files, index_files

        rng = np.random.default_rng(0)

        def fake(texts: list[str]) -> np.ndarray:
            v = rng.standard_normal((len(texts), 384)).astype("float32")
            unit: np.ndarray = v / np.linalg.norm(v, axis=1, keepdims=True)
            return unit

        report = index_files(
            find_files(folder), collection=lib._collection, catalog=lib._catalog, scope=folder, embed=fake
        )
        lib._rebuild_lexical()
    else:
        report = lib.index_folder(folder)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu0
    label = "fill (fake vectors, not an indexing figure)" if fake_vectors else "indexing"
    if report.problems:
        print(f"[{size} docs] {len(report.problems)} problems, first: {report.problems[0]}")
    print(
        f"[{size} docs] {label}: {report.added} added, {report.chunks} chunks in {elapsed:.1f} s "
        f"= {report.added / max(elapsed, 1e-9):.0f} docs/s wall; CPU {cpu:.1f} s = "
        f"{report.added / max(cpu, 1e-9):.0f} docs per CPU-second; load {os.getloadavg()[0]:.1f}"
    )
    lib = Library.open(Settings(home=base / "home"))  # reopen: queries run against the persisted store
    from assistant.retrieval.query import query_vector

    lib.similar("warm up the model and the indexes", k=5)
    times, cpus = [], []
    for q in _queries(n_queries):
        query_vector.cache_clear()  # cold: every query runs the model
        t0, c0 = time.perf_counter(), time.process_time()
        lib.similar(q, k=5)
        times.append((time.perf_counter() - t0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    print(
        f"[{size} docs] similar(k=5) over {n_queries} queries: p50 {statistics.median(times):.1f} ms, "
        f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms wall; CPU p50 {statistics.median(cpus):.1f} ms; "
        f"load {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    """Run the retrieval benchmark for each size given on the command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--fake-vectors", action="store_true", help="fill with random vectors (latency only)")
    ap.add_argument("--keep", type=Path, help="reuse/keep this folder (library and store) between runs")
    args = ap.parse_args()
    for size in args.sizes:
        run(
            size,
            n_queries=args.queries,
            fake_vectors=args.fake_vectors,
            keep=args.keep / str(size) if args.keep else None,
        )


if __name__ == "__main__":
    main()
