"""The learned sentence classifier: a softmax regression over MiniLM embeddings plus cue columns.

Weights come from ``eval/train_roles.py`` trained on ``eval/data/roles-train.jsonl``, two sets, both
committed: ``role_weights.json`` on the languages the embedder half reads (English, German, Spanish,
Portuguese, Japanese), and ``role_weights_multilingual.json`` on those plus fourteen more. A message
in one of the fourteen is scored by the second; the first never sees their sentences, because where
the embedding carries no meaning they pull its boundaries away from the words it does read (trained as
one model, key times fell on six of ten English-heavy case sets). The embedder is the tone checker's
cached MiniLM (one per process). Returns None when the model or weights are missing: callers then
fall back to structure alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.domain import ROLE_NAMES
from assistant.roles import language
from assistant.roles.features import FEATURE_NAMES, cues

WEIGHTS_FILE = Path(__file__).with_name("role_weights.json")
MULTILINGUAL_WEIGHTS_FILE = Path(__file__).with_name("role_weights_multilingual.json")
# The sentence roles the classifier scores (structure adds alert state, false recovery, paging).
TEXT_ROLES: tuple[str, ...] = tuple(r for r in ROLE_NAMES if r != "false_recovery")
_MAX_CHARS = 400  # a message's opening is what says what it is; the embedder cuts long text anyway


@dataclass(frozen=True)
class RoleModel:
    """Weights (roles x features), biases, and the role order."""

    roles: tuple[str, ...]
    weights: Any  # np.ndarray (k, d)
    bias: Any  # np.ndarray (k,)


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> RoleModel | None:
    """The committed weights, or None when the file is missing or unreadable."""
    import numpy as np

    file = Path(path) if path else WEIGHTS_FILE
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    roles = tuple(raw["roles"])
    return RoleModel(
        roles=roles,
        weights=np.asarray([raw["heads"][r]["w"] for r in roles], dtype=np.float32),
        bias=np.asarray([raw["heads"][r]["b"] for r in roles], dtype=np.float32),
    )


def feature_matrix(texts: list[str], vectors: Any) -> Any:
    """Embedding rows with the cue columns appended (the classifier's input)."""
    import numpy as np

    extra = np.asarray([cues(t) for t in texts], dtype=np.float32).reshape(len(texts), len(FEATURE_NAMES))
    return np.hstack([vectors, extra])


def embed(texts: list[str]) -> Any | None:
    """MiniLM vectors for the texts (cached per process), or None when the model is not installed."""
    from assistant.tone.semantic import embedder

    emb = embedder()
    return None if emb is None else emb.embed([t[:_MAX_CHARS] for t in texts])


_DECLARATIVE = frozenset(("resolution", "recovery", "finding", "mitigation", "ruled_out", "impact"))
_QUESTION_DAMP = 0.3
_LATER = 0.85
_MAX_SENTENCES = 4  # a message's role shows in its first sentences; later ones are detail


def message_probabilities(messages: list[str]) -> tuple[tuple[str, ...], Any] | None:
    """Role probabilities per message, from its sentences: a role scores its best sentence, except
    ``chatter``, which a message is only when every sentence is ("resolving. thanks all" resolves).
    """
    import numpy as np

    from assistant.tone.sentences import split_sentences

    parts = [[s.text for s in split_sentences(m)][:_MAX_SENTENCES] or [m] for m in messages]
    flat = list(dict.fromkeys(t for p in parts for t in p))
    scored = probabilities(flat)
    if scored is None:
        return None
    roles, probs = scored
    row = {t: i for i, t in enumerate(flat)}
    probs_of: dict[int, Any] = {}
    more = [n for n, m in enumerate(messages) if language.guess(m) in MORE_LANGUAGES]
    if more:  # the message's language is told from all its words; its sentences take that model
        flat_more = list(dict.fromkeys(t for n in more for t in parts[n]))
        scored_more = probabilities(flat_more, multilingual=True)
        if scored_more is not None and scored_more[0] == roles:
            rows_more = {t: i for i, t in enumerate(flat_more)}
            probs_of = {n: scored_more[1][[rows_more[t] for t in parts[n]]] for n in more}
    chatter = roles.index("chatter") if "chatter" in roles else -1
    out = np.zeros((len(messages), len(roles)), dtype=np.float32)
    asserting = [i for i, r in enumerate(roles) if r in _DECLARATIVE]
    for n, p in enumerate(parts):
        block = probs_of[n].copy() if n in probs_of else probs[[row[t] for t in p]].copy()
        block *= (_LATER ** np.arange(len(p)))[:, None]  # the opening states the message's purpose
        for k, t in enumerate(p):
            if t.rstrip().endswith(("?", "？")):
                block[k, asserting] *= _QUESTION_DAMP  # a question declares nothing
        out[n] = block.max(axis=0)
        if chatter >= 0:
            out[n, chatter] = block[:, chatter].min()
    out /= np.clip(out.sum(axis=1, keepdims=True), 1e-9, None)
    unread = [n for n, m in enumerate(messages) if not readable(m)]
    out[unread] = _TRUST * out[unread] + (1.0 - _TRUST) / len(roles)
    return roles, out


# The languages of the training sentences (eval/data/roles-train.jsonl); a test keeps them in step.
# Hinglish ("hi") is told by a short hand-written list of its function words (eval/build_stop_words.py).
BASE_LANGUAGES = frozenset(("en", "de", "es", "pt", "ja"))
MORE_LANGUAGES = frozenset(
    ("pl", "it", "cs", "ru", "tr", "sv", "da", "fr", "nl", "id", "vi", "ko", "zh", "hi")
)
COVERED_LANGUAGES = BASE_LANGUAGES | MORE_LANGUAGES
_TRUST = 0.4  # share of the classifier's say kept on a line in a language it was not trained on


def readable(text: str) -> bool:
    """The classifier was trained on the line's language (or the line is too short to tell)."""
    lang = language.guess(text)
    return lang is None or lang in COVERED_LANGUAGES


def probabilities(texts: list[str], *, multilingual: bool = False) -> tuple[tuple[str, ...], Any] | None:
    """(role order, probability rows normalised to sum 1) for each text, or None without model/weights.
    ``multilingual`` scores with the weights trained on all nineteen languages."""
    import numpy as np

    model = load_model(str(MULTILINGUAL_WEIGHTS_FILE) if multilingual else None)
    if model is None or not texts:
        return None
    vectors = embed(texts)
    if vectors is None:
        return None
    x = feature_matrix([t[:_MAX_CHARS] for t in texts], vectors)
    z = x @ model.weights.T + model.bias
    p = np.exp(z - z.max(axis=1, keepdims=True))  # softmax over the roles
    return model.roles, p / p.sum(axis=1, keepdims=True)
