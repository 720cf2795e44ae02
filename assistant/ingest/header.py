"""The header between a log line's stamp and its message: level, component, and where the message starts.

Learned per file from the text after the stamp on the sample lines, by column statistics — no
vendor formats:

- the **level column**: the first field (of the first eight) where most lines carry a level word
  (``INFO``, ``[error]``, ``<warn>``; single letters ``V D I W E F`` only when nearly every line has
  one there, as logcat and glog do);
- **pipe-separated headers** (``|comp|pid|message``): most lines start with ``|`` → the message is
  the last of the usual number of fields;
- **comma-separated rows** after the stamp (PostgreSQL ``csvlog``: ``log_time,user_name,…,
  error_severity,sql_state_code,message,…``): most lines continue with ``,`` and parse as CSV rows of
  one width → the level column is where level words sit, the message the first column after it
  that holds words and spaces;
- a **one-symbol level column** (Redis: ``.`` debug, ``-`` verbose, ``*`` notice, ``#`` warning)
  when nearly every line starts with one of those symbols;
- after the level (or from the start when there is none): bracketed fields (threads, pids, hosts),
  lone separators (``-``, ``|``, ``:``) and one ``component:`` field (``dfs.DataNode:``,
  ``sshd[42]:``, ``WindowManager:``) or dotted logger before a separator (``com.shop.Orders -``)
  belong to the header when most lines have them there.

The message is what follows; the template miner never sees thread names or pids, which are
values of the header, not words of the statement.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.ingest._levels import LETTER_LEVELS, LEVELS, MONOLOG_LEVELS, SYMBOL_LEVELS

_FIELD = re.compile(r"\[(?:[^\[\]]|\[[^\[\]]*\])*\]|\S+")
_SEPARATORS = frozenset(("-", "|", ":", ">", "--", "::", "~"))
_COMPONENT = re.compile(r"^[A-Za-z_$.][\w$.\-/()]*(?:\[[\w.\-]*\])?:$")
# Monolog's line format (Laravel, Symfony): "[2026-02-10 10:47:12] production.ERROR: message {context}",
# the channel and the level in one field.
_MONOLOG = re.compile(r"^([\w-]+)\.(" + "|".join(MONOLOG_LEVELS) + r"):$")
_STRIP = "[]<>:,()"
_LOGGER = re.compile(r"^[A-Za-z_$][\w$]*(?:[.:/][\w$]+)+$")  # a dotted logger or class name
MAX_HEADER_FIELDS = 8
# Redis writes "pid:role" before the stamp; the role letter names the process (server.c).
_REDIS_ROLE = re.compile(r"^\d+:([XCSM])$")
_ROLES = {"X": "sentinel", "C": "child", "S": "replica", "M": "master"}


def glued_level(line: str, start: int) -> str | None:
    """The level written before the stamp, or None: a one-letter code glued to it (glog/klog
    ``E0314 …``) or a level column first (Windows Event Viewer CSV ``Error,10/20/2026 1:35:00 PM,…``)."""
    if start == 1:
        return LETTER_LEVELS.get(line[0])
    head = line[:start].strip(" \t,;|")
    return level_word(head) if 1 < len(head) < 16 and not any(ch in head for ch in " \t,;|") else None


def prefix_role(prefix: str) -> str | None:
    """The role a "pid:role" prefix before the stamp names (Redis ``1:M`` → 'master'), or None."""
    m = _REDIS_ROLE.match(prefix.strip())
    return _ROLES[m.group(1)] if m else None


def level_word(field: str, letters: bool = False) -> str | None:
    """The normalised level of one header field ('[ERROR]' → 'error'), or None."""
    w = field.strip(_STRIP).lstrip("\ufeff")
    if not w.isascii():  # level names in other scripts and accents ("エラー", "警告", "información")
        return LEVELS.get(w.lower())
    if letters and len(w) == 1:
        return LETTER_LEVELS.get(w)
    return LEVELS.get(w.lower()) if 2 < len(w) < 14 or w.lower() == "err" else None


@dataclass(frozen=True)
class Header:
    """A learned header: the level column (or None), letter levels, pipe fields, component column."""

    level_col: int | None = None
    letters: bool = False
    pipes: int = 0
    component: bool = False
    brackets: bool = False
    logger: bool = False
    csv_cols: tuple[int, int] | None = None  # (level column or -1, message column) of CSV rows
    symbols: bool = False  # the level column holds one-symbol levels (Redis)

    def split(self, rest: str) -> tuple[str | None, str | None, str]:
        """(level, component, message) of the text after a line's stamp."""
        if self.csv_cols is not None and (got := self._split_csv(rest)) is not None:
            return got
        rest = rest.lstrip(" \t,;")
        if self.pipes and rest.startswith("|"):
            parts = rest[1:].split("|", self.pipes)
            comp = parts[0].strip() or None if len(parts) > 1 else None
            return _level_in(parts[:-1], self.letters), comp, parts[-1].strip()
        fields: list[tuple[int, str]] = []
        for m in _FIELD.finditer(rest, 0, 600):  # the header is in the first few fields
            fields.append((m.start(), m.group()))
            if len(fields) > MAX_HEADER_FIELDS + 2:
                break
        i, level, comp = 0, None, None
        if self.level_col is not None and len(fields) > self.level_col:
            f0 = fields[self.level_col][1]
            lv = SYMBOL_LEVELS.get(f0) if self.symbols else level_word(f0, self.letters)
            if lv is not None:
                level, i = lv, self.level_col + 1
        if level is None and fields and (mono := _MONOLOG.match(fields[0][1])):
            level, comp, i = LEVELS.get(mono.group(2).lower()), mono.group(1), 1
        if level is None:
            # Lines of another source interleaved (compose, stern): a level word among the first fields.
            for j, (_, f) in enumerate(fields[:4]):
                lv = level_word(f) if f.isupper() or f[:1] in "[<" else None
                if lv is not None:
                    level, i = lv, j + 1
                    break
        i = self._skip(fields, i)
        if (
            comp is None
            and self.component
            and i < len(fields)
            and _COMPONENT.match(fields[i][1])
            and level_word(fields[i][1]) is None
        ):
            comp = fields[i][1][:-1]
            i = self._skip(fields, i + 1, brackets=False)
        elif (
            comp is None
            and self.logger
            and i + 1 < len(fields)
            and fields[i + 1][1] in _SEPARATORS
            and _LOGGER.match(fields[i][1])
        ):
            comp = fields[i][1]  # "com.shop.Orders - message" (log4j/logback %logger - %msg)
            i = self._skip(fields, i + 1, brackets=False)
        if i >= len(fields):
            return level, comp, "" if fields else rest.strip()
        return level, comp, rest[fields[i][0] :].rstrip()

    def _split_csv(self, rest: str) -> tuple[str | None, str | None, str] | None:
        assert self.csv_cols is not None
        rest = rest.lstrip(" \t")
        if not rest.startswith(","):
            return None
        row = _csv_row(rest[1:])
        level_col, msg_col = self.csv_cols
        if len(row) <= msg_col:
            return None
        level = level_word(row[level_col]) if level_col >= 0 else None
        return level, None, row[msg_col]

    def _skip(self, fields: list[tuple[int, str]], i: int, *, brackets: bool = True) -> int:
        while i < len(fields):
            f = fields[i][1]
            if f in _SEPARATORS or (brackets and self.brackets and f[0] == "[" and f[-1] == "]"):
                i += 1
                continue
            break
        return i


def _level_in(parts: Sequence[str], letters: bool) -> str | None:
    for p in parts:
        lv = level_word(p.strip(), letters)
        if lv:
            return lv
    return None


def _csv_row(text: str) -> list[str]:
    try:
        return next(csv.reader([text]), [])
    except csv.Error:
        return []


def _words(value: str) -> bool:
    return " " in value.strip() and any(c.isalpha() for c in value)


def _learn_csv(rests: Sequence[str]) -> tuple[int, int] | None:
    """(level column or -1, message column) when most lines continue as CSV rows of one width."""
    rows = [_csv_row(r[1:]) for r in rests if r.startswith(",")]
    n = len(rests)
    if len(rows) < 0.8 * n:
        return None
    width, seen = Counter(len(r) for r in rows).most_common(1)[0]
    if width < 5 or seen < 0.8 * n:
        return None
    rows = [r for r in rows if len(r) == width]
    level_col = next(
        (c for c in range(width) if sum(1 for r in rows if level_word(r[c]) is not None) >= 0.6 * len(rows)),
        -1,
    )
    words = [sum(1 for r in rows if _words(r[c])) for c in range(width)]
    after = [c for c in range(level_col + 1, width) if words[c] >= 0.5 * len(rows)]
    if after:
        return level_col, after[0]
    best = max(range(width), key=lambda c: words[c])
    return (level_col, best) if words[best] else None


def _symbol_levels(first: Sequence[str]) -> int:
    """How many lines start with a one-symbol level, when the column really varies like one.

    A column of nothing but ``-`` is a separator ("2015-07-29 17:41:44,747 - INFO …"), not Redis's
    verbose level: the column counts only when a symbol other than ``-`` marks some lines.
    """
    symbols = [f for f in first if f in SYMBOL_LEVELS]
    return len(symbols) if any(f != "-" for f in symbols) else 0


def learn_header(rests: Sequence[str]) -> Header:
    """The header most sample lines share (see the module docstring)."""
    raw = [r.lstrip(" \t") for r in rests if r.strip()]
    rests = [r.lstrip(" \t,;") for r in raw]
    if not rests:
        return Header()
    n = len(rests)
    csv_cols = _learn_csv(raw)
    if csv_cols is not None:
        return Header(csv_cols=csv_cols)
    pipes = Counter(r[1:].count("|") for r in rests if r.startswith("|"))
    if pipes and sum(pipes.values()) >= 0.7 * n:
        count, seen = pipes.most_common(1)[0]
        if count >= 1 and seen >= 0.5 * n:
            return Header(pipes=count)
    rows = [[m.group() for m in _FIELD.finditer(r, 0, 400)][: MAX_HEADER_FIELDS + 2] for r in rests]
    if _symbol_levels([row[0] for row in rows if row]) >= 0.9 * n:
        return Header(0, symbols=True)
    level_col: int | None = None
    letters = False
    for c in range(MAX_HEADER_FIELDS):
        words = sum(1 for row in rows if len(row) > c and level_word(row[c]) is not None)
        if words >= 0.6 * n:
            level_col = c
            break
        singles = sum(1 for row in rows if len(row) > c and level_word(row[c], True) is not None)
        if singles >= 0.9 * n:
            level_col, letters = c, True
            break
    hdr = Header(level_col, letters)
    start = [((level_col + 1) if level_col is not None and len(row) > level_col else 0) for row in rows]
    brackets = (
        sum(1 for row, s in zip(rows, start, strict=True) if len(row) > s and row[s][:1] == "[") >= 0.5 * n
    )
    hdr = Header(level_col, letters, 0, False, brackets)
    comp = logger = 0
    for row, s in zip(rows, start, strict=True):
        i = hdr._skip([(0, f) for f in row], s)
        if i < len(row) and _COMPONENT.match(row[i]) and level_word(row[i]) is None:
            comp += 1
        elif i + 1 < len(row) and row[i + 1] in _SEPARATORS and _LOGGER.match(row[i]):
            logger += 1
    return Header(level_col, letters, 0, comp >= 0.5 * n, brackets, logger >= 0.5 * n)
