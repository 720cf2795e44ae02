"""Log templates: which lines of a log are the same statement with different values.

Method (our own; measured against drain3 and the published Drain figures in
``eval/bench/bench_logs.py`` and ``tests/test_templates.py``): two stages, no per-dataset settings.

1. **Token masking, by syntax.** A message is cut into words and delimiters (whitespace, ``=,;()[]{}"'<>|``).
   A word is a variable when it carries a digit (numbers, ids, IPs, versions, times), is long hex,
   is a path (holds ``/`` or ``\\``), a boolean/null literal, the value of ``key=value`` or
   ``key:value`` (also a quoted value, spaces and all), a fully qualified dotted name
   (``org.apache.Foo``, ``com.android.phone``) or a unit right after a masked number (``5.2 KB``).
   Whitespace runs count as one space. Lines with equal masked words share a *key*.
2. **Merging by position statistics** (``TemplateMiner.finish``). Keys of equal length that differ in
   exactly one word position (never the first) are one template when that position takes at least
   ``MERGE_VALUES`` distinct values on rare keys: a word that varies that much, each value on a few
   lines, is a value (a user, host or hive name), not part of the statement. Two or three variants
   ("view acls" / "modify acls") and frequent variants ("created order" / "created invoice") stay apart.

Stage 1 is a pure function of the line, so streaming callers (the timeline's condenser) cache it by
the line's shape; stage 2 runs once at the end over the distinct keys (a few thousand at most).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

WILD = "<*>"
_TOKEN = re.compile(r"""\.{2,}|(?:[^\s=,;()\[\]{}"'<>|.]|\.(?!\.))+|[=,;()\[\]{}"'<>|]""")
_UNITS = frozenset(
    (
        "b",
        "kb",
        "mb",
        "gb",
        "tb",
        "kib",
        "mib",
        "gib",
        "bytes",
        "ms",
        "us",
        "µs",
        "ns",
        "s",
        "sec",
        "secs",
        "seconds",
        "m",
        "min",
        "mins",
        "h",
        "hours",
        "%",
    )
)
_LITERALS = frozenset(("true", "false", "null", "none", "nil", "undefined"))
_HEX = re.compile(r"^(?:0x)?[0-9a-fA-F]{8,}$")
_DOTTED = re.compile(r"^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){2,}$")
_SHAPE = str.maketrans("", "", "0123456789")
_DELIMS = frozenset("=,;()[]{}\"'<>|")
MERGE_VALUES = 4  # distinct words at one position that make it a variable (stage 2)
RARE_LINES, RARE_SHARE = 3, 0.01  # stage 2 merges keys of at most max(3 lines, 1% of their length's lines)
MAX_CHARS = 2000  # longer messages are templated on their first MAX_CHARS characters


def _is_value(word: str) -> bool:
    for c in word:
        if c.isdigit():
            return True
    return (
        word.lower() in _LITERALS
        or "/" in word
        or "\\" in word
        or bool(_HEX.match(word))
        or bool(_DOTTED.match(word))
    )


def template_words(text: str, *, states: bool = False) -> tuple[str, ...]:
    """Stage 1: the message's words with variables replaced by ``<*>``.

    ``states=True`` keeps digit-free values of ``key=value``/``key:value`` and literals as words
    (``status=FAILED``, ``ready=false``): for an incident timeline they are states whose change is
    news, where for grouping statements they are values.
    """
    if states:
        return _state_words(text)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
    toks = _TOKEN.findall(text)
    out: list[str] = []
    quote = ""  # inside a quoted value of key=value
    prev = ""
    for i, t in enumerate(toks):
        if quote:
            if t == quote:
                quote = ""
                out.append(t)
            elif out[-1] != WILD:
                out.append(WILD)
            prev = t
            continue
        if prev == "=":
            if t in ('"', "'"):
                quote = t
                out.append(t)
            else:
                out.append(WILD)
            prev = t
            continue
        if _is_value(t):
            out.append(WILD)
        elif out and out[-1] == WILD and t.lower() in _UNITS and toks[i + 1 : i + 2] != ["="]:
            prev = t
            continue  # "5.2 KB": the unit belongs to the number
        elif ":" in t[1:-1]:
            key, _, _ = t.partition(":")
            out.append(key + ":" + WILD)
        else:
            out.append(t)
        prev = t
    return tuple(out)


_MARK = "\x01"
# A word (as _TOKEN cuts them) holding a digit or a path separator: one C-speed pass masks them all.
_STATE_VAR = re.compile(
    r"""(?:[^\s=,;()\[\]{}"'<>|.]|\.(?!\.))*[\d/\\](?:[^\s=,;()\[\]{}"'<>|.]|\.(?!\.))*"""
)


def _state_words(text: str) -> tuple[str, ...]:
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
    out: list[str] = []
    for t in _TOKEN.findall(_STATE_VAR.sub(_MARK, text)):
        if _MARK in t:
            if not out or out[-1] != WILD:
                out.append(WILD)
        else:
            out.append(t)
    return tuple(out)


def render(words: tuple[str, ...]) -> str:
    """A template for people: words joined with spaces, delimiters and quotes hugging their words."""
    out: list[str] = []
    open_quote = ""
    glue = True  # no space before the next word
    for w in words:
        if w in ('"', "'"):
            if open_quote == w:  # closing quote hugs the word before it
                out.append(w)
                open_quote, glue = "", False
                continue
            if not open_quote:
                out.append(w if glue else " " + w)
                open_quote, glue = w, True
                continue
        if w in ",;)]}=:" or glue:
            out.append(w)
        else:
            out.append(" " + w)
        glue = w in "([{=" and len(w) == 1
    return "".join(out)


@dataclass
class Template:
    """One template: its id, words and how many lines it has."""

    id: str
    words: tuple[str, ...]
    count: int = 0

    @property
    def text(self) -> str:
        """The template's words joined, with ``<*>`` where the values vary."""
        return render(self.words)


@dataclass
class TemplateMiner:
    """Feed messages with ``add`` (returns the line's key); ``finish`` merges keys into templates.

    ``template_of(key)`` then gives each key's final ``Template``.
    """

    keys: dict[tuple[str, ...], int] = field(default_factory=dict)
    states: bool = False  # stage 1 keeps digit-free key=value values (see template_words)
    _cache: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _final: dict[tuple[str, ...], Template] = field(default_factory=dict)

    def key_of(self, text: str) -> tuple[str, ...]:
        """Stage 1 for one message, cached by its digit-free shape."""
        shape = text.translate(_SHAPE)
        words = self._cache.get(shape)
        if words is None:
            words = template_words(text, states=self.states)
            if len(self._cache) >= 200_000:
                self._cache.clear()
            self._cache[shape] = words
        return words

    def add(self, text: str, weight: int = 1) -> tuple[str, ...]:
        """Count one message; returns its stage-1 key."""
        words = self.key_of(text)
        self.keys[words] = self.keys.get(words, 0) + weight
        return words

    def finish(self) -> list[Template]:
        """Stage 2: merge keys into templates; returns them, most frequent first."""
        parent = {k: k for k in self.keys}

        def root(k: tuple[str, ...]) -> tuple[str, ...]:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        by_len: dict[int, list[tuple[str, ...]]] = defaultdict(list)
        for k in self.keys:
            by_len[len(k)].append(k)
        merged_words: dict[tuple[str, ...], tuple[str, ...]] = {}
        for n, ks in by_len.items():
            if len(ks) < MERGE_VALUES or n < 2:
                continue
            # Only rare variants merge: a value (user, host, hive name) shows on a few lines each, while
            # statements that differ in one word ("created order" / "created invoice") each repeat a lot.
            rare = max(RARE_LINES, RARE_SHARE * sum(self.keys[k] for k in ks))
            for pos in range(1, n):  # the first word names the statement: never merged
                groups: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
                for k in ks:
                    if k[pos] != WILD and k[pos] not in _DELIMS and self.keys[k] <= rare:
                        groups[(*k[:pos], WILD, *k[pos + 1 :])].append(k)
                for skel, members in groups.items():
                    if len(members) < MERGE_VALUES or sum(1 for w in skel if w != WILD) < 2:
                        continue
                    r0 = root(members[0])
                    for m in members[1:]:
                        rm = root(m)
                        if rm != r0:
                            parent[rm] = r0
                    merged_words[r0] = _join(merged_words.get(r0, r0), skel)
        final: dict[tuple[str, ...], Template] = {}
        by_root: dict[tuple[str, ...], Template] = {}
        for k, count in sorted(self.keys.items(), key=lambda kv: -kv[1]):
            r = root(k)
            t = by_root.get(r)
            if t is None:
                words = merged_words.get(r, r)
                t = by_root[r] = Template(f"T{len(by_root) + 1:04d}", words)
            t.count += count
            final[k] = t
        self._final = final
        return sorted(by_root.values(), key=lambda t: -t.count)

    def template_of(self, key: tuple[str, ...]) -> Template:
        """The final template of a stage-1 key (after ``finish``)."""
        return self._final[key]


def _join(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(x if x == y else WILD for x, y in zip(a, b, strict=True))
