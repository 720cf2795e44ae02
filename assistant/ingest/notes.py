"""Responder notes (Markdown or plain text) with times in lines or bullets.

A line with several times ("- 09:04 PD p99 > 5s, 09:05 PD 5xx>10%") is one record at its leading
time (the others are listed in ``attrs["also_at"]``); durations ("~1h20m", "for 1h05", "0:45 min")
are never clock times; a line may state its own day ("Thu 5 Mar 15:13 JST"). A time in parentheses
right after another ("14:06:31 (12:06:31Z)") is the same moment in another zone and is kept
as ``attrs["alias"]``; a range ("09:01-09:28") is one mention at its start.

Times with Z/UTC are UTC even when the notes state another zone (they are moved into that zone);
every time of day gets the notes' date (``attrs["month_day"]``) unless the clock passes midnight,
since notes jump back to earlier times ("impact: 09:01-09:28") without a day passing. Bullets under a
"follow-ups:" / "action items" / "AIs" / "TODO" / "next steps" heading, and lines starting with "TODO:"
or "AI:", become records even without a time (``attrs["untimed"]``, ``attrs["section"]``), at the
last time before them. Every other line without a time is kept too, as an untimed fact with the
heading it sits under (``attrs["heading"]``: "Root cause", "Ruled out", "Impact"): nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from assistant.domain import ParsedSource, RawRecord, RawTime, SourceKind
from assistant.ingest._records import PLACEHOLDER_DATE, raw_time, record
from assistant.ingest._tz import (
    MONTHS,
    day_first_from,
    hour24,
    stated_date,
    stated_month_day,
    stated_zone,
    zone_info,
)
from assistant.vocabulary import FOLLOW_UP_CALL, LIST_MARKER, word_count

TIME = re.compile(
    r"(?<![\d:.\w/])(?:(?P<date>\d{4}-\d{2}-\d{2})[ T])?(?P<h>[01]?\d|2[0-3])[:h](?P<m>[0-5]\d)"
    r"(?::(?P<s>[0-5]\d|[0-5][xX?]))?(?:\.\d+)?(?:\s?(?P<ampm>[AaPp]\.?[Mm]\.?)(?!\w))?"
    r"(?P<z>Z\b|\s?(?:UTC|GMT)\b)?(?![\d:])"
)
# "~1h20m", "for 1h05", "took 0:45h": durations, never clock times.
_DURATION_BEFORE = re.compile(r"(?:~|≈|\bfor|\babout|\bapprox\.?|\btook|\blasted|\bwithin|\bover)\s*$", re.I)
_DURATION_AFTER = re.compile(r"^(?:\s*(?:m\b|min\b|mins\b|minutes\b|h\b|hrs?\b|hours\b)|m\d|s\b)", re.I)
_LINE_DATE = re.compile(
    r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<m1>[A-Za-z]{3,9})\.?|(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})"
    r"(?:st|nd|rd|th)?)(?:,?\s+(?P<y>\d{4}))?,?\s+(?=\d{1,2}[:h]\d{2})"
)
# "ma 30/11 10:52", "Thu 26.11. 06:00", "11/30 09:12": a numeric day and month (any weekday word before)
_NUM_LINE_DATE = re.compile(
    r"^(?:[^\W\d_]{2,10}\.?,?\s+)?(?P<a>\d{1,2})[/.](?P<b>\d{1,2})(?:[/.](?P<y>\d{4}|\d{2}(?!\d)))?\.?"
    r"(?:\s*[–-]\s*[^\d\s]{0,10}\s*\d{1,2}[/.]\d{1,2})?\s+(?=\d{1,2}[:h]\d{2})"
)
_RULE = re.compile(r"^[\s\-=_─━—–*#~.·]+$")
_HEADING = re.compile(
    r"^(?:#{1,6}\s+(?P<md>.+)|(?:\d+(?:\.\d+)*[.)]?\s+)?(?P<title>[A-Z][^:.!?]{0,40}?)\s*:?|(?P<colon>[^:]{2,40}):)$"
)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|until|till)\s*$")
_ALIAS_GAP = re.compile(r"^\s*[(\[]\s*(?:=\s*)?$")
_MARKUP = re.compile(rf"^\s*(?:{LIST_MARKER}|>|\d+[.)]|#{{1,6}}|\[[ xX]\])?\s*")
_DAY_BEFORE = re.compile(r"\b(?:last night|yesterday|the night before|the day before)\b", re.IGNORECASE)
_DAY_AFTER = re.compile(r"\b(?:tomorrow|next day|next morning)\b", re.IGNORECASE)
_BULLET = re.compile(rf"^\s*(?:{LIST_MARKER}|\d+[.)]|\[[ xX]\])\s+\S")
# A short line announcing follow-ups: "follow ups (draft):", "## Action items", "Next steps:".
_FOLLOW_HEAD = re.compile(
    r"^(?:(?:open|proposed|draft|possible|our)\s+)?(?:follow[- ]?ups?|action\s+(?:items?|points)|actions|to-?dos?|AIs?|"
    r"tasks|next\s+steps?|"
    r"remediations?(?:\s+items?)?|improvements|preventive\s+measures)\b[^:.!?]{0,30}:?$",
    re.IGNORECASE,
)
_TODO_LINE = re.compile(r"^(?:(?i:TODO|action\s+items?|follow[- ]?up)|AI)\s*[:\-]\s*\S")


def _clean(s: str) -> str:
    return _MARKUP.sub("", s).replace("**", "").replace("__", "").strip()


def _raw(m: re.Match[str]) -> RawTime | None:
    sec = m.group("s") or "0"
    s = int(sec) if sec.isdigit() else int(sec[0]) * 10  # "12:06:3x" → 12:06:30
    h = hour24(int(m.group("h")), m.group("ampm"))
    if h > 23:
        return None
    tz = UTC if m.group("z") else None
    if m.group("date"):
        try:
            d = datetime.fromisoformat(m.group("date"))
        except ValueError:
            return None
        return raw_time(datetime(d.year, d.month, d.day, h, int(m.group("m")), s, tzinfo=tz))
    p = PLACEHOLDER_DATE
    return raw_time(datetime(p.year, p.month, p.day, h, int(m.group("m")), s, tzinfo=tz), False)


def is_duration(line: str, m: re.Match[str]) -> bool:
    """A time-shaped match that is a duration ("~1h20m", "for 1h05", "0:45 min")."""
    after = line[m.end() : m.end() + 8]
    if _DURATION_AFTER.match(after):
        return True
    uses_h = "h" in m.group(0).lower() and ":" not in m.group(0)
    return uses_h and bool(_DURATION_BEFORE.search(line[: m.start()]))


def _mentions(line: str) -> list[tuple[re.Match[str], RawTime, str | None]]:
    """Time mentions that start an event (ranges' ends and zone aliases folded in)."""
    out: list[tuple[re.Match[str], RawTime, str | None]] = []
    prev_end = -1
    for m in TIME.finditer(line):
        t = _raw(m)
        if t is None or is_duration(line, m):
            continue
        gap = line[prev_end : m.start()] if prev_end >= 0 else None
        if gap is not None and _RANGE_GAP.match(gap):
            prev_end = m.end()
            continue
        if gap is not None and _ALIAS_GAP.match(gap) and out:
            out[-1] = (out[-1][0], out[-1][1], m.group(0).strip())
            prev_end = m.end()
            continue
        out.append((m, t, None))
        prev_end = m.end()
    return out


def parse_notes(lines: Iterable[str], name: str) -> ParsedSource:
    """Records from notes: one per line with a time (at its leading time), the rest kept as untimed facts."""
    all_lines = list(lines)
    records: list[RawRecord] = []
    untimed: list[tuple[int, str, int, str, bool]] = []  # (records before it, text, line, label, follow-up?)
    section: str | None = None  # a follow-up list ("Action items:") the bullets belong to
    heading = ""  # the last heading of any kind ("4. Root cause", "## Impact", "Ruled out:")
    numeric: list[tuple[int, re.Match[str]]] = []  # (index of the record it dates, its numeric date)
    for n, raw_line in enumerate(all_lines, start=1):
        line = _clean(raw_line)
        if not line or _RULE.match(raw_line):
            continue
        day = _LINE_DATE.match(line)
        if day is None and (num := _NUM_LINE_DATE.match(line)):
            numeric.append((len(records), num))
        found = _mentions(line)
        bullet = bool(_BULLET.match(raw_line)) and not (
            not found and _numbered_title(raw_line, line, all_lines, n)
        )
        if (
            not found
            and (not bullet or line.endswith(":"))
            and (_FOLLOW_HEAD.match(line) or (word_count(line) <= 4 and FOLLOW_UP_CALL.search(line)))
        ):
            section = heading = line.rstrip(" :")
            continue
        nxt = all_lines[n] if n < len(all_lines) else ""
        if (
            not found
            and not bullet
            and (h := _HEADING.match(line.strip()))
            and _is_heading(raw_line, line, nxt)
        ):
            section = None
            heading = (h.group("md") or h.group("title") or h.group("colon") or line).strip(" :#")
            continue
        if section is not None and not bullet and not raw_line[:1].isspace():
            section = None  # a paragraph ends the list (indented lines continue a bullet)
        list_label = section if bullet else None  # the follow-up list a bullet belongs to
        if not found:
            continued = raw_line[:1].isspace() and not bullet
            _add_untimed(untimed, len(records), line, n, all_lines, continued, list_label, heading)
            continue
        # One event per line, at its leading time; later times stay in the text ("-> 09:28 healthy").
        _m, when, _alias = found[0]
        attrs = _timed_attrs(line, found, day, list_label, heading)
        records.append(record(when, SourceKind.note, line, name, n, attrs=attrs))
    _numeric_days(records, numeric)
    zone = stated_zone(all_lines)
    if zone is None and records and all(r.time.value.tzinfo is not None for r in records):
        zone = "UTC"  # every time is written with Z: the notes are in UTC (naive, so they get dates)
        records = [_naive(r) for r in records]
    day_s = stated_date(all_lines)
    records = _settle(records, zone, day_s, stated_month_day(all_lines))
    return ParsedSource(
        path=name,
        format="notes",
        kind=SourceKind.note,
        records=_with_untimed(records, untimed, name),
        stated_tz=zone,
        stated_date=day_s,
    )


def _add_untimed(
    untimed: list[tuple[int, str, int, str, bool]],
    before: int,
    line: str,
    n: int,
    all_lines: list[str],
    continued: bool,
    list_label: str | None,
    heading: str,
) -> None:
    """Keep an untimed line as a fact under its list or heading, or join it to the bullet it continues."""
    if continued and untimed and untimed[-1][2] == n - 1 - _blank_run(all_lines, n):
        b, text, ln, label, follow = untimed[-1]
        untimed[-1] = (b, f"{text} {line}", ln, label, follow)  # a bullet's continuation line
        return
    todo = _TODO_LINE.match(line)
    follow = True
    if list_label is not None:
        label = list_label
    elif todo:
        label = line[: todo.end() - 1].rstrip(" :-")
    else:
        label, follow = heading, False
    untimed.append((before, line, n, label, follow))


def _timed_attrs(
    line: str,
    found: list[tuple[re.Match[str], RawTime, str | None]],
    day: re.Match[str] | None,
    list_label: str | None,
    heading: str,
) -> dict[str, Any]:
    """The attrs of a timed note line: its list or heading, alias, later times, date and day offset."""
    attrs: dict[str, Any] = {}
    if list_label is not None:
        attrs["section"] = list_label
    elif heading:
        attrs["heading"] = heading
    if alias := found[0][2]:
        attrs["alias"] = alias
    if len(found) > 1:
        attrs["also_at"] = [m.group(0).strip() for m, _, _ in found[1:]]
    if day is not None and (md := _day_of(day)):
        attrs["line_date"] = md
    if _DAY_BEFORE.search(line):
        attrs["day_offset"] = -1
    elif _DAY_AFTER.search(line):
        attrs["day_offset"] = 1
    return attrs


def _numeric_days(records: list[RawRecord], numeric: list[tuple[int, re.Match[str]]]) -> None:
    """Numeric line dates as each record's ``line_date``, day first or month first as the whole file
    settles it (a first field above 12 means day first, a second one month first; day first otherwise,
    as most of the world writes it)."""
    dated = [(i, m) for i, m in numeric if i < len(records) and "line_date" not in records[i].attrs]
    if not dated:
        return
    firsts = [int(m.group("a")) for _, m in dated]
    seconds = [int(m.group("b")) for _, m in dated]
    day_first = day_first_from(firsts, seconds) is not False
    for i, m in dated:
        d, mon = (
            (int(m.group("a")), int(m.group("b"))) if day_first else (int(m.group("b")), int(m.group("a")))
        )
        y = m.group("y")
        year = (int(y) + 2000 if len(y) == 2 else int(y)) if y else 2000
        try:
            date(year, mon, d)
        except ValueError:
            continue
        records[i].attrs["line_date"] = f"{year}-{mon:02d}-{d:02d}" if y else f"{mon:02d}-{d:02d}"


def _naive(r: RawRecord) -> RawRecord:
    """The record with its time's zone dropped (notes written in UTC get their dates like the others)."""
    time = raw_time(r.time.value.replace(tzinfo=None), r.time.has_date)
    return record(time, r.kind, r.text, r.ref.file, r.ref.line, actor=r.actor, attrs=r.attrs)


def _blank_run(lines: list[str], n: int) -> int:
    """Blank lines directly above line ``n`` (1-based)."""
    k = 0
    while n - 2 - k >= 0 and not lines[n - 2 - k].strip():
        k += 1
    return k


def _numbered_title(raw: str, line: str, lines: list[str], n: int) -> bool:
    """ "4. Root cause" over a paragraph is a section title; "1. add an alert" in a numbered list is not."""
    if not re.match(r"^\s*\d+(?:\.\d+)*[.)]\s", raw) or len(line.split()) > 5 or line[-1:] in ".!?;,":
        return False
    nxt = next((ln for ln in lines[n : n + 3] if ln.strip()), "")
    return not re.match(r"^\s*\d+[.)]\s", nxt) and not raw[:1].isspace()


def _is_heading(raw: str, line: str, nxt: str) -> bool:
    """A short title line: Markdown heading, "4. Root cause", "Ruled out:", "IMPACT", or a label over a list."""
    if raw.lstrip().startswith("#"):
        return True
    words = line.rstrip(":").split()
    if not 1 <= len(words) <= 6:
        return False
    numbered = bool(re.match(r"^\s*\d+(?:\.\d+)*[.)]?\s", raw))
    return line.endswith(":") or numbered or line.isupper() or (len(words) <= 4 and bool(_BULLET.match(nxt)))


def _day_of(m: re.Match[str]) -> str | None:
    """'MM-DD' (or 'YYYY-MM-DD') from a line's leading date ("Mon 2 Mar", "March 5,")."""
    word, day = (m.group("m1"), m.group("d1")) if m.group("m1") else (m.group("m2"), m.group("d2"))
    mon = MONTHS.get(word[:3].lower())
    if not mon:
        return None
    try:
        date(int(m.group("y") or 2000), mon, int(day))
    except ValueError:
        return None
    return f"{m.group('y')}-{mon:02d}-{int(day):02d}" if m.group("y") else f"{mon:02d}-{int(day):02d}"


def _with_untimed(
    records: list[RawRecord], untimed: list[tuple[int, str, int, str, bool]], name: str
) -> list[RawRecord]:
    """Untimed lines at the time of the last timed line before them (else the file's last for follow-ups,
    its first for facts)."""
    if not records or not untimed:
        return records
    out: list[RawRecord] = []
    done = 0
    for before, text, n, label, follow in untimed:
        out.extend(records[done:before])
        done = before
        at = records[before - 1] if before else records[-1] if follow else records[0]
        attrs: dict[str, Any] = {"untimed": True, "section" if follow else "heading": label}
        if "month_day" in at.attrs:
            attrs["month_day"] = at.attrs["month_day"]
        out.append(record(at.time, SourceKind.note, text, name, n, attrs=attrs))
    out.extend(records[done:])
    return out


def _settle(
    records: list[RawRecord], zone: str | None, day: str | None, month_day: str | None
) -> list[RawRecord]:
    """Move Z times of day into the notes' zone and date each time of day (``attrs["month_day"]``)."""
    tz = zone_info(zone)
    full = date.fromisoformat(day) if day else None
    base = full or (date(2000, int(month_day[:2]), int(month_day[3:])) if month_day else None)
    # The zone's offset on the notes' day (DST); without a date, this year's same day or today.
    ref = full or _this_year(month_day) or datetime.now(UTC).date()
    prev: datetime | None = None
    out: list[RawRecord] = []
    for r in records:
        v, attrs = r.time.value, dict(r.attrs)
        if r.time.has_date:
            out.append(r)
            continue
        if v.tzinfo is not None and tz is not None and zone != "UTC":
            local = datetime.combine(ref, v.time(), UTC).astimezone(tz)
            v = datetime.combine(v.date(), local.time())
            attrs["utc"] = True
        own = _own_day(attrs.get("line_date"), base)
        if own is not None:  # the line states its day ("Thu 5 Mar 15:13 JST — ...")
            when = datetime.combine(own, v.time())
            attrs["month_day"] = when.strftime("%m-%d")
            prev = when
        elif base is not None:
            when = _notes_day(base, prev, v, attrs.get("day_offset"))
            attrs["month_day"] = when.strftime("%m-%d")
            if "day_offset" not in attrs:
                prev = when if prev is None else max(prev, when)
        t = raw_time(v, False)
        out.append(record(t, r.kind, r.text, r.ref.file, r.ref.line, actor=r.actor, attrs=attrs))
    return out


def _own_day(line_date: object, base: date | None) -> date | None:
    """A line's own date: 'YYYY-MM-DD', or 'MM-DD' in the notes' year (the nearest one to its date)."""
    if not isinstance(line_date, str):
        return None
    try:
        if len(line_date) == 10:
            return date.fromisoformat(line_date)
        year = base.year if base is not None else datetime.now(UTC).year
        return date(year, int(line_date[:2]), int(line_date[3:]))
    except ValueError:
        return None


def _notes_day(base: date, prev: datetime | None, v: datetime, offset: object) -> datetime:
    """The day of a time of day: the notes' date, moved on only when the clock passes midnight."""
    if isinstance(offset, int):
        return datetime.combine(base + timedelta(days=offset), v.time())
    if prev is None:
        return datetime.combine(base, v.time())
    # The nearest reading to the latest time so far ("23:47" then "00:03" is the next day;
    # "15:30" then "impact 14:06-14:27" is the same day), never before the notes' date.
    cands = [datetime.combine(prev.date() + timedelta(days=k), v.time()) for k in (0, 1, -1)]
    cands = [c for c in cands if c.date() >= base]
    return min(cands, key=lambda c: abs((c - prev).total_seconds()))


def _this_year(month_day: str | None) -> date | None:
    if not month_day:
        return None
    try:
        return date(datetime.now(UTC).year, int(month_day[:2]), int(month_day[3:]))
    except ValueError:
        return None


def time_mentions(text: str) -> int:
    """How many lines of ``text`` mention a time (used by detection)."""
    return sum(1 for line in text.split("\n") if TIME.search(line))
