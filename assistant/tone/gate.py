"""Cheap prefilters for the rule regexes, derived from the regexes themselves.

For each rule we look for a mandatory part of the pattern whose every alternative starts with a
literal (two or more characters, or one non-ASCII character such as an emoji); any match must then
contain one of those literals, so a sentence without any of them skips the regex. Deriving the
literals from the patterns avoids a hand-kept keyword list that could drift from them. Parsing is
slow, so ``gates_table.py`` holds the derived literals (written by ``gates_build``; a test checks it
is current). The parse tree comes from ``_regex_tree`` (our own parser: the standard library's
``re._parser`` is private).
"""

from __future__ import annotations

from typing import Any

from assistant.tone import _regex_tree as _c

_MAX_HEAD = 10  # longer literals add nothing to the filter
_MAX_SET = 80  # give up on exploding alternations


def literal_gate(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literals of which every match contains one, or None when none can be derived."""
    try:
        parsed = _c.parse(pattern)
    except _c.RegexSyntaxError:  # pragma: no cover - every rule compiles elsewhere; be safe here
        return None
    best = _best(list(parsed))
    return tuple(sorted(best)) if best else None


def _good(words: set[str] | None) -> bool:
    return (
        bool(words)
        and len(words or ()) <= _MAX_SET
        and all(len(w) >= 2 or (len(w) == 1 and not w.isascii()) for w in words or ())
    )


def _best(seq: list[Any]) -> set[str] | None:
    """Best literal set among the mandatory items of a sequence (longest shortest literal)."""
    choice: set[str] | None = None
    for i, (op, av) in enumerate(seq):
        found = _item(op, av, seq[i:])
        if _good(found) and (choice is None or _rank(found) > _rank(choice)):  # type: ignore[arg-type]
            choice = found
    return choice


# Substrings found in most English sentences: a gate made of these filters nothing.
_COMMON = frozenset(
    [
        "the",
        "her",
        "his",
        "him",
        "hi",
        "he",
        "on",
        "as",
        "is",
        "in",
        "it",
        "an",
        "at",
        "to",
        "be",
        "we",
        "or",
        "of",
        "no",
        "so",
        "do",
        "and",
        "are",
        "was",
        "for",
        "you",
        "all",
        "can",
        "not",
        "but",
        "had",
        "has",
        "one",
        "out",
        "way",
    ]
)


def _cost(word: str) -> float:
    if word in _COMMON:
        return 1.0
    return {1: 0.05, 2: 0.3, 3: 0.1}.get(len(word), 0.02)


def _rank(words: set[str]) -> float:
    """Higher is better: fewer, longer, rarer literals."""
    return -sum(_cost(w) for w in words)


def _item(op: Any, av: Any, rest: list[Any]) -> set[str] | None:
    if op == _c.LITERAL or op == _c.IN:
        return _heads(rest)
    if op == _c.SUBPATTERN:
        return _best(list(av[-1]))
    if op == _c.ASSERT and av[0] == 1:  # a lookahead's text is part of every match's context
        return _best(list(av[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
        return _best(list(av[2]))
    if op == _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            words = _best(list(branch))
            if not _good(words):
                words = _heads(list(branch) + rest[1:])
            if not _good(words):
                return None
            out |= words or set()
        return out
    return None


def _heads(seq: list[Any], depth: int = 0) -> set[str] | None:
    """Literal prefixes every match of ``seq`` starts with, or None when it can start anyhow."""
    if not seq or depth > _MAX_HEAD:
        return None
    op, av = seq[0]
    rest = seq[1:]
    if op == _c.AT:  # \b and friends take no characters
        return _heads(rest, depth)
    if op == _c.SUBPATTERN:
        return _heads(list(av[-1]) + rest, depth)
    if op == _c.LITERAL:
        return _extend({chr(av).lower()}, rest, depth)
    if op == _c.IN:
        chars = _chars(av)
        return _extend(chars, rest, depth) if chars else None
    if op == _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            words = _heads(list(branch) + rest, depth)
            if words is None:
                return None
            out |= words
            if len(out) > _MAX_SET:
                return None
        return out
    return None


def _extend(first: set[str], rest: list[Any], depth: int) -> set[str]:
    tail = _heads(rest, depth + 1) if rest else None
    if not tail or len(first) * len(tail) > _MAX_SET:
        return first
    return {(a + b)[:_MAX_HEAD] for a in first for b in tail}


def _chars(av: Any) -> set[str] | None:
    """The characters of a small set of literals ([🙄🤦], ['"]), or None for classes/ranges."""
    out: set[str] = set()
    for op, v in av:
        if op != _c.LITERAL:
            return None
        out.add(chr(v).lower())
    return out if len(out) <= 6 else None


def fingerprint(pattern: str) -> str:
    """Short stable key of a rule pattern for the precomputed gate table."""
    import hashlib

    return hashlib.blake2b(pattern.encode(), digest_size=8).hexdigest()
