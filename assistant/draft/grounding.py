"""Grounding: hold a section draft to the timeline it was written from.

Citations must name existing event ids (near-misses like ``e12`` are repaired to ``E012``); every
clock time a sentence mentions must exist in the sources (an event time in UTC or in a source's
own offset, or a time written in a source text). What cannot be repaired is dropped and counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from assistant.domain import Event, Timeline
from assistant.tone.sentences import split_sentences

_ID = re.compile(r"^\s*[Ee]\s*0*(\d+)\s*$")
_CLOCK = re.compile(r"(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?![\d:])")
_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?")


@dataclass
class Grounder:
    """Checks citations and times against one (redacted) timeline; counts what it repaired."""

    timeline: Timeline
    repairs: int = 0
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        """Index the timeline's events and the clock minutes the sources mention."""
        self._events: dict[str, Event] = {e.id: e for e in self.timeline.events}
        width = max((len(i) - 1 for i in self._events if i[:1] == "E"), default=3)
        self._width = width
        self._minutes = self._allowed_minutes()

    # -- citations ---------------------------------------------------------------------------
    def event(self, event_id: str) -> Event | None:
        """The timeline event with this id, or None."""
        return self._events.get(event_id)

    def refs(self, refs: list[str], where: str) -> list[str]:
        """Known event ids from ``refs`` (repairing near-misses), unknown ones dropped and counted."""
        out: list[str] = []
        for ref in refs:
            fixed = self._fix_id(ref)
            if fixed is None:
                self._repair(f"{where}: dropped citation of unknown event {ref!r}")
                continue
            if fixed != ref:
                self._repair(f"{where}: citation {ref!r} repaired to {fixed}")
            if fixed not in out:
                out.append(fixed)
        return out

    def _fix_id(self, ref: str) -> str | None:
        if ref in self._events:
            return ref
        m = _ID.match(ref or "")
        if not m:
            return None
        cand = f"E{int(m.group(1)):0{self._width}d}"
        return cand if cand in self._events else None

    # -- times -------------------------------------------------------------------------------
    def _allowed_minutes(self) -> set[tuple[int, int]]:
        offsets = {timedelta(0)}
        for info in self.timeline.clock.values():
            offsets.add(_offset(info.offset))
        minutes: set[tuple[int, int]] = set()
        for e in self.timeline.events:
            for t in (e.time, e.recorded_time):
                if t is None:
                    continue
                for off in offsets:
                    minutes |= _around(t, off)
            for m in _CLOCK.finditer(e.text):
                minutes.add((int(m.group(1)), int(m.group(2))))
        for t in self.timeline.key_times.model_dump().values():
            if isinstance(t, datetime):
                for off in offsets:
                    minutes |= _around(t, off)
        return minutes

    def time_known(self, hour: int, minute: int) -> bool:
        """True when some source shows this clock time (hour and minute)."""
        return (hour, minute) in self._minutes

    def invented_times(self, text: str) -> list[str]:
        """Clock times in ``text`` that appear nowhere in the sources."""
        bad = [
            m.group(0) for m in _ISO.finditer(text) if not self.time_known(int(m.group(1)), int(m.group(2)))
        ]
        stripped = _ISO.sub(" ", text)
        bad += [
            m.group(0)
            for m in _CLOCK.finditer(stripped)
            if not self.time_known(int(m.group(1)), int(m.group(2)))
        ]
        return bad

    def text(self, text: str, where: str) -> str:
        """``text`` without the sentences that state a time found nowhere in the sources."""
        if not text or not self.invented_times(text):
            return text
        kept = []
        for sentence in split_sentences(text):
            bad = self.invented_times(sentence.text)
            if bad:
                self._repair(f"{where}: dropped a sentence with time(s) not in the sources: {', '.join(bad)}")
            else:
                kept.append(sentence.text)
        return " ".join(kept)

    def entry_time(self, given: str | None, event: Event, where: str) -> datetime:
        """The cited event's time; a different time given by the model is replaced and counted."""
        if given:
            try:
                parsed = datetime.fromisoformat(given.strip().replace("Z", "+00:00"))
            except ValueError:
                parsed = None
            if parsed is not None and parsed.tzinfo is not None:
                if abs((parsed - event.time).total_seconds()) <= 60:
                    return event.time
                if self._written_in(parsed, event):
                    return parsed  # a back-dated moment the message itself states ("emailed at 07:58")
            self._repair(f"{where}: time {given!r} replaced by the time of {event.id}")
        return event.time

    def _written_in(self, t: datetime, event: Event) -> bool:
        """True when ``event``'s text writes the clock time ``t`` (in UTC or the source's offset)."""
        written = {(int(m.group(1)), int(m.group(2))) for m in _CLOCK.finditer(event.text)}
        info = self.timeline.clock.get(event.refs[0].file)
        offsets = {timedelta(0), event.time.utcoffset() or timedelta(0)}
        if info is not None:
            offsets.add(_offset(info.offset))
        utc = t.astimezone(UTC)
        return any(((utc + off).hour, (utc + off).minute) in written for off in offsets)

    def _repair(self, note: str) -> None:
        self.repairs += 1
        if len(self.notes) < 50:
            self.notes.append(note)


def _offset(text: str) -> timedelta:
    m = re.match(r"([+\-])(\d{2}):?(\d{2})", text or "")
    if not m:
        return timedelta(0)
    delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
    return -delta if m.group(1) == "-" else delta


def _around(t: datetime, off: timedelta = timedelta(0)) -> set[tuple[int, int]]:
    """Clock minutes of ``t`` in UTC shifted by ``off``, a minute either side.

    "09:28" for an event at 09:28:45 and rounding to 09:29 are both fine. Computed on the minute
    of the day, so a stamp at the edge of the calendar (year 1 from a broken export) cannot overflow.
    """
    own = t.utcoffset() or timedelta(0)
    m = t.hour * 60 + t.minute + round((off - own).total_seconds() / 60)
    return {(((m + d) % 1440) // 60, (m + d) % 60) for d in (-1, 0, 1)}
