"""Clock corrections a responder states ("db-02's clock is about 4 min behind"), applied to that host.

Statements come from chat and notes (``assistant.timeline.clock_statements``). "That host" is the host the
conversation was just about. A statement is used only when its host names a clock the logs have
(a ``host`` or ``service`` on log lines, or a log file named after it); it corrects that host's
lines within ``_WINDOW`` of the statement (the period it speaks for) and is recorded as evidence
in the file's clock info. Measured skew (``align.detect_skew``) then leaves those lines
alone.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import PurePath

from assistant.domain import SourceKind
from assistant.timeline.clock_statements import ClockStatement, hosts_mentioned, read_statements
from assistant.timeline.placed import Placed, SourceClock

_WINDOW = timedelta(hours=12)
_RECENT = 8  # human messages back that "that host" may refer to


def _clock_key(p: Placed) -> list[str]:
    a = p.rec.attrs
    names = [str(a[k]).lower() for k in ("host", "service", "pod") if a.get(k)]
    stem = PurePath(p.path).stem.lower()
    return [*names, stem]


def _statements(placed: list[Placed]) -> list[tuple[Placed, ClockStatement]]:
    human = sorted(
        (
            p
            for p in placed
            if p.rec.kind in (SourceKind.chat, SourceKind.note) and not p.rec.attrs.get("bot")
        ),
        key=lambda p: p.time,
    )
    out: list[tuple[Placed, ClockStatement]] = []
    recent: list[str] = []
    for p in human:
        said_at = p.rec.time.value  # the message's own wall clock, as written
        for st in read_statements(p.rec.text, p.rec.ref, said_at):
            host = (
                st.host or next(iter(hosts_mentioned(p.rec.text)), None) or (recent[-1] if recent else None)
            )
            if host:
                out.append((p, ClockStatement(host, st.seconds, st.ref, st.text)))
        recent = (recent + hosts_mentioned(p.rec.text))[-_RECENT:]
    return out


def apply_stated_clocks(
    placed: list[Placed], clocks: dict[str, SourceClock], findings: list[str]
) -> frozenset[str]:
    """Correct log lines of hosts whose clock error a responder stated; the skew groups it handled."""
    stated = _statements(placed)
    if not stated:
        return frozenset()
    logs = [p for p in placed if p.rec.kind == SourceKind.log]
    done: set[str] = set()
    for said, st in stated:
        host = (st.host or "").strip("`").lower()
        hits = [
            p
            for p in logs
            if host in _clock_key(p) and abs(p.time - said.time) <= _WINDOW and p.recorded is None
        ]
        if not hits:
            continue
        delta = timedelta(seconds=st.seconds)
        for p in hits:
            p.recorded = p.time
            p.time = p.time - delta
            h = p.rec.attrs.get("host") or ""
            done.add(f"{p.path}#{h}" if h else p.path)
        mins, secs = divmod(int(abs(st.seconds)), 60)
        direction = "ahead of" if st.seconds > 0 else "behind"
        for path in sorted({p.path for p in hits}):
            c = clocks[path]
            if abs(st.seconds) > abs(c.skew_s):
                c.skew_s = st.seconds
            c.evidence.append(st.ref)
            c.notes.append(
                f"host {st.host}: clock {mins} min {secs} s {direction} true time, as stated at "
                f'{st.ref} ("{st.text[:80]}"); {len(hits)} line(s) corrected'
            )
        findings.append(
            f"Clock: {st.host} runs {mins} min {secs} s {direction} true time, as stated at {st.ref}; "
            f"its log times within 12 h of that message are corrected and the originals kept as recorded."
        )
    return frozenset(done)
