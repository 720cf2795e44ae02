"""Blameless rewrites of a flagged sentence that keep its facts (times, numbers, systems).

Three steps, each checked against the rules: neutral substitutions for the blame markers
("human error" → "a manual step", "Tom's bad deploy" → "a deploy"), then removal of the remaining
flagged spans plus a systemic follow-up question, then a template that carries over every time
and number of the original when the sentence was nothing but blame.
"""

from __future__ import annotations

import re

from assistant.tone.lazyre import LazyRegex
from assistant.tone.markers import ARTIFACT, BAD
from assistant.tone.reframe import reframe
from assistant.tone.rules import FLAG_AT, Hit, check_sentence
from assistant.vocabulary import NOT_SYSTEM_WORDS

_F = re.IGNORECASE
_SUBS: list[tuple[LazyRegex, str]] = [
    (LazyRegex(a, _F), b)
    for a, b in [
        (
            r"\b(?:human|operator|user|pilot|personnel|engineer|staff|manual)\s+(?:error|mistake|slip)s?\s+(?:on\s+the\s+part\s+of|by)\s+(?:the\s+)?([\w\s-]{1,30}?)(?=[,.;]|$)",
            r"a manual step by the \1",
        ),
        (
            r"\b(?:just\s+|simply\s+|a\s+|an\s+)?(?:human|operator|user|pilot|personnel|engineer|staff)\s+(?:error|mistake|slip)s?\b(?!\s+(?:message|page|code|rate))",
            "a manual step",
        ),
        (r"\bfat[\s-]?finger(?:ed|ing)\b", "mistyped"),
        (r"\b(?:another\s+|a\s+)?fat[\s-]?fingers?\b", "a typo"),
        (r"\b(?:classic\s+)?(?:pebkac|pebcak|id10t)\b", "a manual step went wrong"),
        (
            rf"(?<![\w'-])(?:(?:the\s+)?[\w-]+\s+(?:team|squad|office|folks)|[A-Za-z][\w-]*)'s\s+(?:{BAD}\s+)?({ARTIFACT})\b",
            r"a \1",
        ),
        (rf"\b{BAD}\s+({ARTIFACT})\b", r"\1"),
        (
            r"\b(?:careless|sloppy|lazy|reckless|negligent|incompetent|irresponsible|amateurish|half-?assed|"
            r"cowboy|inattentive|unprofessional|stupid|dumb|idiotic|boneheaded)\s+"
            r"(?!(?:with|and|or|to|of|in|on|at|for|is|was|are|were|as|about|when|if|but)\b)(?=[a-z])",
            "",
        ),
        (r"\ban\s+(?=[bcdfgjklmnpqrstvwxyz])", "a "),
        (
            r"\b(?:predictably|obviously|clearly|simply|literally|plainly|apparently|honestly|certainly),?\s*",
            "",
        ),
        (r",?\s*\b(?:and,?\s+)?predictably,?", ""),
        (r"\b(?:the|this|that|a|an)\s+obvious\s+", "the "),
        (r"\bobvious\s+", ""),
        (r"\beasily\s+(preventable|avoidable)\b", r"\1"),
        (r"\s*[🙄🤦😒🤡🤌👀😇😂🤣🤔]+", ""),
        (r"\b(?:thanks\s+to|because\s+of)\s+@?\w+,\s*", ""),
    ]
]

_TIME_OR_NUMBER = LazyRegex(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*UTC)?|\b\d[\d,.]*%?(?:\s*(?:minutes?|hours?|seconds?|days?|ms|s|h|m))?\b|#\d+",
    _F,
)


def rewrite_sentence(sentence: str, hits: tuple[Hit, ...] | None = None) -> str:
    """A blameless version of ``sentence`` that keeps its times and numbers; unchanged if clean."""
    hits = check_sentence(sentence) if hits is None else hits
    flagged = [h for h in hits if h.confidence >= FLAG_AT]
    if not flagged:
        return sentence
    chat = _is_chat(sentence)
    for h in flagged:  # a stage's own reframing (agent → the work itself), when it is clean
        if h.reframe and _clean(h.reframe) and _keeps_facts(sentence, h.reframe):
            return _finish(h.reframe, chat, flagged, changed_meaning=True)
    candidate = _substitute(sentence)
    if _clean(candidate) and _keeps_facts(sentence, candidate) and candidate.strip() != sentence.strip():
        return _finish(candidate, chat, flagged, changed_meaning=False)
    for source in (sentence, candidate):
        reframed = _reframed(source, sentence, chat)
        if reframed:
            return reframed
    kept = _drop_blameful_clauses(candidate)
    if kept and _clean(kept) and _keeps_facts(sentence, kept) and len(kept.split()) >= 4:
        return _finish(kept, chat, flagged, changed_meaning=True)
    return _template(sentence, chat, flagged)


def _reframed(source: str, original: str, chat: bool) -> str:
    """The syntax-level reframing of ``source`` when it is clean and keeps the facts, else ""."""
    body, questions = reframe(source)
    body = _tidy(body if _clean(body) else _substitute(body)).rstrip(" .!?;,")
    if questions:
        question = questions[0]
        text = f"{body}; {question}" if body else question
    else:
        text = body + ("" if chat or not body else ".")
    if not body and not questions:
        return ""
    if body and not chat:
        text = text[:1].upper() + text[1:]
    if (
        text.strip() == original.strip()
        or len(re.findall(r"\w+", text)) < 4
        or (not questions and len(body.split()) < 5)
    ):
        return ""
    return text if _clean(text) and _keeps_facts(original, text) else ""


def _substitute(text: str) -> str:
    out = text
    for rx, repl in _SUBS:
        out = rx.sub(repl, out)
    return _tidy(out)


_CLAUSE = LazyRegex(
    r"(?<=[,;:])\s+|\s+(?=(?:and|but|so|because|which|while|after|since)\b)|\s+[—–]\s+|(?<=\.)\s+"
)


def _drop_blameful_clauses(text: str) -> str:
    """Keep the clauses that carry no blame; drop the rest (facts usually sit in their own clause)."""
    parts = [p for p in _CLAUSE.split(text) if p.strip()]
    if len(parts) < 2:
        return ""
    kept = [p for p in parts if not any(h.confidence >= FLAG_AT for h in check_sentence(p))]
    if not kept or len(kept) == len(parts):
        return ""
    first = kept[0]
    first = re.sub(r"^(?:and|but|so|because|which|while|after|since)\s+", "", first, flags=_F)
    joined = " ".join([first, *kept[1:]])
    joined = _tidy(joined)
    if sum(len(p.split()) for p in kept) < 0.35 * len(text.split()):
        return ""
    return joined


def _cut_spans(text: str, hits: tuple[Hit, ...]) -> str:
    spans = sorted((h.start, h.end) for h in hits if h.confidence >= FLAG_AT)
    if not spans:
        return text
    covered = sum(e - s for s, e in spans)
    if covered > 0.6 * len(text.strip()):
        return ""
    out, pos = [], 0
    for s, e in spans:
        if s < pos:
            s = pos
        out.append(text[pos:s])
        pos = max(pos, e)
    out.append(text[pos:])
    return _tidy("".join(out))


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])\s*([,.;:])", r"\2", text)
    text = re.sub(r"\s{2,}", " ", text).strip()
    text = re.sub(r"^[,;:\s]+|[,;:\s]+$", "", text)
    text = re.sub(r"\b(a|an|the)\s+(?=[,.;]|$)", "", text)
    text = re.sub(r"\b(and|but|so|or|that|which|by)\s*(?=[,.;!?]|$)", "", text).strip(" ,;")
    if text and text[0].islower() and not text[:1].isdigit():
        return text
    return text


def _finish(text: str, chat: bool, flagged: list[Hit], *, changed_meaning: bool) -> str:
    body = text.rstrip(" .!?")
    follow = _follow_up(flagged, chat)
    if not changed_meaning and not _needs_follow_up(flagged):
        return body + ("" if chat else ".")
    return f"{body}; {follow}"


def _needs_follow_up(flagged: list[Hit]) -> bool:
    # Substituting a label or an adjective is enough for these; the others removed a judgment
    # about people and need the systemic question in its place.
    light = {
        "character-judgment",
        "sarcasm-or-mockery",
        "minimizing-or-judging-difficulty",
        "human-error-label",
    }
    return any(h.category not in light for h in flagged)


def _follow_up(flagged: list[Hit], chat: bool) -> str:
    cats = {h.category for h in flagged}
    if chat:
        if "punitive" in cats:
            return "let's look at what would make this safer for everyone"
        return "what in our tooling or process made this possible?"
    if "punitive" in cats:
        return "we will review the process and tooling changes that make this safer."
    if "counterfactual-hindsight" in cats or "minimizing-or-judging-difficulty" in cats:
        return "we are examining what the responders saw at the time and why it did not stand out."
    return "we are examining which conditions in the system and process allowed this."


# System words a rewrite carries over: names with digits (k8s, s3, 5xx), acronyms (DNS, API), and
# the products and system nouns of the lexicon.
_SYSTEM_WORD = LazyRegex(
    r"(?<![\w@'])(?:[A-Za-z]+\d[\w-]*|\d+[A-Za-z][\w-]*|(?-i:[A-Z]{2,}[a-z]?s?)|[A-Za-z][\w.-]*[\w])(?![\w'])"
)


# Joined identifiers are system names: search-api, orders_app, cart.svc (not "on-call" or "follow-up").
_IDENTIFIER = LazyRegex(r"[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+")
_PEOPLE_COMPOUNDS = frozenset({"on-call", "follow-up", "follow-ups", "non-native", "so-called", "co-worker"})


def _identifier(word: str) -> bool:
    """A joined name no dictionary knows in full: search-api, orders_app (not fat-fingered, day-one)."""
    if _IDENTIFIER.fullmatch(word) is None:
        return False
    if any(c in word for c in "_.") or any(c.isdigit() for c in word):
        return True
    from lemminflect import getAllLemmas

    return not all(getAllLemmas(part) for part in word.split("-"))


def system_words(sentence: str) -> list[str]:
    """The system words of ``sentence`` in order: digit names, acronyms, products and system nouns."""
    from assistant.tone.lexicon import NOT_A_NAME, PRODUCT_NAMES

    out: list[str] = []
    for m in _SYSTEM_WORD.finditer(sentence):
        word = m.group(0)
        low = word.lower()
        technical = (
            any(c.isdigit() for c in word)
            or (word.isupper() and len(word) > 1)
            or low in PRODUCT_NAMES
            or (low in NOT_A_NAME and len(low) > 3 and low.isalpha() and low not in NOT_SYSTEM_WORDS)
            or _identifier(word)
        )
        if technical and low not in _PEOPLE_COMPOUNDS and low not in (w.lower() for w in out):
            out.append(word)
    return out


def _template(sentence: str, chat: bool, flagged: list[Hit]) -> str:
    times = [m.group(0).strip() for m in _TIME_OR_NUMBER.finditer(sentence)]
    facts = list(dict.fromkeys([*system_words(sentence), *times]))
    facts = [f for f in facts if not any(f != g and f in g for g in facts)]
    tail = f" ({', '.join(facts)})" if facts else ""
    if chat:
        return f"this needs a closer look at the conditions involved{tail}; what in our tooling or process made it possible?"
    if any(h.category == "punitive" for h in flagged):
        return f"This incident{tail} warrants a review of the process and tooling involved."
    return f"We are reviewing the conditions that led to this{tail} and what in the system and process allowed it."


def _clean(text: str) -> bool:
    return bool(text.strip()) and not any(h.confidence >= FLAG_AT for h in check_sentence(text))


def _keeps_facts(original: str, rewrite: str) -> bool:
    want = {m.group(0).strip().lower() for m in _TIME_OR_NUMBER.finditer(original)}
    low = rewrite.lower()
    return all(w in low for w in want)


def _is_chat(sentence: str) -> bool:
    s = sentence.strip()
    return not s[:1].isupper() or not s.endswith((".", "?", "!"))
