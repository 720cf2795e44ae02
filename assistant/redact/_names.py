"""People's names → stable aliases ("Responder A"). Names come from chat actors and mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from assistant.redact._spans import Span

# Handles that are also everyday words: only "@will" and the actor field are aliased, never the word.
_EVERYDAY_WORDS = {
    "will",
    "mark",
    "bill",
    "may",
    "june",
    "april",
    "august",
    "rob",
    "pat",
    "sue",
    "art",
    "max",
    "ray",
    "grant",
    "hope",
    "joy",
    "dawn",
    "rose",
    "jack",
    "frank",
    "faith",
    "summer",
    "chase",
    "lane",
    "page",
    "cash",
    "sky",
    "star",
    "king",
    "long",
    "young",
    "white",
    "black",
    "green",
    "brown",
    "ops",
    "dev",
    "sre",
    "bot",
    "admin",
    "root",
    "team",
    "oncall",
    "support",
    "infra",
    "alert",
    "here",
    "channel",
    "everyone",
    "all",
    "the",
    "and",
    "not",
    "can",
    "did",
    "son",
    "guy",
    "man",
}
MENTION = re.compile(r"(?<![\w.@])@([A-Za-z][\w.-]{1,40}[A-Za-z0-9])")
# "Responder A", or "Responder_A" as prompt headers write an actor (one token)
ALIAS_RE = re.compile(r"\bResponder[ _]([A-Z]{1,2})(?![A-Za-z0-9])")


def alias_label(index: int) -> str:
    """'Responder A' for 0, … 'Responder Z', then 'Responder AA'."""
    letters = ""
    n = index
    while True:
        letters = chr(ord("A") + n % 26) + letters
        n = n // 26 - 1
        if n < 0:
            return f"Responder {letters}"


def name_variants(name: str) -> list[str]:
    """The ways a person is referred to: 'pieter.v' → ['pieter.v', 'pieter']; 'Ana Lima' → also 'Ana', 'Lima'."""
    name = name.strip().lstrip("@")
    variants = [name]
    parts = [p for p in re.split(r"[\s._-]+", name) if p]
    if len(parts) > 1:
        for part in (parts[0], parts[-1] if " " in name else ""):
            if len(part) >= 3 and part.isalpha() and part.lower() not in _EVERYDAY_WORDS:
                variants.append(part)
    return variants


def name_spans(text: str, names: Iterable[str]) -> Iterator[tuple[Span, str]]:
    """Spans of any variant of the given names, with the canonical name each belongs to."""
    by_variant: dict[str, str] = {}
    for name in names:
        for v in name_variants(name):
            by_variant.setdefault(v.lower(), name)
    if not by_variant:
        return
    alternation = "|".join(re.escape(v) for v in sorted(by_variant, key=len, reverse=True))
    rx = re.compile(r"(?<![\w.@-])(@?)(" + alternation + r")(?![\w@]|[.-]\w)", re.IGNORECASE)
    for m in rx.finditer(text):
        variant = m.group(2).lower()
        if variant in _EVERYDAY_WORDS and not m.group(1):
            continue
        yield Span(m.start(), m.end(), "name", "name"), by_variant[variant]
