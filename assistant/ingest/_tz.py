"""Zones and dates the material itself states ("all times UTC", "times in PT", "Date: 2026-03-04")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.clock import ZONE_ABBREVIATIONS

_ZONE_ALT = "|".join(sorted((re.escape(k) for k in ZONE_ABBREVIATIONS if k != "Z"), key=len, reverse=True))
_OFFSET = r"(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?"
_IANA = (
    r"(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_]+(?:/[A-Za-z_]+)?"
)
_ZONE = rf"(?:{_IANA}|{_OFFSET}|(?:{_ZONE_ALT})\b)"

# "all times UTC", "times are CEST", "times in this channel are CEST", "times in PT", "timezone: UTC",
# "(times local, UTC+1)"
_PHRASE = re.compile(
    rf"\b(?:all\s+)?(?:time(?:stamp)?s|time\s*zone|tz)\b(?:\s+(?:in\s+)?(?:this|the)\s+\w+|\s+(?:here|below|shown|listed|above))?"
    rf"\s*(?:are|is|:|=|-|—)?\s*(?:in\s+|given\s+in\s+)?(?:local\b\s*[,;:(]?\s*)?\(?(?P<z>{_ZONE})",
    re.IGNORECASE,
)
# A header's parenthetical starting with a zone: "(CEST unless marked Z)", "(UTC)".
_PAREN = re.compile(rf"\(\s*(?P<z>{_ZONE})")
_ISO_DATE = re.compile(r"\b(20\d{2})-(\d{2})-(\d{2})\b")
_DATE_LABEL = re.compile(r"\b(?:date|day|on)\s*[:=]?\s*(20\d{2})-(\d{2})-(\d{2})\b", re.IGNORECASE)

MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}


def normalize_zone(raw: str) -> str | None:
    """'CEST' → 'Europe/Berlin', 'UTC+2' → '+02:00', 'Europe/Paris' → itself."""
    s = raw.strip().replace("−", "-")
    if "/" in s:
        return s
    m = re.fullmatch(r"(?:UTC|GMT)\s?([+\-])\s?(\d{1,2})(?::?(\d{2}))?", s, re.IGNORECASE)
    if m:
        sign, hh, mm = m.group(1), int(m.group(2)), int(m.group(3) or 0)
        if hh == 0 and mm == 0:
            return "UTC"
        return f"{sign}{hh:02d}:{mm:02d}"
    return ZONE_ABBREVIATIONS.get(s.upper())


def stated_zone(lines: Iterable[str], *, header_lines: int = 5) -> str | None:
    """The zone the material states for its own times, or None."""
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        m = _PHRASE.search(line)
        if m:
            z = normalize_zone(m.group("z"))
            if z:
                return z
        if seen < header_lines:
            m = _PAREN.search(line)
            if m and (z := normalize_zone(m.group("z"))):
                return z
        seen += 1
    return None


def stated_date(lines: Iterable[str], *, header_lines: int = 8) -> str | None:
    """A YYYY-MM-DD the material states in its header ("Date: 2026-03-04", "# INC 2025-09-23 ...")."""
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        m = _DATE_LABEL.search(line) or (_ISO_DATE.search(line) if seen < header_lines else None)
        if m and _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
        seen += 1
        if seen >= header_lines:
            break
    return None


_MONTH_DAY = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[A-Za-z]{3,9})|(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
    r"(?![\d:])"
)

_DAY_RANGE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:to|-|–|/|and)\s*\d{1,2}(?:st|nd|rd|th)?\b(?=\s+[A-Za-z])"
)


def stated_month_day(lines: Iterable[str], *, header_lines: int = 8) -> str | None:
    """A "Mar 4" / "4 March" the header states without a year, as "MM-DD" (or from a full date)."""
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        if (iso := _ISO_DATE.search(line)) and _valid(
            int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
        ):
            return f"{iso.group(2)}-{iso.group(3)}"
        # "night of 26 to 27 Feb": the notes start on the first day.
        line = _DAY_RANGE.sub(r"\1", line)
        for m in _MONTH_DAY.finditer(line):
            word, day = (m.group("m1"), m.group("d1")) if m.group("m1") else (m.group("m2"), m.group("d2"))
            mon = MONTHS.get(word[:3].lower())
            # "may" is a verb more often than a month; only month-like words count (Mar, March).
            if (
                mon
                and word.lower() != "may"
                and word[:3].lower() + word[3:].lower() in _month_words(mon)
                and _valid(2000, mon, int(day))
            ):
                return f"{mon:02d}-{int(day):02d}"
        seen += 1
        if seen >= header_lines:
            break
    return None


def _month_words(mon: int) -> tuple[str, ...]:
    full = (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    )[mon - 1]
    return (full[:3], full, "sept") if mon == 9 else (full[:3], full)


def zone_info(name: str | None) -> tzinfo | None:
    """A normalized zone name ("UTC", "+02:00", "Europe/Berlin") as a tzinfo, else None."""
    if not name:
        return None
    m = re.fullmatch(r"([+\-])(\d{2}):(\d{2})", name)
    if m:
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
        return timezone(-delta if m.group(1) == "-" else delta)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def day_first_from(firsts: Sequence[int], seconds: Sequence[int]) -> bool | None:
    """The order numeric dates settle by their values: day first when a first field exceeds 12 (and no
    second does), month first when a second field does (and no first does); None when nothing settles it
    (every caller has its own default: the separator, dots, the other sources)."""
    if any(x > 12 for x in firsts) and all(x <= 12 for x in seconds):
        return True
    if any(x > 12 for x in seconds) and all(x <= 12 for x in firsts):
        return False
    return None


def _valid(y: int, mo: int, d: int) -> bool:
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return True


def hour24(hour: int, ampm: str | None) -> int:
    """Convert a 12-hour clock hour to 24-hour ('12 AM' → 0, '1 PM' → 13)."""
    if not ampm:
        return hour
    pm = ampm.strip().lower().startswith("p")
    hour %= 12
    return hour + 12 if pm else hour
