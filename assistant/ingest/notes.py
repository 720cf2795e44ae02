"""Responder notes (Markdown or plain text) with times in lines or bullets.

A line with several times ("- 09:04 PD p99 > 5s, 09:05 PD 5xx>10%") yields one record per
time; the line is cut at the clause boundary before each later time. A time in parentheses
right after another ("14:06:31 (12:06:31Z)") is the same moment in another zone and is kept
as ``attrs["alias"]``; a range ("09:01-09:28") is one mention at its start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from assistant.domain import ParsedSource, RawRecord, RawTime, SourceKind
from assistant.ingest._records import PLACEHOLDER_DATE, raw_time, record
from assistant.ingest._tz import hour24, stated_date, stated_zone

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
    """Records from notes: one per time mention that starts a happening."""
    all_lines = list(lines)
    records: list[RawRecord] = []
    for n, raw_line in enumerate(all_lines, start=1):
        line = _clean(raw_line)
        if not line:
            continue
        found = _mentions(line)
        if not found:
            continue
        starts = [0] + [_cut_before(line, m.start(), found[i][0].end()) for i, (m, _, _) in enumerate(found[1:])]
        for i, (_m, when, alias) in enumerate(found):
            end = starts[i + 1] if i + 1 < len(found) else len(line)
            seg = line[starts[i]:end].strip(" ,;|-—–>→")
            text = line if len(found) == 1 else seg
            attrs: dict[str, Any] = {}
            if alias:
                attrs["alias"] = alias
            if _DAY_BEFORE.search(seg):
                attrs["day_offset"] = -1
            elif _DAY_AFTER.search(seg):
                attrs["day_offset"] = 1
            records.append(record(when, SourceKind.note, text, name, n, attrs=attrs))
    return ParsedSource(
        path=name,
        format="notes",
        kind=SourceKind.note,
        records=records,
        stated_tz=stated_zone(all_lines),
        stated_date=stated_date(all_lines),
    )


def time_mentions(text: str) -> int:
    """How many lines of ``text`` mention a time (used by detection)."""
    return sum(1 for line in text.split("\n") if TIME.search(line))
