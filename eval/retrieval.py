"""Retrieval quality: recall@1/5/10, nDCG@10 and MRR for BM25, dense and the fusion, side by side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.eval.metrics import mrr, ndcg_at, recall_at
from assistant.jsonl import jsonl_rows

MODES = ("bm25", "dense", "hybrid")
Ranker = Callable[[str, int, str], list[str]]


@dataclass
class RetrievalReport:
    """Per-query and overall figures for each retrieval mode."""

    per_query: list[dict[str, Any]] = field(default_factory=list)
    overall: dict[str, dict[str, float]] = field(default_factory=dict)


def load_queries(path: Path) -> list[dict[str, Any]]:
    """Read lines {qid, query, relevant: {id: grade}}."""
    out = []
    shape = '{"qid", "query", "relevant"}'
    for n, q in jsonl_rows(path.read_text(encoding="utf-8"), str(path), shape=shape):
        if "query" not in q or "relevant" not in q:
            raise InputError("each line needs 'query' and 'relevant'", path=str(path), line=n)
        out.append(q)
    return out


def evaluate_retrieval(queries: list[dict[str, Any]], ranker: Ranker) -> RetrievalReport:
    """Score every query with every mode of ``ranker(query, k, mode) -> ids``."""
    report = RetrievalReport()
    sums: dict[str, dict[str, float]] = {
        m: {"recall@1": 0, "recall@5": 0, "recall@10": 0, "ndcg@10": 0, "mrr": 0} for m in MODES
    }
    for q in queries:
        row: dict[str, Any] = {"qid": q.get("qid"), "query": q["query"]}
        for mode in MODES:
            ranked = ranker(q["query"], 10, mode)
            rel = q["relevant"]
            figs = {
                "recall@1": recall_at(ranked, rel, 1),
                "recall@5": recall_at(ranked, rel, 5),
                "recall@10": recall_at(ranked, rel, 10),
                "ndcg@10": ndcg_at(ranked, rel, 10),
                "mrr": mrr(ranked, rel),
            }
            row[mode] = {k: round(v, 3) for k, v in figs.items()}
            for k, v in figs.items():
                sums[mode][k] += v
        report.per_query.append(row)
    n = max(1, len(queries))
    report.overall = {m: {k: round(v / n, 3) for k, v in s.items()} for m, s in sums.items()}
    return report


def library_ranker(library_dir: Path) -> Ranker:
    """Index ``library_dir`` into the configured data directory and rank with the Library."""
    from assistant.retrieval.library import Library, Mode

    lib = Library.open()
    lib.index_folder(library_dir)

    def rank(query: str, k: int, mode: str) -> list[str]:
        modes: dict[str, Mode] = {"hybrid": "fusion", "bm25": "bm25", "dense": "dense"}
        return [doc_id for doc_id, _ in lib.search(query, k, mode=modes[mode])]

    return rank
