"""Turn a long incident text into one short query window for the embedding model.

MiniLM reads at most 256 word pieces, and each extra window costs a full forward pass (about
0.2 s for four windows on two busy cores). So a long text (a whole incident's chat, alerts and
notes) is cut down to its most informative lines, kept in their original order: lines carrying
rare words (by the library's document frequency) and cause/symptom cues beat "ok", "+1" or
"looking". Short texts are returned unchanged.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.retrieval.lexical import tokenize

if TYPE_CHECKING:
    import numpy as np

QUERY_WORDS = 180  # one window: ~180 words stay under the model's 256 word pieces
# Sentence or line ends; a dot inside a host name or version ("api.example.com", "1.2") is not one.
_UNIT = re.compile(r"[^\n]+?(?:[.!?](?=\s)|$)", re.M)
_MIN_SHARE = 0.3  # a line scoring under this share of the best line is chatter
# Lines that say what broke or why: general incident vocabulary, not fitted to any case.
_CUE = re.compile(
    r"\b(?:because|caused?|root cause|due to|trigger\w*|expir\w*|fail\w*|error\w*|exhaust\w*|timeouts?|"
    r"timed out|outage|down|degrad\w*|unavailable|alert\w*|firing|crash\w*|oom\w*|leak\w*|full|lag\w*|"
    r"spike\w*|saturat\w*|rollback|rolled back|revert\w*|deploy\w*|migration|certificate|dns|latency)\b",
    re.I,
)


def _word_count(text: str) -> int:
    return len(text.split())


def focus(
    text: str,
    *,
    words: int = QUERY_WORDS,
    df: dict[str, int] | None = None,
    n_docs: int = 0,
    size: Callable[[str], int] = _word_count,
) -> str:
    """At most ``words`` units of ``text`` (words, or what ``size`` counts, e.g. word pieces): its most
    informative sentences or lines, in their original order."""
    all_words = text.split()
    if size(text) <= words:
        return text
    units = [u.strip() for u in _UNIT.findall(text) if u.strip()]
    scored: list[tuple[float, int, str]] = []
    seen: set[frozenset[str]] = set()
    for n, unit in enumerate(units):
        toks = frozenset(tokenize(unit))
        if not toks or toks in seen:  # repeated lines (alert re-fires, bot echoes) add nothing
            continue
        seen.add(toks)
        info = sum(_idf(t, df, n_docs) for t in toks)
        cue = 1.5 if _CUE.search(unit) else 1.0
        # Per word, so long rambling lines do not win on length alone; sqrt keeps some length bonus.
        scored.append((cue * info / math.sqrt(len(unit.split())), n, unit))
    picked: list[tuple[int, str]] = []
    budget = words
    ranked = sorted(scored, key=lambda s: (-s[0], s[1]))
    floor = ranked[0][0] * _MIN_SHARE if ranked else 0.0
    for score, n, unit in ranked:
        if score < floor:  # leftover budget is not worth filling with "ok" and "brb"
            break
        cost = size(unit)
        if cost > budget:
            if budget >= 20 and not picked:  # one giant line: take its start
                picked.append((n, " ".join(unit.split()[: max(1, budget * len(unit.split()) // cost)])))
                budget = 0
            continue
        picked.append((n, unit))
        budget -= cost
        if budget < 5:
            break
    if not picked:
        return " ".join(all_words[:words])
    return " ".join(u for _, u in sorted(picked))


def piece_counter() -> Callable[[str], int]:
    """Counts the model's word pieces (no special tokens), for budgets in what the model reads."""
    from assistant.retrieval.embed import MiniLMEmbedder

    tokenizer = MiniLMEmbedder.for_queries().tokenizer

    def count(text: str) -> int:
        return len(tokenizer.encode(text, add_special_tokens=False).ids)

    return count


def _idf(token: str, df: dict[str, int] | None, n_docs: int) -> float:
    if not df or n_docs < 20:
        return 1.0
    return math.log(1.0 + n_docs / (1.0 + df.get(token, 0)))


@lru_cache(maxsize=512)
def query_vector(window: str) -> np.ndarray:
    """The unit vector of one query window (cached: the UI and batch runs repeat queries)."""
    from assistant.retrieval.embed import MiniLMEmbedder

    vector: np.ndarray = MiniLMEmbedder.for_queries().embed([window or " "])[0]
    vector.setflags(write=False)  # shared between callers through the cache
    return vector
