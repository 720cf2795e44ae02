"""Cheap prefilters for the rule regexes, derived from the regexes themselves.

For each rule we look for a mandatory part of the pattern whose every alternative starts with a
literal of at least two characters; any match must then contain one of those literals, so a
sentence without any of them skips the regex. This keeps the rules fast (thousands of sentences
per second) without a hand-kept keyword list that could drift from the patterns.
"""

from __future__ import annotations

import re._constants as _c  # type: ignore[import-not-found]
import re._parser as _p  # type: ignore[import-not-found]
from typing import Any

_MIN = 2


def literal_gate(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literals of which every match contains one, or None when none can be derived."""
    try:
        parsed = _p.parse(pattern, 0)
    except Exception:  # pragma: no cover - every rule compiles elsewhere; be safe here
        return None
    best = _best(list(parsed))
    return tuple(sorted(best)) if best else None


def _best(seq: list[Any]) -> set[str] | None:
    """Best literal set among the mandatory items of a sequence (longest shortest literal)."""
    choice: set[str] | None = None
    for i, (op, av) in enumerate(seq):
        found = _item(op, av, seq[i:])
        if found and (choice is None or _rank(found) > _rank(choice)):
            choice = found
    return choice


def _rank(words: set[str]) -> tuple[int, int]:
    return (min(len(w) for w in words), -len(words))


def _item(op: Any, av: Any, rest: list[Any]) -> set[str] | None:
    if op is _c.LITERAL:
        word = _prefix(rest)
        return {word} if len(word) >= _MIN else None
    if op is _c.SUBPATTERN:
        return _best(list(av[-1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
        return _best(list(av[2]))
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            words = _branch_prefixes(list(branch))
            if not words:
                return None
            out |= words
        return out
    return None


def _branch_prefixes(seq: list[Any]) -> set[str] | None:
    """Literal prefixes every match of this branch starts with (None if some can be short)."""
    if not seq:
        return None
    op, av = seq[0]
    if op is _c.LITERAL:
        word = _prefix(seq)
        return {word} if len(word) >= _MIN else None
    if op is _c.SUBPATTERN:
        inner = list(av[-1])
        if len(inner) == 1 and inner[0][0] is _c.BRANCH:
            out: set[str] = set()
            for branch in inner[0][1][1]:
                words = _branch_prefixes(list(branch))
                if not words:
                    return None
                out |= words
            return out
        return _branch_prefixes(inner)
    if op is _c.AT:  # \b and friends take no characters
        return _branch_prefixes(seq[1:])
    return None


def _prefix(seq: list[Any]) -> str:
    chars = []
    for op, av in seq:
        if op is not _c.LITERAL:
            break
        chars.append(chr(av))
    return "".join(chars).lower()
