"""Lexical search beside Chroma: a bm25s index over whole postmortems, saved next to the Chroma data.

Local Chroma has no sparse index, so BM25 lives here. Tokens are lower-case words without stop
words, lightly stemmed ("failures" and "failed" meet "failure"/"fail"), so paraphrases match more often.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.vocabulary import STOP_WORDS

_WORD = re.compile(r"[a-z0-9]+")
_INDEX_FILE = "bm25"
_IDS_FILE = "bm25-ids.json"
_SIGNATURE_FILE = "bm25-signature.txt"


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A light English stemmer: plurals, -ing, -ed, -ly; enough to join word forms, not a linguist."""
    w = word
    if len(w) <= 3 or w.isdigit():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "xes", "ches", "shes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is", "os")):
        w = w[:-1]
    for suffix in ("ing", "ed", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # stopped → stop
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]  # failure/fail-ed, cache/cach-ing meet on the same form
    return w


def tokenize(text: str) -> list[str]:
    """Lower-case, drop stop words, stem."""
    return [stem(t) for t in _WORD.findall(text.lower()) if t not in STOP_WORDS and len(t) > 1]


class LexicalIndex:
    """bm25s over one text per postmortem; ``search`` returns (doc id, score) best first."""

    def __init__(self, ids: list[str], model: Any, df: dict[str, int] | None = None) -> None:
        """A BM25 index over ``ids``, with document frequencies for the why-strings."""
        self.ids = ids
        self._model = model
        self.df = df or {}  # document frequency per token, for ranking shared terms in "why"

    @classmethod
    def build(cls, ids: list[str], texts: list[str]) -> LexicalIndex:
        """Index the texts (one per doc id)."""
        import bm25s

        model = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
        tokens = [tokenize(t) or ["_empty_"] for t in texts]
        df: Counter[str] = Counter()
        for toks in tokens:
            df.update(set(toks))
        if ids:
            model.index(tokens, show_progress=False)
        return cls(list(ids), model if ids else None, dict(df))

    def save(self, folder: Path, *, signature: str) -> None:
        """Write the index and the signature of the corpus it was built from."""
        folder.mkdir(parents=True, exist_ok=True)
        if self._model is not None:
            self._model.save(str(folder / _INDEX_FILE), show_progress=False)
        (folder / _IDS_FILE).write_text(json.dumps({"signature": signature, "ids": self.ids, "df": self.df}))
        (folder / _SIGNATURE_FILE).write_text(signature)

    @staticmethod
    def is_current(folder: Path, *, signature: str) -> bool:
        """Whether the saved index was built from the corpus with this signature (cheap: no loading)."""
        path = folder / _SIGNATURE_FILE
        return path.is_file() and path.read_text().strip() == signature

    @classmethod
    def load(cls, folder: Path, *, signature: str) -> LexicalIndex | None:
        """The saved index, or None when missing or built from another corpus (then rebuild)."""
        meta_path = folder / _IDS_FILE
        if not meta_path.is_file():
            return None
        try:
            meta = json.loads(meta_path.read_text())
        except (OSError, json.JSONDecodeError):
            return None
        if meta.get("signature") != signature:
            return None
        ids = list(meta.get("ids") or [])
        if not ids:
            return cls([], None)
        import bm25s

        try:
            model = bm25s.BM25.load(str(folder / _INDEX_FILE), show_progress=False)
        except Exception:  # noqa: BLE001 — bm25s/numpy/pickle raise many types; a damaged index is rebuilt, never fatal
            return None
        return cls(ids, model, meta.get("df") or {})

    def search(self, query: str, n: int) -> list[tuple[str, float]]:
        """Top ``n`` doc ids by BM25 score (only docs sharing at least one term)."""
        if self._model is None or not self.ids:
            return []
        tokens = [t for t in tokenize(query) if t in self._model.vocab_dict]
        if not tokens:
            return []
        scores = self._model.get_scores(tokens)
        n = min(n, len(scores))
        top = np.argpartition(-scores, n - 1)[:n] if n < len(scores) else np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]
