"""Plain metric functions shared by the evaluators (no I/O, no model)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.vocabulary import METRIC_STOP_WORDS


def recall_at(ranked: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    """Share of judged-relevant ids (any grade) found in the top k."""
    if not relevant:
        return 0.0
    return sum(1 for r in ranked[:k] if r in relevant) / len(relevant)


def ndcg_at(ranked: Sequence[str], relevant: Mapping[str, int], k: int = 10) -> float:
    """nDCG@k with gain = grade (the convention of the shared queries README)."""
    dcg = sum(relevant.get(r, 0) / math.log2(i + 2) for i, r in enumerate(ranked[:k]))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def mrr(ranked: Sequence[str], relevant: Mapping[str, int]) -> float:
    """Reciprocal rank of the first relevant id (0 when none is ranked)."""
    for i, r in enumerate(ranked):
        if r in relevant:
            return 1.0 / (i + 1)
    return 0.0


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 of a binary label."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


_WORD = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*")


def norm(text: str) -> str:
    """Lower-case with collapsed whitespace, for phrase containment checks."""
    return re.sub(r"\s+", " ", text.lower()).strip()


def content_tokens(text: str) -> list[str]:
    """Lower-case word tokens without stop words."""
    return [t for t in _WORD.findall(text.lower()) if t not in METRIC_STOP_WORDS]


def token_match(term: str, haystack_tokens: set[str]) -> bool:
    """A term matches when each of its tokens (or a shared 5-letter stem) is present."""
    for tok in content_tokens(term):
        if tok in haystack_tokens:
            continue
        stem = tok[:5]
        if len(tok) >= 5 and any(h.startswith(stem) for h in haystack_tokens):
            continue
        return False
    return True


def overlap(a: str, b: str) -> float:
    """Share of ``a``'s content tokens (stem-matched) that occur in ``b``."""
    ta = content_tokens(a)
    if not ta:
        return 0.0
    tb = set(content_tokens(b))
    return sum(1 for t in ta if token_match(t, tb)) / len(ta)
