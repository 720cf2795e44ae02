"""Fitting an incident's sources into a token budget: people first, logs as templates, nothing cut silently.

Decisions:
- Chat, notes and alerts are what people said and were told; they always enter before any log line.
- Logs enter as the condenser made them (one line per template run, with its count, first and last
  time and whether it was a burst). Four or more runs of one template become one line citing their
  ids. Log lines enter by priority (key events, errors, warnings, then rare before frequent) until
  the budget is spent; the rest are named in one closing line and in the provenance.
- When people's lines alone do not fit, ``windows`` splits the whole incident into consecutive time
  windows that each fit, so a hierarchical draft can summarise every window (the end included).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import UTC, datetime

from assistant.domain import Event, SourceKind
from assistant.draft.tokens import TokenCounter
from assistant.timeline.condense import level_class

_DELIM = re.compile(r"</?\s*sources\s*>", re.IGNORECASE)
_RUN_SUFFIX = re.compile(r"\s*\[x\d+ until [^\]]*\]\s*$")
LINE_CHARS = 600  # one event line at most; longer text is cut with a marker
GROUP_MIN = 4  # runs of one log template that become a single line


def event_line(event: Event, *, max_chars: int = LINE_CHARS, mark: str = "") -> str:
    """One source line as the prompts show it: ``[E012 2026-...+00:00 chat alice] text``."""
    text = _DELIM.sub("[sources-tag]", event.text).replace("\r", "").replace("\n", " ⏎ ")
    actor = (event.actor or "-").replace(" ", "_")
    if event.source == SourceKind.log:
        text = _RUN_SUFFIX.sub("", text)
    if len(text) > max_chars:
        text = text[:max_chars] + " …"
    line = (
        f"[{event.id} {event.time.isoformat(timespec='seconds')} {event.source.value} {actor}] {mark}{text}"
    )
    count = int(event.attrs.get("count") or 1)
    if event.source == SourceKind.log and count > 1:
        line += f" (x{count} lines {_span(event)}{', burst' if event.attrs.get('burst') else ''})"
    return line


def _span(event: Event) -> str:
    """``first to last`` of a log run, in UTC with its ``Z`` only when the stamp really is UTC."""
    first = _utc(str(event.attrs.get("first") or event.time.isoformat()))
    last = _utc(str(event.attrs.get("last") or "")) or first
    return f"{first} to {last}"


def _utc(stamp: str) -> str:
    """An ISO stamp with an offset as ``…Z`` in UTC; a stamp without one as written (no label it lacks)."""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp[:19]
    if when.utcoffset() is None:
        return when.isoformat(timespec="seconds")
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Unit:
    """One line of the sources block: a people event, a log run, or a group of runs of one template."""

    events: list[Event]
    text: str
    tokens: int
    rank: tuple[int, int, float]  # lower enters first

    @property
    def first(self) -> Event:
        """The window's first event."""
        return self.events[0]


@dataclass
class Packed:
    """The sources block for one budget and what it left out."""

    text: str
    tokens: int
    included: int
    omitted_ids: list[str] = field(default_factory=list)
    grouped: int = 0  # log runs folded into group lines
    fits: bool = True  # False when people's lines alone exceed the budget


def _group_line(runs: list[Event]) -> str:
    head = event_line(runs[0])
    lines = sum(int(e.attrs.get("count") or 1) for e in runs)
    ids = ", ".join(e.id for e in runs[:12]) + (", …" if len(runs) > 12 else "")
    last = runs[-1].time.isoformat(timespec="seconds")
    return f"{head} (same template: {len(runs)} runs, {lines} lines until {last}; ids {ids})"


def units(
    events: list[Event],
    counter: TokenCounter,
    *,
    forced: AbstractSet[str] = frozenset(),
    marks: Mapping[str, str] | None = None,
) -> list[Unit]:
    """Every event as a line with its cost and priority; log runs of one template grouped."""
    out: list[Unit] = []
    by_template: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for e in events:
        if e.source != SourceKind.log:
            line = event_line(e, max_chars=1000, mark=(marks or {}).get(e.id, ""))
            out.append(Unit([e], line, counter.count(line) + 1, (0, 0, e.time.timestamp())))
        elif e.id in forced:
            line = event_line(e)
            out.append(Unit([e], line, counter.count(line) + 1, (1, 0, e.time.timestamp())))
        else:
            key = (str(e.attrs.get("service") or e.actor or ""), str(e.attrs.get("template") or e.text))
            by_template[key].append(e)
    for runs in by_template.values():
        level = level_class(str(runs[0].attrs.get("level") or ""), runs[0].text)
        severity = {"error": 2, "warn": 3}.get(level, 4)
        lines = sum(int(e.attrs.get("count") or 1) for e in runs)
        groups = [runs] if len(runs) >= GROUP_MIN else [[e] for e in runs]
        for g in groups:
            text = _group_line(g) if len(g) > 1 else event_line(g[0])
            out.append(Unit(g, text, counter.count(text) + 1, (severity, lines, g[0].time.timestamp())))
    return out


def pack(
    events: list[Event],
    budget: int,
    counter: TokenCounter,
    *,
    forced: AbstractSet[str] = frozenset(),
    marks: Mapping[str, str] | None = None,
) -> Packed:
    """The sources block that fits ``budget`` tokens: every people line, then logs by priority."""
    all_units = units(events, counter, forced=forced, marks=marks)
    people = [u for u in all_units if u.rank[0] <= 1]
    used = sum(u.tokens for u in people)
    if used > budget:
        return Packed(text="", tokens=used, included=0, fits=False)
    logs = sorted((u for u in all_units if u.rank[0] > 1), key=lambda u: u.rank)
    chosen = list(people)
    left_out: list[Unit] = []
    room = budget - used - 60  # the closing "left out" line
    for u in logs:
        if u.tokens <= room:
            chosen.append(u)
            room -= u.tokens
        else:
            left_out.append(u)
    chosen.sort(key=lambda u: (u.first.time, u.first.id))
    lines = [u.text for u in chosen]
    omitted = [e.id for u in left_out for e in u.events]
    if left_out:
        lines.append(omitted_line(left_out))
    text = "\n".join(lines)
    return Packed(
        text=text,
        tokens=counter.count(text),
        included=sum(len(u.events) for u in chosen),
        omitted_ids=omitted,
        grouped=sum(len(u.events) for u in chosen if len(u.events) > 1),
    )


def omitted_line(left_out: list[Unit]) -> str:
    """The closing line that says which log events were left out for length."""
    runs = sum(len(u.events) for u in left_out)
    lines = sum(int(e.attrs.get("count") or 1) for u in left_out for e in u.events)
    ids = [u.first.id for u in sorted(left_out, key=lambda u: u.first.time)]
    shown = ", ".join(ids[:15]) + (f", … ({len(ids) - 15} more)" if len(ids) > 15 else "")
    return (
        f"[… {runs} lower-priority log events ({lines} lines, info-level or frequent) left out for length; "
        f"not shown: {shown}]"
    )


def windows(
    events: list[Event], budget: int, counter: TokenCounter, *, forced: AbstractSet[str] = frozenset()
) -> list[list[Event]]:
    """Consecutive time windows covering every event, each window's people lines within ~70% of ``budget``."""
    people = [e for e in events if e.source != SourceKind.log]
    limit = max(200, int(budget * 0.7))
    chunks: list[list[Event]] = [[]]
    used = 0
    for e in people:
        cost = counter.count(event_line(e, max_chars=1000)) + 1
        if chunks[-1] and used + cost > limit:
            chunks.append([])
            used = 0
        chunks[-1].append(e)
        used += cost
    starts = [c[0].time for c in chunks if c]
    out: list[list[Event]] = [[] for _ in starts] or [[]]
    for e in events:
        i = max((k for k, t in enumerate(starts) if t <= e.time), default=0)
        out[i].append(e)
    return [w for w in out if w]
