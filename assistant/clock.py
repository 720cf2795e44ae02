"""Reading clocks: zone names, offsets the material states, DST-safe localisation, dates for times of day.

Pure functions over datetimes; the timeline decides which source gets which zone
(see ``assistant.timeline.align`` for inference from shared events and skew detection).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.errors import InputError

_NEAR = timedelta(hours=1)  # how far around a dateless source other events still count as its day

# Abbreviations people write ("times in PT", "MESZ"), mapped to IANA zones so DST works; the
# summer/winter spelling only tells us which zone family is meant. One table: ingest reads it too.
ZONE_ABBREVIATIONS: dict[str, str] = {
    "UTC": "UTC",
    "GMT": "UTC",
    "Z": "UTC",
    "ZULU": "UTC",
    "CET": "Europe/Berlin",
    "CEST": "Europe/Berlin",
    "MEZ": "Europe/Berlin",
    "MESZ": "Europe/Berlin",
    "BST": "Europe/London",
    "WET": "Europe/Lisbon",
    "WEST": "Europe/Lisbon",
    "EET": "Europe/Helsinki",
    "EEST": "Europe/Helsinki",
    "MSK": "Europe/Moscow",
    "PT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "PACIFIC": "America/Los_Angeles",
    "MT": "America/Denver",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "MOUNTAIN": "America/Denver",
    "CT": "America/Chicago",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "CENTRAL": "America/Chicago",
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "EASTERN": "America/New_York",
    "IST": "Asia/Kolkata",
    "SGT": "Asia/Singapore",
    "HKT": "Asia/Hong_Kong",
    "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland",
    "BRT": "America/Sao_Paulo",
}

_OFFSET_RE = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?$", re.IGNORECASE)
_ZONE_WORD = (
    r"(?P<zone>[A-Z][A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?|(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?|[A-Z]{1,5})"
)
# "all times UTC", "times in this channel are CEST", "(times UTC, Mar 4)", "timestamps are in PT".
_STATED_RES = (
    re.compile(r"\b(?:times?|timestamps?|clock)\b(?P<mid>[^.\n!?]{0,40}?)[\s(:]" + _ZONE_WORD + r"\b"),
    re.compile(r"(?:^|[\s(])" + _ZONE_WORD + r"\s+unless\b"),
)


def zone_from_name(name: str) -> tzinfo | None:
    """An IANA zone, an abbreviation (PT, CEST) or a fixed offset (+02:00) as a tzinfo, else None."""
    text = name.strip()
    if not text:
        return None
    iana = ZONE_ABBREVIATIONS.get(text.upper())
    if iana:
        return UTC if iana == "UTC" else ZoneInfo(iana)
    m = _OFFSET_RE.match(text)
    if m:
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if hours > 14 or minutes >= 60:
            return None
        delta = timedelta(hours=hours, minutes=minutes)
        return timezone(-delta if m.group(1) == "-" else delta)
    if "/" in text or text in ("UTC", "Etc/UTC"):
        try:
            return ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError):
            return None
    return None


def require_zone(name: str) -> tzinfo:
    """Like ``zone_from_name`` but raises InputError with a fix when the name is unknown (for --tz)."""
    tz = zone_from_name(name)
    if tz is None:
        raise InputError(
            f"unknown time zone {name!r}: use an IANA name such as Europe/Berlin, an abbreviation "
            "such as UTC or PT, or an offset such as +02:00",
            path="--tz",
        )
    return tz


def zone_label(tz: tzinfo) -> str | None:
    """The IANA key of a ZoneInfo (or 'UTC'), None for a fixed offset."""
    if tz is UTC:
        return "UTC"
    return getattr(tz, "key", None)


def format_offset(delta: timedelta | None) -> str:
    """'+HH:MM' for a UTC offset."""
    total = int((delta or timedelta(0)).total_seconds() // 60)
    sign = "-" if total < 0 else "+"
    total = abs(total)
    return f"{sign}{total // 60:02d}:{total % 60:02d}"


def stated_zone_in_text(text: str) -> str | None:
    """A zone the text says its times are in ("all times UTC", "times in PT"), else None.

    Statements about logs ("logs are UTC") are ignored: they describe another source.
    """
    for rx in _STATED_RES:
        for m in rx.finditer(text):
            if "log" in (m.groupdict().get("mid") or "").lower():
                continue
            zone = m.group("zone")
            if zone_from_name(zone) is not None and (zone.upper() in ZONE_ABBREVIATIONS or len(zone) > 3):
                return zone
    for m in _PLACE_STATED.finditer(text):
        if "log" in m.group("mid").lower():
            continue
        words = m.group("place").split()
        if zone := zone_of_place(" ".join(words)) or zone_of_place(words[0]):
            return zone
    return None


# "times are Lisbon time", "horarios de este canal en hora de Buenos Aires", "Zeiten in Berlin", "heures
# de Paris": the times' own words in the languages our users write, then a city with an IANA zone.
_PLACE_STATED = re.compile(
    r"\b(?:times|timestamps?|clock|horarios?|horários?|hora|heures?|Uhrzeit(?:en)?|Zeiten)\b"
    r"(?P<mid>[^.\n!?]{0,40}?)\b(?:in|en|em|de|da|do|à|a|at)\s+(?P<place>[A-Z][\w]+(?:[ _][A-Z][\w]+)?)"
)


@dataclass
class Localized:
    """A localised time and, when the wall-clock hour was odd, what happened."""

    value: datetime
    note: str | None = None


def localize(naive: datetime, tz: tzinfo, *, not_before: datetime | None = None) -> Localized:
    """Attach ``tz`` to a naive wall-clock time, handling DST gaps and repeated hours.

    A time in the spring-forward gap does not exist: it is read with the offset before the change
    (so 02:30 becomes 03:30 new time) and reported. In the repeated autumn hour the earlier
    reading is used unless that would put the time before ``not_before`` (the previous message).
    """
    if not isinstance(tz, ZoneInfo):
        return Localized(naive.replace(tzinfo=tz))
    first = naive.replace(tzinfo=tz, fold=0)
    second = naive.replace(tzinfo=tz, fold=1)
    off0, off1 = first.utcoffset(), second.utcoffset()
    if off0 == off1:
        return Localized(first)
    back = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    if back != naive:
        fixed = first.astimezone(UTC).astimezone(tz)
        return Localized(
            fixed,
            f"{naive:%Y-%m-%d %H:%M} does not exist in {tz} (clocks sprang forward); read as {fixed.isoformat()}",
        )
    chosen = first
    # Same-zone comparisons ignore fold, so compare in UTC.
    if not_before is not None and first.astimezone(UTC) < not_before.astimezone(UTC):
        chosen = second
    chosen = chosen.astimezone(timezone(chosen.utcoffset() or timedelta(0)))
    return Localized(
        chosen,
        f"{naive:%Y-%m-%d %H:%M} happens twice in {tz} (clocks fell back); read as {chosen.isoformat()}",
    )


def assign_dates(times: list[datetime], base: date, *, anchor_index: int = 0) -> list[datetime]:
    """Give times of day (in file order) real dates: ``times[anchor_index]`` falls on ``base``.

    Moving forward, a clock that jumps back by more than an hour means midnight passed;
    small steps back (out-of-order pastes) stay on the same day.
    """
    if not times:
        return []
    out: list[datetime] = [times[0]] * len(times)
    out[anchor_index] = datetime.combine(base, times[anchor_index].time())
    for i in range(anchor_index + 1, len(times)):
        prev = out[i - 1]
        cand = datetime.combine(prev.date(), times[i].time())
        if cand < prev - timedelta(hours=1):
            cand += timedelta(days=1)
        out[i] = cand
    for i in range(anchor_index - 1, -1, -1):
        nxt = out[i + 1]
        cand = datetime.combine(nxt.date(), times[i].time())
        if cand > nxt + timedelta(hours=1):
            cand -= timedelta(days=1)
        out[i] = cand
    return out


def best_date(tod_first: datetime, tod_last: datetime, others: list[datetime], tz: tzinfo) -> date | None:
    """The date that puts a time-of-day source among the other sources' events (read in ``tz``).

    Candidates are the local dates the other events fall on. The winner is the date on which the
    most other events fall within the source's span (an hour either side): a chat is about the day
    the logs and alerts are busy. Ties (sources with steady background output) go to the date that
    puts the source nearest the middle half of the others.
    """
    if not others:
        return None
    # Times of day compare as wall-clock readings: one source may mix aware and naive values.
    tod_first, tod_last = tod_first.replace(tzinfo=None), tod_last.replace(tzinfo=None)
    local = sorted((o if o.tzinfo is None else o.astimezone(tz).replace(tzinfo=None)) for o in others)
    lo, hi = local[len(local) // 4], local[(3 * len(local)) // 4]
    best: tuple[int, float, date] | None = None
    for d in sorted({x.date() for x in local}):
        start = datetime.combine(d, tod_first.time())
        end = start + max(timedelta(0), tod_last - tod_first)
        gap = max((lo - end).total_seconds(), (start - hi).total_seconds(), 0.0)
        near = bisect_right(local, end + _NEAR) - bisect_left(local, start - _NEAR)
        if best is None or (-near, gap) < (best[0], best[1]):
            best = (-near, gap, d)
    return best[2] if best else None


def best_year(month_day: datetime, others: list[datetime]) -> int | None:
    """For year-less stamps (syslog): the year of the other sources that lands closest to them."""
    if not others:
        return None
    ref = sorted(others)[len(others) // 2].replace(tzinfo=None)
    best: tuple[float, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = month_day.replace(year=year)
        except ValueError:  # 29 February in a non-leap year
            continue
        gap = abs((cand - ref).total_seconds())
        if best is None or gap < best[0]:
            best = (gap, year)
    return best[1] if best else None


# "it's 15:10 here in Madrid", "15:10 in Berlin right now": a clock reading tied to a place.
_HERE = re.compile(
    r"\b(?:it'?s|it is|now|currently)\s+(?:already\s+)?(?P<h>[01]?\d|2[0-3])[:.h](?P<m>[0-5]\d)\s*(?P<ampm>[ap]\.?m\.?)?"
    r"\s+(?:here\s+)?in\s+(?P<place>[A-Z][A-Za-z]+(?:[ _][A-Z][A-Za-z]+)?)",
    re.IGNORECASE,
)


def _place_index() -> dict[str, str]:
    from zoneinfo import available_timezones

    out: dict[str, str] = {}
    for key in sorted(available_timezones()):  # sorted: the same zone on every run
        if "/" in key and not key.startswith(("Etc/", "SystemV/", "US/")):
            out.setdefault(key.rsplit("/", 1)[1].replace("_", " ").lower(), key)
    return out


_PLACES: dict[str, str] | None = None


def zone_of_place(place: str) -> str | None:
    """The IANA zone named after a city ('Madrid' → 'Europe/Madrid', 'New York' → 'America/New_York')."""
    global _PLACES
    if _PLACES is None:
        _PLACES = _place_index()
    return _PLACES.get(place.strip().replace("_", " ").lower())


def local_time_statement(text: str) -> tuple[int, int, str] | None:
    """(hour, minute, IANA zone) when the text tells the local time somewhere ("it's 15:10 here in Madrid")."""
    for m in _HERE.finditer(text):
        words = m.group("place").split()
        zone = zone_of_place(" ".join(words)) or zone_of_place(words[0])
        if zone is None:
            continue
        h = int(m.group("h"))
        if m.group("ampm"):
            h = h % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
        return h, int(m.group("m")), zone
    return None
