"""Retrieval quality on the shared public postmortems corpus: BM25, dense and their fusion."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import shared_dir

from assistant.config import Settings
from assistant.retrieval.library import Library


def _metrics(ranked: list[str], rel: dict[str, int]) -> tuple[float, float, float]:
    """recall@5 (all grades), nDCG@10 (gain 2^grade - 1, as the scorer) and MRR@10."""
    rec = sum(1 for r in ranked[:5] if r in rel) / len(rel)
    dcg = sum((2 ** rel.get(r, 0) - 1) / math.log2(i + 2) for i, r in enumerate(ranked[:10]))
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(sorted(rel.values(), reverse=True)[:10]))
    mrr = next((1 / (i + 1) for i, r in enumerate(ranked[:10]) if r in rel), 0.0)
    return rec, dcg / idcg, mrr


def _plain_bm25(docs: dict[str, str], query: str) -> list[str]:
    """The scorer's reference: plain BM25 over title + summary, no stemming."""

    def toks(s: str) -> list[str]:
        return re.findall(r"[a-z0-9]+", s.lower())

    dt = {i: toks(t) for i, t in docs.items()}
    avg = sum(map(len, dt.values())) / len(dt)
    df: dict[str, int] = {}
    for t in dt.values():
        for w in set(t):
            df[w] = df.get(w, 0) + 1
    n = len(dt)
    scores = []
    for i, t in dt.items():
        s = 0.0
        for w in toks(query):
            f = t.count(w)
            if f:
                s += (
                    math.log(1 + (n - df[w] + 0.5) / (df[w] + 0.5))
                    * f
                    * 2.5
                    / (f + 1.5 * (0.25 + 0.75 * len(t) / avg))
                )
        scores.append((s, i))
    return [i for _, i in sorted(scores, reverse=True)[:10]]


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, Path]]:
    base = shared_dir("postmortems")
    lib = Library.open(Settings(home=tmp_path_factory.mktemp("corpus-home")))
    report = lib.index_folder(base / "md")
    assert report.added == len(list((base / "md").glob("*.md")))
    yield lib, base
    lib.close()


def test_fusion_beats_bm25_alone_and_plain_bm25_on_dev_queries(corpus_library: tuple[Library, Path]) -> None:
    lib, base = corpus_library
    queries = [json.loads(x) for x in (base / "queries-dev.jsonl").read_text().splitlines() if x.strip()]
    docs = {
        r["id"]: f"{r.get('title') or ''} {r.get('summary') or ''}"
        for r in map(json.loads, (base / "corpus.jsonl").read_text().splitlines())
    }
    table: dict[str, tuple[float, float, float]] = {}
    for mode in ("bm25", "dense", "fusion"):
        ms = [_metrics([d for d, _ in lib.search(q["query"], 10, mode=mode)], q["relevant"]) for q in queries]  # type: ignore[arg-type]
        table[mode] = tuple(sum(m[i] for m in ms) / len(ms) for i in range(3))  # type: ignore[assignment]
    plain = [_metrics(_plain_bm25(docs, q["query"]), q["relevant"]) for q in queries]
    table["plain BM25 (scorer)"] = tuple(sum(m[i] for m in plain) / len(plain) for i in range(3))  # type: ignore[assignment]
    print("\nretrieval on queries-dev.jsonl (15 queries)")
    for name, (r5, ndcg, mrr) in table.items():
        print(f"  {name:20s} recall@5 {r5:.3f}  nDCG@10 {ndcg:.3f}  MRR {mrr:.3f}")
    assert table["fusion"][1] > table["bm25"][1]
    assert table["fusion"][0] >= table["bm25"][0]
    assert table["fusion"][1] > table["plain BM25 (scorer)"][1]
    assert table["fusion"][0] > table["plain BM25 (scorer)"][0]


def test_similar_explains_a_symptom_only_query_with_checkable_reasons(
    corpus_library: tuple[Library, Path],
) -> None:
    lib, _ = corpus_library
    query = (
        "Pods see 1-3 second delays opening outbound TCP connections; conntrack insert_failed keeps climbing."
    )
    matches = lib.similar(query, k=5)
    assert len(matches) == 5
    top = matches[0]
    assert "conntrack" in top.why  # the shared rare term is named
    assert "ranked by" in top.why
    assert top.url and top.url.startswith("http")
    assert matches == sorted(matches, key=lambda m: -m.score)
