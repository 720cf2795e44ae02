"""The deterministic blame checker: run the rule table over each sentence, apply guards.

Each sentence gets a list of ``Hit`` (category, span, confidence). Confidence at or above
``FLAG_AT`` is a finding; between ``UNSURE_AT`` and ``FLAG_AT`` the sentence is "unsure" and
only the optional LLM pass looks at it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from assistant.tone.lazyre import LazyRegex
from assistant.tone.lexicon import CHARACTER_TECHNICAL, HUMAN, META, NEGATION, NOT_A_NAME, PRODUCT_NAMES, TEAM
from assistant.tone.markers import ALL_SOCIAL
from assistant.tone.patterns import CHARACTER_RULES, COUNTERFACTUAL, HUMAN_ERROR, PUNITIVE, TEAM_RULES, Rule
from assistant.tone.sentences import Sentence, split_sentences

FLAG_AT = 0.5
UNSURE_AT = 0.3

_F = re.IGNORECASE
_META_RE = LazyRegex(META, _F)
_HUMAN_RE = LazyRegex(
    rf"(?<![\w-]){HUMAN}(?![\w-])|(?<=[a-z,;:]\s)(?-i:[A-Z][a-z]{{2,}})(?=\s)|@\w|\b(?:nobody|no\s+one)\b", _F
)
_HUMAN_FULL = LazyRegex(rf"(?:{HUMAN})", _F)
_TEAM_FULL = LazyRegex(rf"(?:{TEAM})", _F)
_NEG_RE = LazyRegex(rf"(?:\b{NEGATION}\b|n't\b|\bnon-)", _F)
_TECH_RE = LazyRegex(CHARACTER_TECHNICAL, _F)
QUOTED = LazyRegex(r"(?<!\w)(['‘\"“])([^'’\"”\n]{1,80}?)(['’\"”])(?!\w)")
_REL_WORDS = frozenset({"that", "which", "who", "whom", "whose"})
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "our", "its", "their", "his", "her", "my", "your", "every"}
)


@dataclass(frozen=True)
class Hit:
    """One rule match inside a sentence; offsets are relative to the sentence."""

    category: str
    start: int
    end: int
    explanation: str
    confidence: float
    # A whole-sentence reframing the stage that found the hit built from its own analysis ("" = none).
    reframe: str = ""


class _Rule:
    """One rule row; the regex compiles on the first sentence that passes its literal gate."""

    __slots__ = ("_regex", "category", "confidence", "explanation", "gate", "guards", "pattern")

    def __init__(self, row: Rule, gate: tuple[str, ...] | None) -> None:
        self.category, self.pattern, self.explanation, self.confidence, guards = row
        self.guards = frozenset(guards.split())
        self.gate = gate
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self.pattern, _F)
        return self._regex


@dataclass(frozen=True)
class _Table:
    rules: tuple[_Rule, ...]
    by_prefix: dict[str, tuple[str, ...]]  # first three characters -> gate literals
    short: tuple[str, ...]  # gate literals under three characters
    by_literal: dict[str, tuple[int, ...]]  # literal -> indexes of the rules it gates
    ungated: tuple[int, ...]


@dataclass(frozen=True)
class SentenceVerdict:
    """A sentence with all its hits (flagged and unsure)."""

    sentence: Sentence
    hits: tuple[Hit, ...]

    @property
    def score(self) -> float:
        """Highest confidence of any hit (0 when none)."""
        return max((h.confidence for h in self.hits), default=0.0)

    @property
    def flagged(self) -> tuple[Hit, ...]:
        """Hits at or above the flag threshold."""
        return tuple(h for h in self.hits if h.confidence >= FLAG_AT)


def rule_rows() -> list[Rule]:
    """Every rule row, in the order they run."""
    return [*HUMAN_ERROR, *COUNTERFACTUAL, *CHARACTER_RULES, *TEAM_RULES, *PUNITIVE, *ALL_SOCIAL]


@lru_cache(maxsize=1)
def _table() -> _Table:
    from assistant.tone.gates_table import gate_for

    rules = tuple(_Rule(row, gate_for(row[1])) for row in rule_rows())
    by_literal: dict[str, list[int]] = {}
    for i, rule in enumerate(rules):
        for word in rule.gate or ():
            by_literal.setdefault(word, []).append(i)
    by_prefix: dict[str, list[str]] = {}
    for word in by_literal:
        if len(word) >= 3:
            by_prefix.setdefault(word[:3], []).append(word)
    return _Table(
        rules,
        {k: tuple(v) for k, v in by_prefix.items()},
        tuple(w for w in by_literal if len(w) < 3),
        {w: tuple(ix) for w, ix in by_literal.items()},
        tuple(i for i, r in enumerate(rules) if r.gate is None),
    )


@lru_cache(maxsize=1)
def _meta_gate() -> tuple[str, ...] | None:
    from assistant.tone.gates_table import gate_for

    return gate_for(META)


def _mentions_meta(low: str) -> bool:
    gate = _meta_gate()
    return gate is None or any(w in low for w in gate)


def _candidates(low: str) -> list[_Rule]:
    """Rules whose gate literal occurs in the (lower-cased) sentence, in table order."""
    table = _table()
    picked = set(table.ungated)
    by_literal = table.by_literal
    # Only literals whose first three characters occur in the sentence are worth a substring test.
    grams = {low[i : i + 3] for i in range(len(low) - 2)}
    for gram in grams & table.by_prefix.keys():
        for word in table.by_prefix[gram]:
            if word in low:
                picked.update(by_literal[word])
    for word in table.short:
        if word in low:
            picked.update(by_literal[word])
    rules = table.rules
    return [rules[i] for i in sorted(picked)]


def check_sentence(text: str) -> tuple[Hit, ...]:
    """All hits in one sentence (any confidence), after guards and exemptions."""
    low = text.lower()
    if _mentions_meta(low) and _META_RE.search(text):
        return ()
    quoted = [(m.start(2), m.end(2)) for m in QUOTED.finditer(text)]
    has_human = _LazyFlag(lambda: _HUMAN_RE.search(text) is not None)
    hits: list[Hit] = []
    for rule in _candidates(low):
        pos = 0
        # On a rejected match, retry one character later: a guard may reject a subject that
        # shadowed the real one ("which the release manager should have…").
        while (m := rule.regex.search(text, pos)) is not None:
            hit = _judge(rule, m, text, quoted, has_human)
            if hit:
                hits.extend(hit)
                pos = max(m.end(), m.start() + 1)
            else:
                pos = m.start() + 1
    return _dedupe(hits)


def check_sentences(text: str) -> list[SentenceVerdict]:
    """Every sentence of ``text`` with its hits (sentences without hits included)."""
    return [SentenceVerdict(s, check_sentence(s.text)) for s in split_sentences(text)]


class _LazyFlag:
    """A boolean computed on first use (the person search is the slowest regex)."""

    def __init__(self, compute: Callable[[], bool]) -> None:
        self._compute = compute
        self._value: bool | None = None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = self._compute()
        return self._value


def _judge(
    rule: _Rule, m: re.Match[str], text: str, quoted: list[tuple[int, int]], has_human: _LazyFlag
) -> list[Hit]:
    groups = m.re.groupindex
    start, end = m.span("span") if "span" in groups and m.group("span") else m.span()
    if end <= start:
        return []
    g = rule.guards
    category = rule.category
    conf = rule.confidence
    if "neg" in g and _negated(text, m.start()):
        return []
    if "quote" in g and any(qs <= start and end <= qe for qs, qe in quoted):
        return []
    if "tech" in g and _TECH_RE.search(text, max(0, start - 12), min(len(text), end + 20)):
        return []
    if "human" in g and not has_human:
        conf = min(conf, 0.4)
    extra: list[Hit] = []
    who_group = next((k for k in ("who", "who2") if k in groups and m.group(k)), None)
    if "person" in g and who_group:
        who = m.group(who_group).strip()
        kind = _subject_kind(who, text, m.start(who_group))
        if kind == "system":
            return []
        if "norel" in g and _previous_word(text, m.start(who_group)) in _REL_WORDS:
            return []
        if kind == "team":
            if category == "named-individual-fault":
                category = "team-blame"
            elif category != "team-blame":
                extra.append(Hit("team-blame", start, end, "presents a team or group as the cause", conf))
    return [Hit(category, start, end, rule.explanation, conf), *extra]


def _negated(text: str, at: int) -> bool:
    window = text[max(0, at - 30) : at]
    words = window.split()[-4:]
    return bool(_NEG_RE.search(" ".join(words)))


def _previous_word(text: str, at: int) -> str:
    words = re.findall(r"[\w']+", text[max(0, at - 20) : at])
    return words[-1].lower() if words else ""


def _subject_kind(who: str, text: str, at: int) -> str:
    """'person', 'team' or 'system' for a matched subject phrase."""
    low = who.lower()
    if who.startswith("@"):
        return "person"
    if _TEAM_FULL.fullmatch(low):
        return "team"
    if _HUMAN_FULL.fullmatch(low) or re.fullmatch(r"(?:the\s+)?operators?", low):
        return "person"
    token = low.removesuffix("'s")
    if " " in token or not token.isalpha() or len(token) < 2:
        return "system"
    if token in NOT_A_NAME or token in PRODUCT_NAMES:
        return "system"
    if len(token) > 5 and token.endswith("ing"):
        return "system"  # a gerund ("Linting that would have caught …"), not a name
    if len(who) > 1 and who.isupper():
        return "system"  # acronyms: DNS, API, CI
    if _previous_word(text, at) in _DETERMINERS:
        return "system"
    return "person"


def _dedupe(hits: list[Hit]) -> tuple[Hit, ...]:
    best: dict[tuple[str, int, int], Hit] = {}
    for h in hits:
        key = (h.category, h.start, h.end)
        if key not in best or best[key].confidence < h.confidence:
            best[key] = h
    ordered = sorted(best.values(), key=lambda h: (h.start, -h.end))
    out: list[Hit] = []
    for h in ordered:
        # Same category, overlapping: keep the more confident (then the longer) span.
        clash = next(
            (o for o in out if o.category == h.category and h.start < o.end and o.start < h.end), None
        )
        if clash is None:
            out.append(h)
        elif (h.confidence, h.end - h.start) > (clash.confidence, clash.end - clash.start):
            out[out.index(clash)] = h
    return tuple(out)
