"""The large-log path: a huge log becomes a few samples per (line shape, minute), never a record per line.

Each piece of text (megabytes of whole lines) is handled by C-speed string operations: one
``str.translate`` drops digits and hex letters from every line (its *shape*: lines that differ only
in numbers/ids share it), a slice or one regex takes each line's minute, and ``Counter`` and
``dict(zip(...))`` give every (minute, shape) bucket its count and first/last line. Only those
sample lines are parsed (with the normal log matchers) and kept, with ``attrs["weight"]`` = how
many lines each stands for; the timeline's ``Condenser`` then builds the same templates, counts,
first/last times, bursts and refs as for a small log. Buckets are one minute wide, shorter than
the 300 s quiet gap that splits bursts, so burst boundaries are exact. Known approximations:
examples after the first bucket of a shape come from each minute's first/last line, and a state
change is seen only if it shows in a minute's first, last or (first minute) 2nd/3rd line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from operator import add, itemgetter
from typing import Any

from assistant.domain import ParsedSource
from assistant.ingest._io import Loaded
from assistant.ingest._records import PLACEHOLDER_YEAR
from assistant.ingest.logs import (
    MATCHERS,
    MAX_FOLD,
    choose_parser,
    date_hint,
    guess_order,
    source_from_rows,
)
from assistant.ingest.stamp_dates import Dater

# One sample line: (line number, time, has_date, text, level, host, service, weight, varying)
Sample = tuple[int, datetime, bool, str, str | None, str | None, str | None, int, bool]
_Parts = tuple[datetime, bool, str, str | None, str | None, str | None]

_REC, _BLANK, _CONT = 0, 1, 2
# A line's shape: digits and hex letters dropped, so lines that differ only in numbers and ids share it.
_SHAPE = str.maketrans("", "", "0123456789abcdefABCDEF")
_MAX_SHAPES = 200_000
# Level carried by digits (HTTP status, pino numbers) must survive the shape, which drops digits.
_STATUS = re.compile(r'(" )([45])(?=\d\d\b)')
_PINO = re.compile(r'("level"\s*:\s*)([1-6])(?=0\b)')
_HAS_STATUS = re.compile(r'" [1-5]\d\d\b')
_HAS_PINO = re.compile(r'"level"\s*:\s*[1-6]0\b')
_LEVEL_MARK = str.maketrans("123456", "ghijkl")
_MINUTE = re.compile(
    r"^(?:[^\n]*?(\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\d\d/\w{3}/\d{4}:\d\d:\d\d|[A-Z][a-z]{2} [ \d]\d \d\d:\d\d|"
    r"\"(?:ts|time|timestamp)\":\s*\"?\d{8}|\d\d:\d\d))?[^\n]*$",
    re.M,
)
_ISO_START = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")
_SYSLOG_START = re.compile(r"[A-Z][a-z]{2} [ \d]\d \d\d:\d\d")


def _five(label: str) -> str:
    """'…06:07' → '…06:05' (labels ending in a minute); epoch labels (100 s wide) stay."""
    if len(label) >= 5 and label[-3] == ":" and label[-1].isdigit() and '":' not in label:
        return label[:-1] + ("0" if label[-1] < "5" else "5")
    return label


class LargeLog:
    """Feed text pieces with ``feed``; ``finish`` returns the samples in line order and stats."""

    def __init__(self, sample: str, name: str = "") -> None:
        """Learn the layout from ``sample``, the file's first lines (``name`` dates yearless stamps)."""
        self.sample, self.name = sample, name
        self.year = None
        learned = choose_parser(sample)
        if learned is not None:  # the file's learned layout (see ingest.layout)
            self.order, self.matchers = [learned[0]], [learned[1]]
        else:
            self.order = guess_order(sample)
            self.matchers = [MATCHERS[k] for k in self.order]
        self.kind: dict[str, int] = {}
        self.seen: set[str] = set()
        self.varying: set[str] = set()
        self.last_text: dict[str, str] = {}
        self.n_changes: dict[str, int] = {}
        self.samples: list[tuple[Any, ...]] = []
        self.base = 0  # lines before the current piece
        self.carry = ""
        self.started = False
        self.skipped = self.first_skipped = self.dropped = 0
        self.counts: Counter[str] = Counter()
        lines = [ln for ln in sample.split("\n")[:200] if ln.strip()]
        self.minutes = self._minute_getter(lines)
        # Marking runs only where the sample shows such fields (HTTP status after a quote, numeric levels).
        self.status = bool(_HAS_STATUS.search(sample))
        self.pino = bool(_HAS_PINO.search(sample))

    @staticmethod
    def _minute_getter(lines: list[str]) -> Callable[[str, list[str]], list[str]]:
        # A fixed-width stamp at the start of every line: a slice per line (C speed); else one regex.
        for pat, width in ((_ISO_START, 16), (_SYSLOG_START, 12)):
            if lines and all(pat.match(ln) for ln in lines):
                get = itemgetter(slice(0, width))
                return lambda _text, ls: list(map(get, ls))
        return lambda text, _ls: _MINUTE.findall(text)

    def _parse(self, line: str, *, count: bool = True) -> _Parts | None:
        for i, f in enumerate(self.matchers):
            parts = f(line, self.year)
            if parts is not None:
                if count:
                    self.counts[self.order[i]] += 1
                return parts
        return None

    def feed(self, piece: str, *, final: bool = False) -> None:
        """Count one piece of whole lines (the last line may be carried to the next piece)."""
        text = f"{self.carry}\n{piece}" if self.carry else piece
        self.carry = ""
        lines = text.split("\n")
        keysrc = text
        if self.status:
            keysrc = _STATUS.sub(lambda m: m.group(1) + m.group(2).translate(_LEVEL_MARK), keysrc)
        if self.pino:
            keysrc = _PINO.sub(lambda m: m.group(1) + m.group(2).translate(_LEVEL_MARK), keysrc)
        shapes = keysrc.translate(_SHAPE).split("\n")
        kinds = self._classify(shapes, lines)
        if not final:
            # Keep the last record (and any continuation lines after it) for the next piece.
            r = len(lines) - 1
            while r > 0 and kinds[shapes[r]] != _REC:
                r -= 1
            self.carry = "\n".join(lines[r:])
            del lines[r:], shapes[r:]
            text = "\n".join(lines) if r else ""
        if lines and text:
            self._count(text, lines, shapes, kinds)
        self.base += len(lines)

    def _classify(self, shapes: list[str], lines: list[str]) -> dict[str, int]:
        kind = self.kind
        if len(kind) > _MAX_SHAPES:
            # Lines that share no shape (random words): forget old shapes so memory stays bounded.
            kind.clear()
            self.seen.clear()
            self.last_text.clear()
        for s in set(shapes).difference(kind):
            line = lines[shapes.index(s)]
            if not line.strip():
                kind[s] = _BLANK
            else:
                kind[s] = _REC if self._parse(line, count=False) is not None else _CONT
        return kind

    def _count(self, text: str, lines: list[str], shapes: list[str], kinds: dict[str, int]) -> None:
        mins = self.minutes(text, lines)
        if len(mins) != len(lines):  # cannot happen with a one-match-per-line regex; stay correct anyway
            mins = [""] * len(lines)
        # Five-minute buckets: still shorter than the quiet gap (300 s) that splits bursts.
        coarse = {m: _five(m) for m in set(mins)}
        mins = list(map(coarse.__getitem__, mins))
        keys: list[str | None] = list(map(add, mins, shapes))
        if any(kinds[s] != _REC for s in set(shapes)):
            self._odd_lines(lines, shapes, kinds, keys)
        self.started = True
        counts = Counter(keys)
        counts.pop(None, None)
        n = len(keys)
        last = dict(zip(keys, range(n), strict=True))
        first = dict(zip(reversed(keys), range(n - 1, -1, -1), strict=True))
        for key, c in counts.items():
            i0, i1 = first[key], last[key]
            idx = [i0]
            shape = shapes[i0]
            if c == 3 or (c > 3 and shape not in self.seen):
                # Rare lines keep all three; a shape's first minute keeps three lines for examples.
                idx.append(keys.index(key, i0 + 1))
                if c > 3:
                    idx.append(keys.index(key, idx[-1] + 1))
            self.seen.add(shape)
            if i1 != idx[-1]:
                idx.append(i1)
            parsed = [(i, self._parse(lines[i])) for i in idx]
            if c > len(idx) and shape not in self.varying:
                parsed = self._find_changes(parsed, lines, keys, key, shape)
            self._note_changes(shape, parsed)
            for j, (i, parts) in enumerate(parsed):
                self._sample(i, parts, c - len(parsed) + 1 if j == len(parsed) - 1 else 1, shape)

    def _find_changes(
        self,
        parsed: list[tuple[int, _Parts | None]],
        lines: list[str],
        keys: list[str | None],
        key: str | None,
        shape: str,
    ) -> list[tuple[int, _Parts | None]]:
        """Samples differ inside the minutes: walk the bucket and keep every line whose text changed
        (a state change), or mark the shape as varying after 20 changes (then none are kept)."""
        t0 = parsed[0][1]
        if t0 is None or all(p is None or p[2] == t0[2] for _, p in parsed):
            return parsed
        prev = t0[2]
        found: list[tuple[int, _Parts | None]] = []
        have = {i for i, _ in parsed}
        for j in range(parsed[0][0] + 1, parsed[-1][0] + 1):
            if keys[j] != key:
                continue
            p = self._parse(lines[j], count=False)
            if p is None or p[2] == prev:
                continue
            prev = p[2]
            if len(found) >= 20:
                self.varying.add(shape)
                return parsed
            if j not in have:
                found.append((j, p))
        return sorted([*parsed, *found], key=itemgetter(0))

    def _note_changes(self, shape: str, parsed: list[tuple[int, _Parts | None]]) -> None:
        # Shapes whose text keeps changing cannot yield state-change events; stop searching them.
        prev = self.last_text.get(shape)
        n = 0
        for _, p in parsed:
            if p is not None:
                n += prev is not None and p[2] != prev
                prev = p[2]
        if prev is not None:
            self.last_text[shape] = prev
        if n:
            self.n_changes[shape] = k = self.n_changes.get(shape, 0) + n
            if k > 20:
                self.varying.add(shape)
                self.last_text.pop(shape, None)

    def _odd_lines(
        self, lines: list[str], shapes: list[str], kinds: dict[str, int], keys: list[str | None]
    ) -> None:
        """Blank lines out; continuation lines fold into their record, which is then kept alone."""
        owner = -1
        folds: dict[int, list[str]] = {}
        for i, s in enumerate(shapes):
            k = kinds[s]
            if k == _REC:
                owner = i
                self.started = True
                continue
            keys[i] = None
            if k == _BLANK:
                continue
            if owner < 0:
                if not self.started:
                    self.skipped += 1
                    self.first_skipped = self.first_skipped or self.base + i + 1
                continue
            fold = folds.setdefault(owner, [])
            if len(fold) < MAX_FOLD:
                fold.append(lines[i].rstrip())
            else:
                self.dropped += 1
        for i, fold in folds.items():
            keys[i] = None
            self._sample(i, self._parse(lines[i]), 1, shapes[i], fold)

    def _sample(
        self, i: int, parts: _Parts | None, weight: int, shape: str, fold: list[str] | None = None
    ) -> None:
        if parts is None:
            return
        dt, has_date, text, lvl, host, svc = parts
        if fold:
            text = text + "\n" + "\n".join(fold)
        self.samples.append((self.base + i + 1, dt, has_date, text, lvl, host, svc, weight, shape))

    def finish(self) -> tuple[list[Sample], dict[str, Any]]:
        """Samples in line order and the same stats ``scan_log`` reports."""
        if self.carry:
            self.feed("", final=True)
        self.samples.sort(key=itemgetter(0))
        dater = self._fill_dates()
        varying = self.varying
        # The shape slot becomes "its text keeps changing" (the Condenser then makes no state-change events).
        out: list[Sample] = [(*s[:8], s[8] in varying) for s in self.samples]
        stats = {
            "counts": dict(self.counts),
            "skipped": self.skipped,
            "first_skipped": self.first_skipped,
            "dropped": self.dropped,
            "year_missing": bool(dater and dater.missing),
            "dated": dater.describe() if dater else "",
        }
        return out, stats

    def _fill_dates(self) -> Dater | None:
        """Stamps without a year or date (in line order now) take them from what the material says."""
        dater: Dater | None = None
        samples = self.samples
        for k, s in enumerate(samples):
            dt, has_date = s[1], s[2]
            if has_date and dt.year != PLACEHOLDER_YEAR:
                continue
            if dater is None:
                dater = Dater(date_hint(self.name, self.sample))
            when, has_date, _ = dater.fill(dt, has_date, False)
            samples[k] = (s[0], when, has_date, *s[3:])
        return dater


def sample_large_log(
    pieces: Iterable[str], sample: str, name: str = ""
) -> tuple[list[Sample], dict[str, Any]]:
    """Sample lines (with weights) of a large log given as pieces of whole lines."""
    big = LargeLog(sample, name)
    it = iter(pieces)
    cur = next(it, None)
    while cur is not None:
        nxt = next(it, None)
        big.feed(cur, final=nxt is None)
        cur = nxt
    return big.finish()


def parse_large_log(loaded: Loaded, name: str) -> ParsedSource:
    """A large log as a source of weighted sample records (``logs.parse_log`` reads small ones)."""
    rows, stats = sample_large_log(loaded.chunks(), loaded.sample, name)
    return source_from_rows(rows, stats, name, sample=loaded.sample)
