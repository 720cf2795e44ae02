"""The span type every detector returns, and how overlapping spans are resolved."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Kinds in priority order: when two findings overlap, the earlier kind wins.
KINDS: tuple[str, ...] = (
    "secret",
    "sensitive",
    "email",
    "personal",
    "customer",
    "phone",
    "ip",
    "person",
    "name",
)

PLACEHOLDER_RE = re.compile(r"<(?:SECRET|REDACTED|EMAIL|PERSONAL|CUSTOMER|PHONE|IP|PERSON)_\d+>")


@dataclass(frozen=True)
class Span:
    """One sensitive piece of text: where it is, what kind, and which rule found it."""

    start: int
    end: int
    kind: str
    rule: str
    detail: str = ""  # the field or key word that decided ("dob", "password"), for --explain

    def value(self, text: str) -> str:
        return text[self.start : self.end]


def resolve(spans: list[Span], text: str) -> list[Span]:
    """Non-overlapping spans in text order; higher-priority kinds and longer spans win."""
    protected = [(m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text)]
    ranked = sorted(spans, key=lambda s: (KINDS.index(s.kind), -(s.end - s.start), s.start))
    taken: list[Span] = []
    for s in ranked:
        if s.end <= s.start:
            continue
        if any(s.start < b and a < s.end for a, b in protected):
            continue  # never redact inside a placeholder we already wrote
        if any(s.start < t.end and t.start < s.end for t in taken):
            continue
        taken.append(s)
    return sorted(taken, key=lambda s: s.start)
