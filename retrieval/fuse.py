"""Fuse the lexical and dense rankings into one.

Reciprocal rank fusion (Cormack et al. 2009) needs no score calibration: each list adds
``weight / (k + rank)``. ``k=60`` is the published default; on the dev queries it was measured
against min-max score fusion (see tests/test_retrieval_quality.py, which prints all three).
"""

from __future__ import annotations

from collections.abc import Sequence

Ranking = Sequence[tuple[str, float]]


def rrf(
    rankings: Sequence[Ranking], *, k: float = 60.0, weights: Sequence[float] | None = None
) -> list[tuple[str, float]]:
    """Reciprocal rank fusion of (id, score) lists, best first; scores are the fused RRF sums."""
    weights = weights or [1.0] * len(rankings)
    fused: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, (doc_id, _) in enumerate(ranking, start=1):
            fused[doc_id] = fused.get(doc_id, 0.0) + weight / (k + rank)
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))


def minmax(rankings: Sequence[Ranking], *, weights: Sequence[float] | None = None) -> list[tuple[str, float]]:
    """Weighted sum of min-max normalised scores (a doc missing from a list gets 0 there)."""
    weights = weights or [1.0] * len(rankings)
    fused: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        if not ranking:
            continue
        scores = [s for _, s in ranking]
        lo, hi = min(scores), max(scores)
        span = hi - lo or 1.0
        for doc_id, s in ranking:
            fused[doc_id] = fused.get(doc_id, 0.0) + weight * (s - lo) / span
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
