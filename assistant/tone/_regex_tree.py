"""A parse tree of a Python regular expression, for deriving the tone rules' literal gates.

The standard library's own parser (``re._parser``) is private and changes between Python versions,
so this is a small parser of our own. It reads the syntax the rule patterns use (literals, escapes,
classes, groups and lookarounds, alternation, greedy/lazy/possessive repeats, anchors) and builds
the same shape of tree as ``re._parser`` does, with its two branch optimisations (a prefix common to
every alternative moves out of the branch; single-character alternatives become a class), so the
derived gates are the same. Anything the gate does not need to look into (backreferences,
conditionals) becomes an opaque node; a pattern it cannot read raises ``RegexSyntaxError``.

Nodes are ``(op, argument)`` pairs, as in ``re._parser``:
``(LITERAL, codepoint)``, ``(NOT_LITERAL, codepoint)``, ``(ANY, None)``, ``(AT, where)``,
``(IN, [items])`` with items ``(LITERAL, cp)``, ``(RANGE, (lo, hi))``, ``(CATEGORY, name)``, ``(NEGATE, None)``;
``(SUBPATTERN, (group, add_flags, del_flags, seq))``, ``(ATOMIC_GROUP, seq)``,
``(ASSERT, (direction, seq))``, ``(ASSERT_NOT, (direction, seq))``,
``(MAX_REPEAT | MIN_REPEAT | POSSESSIVE_REPEAT, (min, max, seq))``, ``(BRANCH, (None, [seq, ...]))``,
``(GROUPREF, name_or_number)`` and ``(OTHER, text)``.
"""

from __future__ import annotations

from typing import Any

LITERAL = "LITERAL"
NOT_LITERAL = "NOT_LITERAL"
ANY = "ANY"
AT = "AT"
IN = "IN"
RANGE = "RANGE"
CATEGORY = "CATEGORY"
NEGATE = "NEGATE"
SUBPATTERN = "SUBPATTERN"
ATOMIC_GROUP = "ATOMIC_GROUP"
ASSERT = "ASSERT"
ASSERT_NOT = "ASSERT_NOT"
MAX_REPEAT = "MAX_REPEAT"
MIN_REPEAT = "MIN_REPEAT"
POSSESSIVE_REPEAT = "POSSESSIVE_REPEAT"
BRANCH = "BRANCH"
GROUPREF = "GROUPREF"
OTHER = "OTHER"
MAXREPEAT = -1  # no upper bound
_REPEATS = (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT)

_SPECIAL = ".\\[{()*+?^$|"
_FLAG_CHARS = "aiLmsux"
_ESCAPES = {"\\a": 7, "\\b": 8, "\\f": 12, "\\n": 10, "\\r": 13, "\\t": 9, "\\v": 11, "\\\\": 92}
_CATEGORIES: dict[str, tuple[str, Any]] = {
    "\\A": (AT, "BEGINNING_STRING"),
    "\\b": (AT, "BOUNDARY"),
    "\\B": (AT, "NON_BOUNDARY"),
    "\\Z": (AT, "END_STRING"),
    "\\d": (IN, [(CATEGORY, "DIGIT")]),
    "\\D": (IN, [(CATEGORY, "NOT_DIGIT")]),
    "\\s": (IN, [(CATEGORY, "SPACE")]),
    "\\S": (IN, [(CATEGORY, "NOT_SPACE")]),
    "\\w": (IN, [(CATEGORY, "WORD")]),
    "\\W": (IN, [(CATEGORY, "NOT_WORD")]),
}


class RegexSyntaxError(ValueError):
    """The pattern is not a regular expression this parser reads."""


class Seq(list[Any]):
    """A sequence of nodes; equal only to itself, as ``re._parser``'s SubPattern (prefix factoring relies on it)."""

    __hash__ = None

    def __eq__(self, other: object) -> bool:
        """Identity, not contents."""
        return self is other

    def __ne__(self, other: object) -> bool:
        """Identity, not contents."""
        return self is not other


def parse(pattern: str) -> Seq:
    """The parse tree of ``pattern`` (no flags; inline flags are read)."""
    source = _Source(pattern)
    tree = _parse_sub(source, verbose=False)
    if source.next is not None:
        raise RegexSyntaxError(f"unbalanced parenthesis at {source.pos} in {pattern!r}")
    return tree


class _Source:
    """The pattern as tokens: one character, or a backslash escape of two."""

    def __init__(self, text: str) -> None:
        """Start at the first token."""
        self.text = text
        self.pos = 0
        self.next: str | None = None
        self._advance()

    def _advance(self) -> None:
        if self.pos >= len(self.text):
            self.next = None
            return
        char = self.text[self.pos]
        if char == "\\":
            if self.pos + 1 >= len(self.text):
                raise RegexSyntaxError("bad escape (end of pattern)")
            char += self.text[self.pos + 1]
        self.pos += len(char)
        self.next = char

    def get(self) -> str | None:
        """The next token, consumed."""
        this = self.next
        self._advance()
        return this

    def match(self, char: str) -> bool:
        """Consume the next token when it is ``char``."""
        if self.next == char:
            self._advance()
            return True
        return False

    def tell(self) -> int:
        """Where the next token starts."""
        return self.pos - len(self.next or "")

    def seek(self, index: int) -> None:
        """Go back to a position from ``tell``."""
        self.pos = index
        self._advance()

    def until(self, end: str) -> str:
        """Characters up to ``end`` (consumed, not returned)."""
        out = ""
        while True:
            char = self.get()
            if char is None:
                raise RegexSyntaxError(f"missing {end}")
            if char == end:
                return out
            out += char


def _parse_sub(source: _Source, verbose: bool) -> Seq:
    """Alternatives separated by ``|``, with the common prefix and single-character optimisations."""
    items = [_parse(source, verbose)]
    while source.match("|"):
        items.append(_parse(source, verbose))
    if len(items) == 1:
        return items[0]
    out = Seq()
    while all(items) and all(item[0] == items[0][0] for item in items[1:]):
        prefix = items[0][0]
        for item in items:
            del item[0]
        out.append(prefix)  # every alternative starts with it: move it out of the branch
    chars: list[Any] = []
    for item in items:
        if len(item) != 1:
            break
        op, av = item[0]
        if op == LITERAL:
            chars.append((op, av))
        elif op == IN and av[0][0] != NEGATE:
            chars.extend(av)
        else:
            break
    else:
        out.append((IN, _uniq(chars)))  # single characters: a class instead of a branch
        return out
    out.append((BRANCH, (None, items)))
    return out


def _parse(source: _Source, verbose: bool) -> Seq:
    """One alternative: a sequence of items up to ``|`` or ``)``."""
    out = Seq()
    while True:
        this = source.next
        if this is None or this in "|)":
            return _unpack(out)
        source.get()
        if verbose and this in " \t\n\r\v\f":
            continue
        if verbose and this == "#":
            while source.next not in (None, "\n"):
                source.get()
            continue
        if this[0] == "\\":
            out.append(_escape(this))
        elif this not in _SPECIAL:
            out.append((LITERAL, ord(this)))
        elif this == "[":
            out.append(_class(source))
        elif this in "*+?{":
            _repeat(source, this, out)
        elif this == ".":
            out.append((ANY, None))
        elif this == "(":
            node, verbose = _group(source, verbose, first=not out)
            if node is not None:
                out.append(node)
        elif this == "^":
            out.append((AT, "BEGINNING"))
        elif this == "$":
            out.append((AT, "END"))
        else:  # pragma: no cover - every special character is handled above
            raise RegexSyntaxError(f"unsupported {this!r}")


def _unpack(seq: Seq) -> Seq:
    """Splice plain non-capturing groups into the sequence, as ``re._parser`` does."""
    for i in range(len(seq) - 1, -1, -1):
        op, av = seq[i]
        if op == SUBPATTERN and av[0] is None and not av[1] and not av[2]:
            seq[i : i + 1] = av[3]
    return seq


def _escape(escape: str) -> tuple[str, Any]:
    if escape in _CATEGORIES:
        op, av = _CATEGORIES[escape]
        return (op, list(av) if op == IN else av)
    if escape in _ESCAPES:
        return (LITERAL, _ESCAPES[escape])
    char = escape[1:2]
    if char.isascii() and (char.isalpha() or char.isdigit()):
        # \x, \u, octal and group references: the gate needs no literal from them
        return (GROUPREF, escape) if char.isdigit() else (OTHER, escape)
    return (LITERAL, ord(char))


def _class_item(source: _Source, this: str) -> tuple[str, Any]:
    if this[0] != "\\":
        return (LITERAL, ord(this))
    if this in _ESCAPES:
        return (LITERAL, _ESCAPES[this])
    if this in _CATEGORIES and _CATEGORIES[this][0] == IN:
        return _CATEGORIES[this][1][0]  # type: ignore[no-any-return]
    char = this[1:2]
    if char.isascii() and (char.isalpha() or char.isdigit()):
        return (OTHER, this)
    return (LITERAL, ord(char))


def _class(source: _Source) -> tuple[str, Any]:
    """A ``[...]`` class: a single literal stays a literal, as ``re._parser`` does."""
    items: list[Any] = []
    negate = source.match("^")
    start = True
    while True:
        this = source.get()
        if this is None:
            raise RegexSyntaxError("unterminated character set")
        if this == "]" and not start:
            break
        start = False
        first = _class_item(source, this)
        if source.match("-"):
            that = source.get()
            if that is None:
                raise RegexSyntaxError("unterminated character set")
            if that == "]":
                items += [first, (LITERAL, ord("-"))]
                break
            last = _class_item(source, that)
            if first[0] != LITERAL or last[0] != LITERAL:
                items += [(OTHER, None)]  # a range over a class escape: nothing literal to learn
                continue
            items.append((RANGE, (first[1], last[1])))
        else:
            items.append(first)
    items = _uniq(items)
    if len(items) == 1 and items[0][0] == LITERAL:
        return (NOT_LITERAL, items[0][1]) if negate else items[0]
    return (IN, [(NEGATE, None), *items] if negate else items)


def _repeat(source: _Source, this: str, out: Seq) -> None:
    """Apply ``* + ? {m,n}`` (and a lazy ``?`` or possessive ``+`` after it) to the item before."""
    here = source.tell()
    low, high = {"?": (0, 1), "*": (0, MAXREPEAT), "+": (1, MAXREPEAT)}.get(this, (0, MAXREPEAT))
    if this == "{":
        if source.next == "}":
            out.append((LITERAL, ord("{")))
            return
        lo = hi = ""
        while source.next is not None and source.next.isdigit():
            lo += source.get() or ""
        if source.match(","):
            while source.next is not None and source.next.isdigit():
                hi += source.get() or ""
        else:
            hi = lo
        if not source.match("}"):  # not a repeat: a literal brace
            out.append((LITERAL, ord("{")))
            source.seek(here)
            return
        low = int(lo) if lo else 0
        high = int(hi) if hi else MAXREPEAT
    if not out or out[-1][0] == AT:
        raise RegexSyntaxError("nothing to repeat")
    if out[-1][0] in _REPEATS:
        raise RegexSyntaxError("multiple repeat")
    item: Seq = Seq(out[-1:])
    if out[-1][0] == SUBPATTERN:
        group, add, remove, inner = out[-1][1]
        if group is None and not add and not remove:
            item = inner
    op = MIN_REPEAT if source.match("?") else POSSESSIVE_REPEAT if source.match("+") else MAX_REPEAT
    out[-1] = (op, (low, high, item))


def _group(source: _Source, verbose: bool, *, first: bool) -> tuple[tuple[str, Any] | None, bool]:
    """A parenthesised item (None for a comment or global flags), and the verbose flag after it."""
    if not source.match("?"):
        return _body(source, verbose, 1, 0, 0), verbose
    char = source.get()
    if char == "P":
        if source.match("="):
            return (GROUPREF, source.until(")")), verbose
        if not source.match("<"):
            raise RegexSyntaxError("unknown extension ?P")
        source.until(">")
        return _body(source, verbose, 1, 0, 0), verbose
    if char == "#":
        source.until(")")
        return None, verbose
    if char in ("=", "!", "<"):
        return _lookaround(source, char, verbose), verbose
    if char == "(":
        source.until(")")
        _closed(source, _parse_sub(source, verbose))
        return (OTHER, "conditional"), verbose
    if char == ">":
        return (ATOMIC_GROUP, _closed(source, _parse_sub(source, verbose))), verbose
    if char == ":":
        return _body(source, verbose, None, 0, 0), verbose
    if char is None or not (char in _FLAG_BITS or char == "-"):
        raise RegexSyntaxError(f"unknown extension ?{char}")
    add, remove, scoped = _flags(source, char)
    if scoped:
        return _body(source, verbose, None, add, remove), verbose
    if not first:
        raise RegexSyntaxError("global flags not at the start of the expression")
    return None, verbose or bool(add & _X)


def _body(source: _Source, verbose: bool, group: int | None, add: int, remove: int) -> tuple[str, Any]:
    """A group's contents up to its ``)``; ``group`` is None for a non-capturing one."""
    inner_verbose = (verbose or bool(add & _X)) and not remove & _X
    return (SUBPATTERN, (group, add, remove, _closed(source, _parse_sub(source, inner_verbose))))


def _lookaround(source: _Source, char: str | None, verbose: bool) -> tuple[str, Any]:
    """``(?=`` ``(?!`` ``(?<=`` ``(?<!``: an assertion with its direction (1 ahead, -1 behind)."""
    direction = 1
    if char == "<":
        char = source.get()
        if char not in ("=", "!"):
            raise RegexSyntaxError("unknown extension ?<")
        direction = -1
    inner = _closed(source, _parse_sub(source, verbose))
    return (ASSERT if char == "=" else ASSERT_NOT, (direction, inner))


def _closed(source: _Source, inner: Seq) -> Seq:
    """``inner``, after checking the ``)`` that closes it."""
    if not source.match(")"):
        raise RegexSyntaxError("missing ), unterminated subpattern")
    return inner


_FLAG_BITS = {"a": 256, "i": 2, "L": 4, "m": 8, "s": 16, "u": 32, "x": 64}
_X = _FLAG_BITS["x"]


def _flags(source: _Source, char: str) -> tuple[int, int, bool]:
    """Flags as (added, removed) bits and whether they are scoped ``(?i:...)`` rather than global ``(?i)``."""
    add = remove = 0
    while char in _FLAG_BITS:
        add |= _FLAG_BITS[char]
        char = source.get() or ""
    if char == ")":
        return add, 0, False
    if char == "-":
        char = source.get() or ""
        while char in _FLAG_BITS:
            remove |= _FLAG_BITS[char]
            char = source.get() or ""
    if char != ":":
        raise RegexSyntaxError("missing :, unterminated flags")
    return add, remove, True


def _uniq(items: list[Any]) -> list[Any]:
    return list(dict.fromkeys(items))
