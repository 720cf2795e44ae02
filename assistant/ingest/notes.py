"""Responder notes (Markdown or plain text) with times in lines or bullets.

A line with several times ("- 09:04 PD p99 > 5s, 09:05 PD 5xx>10%") yields one record per
time; the line is cut at the clause boundary before each later time. A time in parentheses
right after another ("14:06:31 (12:06:31Z)") is the same moment in another zone and is kept
as ``attrs["alias"]``; a range ("09:01-09:28") is one mention at its start.

Times with Z/UTC are UTC even when the notes state another zone (they are moved into that zone);
every time of day gets the notes' date (``attrs["month_day"]``) unless the clock passes midnight,
since notes jump back to earlier times ("impact: 09:01-09:28") without a day passing. Bullets under a
"follow-ups:" / "action items" / "TODO" / "next steps" heading, and lines starting with "TODO:" or
"AI:", become records even without a time (``attrs["untimed"]``), at the last time before them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from assistant.domain import ParsedSource, RawRecord, RawTime, SourceKind
from assistant.ingest._records import PLACEHOLDER_DATE, raw_time, record
from assistant.ingest._tz import hour24, stated_date, stated_month_day, stated_zone, zone_info

TIME = re.compile(
    r"(?<![\d:.\w/])(?:(?P<date>\d{4}-\d{2}-\d{2})[ T])?(?P<h>[01]?\d|2[0-3])[:h](?P<m>[0-5]\d)"
    r"(?::(?P<s>[0-5]\d|[0-5][xX?]))?(?:\.\d+)?(?:\s?(?P<ampm>[AaPp]\.?[Mm]\.?)(?!\w))?"
    r"(?P<z>Z\b|\s?(?:UTC|GMT)\b)?(?![\d:])"
)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|until|till)\s*$")
_ALIAS_GAP = re.compile(r"^\s*[(\[]\s*(?:=\s*)?$")
_CLAUSE = re.compile(r"[,;]\s+|\s+(?:->|→|=>|--|—|–|-)\s+|\.\s+|\s*\|\s*")
_MARKUP = re.compile(r"^\s*(?:[-*+>]|\d+[.)]|#{1,6}|\[[ xX]\])?\s*")
_DAY_BEFORE = re.compile(r"\b(?:last night|yesterday|the night before|the day before)\b", re.IGNORECASE)
_DAY_AFTER = re.compile(r"\b(?:tomorrow|next day|next morning)\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)]|\[[ xX]\])\s+\S")
# A short line announcing follow-ups: "follow ups (draft):", "## Action items", "Next steps:".
_FOLLOW_HEAD = re.compile(
    r"^(?:(?:open|proposed|draft|possible|our)\s+)?(?:follow[- ]?ups?|action\s+items?|actions|to-?dos?|next\s+steps?|"
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


def _mentions(line: str) -> list[tuple[re.Match[str], RawTime, str | None]]:
    """Time mentions that start an event (ranges' ends and zone aliases folded in)."""
    out: list[tuple[re.Match[str], RawTime, str | None]] = []
    prev_end = -1
    for m in TIME.finditer(line):
        t = _raw(m)
        if t is None:
            continue
        gap = line[prev_end:m.start()] if prev_end >= 0 else None
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


def _cut_before(line: str, pos: int, floor: int) -> int:
    """The clause boundary at or before ``pos`` (a later time starts its own segment)."""
    best = floor
    for b in _CLAUSE.finditer(line, floor, pos):
        best = b.end()
    return best


def parse_notes(lines: Iterable[str], name: str) -> ParsedSource:
    """Records from notes: one per time mention that starts a happening, plus untimed follow-ups."""
    all_lines = list(lines)
    records: list[RawRecord] = []
    untimed: list[tuple[int, str, int, str]] = []  # (records before it, text, line, section)
    section: str | None = None
    for n, raw_line in enumerate(all_lines, start=1):
        line = _clean(raw_line)
        if not line:
            continue
        found = _mentions(line)
        bullet = bool(_BULLET.match(raw_line))
        if not found and (not bullet or line.endswith(":")) and _FOLLOW_HEAD.match(line):
            section = line.rstrip(" :")
            continue
        if section is not None and not bullet and not raw_line[:1].isspace():
            section = None  # a paragraph ends the list (indented lines continue a bullet)
        if not found:
            todo = _TODO_LINE.match(line)
            if (section is not None and bullet) or todo:
                label = section if section is not None and bullet else line[: todo.end() - 1].rstrip(" :-") if todo else ""
                untimed.append((len(records), line, n, label))
            continue
        starts = [0] + [_cut_before(line, m.start(), found[i][0].end()) for i, (m, _, _) in enumerate(found[1:])]
        for i, (_m, when, alias) in enumerate(found):
            end = starts[i + 1] if i + 1 < len(found) else len(line)
            seg = line[starts[i]:end].strip(" ,;|-—–>→")
            text = line if len(found) == 1 else seg
            attrs: dict[str, Any] = {}
            if section is not None and bullet:
                attrs["section"] = section
            if alias:
                attrs["alias"] = alias
            if _DAY_BEFORE.search(seg):
                attrs["day_offset"] = -1
            elif _DAY_AFTER.search(seg):
                attrs["day_offset"] = 1
            records.append(record(when, SourceKind.note, text, name, n, attrs=attrs))
    zone = stated_zone(all_lines)
    if zone is None and records and all(r.time.value.tzinfo is not None for r in records):
        zone = "UTC"  # every time is written with Z: the notes are in UTC (naive, so they get dates)
        records = [record(raw_time(r.time.value.replace(tzinfo=None), r.time.has_date), r.kind, r.text,
                          r.ref.file, r.ref.line, actor=r.actor, attrs=r.attrs) for r in records]
    day = stated_date(all_lines)
    records = _settle(records, zone, day, stated_month_day(all_lines))
    return ParsedSource(
        path=name,
        format="notes",
        kind=SourceKind.note,
        records=_with_untimed(records, untimed, name),
        stated_tz=zone,
        stated_date=day,
    )


def _with_untimed(records: list[RawRecord], untimed: list[tuple[int, str, int, str]], name: str) -> list[RawRecord]:
    """Untimed follow-ups at the time of the last timed line before them (else the file's last)."""
    if not records or not untimed:
        return records
    out: list[RawRecord] = []
    done = 0
    for before, text, n, label in untimed:
        out.extend(records[done:before])
        done = before
        at = records[before - 1] if before else records[-1]
        attrs: dict[str, Any] = {"untimed": True, "section": label}
        if "month_day" in at.attrs:
            attrs["month_day"] = at.attrs["month_day"]
        out.append(record(at.time, SourceKind.note, text, name, n, attrs=attrs))
    out.extend(records[done:])
    return out


def _settle(records: list[RawRecord], zone: str | None, day: str | None, month_day: str | None) -> list[RawRecord]:
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
        if base is not None:
            when = _notes_day(base, prev, v, attrs.get("day_offset"))
            attrs["month_day"] = when.strftime("%m-%d")
            if "day_offset" not in attrs:
                prev = when if prev is None else max(prev, when)
        t = raw_time(v, False)
        out.append(record(t, r.kind, r.text, r.ref.file, r.ref.line, actor=r.actor, attrs=attrs))
    return out


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
