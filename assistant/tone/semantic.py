"""Semantic second stage: a logistic regression over MiniLM sentence embeddings plus cheap cues, blended
with a vote of the nearest labelled training sentences.

The rules catch the phrasings they were written for; this stage scores every sentence the rules
left clean and flags it when the blame probability is above the trained threshold AND the
sentence refers to someone (person, handle, role, team, pronoun, second person) or carries an
emoji; purely system sentences are never flagged here. Weights and the neighbours' bank come from
``eval/train_tone.py`` (``semantic_weights.json`` and ``semantic_bank.npz``, int8 unit embeddings of
the labelled sentences, committed). Off with ``POSTMORTEM_TONE_SEMANTIC=0`` or when the
model or weights are missing. numpy/onnxruntime/tokenizers are imported on first use only.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.errors import LibraryError
from assistant.tone.lazyre import LazyRegex
from assistant.tone.lexicon import BARE_TEAM, HUMAN, NOT_A_NAME, PRODUCT_NAMES
from assistant.vocabulary import FUNCTION_WORDS

ENV = "POSTMORTEM_TONE_SEMANTIC"
WEIGHTS_FILE = Path(__file__).with_name("semantic_weights.json")
BANK_FILE = Path(__file__).with_name("semantic_bank.npz")

_MAX_TOKENS = 128  # sentences are short; longer passages are cut, the rules still read all of them
_CACHE_SIZE = 4096
# One onnxruntime thread: the 133 distinct sentences of the largest dev case took 0.69 CPU-s / 2.0 s
# wall single-threaded against 1.03 CPU-s / 3.2 s with two threads on this 2-core machine under load
# (a second thread spins waiting for the first; same finding as MiniLMEmbedder.for_queries).
_THREADS = 1

_F = re.IGNORECASE
# Who can be blamed: roles, groups, pronouns, teams (lexicon), @handles, a capitalised name
# inside the sentence, or a lower-case chat name opening the line before a verb-ish word.
_REF_RE = LazyRegex(
    rf"{HUMAN}(?![\w-])|@\w|(?<=[a-z,;:]\s)(?-i:[A-Z][a-z]{{2,}})(?=[\s',])|\b(?:nobody|no\s+one|whoever|whose)\b",
    _F,
)
_SECOND_RE = LazyRegex(r"\b(?:you|u|ur|your|ya|y'?all|yours)\b", _F)
_FIRST_RE = LazyRegex(r"\b(?:i|i'm|i've|me|my|we|we're|us|our)\b", _F)
_EMOJI_RE = LazyRegex("[\U0001f300-\U0001faff\u2600-\u27bf]")
_AGAIN_RE = LazyRegex(
    r"\b(?:again|always|every\s+time|(?:second|third|fourth|fifth|nth)\s+time|as\s+usual)\b", _F
)
FEATURE_NAMES = ("ref", "second_person", "first_person", "emoji", "again", "rule_score")
NGRAM_DIMS = 1024
"""Word unigrams and bigrams hashed (crc32) into this many binary columns after the cues: the
embedding carries the topic, the n-grams the wording that separates blame from its hard
negatives ("should have" about a person vs. about a load balancer). Measured leaving
dev-extra.jsonl out of training: rules OR this stage F1 0.77 at hard-negative FP 4.4% against
0.69 at 10.6% for the embedding alone (eval/train_tone.py)."""
_TOKEN = re.compile(r"[a-z']+|[0-9]+|[^\sa-z0-9]")


@dataclass(frozen=True)
class SemanticModel:
    """Blame head (weights over embedding + cues), its threshold, and one head per category."""

    weights: Any  # np.ndarray (d,)
    bias: float
    threshold: float
    categories: tuple[str, ...]
    cat_weights: Any  # np.ndarray (k, d)
    cat_bias: Any  # np.ndarray (k,)
    require_ref: bool
    max_words: int  # longer sentences are outside what the model was trained on: rules and parse only
    # A short sentence aimed at no one named is flagged only above this threshold (never below the main
    # one, chosen out of fold by eval/train_tone.py): minimising
    # ("the error message literally tells you the fix") and sarcasm ("truly inspiring levels of
    # confidence") blame without naming anyone. 1.01 (the default) keeps such sentences out.
    noref_threshold: float = 1.01
    noref_max_words: int = 0
    # Nearest neighbours among the labelled training sentences (unit embeddings, ``semantic_bank.npz``):
    # the blame probability is ``lr_share`` of the regression's plus the rest of the similarity-weighted
    # share of blameful neighbours. A linear boundary over 384 dimensions misses the many small
    # neighbourhoods blame lives in (sarcasm, minimising, insinuation); the vote reads them.
    bank: Any = None  # np.ndarray (n, 384) float32, unit rows
    bank_labels: Any = None  # np.ndarray (n,) float32, 1 = blameful
    knn_k: int = 20
    knn_temperature: float = 10.0
    lr_share: float = 1.0


def enabled() -> bool:
    """False when POSTMORTEM_TONE_SEMANTIC is 0/false/no/off."""
    from assistant.config import get_settings

    return get_settings().tone_semantic


# Role words that name a cause, not a person ("the cache was the culprit").
_NOT_A_REF = ("culprit", "offender", "culprits", "offenders")


def _ref(sentence: str) -> re.Match[str] | None:
    for m in _REF_RE.finditer(sentence):
        word = m.group(0).lower().strip()
        # "it" is the IT team only in capitals; lower-case it is the system itself.
        if word in PRODUCT_NAMES or (word in NOT_A_NAME and m.group(0)[:1].isupper()):
            continue  # "Kubernetes", "Redis" inside a sentence are systems, not names
        if _attributive(word, sentence, m.end()):
            continue  # "product pages", "security practices": a team word used as a modifier
        if m.end() > m.start() and not word.endswith(_NOT_A_REF) and m.group(0).strip() != "it":
            return m
    return None


_BARE_TEAM_RE = LazyRegex(rf"^{BARE_TEAM}$", _F)
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)\b")


def _attributive(word: str, sentence: str, end: int) -> bool:
    """A bare team word followed by a plural or a system noun modifies it rather than naming a team."""
    if not _BARE_TEAM_RE.match(word):
        return False
    nxt = _NEXT_WORD.match(sentence, end)
    if nxt is None:
        return False
    noun = nxt.group(1)
    plural = noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and len(noun) > 3
    return plural or (noun in NOT_A_NAME and noun not in FUNCTION_WORDS)


def cues(sentence: str, rule_score: float = 0.0) -> list[float]:
    """The cheap features, in FEATURE_NAMES order."""
    return [
        float(_ref(sentence) is not None),
        float(_SECOND_RE.search(sentence) is not None),
        float(_FIRST_RE.search(sentence) is not None),
        float(_EMOJI_RE.search(sentence) is not None),
        float(_AGAIN_RE.search(sentence) is not None),
        rule_score,
    ]


def refers_to_someone(sentence: str) -> bool:
    """A person, team, handle, pronoun, second person, or an emoji (which aims a sentence at people)."""
    c = cues(sentence)
    return bool(c[0] or c[1] or c[2] or c[3])


_PRONOUN_RE = LazyRegex(
    r"\b(?:he|she|him|her|his|they|them|their|someone|somebody|whoever|nobody|anyone|anybody|"
    r"people|ppl|folks|everyone|everybody)\b",
    _F,
)


def addresses_people(sentence: str) -> bool:
    """Pronouns, first or second person, or an emoji: aimed at people without naming anyone."""
    c = cues(sentence)
    return bool(c[1] or c[2] or c[3]) or _PRONOUN_RE.search(sentence) is not None


def person_span(sentence: str) -> tuple[int, int] | None:
    """Offsets of the first person/team/handle mention in ``sentence``, or None."""
    m = _ref(sentence) or _SECOND_RE.search(sentence)
    if m is None:
        return None
    start, end = m.span()
    while start < end and sentence[start].isspace():
        start += 1
    return (start, end) if end > start else None


class _Embedder:
    """The int8 MiniLM through onnxruntime, with an LRU cache of sentence vectors."""

    def __init__(self) -> None:
        from assistant.retrieval.minilm import MiniLMEmbedder

        self._model = MiniLMEmbedder(threads=_THREADS, max_tokens=_MAX_TOKENS)
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> Any:
        """L2-normalised mean-pooled vectors, one row per text (the library's embedder, cut at _MAX_TOKENS)."""
        import numpy as np

        out = np.zeros((len(texts), 384), dtype=np.float32)
        with self._lock:
            todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if todo:
            vectors = self._run(todo)
            with self._lock:
                for t, v in zip(todo, vectors, strict=True):
                    self._cache[t] = v
                while len(self._cache) > _CACHE_SIZE:
                    self._cache.popitem(last=False)
        with self._lock:
            for i, t in enumerate(texts):
                v = self._cache.get(t)
                out[i] = v if v is not None else self._run([t])[0]
        return out

    def _run(self, texts: list[str]) -> Any:
        return self._model.embed(texts)


_state_lock = threading.Lock()
_embedder: _Embedder | None = None
_failed = False


def embedder() -> _Embedder | None:
    """The process-wide embedder, or None when the model or tokenizer is not installed."""
    global _embedder, _failed
    with _state_lock:
        if _embedder is None and not _failed:
            try:
                _embedder = _Embedder()  # raises LibraryError when the model is not installed
            except (
                LibraryError,
                OSError,
                ImportError,
                RuntimeError,
            ):  # model missing/unloadable: the rules still run
                _failed = True
        return _embedder


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> SemanticModel | None:
    """The committed weights (None when the file is missing or unreadable)."""
    import numpy as np

    file = Path(path) if path else WEIGHTS_FILE
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    cats = tuple(raw["categories"])
    knn = raw.get("knn") or {}
    bank = labels = None
    if knn:
        try:
            with np.load(file.with_name(knn["bank"])) as stored:
                bank = stored["vectors"].astype(np.float32) / 127.0
                labels = stored["labels"].astype(np.float32)
        except (OSError, KeyError, ValueError):
            knn = {}  # the regression alone, as trained before the neighbour vote
    return SemanticModel(
        weights=np.asarray(raw["blame"]["w"], dtype=np.float32),
        bias=float(raw["blame"]["b"]),
        threshold=float(raw["threshold"]),
        categories=cats,
        cat_weights=np.asarray([raw["category_heads"][c]["w"] for c in cats], dtype=np.float32),
        cat_bias=np.asarray([raw["category_heads"][c]["b"] for c in cats], dtype=np.float32),
        require_ref=bool(raw.get("require_ref", True)),
        max_words=int(raw.get("max_words", 10_000)),
        noref_threshold=float(raw.get("noref_threshold", 1.01)),
        noref_max_words=int(raw.get("noref_max_words", 0)),
        bank=bank,
        bank_labels=labels,
        knn_k=int(knn.get("k", 20)),
        knn_temperature=float(knn.get("temperature", 10.0)),
        lr_share=float(knn.get("lr_share", 1.0)) if bank is not None else 1.0,
    )


def neighbour_vote(vectors: Any, bank: Any, labels: Any, k: int, temperature: float) -> Any:
    """Per row of ``vectors`` (unit embeddings), the share of blameful sentences among its ``k`` most
    similar in ``bank``, each weighted by ``exp(temperature * cosine)``."""
    import numpy as np

    k = min(k, bank.shape[0])
    out = np.zeros(len(vectors), dtype=np.float64)
    for start in range(0, len(vectors), _VOTE_ROWS):  # bounded memory: a block of rows at a time
        sims = vectors[start : start + _VOTE_ROWS] @ bank.T
        idx = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        near = np.take_along_axis(sims, idx, axis=1)
        weight = np.exp(temperature * (near - near.max(axis=1, keepdims=True)))
        out[start : start + len(sims)] = (labels[idx] * weight).sum(axis=1) / weight.sum(axis=1)
    return out


_VOTE_ROWS = 256


def available() -> bool:
    """True when the stage is switched on and both the weights and the model load."""
    return enabled() and load_model() is not None and embedder() is not None


def ngram_columns(sentence: str) -> list[int]:
    """Hashed columns of the sentence's word unigrams and bigrams (numbers folded into one token)."""
    words = ["<num>" if t.isdigit() else t for t in _TOKEN.findall(sentence.lower())]
    grams = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
    return sorted({zlib.crc32(g.encode("utf-8")) % NGRAM_DIMS for g in grams})


def in_scope(sentence: str, model: SemanticModel) -> bool:
    """Short enough for the model (99th percentile of its training sentences) and, when the model
    asks for it, aimed at someone."""
    words = len(sentence.split())
    if words > model.max_words or _not_english(sentence):
        return False
    return not model.require_ref or refers_to_someone(sentence) or _short_unaimed(words, model)


def _not_english(sentence: str) -> bool:
    """A sentence in another language (function words, script): MiniLM reads its spelling, not its words,
    and its nearest labelled neighbours are whatever else it cannot read; the rules and parse still run."""
    from assistant.roles.language import guess

    lang = guess(sentence)
    return lang is not None and lang != "en"


_NOREF_MIN_WORDS = 4  # fragments ("From 1980.") carry no judgement the model can read
# Categories that need someone to aim at: a sentence naming no one is not flagged as one of these.
NEEDS_TARGET = frozenset({"named-individual-fault", "team-blame", "character-judgment"})


def _short_unaimed(words: int, model: SemanticModel) -> bool:
    return _NOREF_MIN_WORDS <= words <= model.noref_max_words and model.noref_threshold <= 1.0


def category_of(sentence: str, category_probs: Any, model: SemanticModel) -> str:
    """The most likely category; for a sentence that names no one, the most likely of those that need
    no named target (minimising, sarcasm, hindsight, a human-error label, insinuation, punitive)."""
    order = sorted(range(len(model.categories)), key=lambda i: -float(category_probs[i]))
    if model.require_ref and not refers_to_someone(sentence):
        order = [i for i in order if model.categories[i] not in NEEDS_TARGET] or order
    return model.categories[order[0]]


def feature_matrix(sentences: list[str], rule_scores: list[float], vectors: Any) -> Any:
    """Embedding rows with the cue and hashed n-gram columns appended (the classifier's input)."""
    import numpy as np

    extra = np.asarray([cues(s, r) for s, r in zip(sentences, rule_scores, strict=True)], dtype=np.float32)
    grams = np.zeros((len(sentences), NGRAM_DIMS), dtype=np.float32)
    for i, s in enumerate(sentences):
        grams[i, ngram_columns(s)] = 1.0
    return np.hstack([vectors, extra.reshape(len(sentences), len(FEATURE_NAMES)), grams])


def score(sentences: list[str], rule_scores: list[float]) -> tuple[Any, Any] | None:
    """(blame probability per sentence, category probabilities per sentence), or None when off."""
    import numpy as np

    model, emb = load_model(), embedder()
    if model is None or emb is None or not sentences:
        return None
    vectors = emb.embed(sentences)
    x = feature_matrix(sentences, rule_scores, vectors)
    p = 1.0 / (1.0 + np.exp(-(x @ model.weights + model.bias)))
    if model.bank is not None and model.lr_share < 1.0:
        vote = neighbour_vote(vectors, model.bank, model.bank_labels, model.knn_k, model.knn_temperature)
        p = model.lr_share * p + (1.0 - model.lr_share) * vote
    pc = 1.0 / (1.0 + np.exp(-(x @ model.cat_weights.T + model.cat_bias)))
    return p, pc


def passes_gates(sentence: str, probability: float, model: SemanticModel) -> bool:
    """A sentence naming no one needs the stricter threshold; statements of blameless policy are exempt."""
    if model.require_ref and not refers_to_someone(sentence) and probability < model.noref_threshold:
        return False
    from assistant.tone.rules import _META_RE  # statements of blameless policy are exempt, as in the rules

    return _META_RE.search(sentence) is None


def is_flagged(sentence: str, probability: float, model: SemanticModel) -> bool:
    """Above the threshold, aimed at someone (or short and above the stricter threshold for sentences
    naming no one), not about blamelessness."""
    if probability < model.threshold or not in_scope(sentence, model):
        return False
    return passes_gates(sentence, probability, model)
