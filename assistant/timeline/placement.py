"""Placing every parsed record on one UTC axis: zone per source, dates for times of day, skew.

Per source with naive times: the zone the material states, else an offset inferred from shared
events (alerts echoed or mentioned in chat), else ``--tz``, else UTC — and ``ClockInfo.how`` says
which. Year-less syslog stamps and date-less chat lines borrow their date from the other sources.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cached_property
from typing import TypeVar

from assistant.clock import (
    assign_dates,
    best_date,
    best_year,
    format_offset,
    local_time_statement,
    localize,
    stated_zone_in_text,
    zone_from_name,
    zone_label,
)
from assistant.domain import InputProblem, ParsedSource, RawRecord, SourceKind, SourceRef
from assistant.ingest._levels import ERROR_LEVEL_VALUES, WARNING_LEVEL_VALUES
from assistant.timeline.align import (
    Anchor,
    OffsetGuess,
    SkewUnit,
    activity_offset,
    anchor_from_alert,
    anchor_from_ticket,
    burst_offset,
    detect_skew,
    infer_offset,
    log_echo_offset,
    quoted_stamps,
    shared_token_offset,
)
from assistant.timeline.cause import apply_causal_order
from assistant.timeline.placed import Placed, SourceClock
from assistant.timeline.stated import apply_stated_clocks
from assistant.vocabulary import ALERT_DONE_STATES, ALERT_UPDATE_STATES

_SCAN_LIMIT = 3000  # records per source read for stated zones / echoes (chat is small; logs rarely echo)
_SKEW_SAMPLE = 20000


@dataclass
class Placement:
    """All records on the UTC axis, per-file clock info and findings for people."""

    placed: list[Placed]
    clocks: dict[str, SourceClock]
    findings: list[str]
    problems: list[InputProblem] = field(default_factory=list)


def place_sources(
    sources: list[ParsedSource], *, tz: tzinfo | None = None, day: date | None = None
) -> Placement:
    """Resolve every record's time: stated zone > inferred offset > --tz > UTC, then skew."""
    findings: list[str] = []
    sources = _settle_date_order(sources, findings)
    clocks: dict[str, SourceClock] = {}
    placed: list[Placed] = []
    known: list[datetime] = []
    anchors: list[Anchor] = []
    pending: list[ParsedSource] = []
    for src in sources:
        if src.records and all(r.time.is_aware and not r.attrs.get("year_missing") for r in src.records):
            for r in src.records:
                placed.append(Placed(r.time.value, r, src.path))
                known.append(r.time.value)
                if src.kind == SourceKind.alert:
                    anchors.append(anchor_from_alert(r.time.value, r))
                elif r.attrs.get("ticket") and (opened := anchor_from_ticket(r.time.value, r)):
                    anchors.append(opened)
            clocks[src.path] = SourceClock(
                offset=_offset_of(src.records[0].time.value), zone=None, how="stated"
            )
        else:
            pending.append(src)
    # Dated naive sources first, so date-less chats and year-less logs can borrow their dates; logs
    # before what people wrote.
    pending.sort(
        key=lambda s: (
            any(not r.time.has_date or r.attrs.get("year_missing") for r in s.records),
            s.kind in _HUMAN,
        )
    )
    wanted = {
        q for s in pending if s.kind in _HUMAN for r in s.records[:_SCAN_LIMIT] for q in quoted_stamps(r.text)
    }
    logged = _logged(placed, wanted)
    problems: list[InputProblem] = []
    written = _written_offset(sources)
    talk_at: int | None = None  # the offset the first zone-less chat was read at, for the others
    for src in pending:
        recs, clock, notes = _place_naive(
            src,
            anchors,
            known,
            tz,
            day,
            _sibling_zone(src, sources),
            logged,
            _Activity(placed, talk_at),
            written,
        )
        if src.kind == SourceKind.chat and clock.how == "inferred" and recs:
            talk_at = int((recs[0].time.utcoffset() or timedelta(0)).total_seconds() // 60)
        if clock.dated.startswith("!"):  # nothing in the material dates these stamps: a problem, events kept
            clock.dated = clock.dated[1:]
            problems.append(InputProblem(path=src.path, message=clock.dated))
        if wanted and src.kind == SourceKind.log:
            logged.update(_logged(recs, wanted))
        clocks[src.path] = clock
        findings.extend(notes)
        placed.extend(recs)
        known.extend(p.time for p in recs)
    placed = _echoed_clocks(pending, placed, clocks, known, day, findings)
    done = apply_stated_clocks(placed, clocks, findings)
    findings.extend(_apply_skew(placed, clocks, skip=done))
    apply_causal_order(placed, clocks, findings, skip=done)
    return Placement(placed, clocks, findings, problems)


def _echoed_clocks(
    pending: list[ParsedSource],
    placed: list[Placed],
    clocks: dict[str, SourceClock],
    known: list[datetime],
    day: date | None,
    findings: list[str],
) -> list[Placed]:
    """Re-read a zone-less source that fell back to UTC at the offset where its rare identifiers line
    up with the sources whose clock is known (``shared_token_offset``): a Windows event log in local time
    whose migration id the chat's bot relayed, once the chat's own offset is known."""
    for src in pending:
        clock = clocks[src.path]
        if clock.how != "default":
            continue
        naive = [r for r in src.records if not r.time.is_aware][:_SKEW_SAMPLE]
        ref = [
            (p.time, p.rec.text, p.rec.ref)
            for p in placed
            if p.path != src.path and clocks[p.path].how in ("stated", "inferred")
        ]
        guess = shared_token_offset(naive, ref)
        if guess is None:
            continue
        zone = timezone(timedelta(minutes=guess.minutes))
        recs, new_clock, _ = _place_naive(src, [], known, zone, day)
        new_clock.how = "inferred"
        new_clock.dated = new_clock.dated.lstrip("!")
        new_clock.evidence = [r for pair in guess.evidence for r in pair]
        clocks[src.path] = new_clock
        findings[:] = [f for f in findings if not f.startswith(f"{src.path}: no time zone stated")]
        findings.append(
            f"{src.path}: no time zone stated; read at {new_clock.offset}, where {int(guess.votes)} of its "
            "identifiers line up with the same ones in sources whose clock is known; pass --tz if that is wrong"
        )
        placed = [p for p in placed if p.path != src.path] + recs
    return placed


def _settle_date_order(sources: list[ParsedSource], findings: list[str]) -> list[ParsedSource]:
    """A file whose numeric dates never settle their order ("07/04/2026" throughout) was read month
    first; read it day first instead when that puts it nearer the dates of the other sources."""
    if not any(s.swappable_dates for s in sources):
        return sources  # the usual case: no sort over every record of every log
    ref = sorted(
        r.time.value.replace(tzinfo=None)
        for s in sources
        if not s.swappable_dates
        for r in s.records
        if r.time.has_date
    )
    if not ref:
        return sources
    mid = ref[len(ref) // 2]
    out = []
    for src in sources:
        dated = [r for r in src.records if r.time.has_date]
        swapped = [_swap(r.time.value) for r in dated]
        if not src.swappable_dates or not dated or any(v is None for v in swapped):
            out.append(src)
            continue
        now = abs(dated[len(dated) // 2].time.value.replace(tzinfo=None) - mid)
        alt = abs((swapped[len(dated) // 2] or mid).replace(tzinfo=None) - mid)
        if alt + timedelta(days=1) >= now:
            out.append(src)
            continue
        recs = [
            r.model_copy(update={"time": r.time.model_copy(update={"value": _swap(r.time.value)})})
            if r.time.has_date
            else r
            for r in src.records
        ]
        day = _parse_day(src.stated_date)
        stated = _swap(day) if day else None
        out.append(
            src.model_copy(
                update={"records": recs, "stated_date": stated.isoformat() if stated else src.stated_date}
            )
        )
        findings.append(
            f"{src.path}: its dates could be month/day or day/month; read day first "
            f"({dated[0].time.value:%Y-%m-%d} → {swapped[0]:%Y-%m-%d}), the reading that agrees with the other sources"
        )
    return out


_D = TypeVar("_D", date, datetime)


def _swap(v: _D) -> _D | None:
    """The same day with day and month exchanged (None when that is no date)."""
    try:
        return v.replace(month=v.day, day=v.month)
    except ValueError:
        return None


class _Activity:
    """What a zone-less source is aligned with: trouble in the sources placed so far (errors and firing
    alerts; firing alerts only, for logs) and the offset another chat of the incident was read at.
    Trouble is read from the placed records only when a source needs it (most state or echo a zone)."""

    def __init__(self, placed: list[Placed], prefer: int | None) -> None:
        self._placed = placed
        self.prefer = prefer

    @cached_property
    def trouble(self) -> list[datetime]:
        """Error-level log lines and firing alerts."""
        return _trouble(self._placed)

    @cached_property
    def alerts(self) -> list[datetime]:
        """Firing alerts only."""
        return _trouble(self._placed, alerts_only=True)


def _activity_guess(
    src: ParsedSource, naive: list[RawRecord], activity: _Activity | None
) -> OffsetGuess | None:
    """The offset that puts a chat's talk, or a log's error lines, where the timed sources show trouble."""
    if activity is None:
        return None
    if src.kind == SourceKind.chat:
        # Errors all day long blur the window: then the alerts alone say when the trouble was.
        return activity_offset(
            naive[:_SCAN_LIMIT], activity.trouble, prefer=activity.prefer
        ) or activity_offset(naive[:_SCAN_LIMIT], activity.alerts, prefer=activity.prefer)
    if src.kind == SourceKind.log:
        for levels in (ERROR_LEVEL_VALUES, WARNING_LEVEL_VALUES):  # warnings when a log has no errors
            lines = [r for r in naive if str(r.attrs.get("level") or "").lower() in levels]
            if len(lines) >= 5:
                return burst_offset(lines[:_SCAN_LIMIT], activity.alerts)
    return None


_NOT_FIRING = ALERT_DONE_STATES | ALERT_UPDATE_STATES


def _trouble(placed: list[Placed], *, alerts_only: bool = False) -> list[datetime]:
    """Times the timed sources show trouble: error-level log lines and firing alerts."""
    out = []
    for p in placed:
        level = str(p.rec.attrs.get("level") or "").lower()
        if (p.rec.kind == SourceKind.log and level in ERROR_LEVEL_VALUES and not alerts_only) or (
            p.rec.kind == SourceKind.alert and str(p.rec.attrs.get("status") or "").lower() not in _NOT_FIRING
        ):
            out.append(p.time)
    return out


def _offset_of(value: datetime) -> str:
    return format_offset(value.utcoffset())


def _stated(src: ParsedSource) -> str | None:
    if src.stated_tz and zone_from_name(src.stated_tz):
        return src.stated_tz
    for r in src.records[:_SCAN_LIMIT]:
        zone = stated_zone_in_text(r.text)
        if zone:
            return zone
    return _place_reading(src)


def _place_reading(src: ParsedSource) -> str | None:
    """A message telling the local time of a place that matches its own stamp ("it's 15:10 here in Madrid")."""
    for r in src.records[:_SCAN_LIMIT]:
        if r.time.is_aware:
            continue
        said = local_time_statement(r.text)
        if said is None:
            continue
        h, m, zone = said
        stamp = r.time.value.hour * 60 + r.time.value.minute
        if min((stamp - h * 60 - m) % 1440, (h * 60 + m - stamp) % 1440) <= 5:
            return zone
    return None


def _sibling_zone(src: ParsedSource, sources: list[ParsedSource]) -> tuple[str, str] | None:
    """The one zone the other human-written sources (chat, notes) state: the same team wrote both."""
    if src.kind not in (SourceKind.chat, SourceKind.note):
        return None
    found: dict[str, str] = {}
    for other in sources:
        if other is src or other.kind not in (SourceKind.chat, SourceKind.note):
            continue
        zone = _stated(other)
        if zone and zone_from_name(zone) is not None:
            found.setdefault(zone_label(zone_from_name(zone) or UTC) or zone, other.path)
    if len(found) != 1:
        return None
    zone, path = next(iter(found.items()))
    return zone, path


_HUMAN = (SourceKind.chat, SourceKind.note)


def _written_offset(sources: list[ParsedSource]) -> tuple[timedelta, str] | None:
    """The one local offset, other than UTC, that the sources with zoned stamps write in (mail headers
    "+0900", a chat export's "+02:00", a database log's "+03"), and a source that does.

    A non-UTC offset is someone's local clock. When every source that writes one writes the same,
    what the team wrote without a zone (chat, notes, tickets) is most likely on that clock too; a
    zone-less log is not (machines mostly log in UTC). Two different local offsets say nothing.
    """
    found: dict[timedelta, str] = {}
    for src in sources:
        offsets = Counter(
            off
            for r in src.records[:_SCAN_LIMIT]
            if r.time.is_aware and (off := r.time.value.utcoffset()) and off != timedelta(0)
        )
        if offsets:
            found.setdefault(offsets.most_common(1)[0][0], src.path)
    if len(found) != 1:
        return None
    return next(iter(found.items()))


def _logged(placed: list[Placed], wanted: set[datetime]) -> dict[datetime, tuple[datetime, SourceRef]]:
    """Log lines whose written stamp (to the second) a message quotes: written stamp → (true time, ref)."""
    out: dict[datetime, tuple[datetime, SourceRef]] = {}
    if not wanted:
        return out
    for p in placed:
        if p.rec.kind != SourceKind.log or not p.rec.time.has_date:
            continue
        key = p.rec.time.value.replace(tzinfo=None, microsecond=0)
        if key in wanted and key not in out:
            out[key] = (p.time, p.rec.ref)
    return out


def _place_naive(
    src: ParsedSource,
    anchors: list[Anchor],
    known: list[datetime],
    flag: tzinfo | None,
    day: date | None,
    sibling: tuple[str, str] | None = None,
    logged: dict[datetime, tuple[datetime, SourceRef]] | None = None,
    activity: _Activity | None = None,
    written: tuple[timedelta, str] | None = None,
) -> tuple[list[Placed], SourceClock, list[str]]:
    notes: list[str] = []
    recs = list(src.records)
    naive = [r for r in recs if not r.time.is_aware]
    evidence: list[SourceRef] = []
    anchor_ref: SourceRef | None = None
    anchor_time: datetime | None = None
    stated = _stated(src)
    if stated:
        zone, how = zone_from_name(stated) or UTC, "stated"
    else:
        guess = infer_offset(naive[:_SCAN_LIMIT], anchors)
        echoed = [(a.ref, a.time) for a in anchors]
        if (guess is None or guess.votes < 1) and logged and src.kind in _HUMAN:
            guess = log_echo_offset(naive[:_SCAN_LIMIT], logged)  # log lines pasted into the chat
            echoed = [(ref, t) for t, ref in logged.values()]
        if guess is not None and guess.votes >= 1:
            zone, how = timezone(timedelta(minutes=guess.minutes)), "inferred"
            at = guess.evidence[0][1]
            anchor_time = next(t for ref, t in echoed if ref == at)
            # The flag's zone keeps DST right when it agrees with what the evidence says.
            if flag is not None and anchor_time.astimezone(flag).utcoffset() == timedelta(
                minutes=guess.minutes
            ):
                zone = flag
            anchor_ref = guess.evidence[0][0]
            evidence = [ref for pair in guess.evidence for ref in pair]
        elif sibling is not None and zone_from_name(sibling[0]) is not None:
            zone, how = zone_from_name(sibling[0]) or UTC, "inferred"
            notes.append(
                f"{src.path}: no time zone stated; read in {sibling[0]}, the zone {sibling[1]} states "
                "(written by the same team)"
            )
        elif flag is not None:
            zone, how = flag, "flag"
        elif (talk := _activity_guess(src, naive, activity)) is not None:
            zone, how = timezone(timedelta(minutes=talk.minutes)), "inferred"
            fit = (
                f"puts {talk.votes:.0%} of its messages while the timed sources show trouble"
                if src.kind == SourceKind.chat
                else f"lines its burst of errors up with the alerts that fired ({talk.votes:.1f}x the usual rate)"
            )
            notes.append(
                f"{src.path}: no time zone stated and no events shared with timed sources; read at "
                f"{format_offset(timedelta(minutes=talk.minutes))}, the offset that {fit} (UTC does not); "
                "pass --tz if that is wrong"
            )
        elif written is not None and src.kind in _HUMAN:
            zone, how = timezone(written[0]), "inferred"
            notes.append(
                f"{src.path}: no time zone stated and no events shared with timed sources; read at "
                f"{format_offset(written[0])}, the local offset {written[1]} writes its times in; "
                "pass --tz if that is wrong"
            )
        else:
            zone, how = UTC, "default"
        if how in ("flag", "default") and naive:
            notes.append(
                f"{src.path}: no time zone stated and no events shared with timed sources; "
                f"read its times as {zone_label(zone) or format_offset(_any_offset(zone))} ({how})"
            )
    values, dated = _dated_values(src, recs, zone, known, day, anchor_ref, anchor_time)
    out: list[Placed] = []
    prev: datetime | None = None
    dst_notes: list[str] = []
    for r, v in zip(recs, values, strict=True):
        if v.tzinfo is not None and v.utcoffset() is not None:
            aware = v
        else:
            loc = localize(v, zone, not_before=prev)
            # Fixed offsets from here on: same-zone datetimes compare by wall clock, ignoring DST folds.
            aware = loc.value.astimezone(timezone(loc.value.utcoffset() or timedelta(0)))
            if loc.note and len(dst_notes) < 5 and loc.note not in dst_notes:
                dst_notes.append(loc.note)
        prev = aware
        out.append(Placed(aware, r, src.path))
    notes.extend(f"{src.path}:{n}" for n in dst_notes)
    first = next((p.time for p in out), None)
    offset = format_offset(first.utcoffset()) if first else format_offset(_any_offset(zone))
    clock = SourceClock(
        offset=offset,
        zone=zone_label(zone),
        how=how,
        evidence=evidence,
        notes=[n for n in dst_notes],
        dated=dated,
    )
    if how == "inferred" and evidence:
        notes.append(
            f"{src.path}: times carry no zone; offset {offset} inferred from "
            f"{len(evidence) // 2} shared event(s) with the alert payloads or logs"
        )
    return out, clock, notes


def _any_offset(zone: tzinfo) -> timedelta:
    return datetime.now(UTC).astimezone(zone).utcoffset() or timedelta(0)


def _dated_values(
    src: ParsedSource,
    recs: list[RawRecord],
    zone: tzinfo,
    known: list[datetime],
    day: date | None,
    anchor_ref: SourceRef | None,
    anchor_time: datetime | None,
) -> tuple[list[datetime], str]:
    """Naive datetimes with real dates (aware values pass through untouched), and where the dates came from.

    The second value is for coverage ("year from the other sources of the incident (2026)"); it
    starts with "!" when nothing in the material gives the year or date (the caller makes it a problem).
    """
    values = [r.time.value for r in recs]
    dated = ""
    if any(r.attrs.get("year_missing") for r in recs):
        year = day.year if day else best_year(values[0], known) if known else None
        if year:
            values = _with_year(recs, values, year)
            dated = f"year from {'--date' if day else 'the other sources of the incident'} ({year})"
        else:
            dated = (
                f"!stamps carry no year and nothing in the material gives one; read as {values[0].year} "
                "(name the date in the file name, e.g. app-2026-03-14.log, or pass --date)"
            )
    idx = [i for i, r in enumerate(recs) if not r.time.has_date]
    if not idx:
        return values, dated
    tods = [values[i] for i in idx]
    base: date | None = None
    anchor_at = 0
    stated_day = _parse_day(src.stated_date)
    if day or stated_day:
        base = day or stated_day
    elif anchor_ref is not None and anchor_time is not None:
        pos = next((k for k, i in enumerate(idx) if recs[i].ref == anchor_ref), None)
        if pos is not None:
            anchor_at = pos
            local = anchor_time.astimezone(zone)
            base = local.date()
            # An echo a few minutes after a 23:58 alert may already be on the next day.
            if tods[pos].hour < 1 and local.hour == 23:
                base += timedelta(days=1)
    if base is None:
        base = best_date(tods[0], tods[-1], known, zone) if known else None
    if base is None:
        base = datetime.now(UTC).date()
        dated = (
            "!times have no date and nothing in the material or --date gives one; used today "
            "(name the date in the file name, e.g. app-2026-03-14.log, or pass --date)"
        )
    elif src.kind == SourceKind.log and not dated:
        how = (
            "--date"
            if day
            else "the date the file states"
            if stated_day
            else "the other sources of the incident"
        )
        dated = f"date from {how} ({base.isoformat()})"
    days = _follow_dividers(assign_dates(tods, base, anchor_index=anchor_at), [recs[i] for i in idx])
    for i, v in zip(idx, days, strict=True):
        values[i] = v
    return values, dated


def _with_year(recs: list[RawRecord], values: list[datetime], year: int) -> list[datetime]:
    """Year-less stamps on ``year``; one more year each time the file crosses New Year (Dec → Jan)."""
    out, prev = [], None
    for r, v in zip(recs, values, strict=True):
        if r.attrs.get("year_missing"):
            try:
                cand = v.replace(year=year)
                if prev is not None and cand.replace(tzinfo=None) < prev - timedelta(days=183):
                    year += 1
                    cand = v.replace(year=year)
            except ValueError:  # 29 February of a year without one: keep the placeholder year
                cand = v
            prev = cand.replace(tzinfo=None)
            v = cand
        out.append(v)
    return out


def _follow_dividers(dated: list[datetime], recs: list[RawRecord]) -> list[datetime]:
    """Day dividers ("Friday, February 27th") set the date of the messages under them.

    The year comes from the assigned date; a divider more than two days away from where the
    clock arithmetic put a message is ignored (it disagrees with every other source).
    """
    out = list(dated)
    for k, (v, r) in enumerate(zip(dated, recs, strict=True)):
        md = r.attrs.get("month_day")
        if not isinstance(md, str) or len(md) != 5:
            continue
        cands = []
        for year in (v.year - 1, v.year, v.year + 1):
            try:
                cands.append(date(year, int(md[:2]), int(md[3:])))
            except ValueError:
                continue
        if not cands:
            continue
        d = min(cands, key=lambda c: abs((c - v.date()).days))
        # A date written on the line itself ("Mon 2 Mar 09:15") holds over any distance.
        if abs((d - v.date()).days) <= (183 if r.attrs.get("line_date") else 2):
            out[k] = datetime.combine(d, v.time())
    return out


def _parse_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _apply_skew(
    placed: list[Placed], clocks: dict[str, SourceClock], *, skip: frozenset[str] = frozenset()
) -> list[str]:
    """Find and correct constant per-host (or per-log) clock errors against everything else."""
    groups: dict[str, list[Placed]] = {}
    for p in placed:
        if p.rec.kind == SourceKind.log:
            host = p.rec.attrs.get("host") or ""
            key = f"{p.path}#{host}" if host else p.path
            if key in skip:
                continue  # already corrected from what a responder stated
        elif p.rec.kind == SourceKind.alert or p.rec.attrs.get("bot"):
            key = f"~ref:{p.path}"  # machine-stamped references, never corrected
        else:
            continue
        groups.setdefault(key, []).append(p)
    if len([k for k in groups if not k.startswith("~ref:")]) < 1 or len(groups) < 2:
        return []
    units = []
    for key, items in groups.items():
        step = max(1, len(items) // _SKEW_SAMPLE)
        sample = items[::step]
        units.append(
            SkewUnit(
                key,
                [p.time for p in sample],
                [p.rec.text for p in sample],
                [p.rec.ref for p in sample],
                correctable=not key.startswith("~ref:"),
            )
        )
    skews = detect_skew(units)
    findings = []
    for key, skew in skews.items():
        delta = timedelta(seconds=skew.seconds)
        for p in groups[key]:
            p.recorded = p.time
            p.time = p.time - delta
        path, _, host = key.partition("#")
        c = clocks[path]
        if abs(skew.seconds) > abs(c.skew_s):
            c.skew_s = skew.seconds
        c.evidence.extend(skew.evidence)
        who = f"host {host} in {path}" if host else path
        direction = "ahead of" if skew.seconds > 0 else "behind"
        mins, secs = divmod(int(abs(skew.seconds)), 60)
        c.notes.append(f"{who}: clock {mins} min {secs} s {direction} the other sources; corrected")
        findings.append(
            f"Clock skew: {who} runs {mins} min {secs} s {direction} the other sources "
            f"({skew.matches} shared events); its times are corrected and the originals kept as recorded. "
            "A drifting clock can itself be part of the incident."
        )
    return findings
