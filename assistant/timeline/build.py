"""The timeline: parsed sources → one ordered, source-linked, condensed timeline with key times.

Steps: place every record on the UTC axis (``placement``: zones, dates, inferred offsets,
skew), condense logs into templates and bursts (``condense``), fold echoes into the alert they
repeat (``merge``), order and number the events, then key times (``keytimes``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from assistant.clock import require_zone
from assistant.domain import (
    ClockInfo,
    Coverage,
    Event,
    EventAttrs,
    Metrics,
    ParsedSource,
    RawRecord,
    SourceKind,
    SourceRef,
    Timeline,
)
from assistant.roles.assign import assign_roles
from assistant.roles.keytimes import find_key_times
from assistant.timeline.condense import Condenser
from assistant.timeline.keytimes import symptom_times
from assistant.timeline.merge import Item, dedupe, mentioned_events
from assistant.timeline.placed import Placed
from assistant.timeline.placement import place_sources

if TYPE_CHECKING:
    from assistant.ingest import IngestResult

_JOIN = re.compile(r"(has joined|joined the channel|has left|left the channel)", re.I)
# A message that is only a reaction to another (Zoom's saved chat writes 'Reacted to "…" with 👍' and
# 'Removed a 👍 reaction from "…"' as messages of their own): it adds nothing to the timeline.
_REACTED = re.compile(
    r'^(?:reacted to\s+["“].*["”]\s+with\s+\S+|removed an?\s+\S+\s+reaction from\s+["“].*["”])$', re.I
)
_FIRST_REAL_YEAR = 1971
_UNSET_REASON = "time is an exporter's 'unset' value (0001-01-01 or 1970-01-01), not an event time"
_KIND_ORDER = {SourceKind.alert: 0, SourceKind.log: 1, SourceKind.chat: 2, SourceKind.note: 3}


def build_timeline(
    sources: IngestResult | Sequence[str | Path],
    *,
    tz: str | None = None,
    date: date | None = None,
) -> Timeline:
    """One ordered timeline (ids E001… in time order) with key times, metrics, clock info and problems."""
    if isinstance(sources, (str, Path)):
        sources = [sources]
    if isinstance(sources, Sequence):
        from assistant.ingest import read_sources

        result = read_sources(list(sources))
    else:
        result = sources
    flag = require_zone(tz) if tz else None
    parsed, unset = _without_unset_times([s for s in result.sources if s.records])
    placement = place_sources(parsed, tz=flag, day=date)
    items, errors, counts = _items(placement.placed)
    for path, n in unset.items():
        fc = counts.setdefault(path, _FileCounts())
        fc.dropped[_UNSET_REASON] = fc.dropped.get(_UNSET_REASON, 0) + n
    items = dedupe(items)
    items.extend(mentioned_events(items))
    items.sort(key=lambda i: (i.time, _KIND_ORDER.get(i.source, 9)))
    events = [
        Event(
            id=f"E{n:03d}",
            time=i.time,
            source=i.source,
            actor=i.actor,
            text=i.text,
            refs=i.refs,
            attrs=i.attrs,
            recorded_time=i.recorded,
        )
        for n, i in enumerate(items, start=1)
    ]
    log_times = [p.time for p in placement.placed if p.rec.kind == SourceKind.log]
    roles = assign_roles(events)
    kt, ke, choices = find_key_times(
        [e for e in events if not e.attrs.get("mentioned")],
        roles,
        errors,
        logs_since=min(log_times) if log_times else None,
    )
    by_ref = {(r.file, r.line): e.id for e in events for r in e.refs}
    clock = {
        path: ClockInfo(
            offset=c.offset,
            zone=c.zone,
            skew_s=c.skew_s,
            how=c.how,  # type: ignore[arg-type]
            evidence=_ids(c.evidence, by_ref),
            notes=c.notes,
        )
        for path, c in placement.clocks.items()
    }
    return Timeline(
        events=events,
        key_times=kt,
        key_events=ke,
        metrics=Metrics.from_key_times(kt),
        clock=clock,
        problems=[*result.problems, *placement.problems],
        findings=placement.findings,
        roles=roles,
        key_candidates=choices,
        sources=[s.path for s in parsed],
        coverage=coverage_of(result, counts, {p: c.dated for p, c in placement.clocks.items() if c.dated}),
    )


def coverage_of(
    result: IngestResult, counts: dict[str, _FileCounts], dated: dict[str, str] | None = None
) -> list[Coverage]:
    """Per file: the parser's coverage, completed with how many timed lines were condensed.

    ``dated``: where the timeline gave a file's stamps their missing year or date (other sources, --date).

    A parser that does not report coverage yet gets one from its records (each record one timed line).
    Files that yielded nothing appear with format ``none`` and the problem as the reason.
    """
    out: list[Coverage] = []
    seen: set[str] = set()
    for s in result.sources:
        cov = (
            s.coverage.model_copy(deep=True)
            if s.coverage is not None
            else Coverage(file=s.path, format=s.format, lines=len(s.records), timed=len(s.records))
        )
        if dated and s.path in dated and not cov.dated:
            cov.dated = dated[s.path]
        fc = counts.get(s.path)
        if fc is not None:
            for reason, n in fc.dropped.items():
                n = min(n, cov.timed)
                cov.timed -= n
                cov.drop(reason, n)
            cov.condensed = min(cov.timed, fc.condensed)
        out.append(cov)
        seen.add(s.path)
    for p in result.problems:
        if p.path not in seen and not any(p.path.startswith(f + ":") for f in seen):
            seen.add(p.path)
            out.append(Coverage(file=p.path, format="none", why=p.message))
    return out


def _ids(refs: list[SourceRef], by_ref: dict[tuple[str, int], str]) -> list[str]:
    out: list[str] = []
    for r in refs:
        eid = by_ref.get((r.file, r.line))
        if eid and eid not in out:
            out.append(eid)
    return out


@dataclass
class _FileCounts:
    """What the timeline did with one file's timed lines: condensed into counts, or dropped (why)."""

    condensed: int = 0
    dropped: dict[str, int] = field(default_factory=dict)


def _without_unset_times(sources: list[ParsedSource]) -> tuple[list[ParsedSource], dict[str, int]]:
    """Sources without records dated before 1971, and how many each lost.

    Exporters write an unset time as the smallest value their type holds: .NET's
    ``0001-01-01T00:00:00Z`` (Microsoft Graph, Azure), the Unix epoch ``1970-01-01T00:00:00Z``.
    Such a value is not when anything happened, and one of them among a source's times would
    stretch its span over two thousand years.
    """
    kept: list[ParsedSource] = []
    lost: dict[str, int] = {}
    for s in sources:
        recs = [r for r in s.records if not (r.time.has_date and r.time.value.year < _FIRST_REAL_YEAR)]
        if len(recs) < len(s.records):
            lost[s.path] = len(s.records) - len(recs)
            s = s.model_copy(update={"records": recs})
        if recs:
            kept.append(s)
    return kept, lost


def _not_an_event(r: RawRecord) -> str | None:
    """Why a chat message is left out of the timeline (a join notice, a bare reaction), or None."""
    if r.attrs.get("subtype") == "channel_join" or (
        len(r.text) < 120 and _JOIN.search(r.text) and not r.attrs.get("bot")
    ):
        return "join/leave notices"
    if _REACTED.match(r.text.strip()):
        return "reactions to other messages"
    return None


def _items(
    placed: list[Placed],
) -> tuple[list[Item], list[tuple[datetime, SourceRef]], dict[str, _FileCounts]]:
    """Chat, alert and note records one-to-one (joins dropped); logs condensed per file."""
    items: list[Item] = []
    counts: dict[str, _FileCounts] = {}
    condensers: dict[str, Condenser] = {}
    recorded: dict[tuple[str, int], datetime] = {}
    for p in placed:
        r = p.rec
        if r.kind == SourceKind.log:
            c = condensers.get(p.path)
            if c is None:
                c = condensers[p.path] = Condenser()
            a = r.attrs
            c.add(
                p.time,
                r.text,
                r.ref,
                level=a.get("level"),
                service=a.get("service"),
                weight=a.get("weight", 1),
                varying=a.get("varying", False),
            )
            if p.recorded is not None:
                recorded[(r.ref.file, r.ref.line)] = p.recorded
            continue
        skipped = _not_an_event(r) if r.kind == SourceKind.chat else None
        if skipped is not None:
            fc = counts.setdefault(p.path, _FileCounts())
            fc.dropped[skipped] = fc.dropped.get(skipped, 0) + 1
            continue
        items.append(Item(p.time, r.kind, r.actor, r.text, [r.ref], r.attrs.copy(), p.recorded))
    errors: list[tuple[datetime, SourceRef]] = []
    for path, c in condensers.items():
        events = c.events()
        for ev in events:
            items.append(
                Item(
                    ev.time,
                    SourceKind.log,
                    ev.attrs.get("service"),
                    ev.text,
                    ev.refs,
                    cast(EventAttrs, ev.attrs),
                    recorded.get((ev.refs[0].file, ev.refs[0].line)),
                )
            )
        errors.extend(symptom_times(c))
        fc = counts.setdefault(path, _FileCounts())
        fc.condensed = c.lines - c.cut_lines - len(events)
        if c.cut_lines:
            fc.dropped[f"routine log events beyond the {c.max_events}-event cap"] = c.cut_lines
    return items, errors, counts
