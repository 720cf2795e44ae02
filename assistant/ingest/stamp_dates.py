"""The year (and date) of log stamps that do not write one, taken from what the material says.

Syslog RFC 3164 (``Mar 14 09:12:01``), Android logcat (``03-17 16:13:38.861``) or Proxifier
(``[10.30 16:49:06]``) stamps carry no year; some logs carry only a time of day. The missing part
comes, in this order, from:

1. a **header line** of the file: a full date on a line before the first record (``-- Logs begin at
   Sat 2026-03-14 …``, W3C ``#Date: 2026-03-14 …``, ``Log opened 14 Mar 2026``);
2. a **dated line in the file** whose month is that of the first stamp (HAProxy writes
   ``[14/Sep/2025:…]`` inside RFC 3164 lines);
3. the **file name** or its folders: ``app-2026-03-14.log``, ``messages-20260314``,
   ``2026/03/14/app.log``, ``app_2026-03.log`` (year and month only).

The timeline then uses the dated sources of the same incident for files none of these date
(``timeline.placement``). A hint gives the nearest consistent year to the first stamp (a file named for
its rotation day, 2026-01-02, holding ``Dec 30`` lines reads as 2025-12-30), then ``Dater`` follows
the file: a month-day stamp more than half a year before the previous one crossed New Year, a
time of day more than an hour before the previous one crossed midnight.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from assistant.ingest._tz import MONTHS

_MON = r"(?P<b>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?)"
_Y = r"(?P<Y>(?:19|20)\d\d)"
_M = r"(?P<M>0[1-9]|1[0-2])"
_D = r"(?P<D>0[1-9]|[12]\d|3[01])"
# In a path: the date closest to the file name wins (last match). Separators may be folders.
_NAME_DAY = re.compile(rf"(?<!\d){_Y}(?P<s>[-_./]?){_M}(?P=s){_D}(?!\d)")
_NAME_MONTH = re.compile(rf"(?<!\d){_Y}[-_/]{_M}(?![-_./]?\d)")
# Full dates written in text (header lines, dated lines inside records).
_TEXT_DATES = (
    re.compile(
        rf"(?<!\d){_Y}[-/.]{_M.replace('0[1-9]', '0?[1-9]')}[-/.]{_D.replace('0[1-9]', '0?[1-9]')}(?!\d)"
    ),
    re.compile(rf"(?<!\d)(?P<D>[0-3]?\d)[ /\-]{_MON}[ /\-,]+{_Y}(?!\d)"),
    re.compile(
        rf"\b{_MON}\s+(?P<D>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?:\d\d:\d\d(?::\d\d)?(?:\.\d+)?\s+)?{_Y}(?!\d)"
    ),
)
_HALF_YEAR = timedelta(days=183)
_HOUR = timedelta(hours=1)


@dataclass(frozen=True)
class DateHint:
    """A date the material states for a log whose stamps lack it, how precise it is, and where it was read."""

    day: date
    precision: str  # "day" (full date), "month" (year and month)
    source: str  # for people: "file name 'app-2026-03-14.log'"

    def describe(self, what: str) -> str:
        """Coverage words: 'year and date from the file name 'x-2026-03-14.log' (2026-03-14)'."""
        shown = self.day.isoformat() if self.precision == "day" else self.day.isoformat()[:7]
        return f"{what} from the {self.source} ({shown})"


def _text_date(text: str) -> date | None:
    for rx in _TEXT_DATES:
        for m in rx.finditer(text):
            g = m.groupdict()
            month = MONTHS[g["b"][:3].lower()] if g.get("b") else int(g["M"])
            try:
                return date(int(g["Y"]), month, int(g["D"]))
            except ValueError:
                continue
    return None


def hint_from_name(name: str) -> DateHint | None:
    """The date a file's name or folders state (the one nearest the file name), or None."""
    path = name.replace("\\", "/")
    found: tuple[date, str, int] | None = None
    for m in _NAME_DAY.finditer(path):
        try:
            found = (date(int(m["Y"]), int(m["M"]), int(m["D"])), "day", m.start())
        except ValueError:
            continue
    if found is None:
        months = list(_NAME_MONTH.finditer(path))
        if not months:
            return None
        m = months[-1]
        found = (date(int(m["Y"]), int(m["M"]), 15), "month", m.start())
    day, precision, at = found
    base = path.rfind("/") + 1
    if at >= base:
        return DateHint(day, precision, f"file name '{path[base:]}'")
    return DateHint(day, precision, f"folder names '{path[path.rfind('/', 0, at) + 1 :]}'")


def hint_from_header(lines: Sequence[str]) -> DateHint | None:
    """A full date on the lines before a log's first record (its header), or None."""
    for n, line in enumerate(lines, start=1):
        day = _text_date(line[:300])
        if day is not None:
            return DateHint(day, "day", f"header line {n}")
    return None


def hint_from_records(texts: Sequence[str], month: int) -> DateHint | None:
    """A full date written inside the sample's lines in the month of the first stamp, or None."""
    for text in texts:
        day = _text_date(text)
        if day is not None and day.month == month:
            return DateHint(day, "day", "dates written inside the log lines")
    return None


class Dater:
    """Fills year-less and date-less stamps of one file, in file order, from a ``DateHint``.

    ``fill`` returns the stamp with its year/date and whether it now has them; stamps that already
    carry a year pass through. ``filled`` and ``missing`` count the stamps that got one or still lack it.
    """

    def __init__(self, hint: DateHint | None) -> None:
        """Fill from ``hint`` (None: nothing in the material dates this log)."""
        self.hint = hint
        self.prev: datetime | None = None
        self.filled = 0
        self.missing = 0
        self.time_only = False

    def fill(self, when: datetime, has_date: bool, has_year: bool) -> tuple[datetime, bool, bool]:
        """The stamp with the year (month-day) or date (time of day) the hint and the file order give."""
        if has_year:
            return when, has_date, True
        hint = self.hint
        if not has_date:
            self.time_only = True
        if hint is None or (not has_date and hint.precision != "day"):
            self.missing += 1
            return when, has_date, False
        prev = self.prev
        try:
            if has_date:
                got = self._year_of(when, prev, hint)
            else:
                day = hint.day if prev is None else prev.date()
                got = datetime.combine(day, when.time(), when.tzinfo)
                if prev is not None and _naive(got) < _naive(prev) - _HOUR:
                    got += timedelta(days=1)
        except ValueError:  # 29 February in a year without one
            self.missing += 1
            return when, has_date, False
        self.prev = got
        self.filled += 1
        return got, True, True

    @staticmethod
    def _year_of(when: datetime, prev: datetime | None, hint: DateHint) -> datetime:
        if prev is None:
            ref = datetime.combine(hint.day, when.time())
            cands = []
            for year in (hint.day.year - 1, hint.day.year, hint.day.year + 1):
                try:
                    cands.append(when.replace(year=year))
                except ValueError:
                    continue
            if not cands:
                raise ValueError("no year fits")
            return min(cands, key=lambda c: abs((_naive(c) - ref).total_seconds()))
        got = when.replace(year=prev.year)
        if _naive(got) < _naive(prev) - _HALF_YEAR:
            got = when.replace(year=prev.year + 1)  # the log crossed New Year
        return got

    def describe(self) -> str:
        """Coverage words: where the year/date came from, or '' when nothing needed one."""
        if not self.filled or self.hint is None:
            return ""
        return self.hint.describe("date" if self.time_only else "year")


def _naive(value: datetime) -> datetime:
    return value.replace(tzinfo=None)
