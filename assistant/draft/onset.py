"""The log errors that began with the impact: which component failed, and with what error text.

A log template (condensed lines of one shape) whose first error-level line falls at the impact's
start, and that was not logged before it, names the failing component and its error; the root cause
cites it next to the responders' explanation. Templates, not raw lines, so a burst of one error counts
once; the templates with the most lines win.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from assistant.domain import Event, Timeline
from assistant.draft.analysis import clean

_BEFORE = timedelta(minutes=5)  # log clocks and the chosen start may differ by a few minutes
_AFTER = timedelta(minutes=20)  # errors that follow within this after the start began with it
_ERROR_LEVELS = frozenset(("error", "err", "crit", "critical", "fatal", "alert", "emerg", "severe"))
_WARN_LEVELS = frozenset(("warn", "warning"))
_PLACEHOLDER = re.compile(r"\s*\b[\w.\-]+=<\*>|<\*>")
# The level and the service in brackets lead most lines; the sentence names both already.
_LEVEL = re.compile(
    r"^(?:(?:level=)?(?:ERROR|ERR|CRITICAL|CRIT|FATAL|SEVERE|WARN(?:ING)?|Warning|error|crit|warn)\b\]?\s*(?:-+\s*)?|\[[\w.\-]+\]\s*)+"
)
_TRACE = re.compile(
    r"\s*\b(?:stack(?:trace)?|trace|exc_info)=.*$|\s*\(\*\w+\)\s*\.\w+.*$|\s*Traceback.*$", re.S
)


@dataclass(frozen=True)
class OnsetError:
    """One error template that began with the impact."""

    component: str
    text: str
    first: datetime
    lines: int
    event_id: str


def _level(e: Event) -> str:
    return str(e.attrs.get("level") or "").lower()


def _template(e: Event) -> str:
    return str(e.attrs.get("template") or re.sub(r"\d+", "#", e.text))


def _readable(e: Event) -> str:
    """The template's words without placeholders, key=value noise or stack traces."""
    raw = str(e.attrs.get("template") or e.text)
    t = _TRACE.sub("", _PLACEHOLDER.sub("", raw))
    t = re.sub(r"\s*\[x\d+ until [^\]]*\]\s*$", "", t)
    t = re.sub(r"\[\s*\]|\(\s*\)|\"\s*\"|'\s*'", " ", t)  # brackets left empty by the placeholders
    t = _LEVEL.sub("", t.strip())
    return clean(t, 200).strip(" :,-")


def _component(e: Event) -> str:
    """The service the log names, else the log file's name."""
    svc = str(e.attrs.get("service") or "")
    return svc if re.fullmatch(r"[\w.\-/]{2,60}", svc) else e.refs[0].file.rsplit("/", 1)[-1]


def onset_errors(tl: Timeline, *, limit: int = 2) -> list[OnsetError]:
    """Error-level log templates first seen at the impact's start (within minutes), most lines first."""
    start = tl.key_times.start or tl.key_times.detected
    if start is None:
        return []
    first: dict[str, Event] = {}
    lines: dict[str, int] = {}
    for e in tl.events:
        if e.source.value != "log":
            continue
        key = _template(e)
        first.setdefault(key, e)
        lines[key] = lines.get(key, 0) + int(e.attrs.get("count", 1) or 1)
    near = [(key, e) for key, e in first.items() if start - _BEFORE <= e.time <= start + _AFTER]
    # Errors first; warnings only when no error began with the impact (Kubernetes events carry
    # "Warning" for every failure: FailedCreate, BackOff, FailedScheduling).
    picked = [(k, e) for k, e in near if _level(e) in _ERROR_LEVELS] or [
        (k, e) for k, e in near if _level(e) in _WARN_LEVELS
    ]
    found = [
        OnsetError(component=_component(e), text=_readable(e), first=e.time, lines=lines[k], event_id=e.id)
        for k, e in picked
    ]
    found = [x for x in found if len(x.text) >= 12]
    found.sort(key=lambda x: (-x.lines, x.first))
    out: list[OnsetError] = []
    for x in found:
        # One error per component and message: "<host>: upstream returned REFUSED" for each host is one.
        if any(
            x.component == o.component and (x.text[:40] == o.text[:40] or x.text[-30:] == o.text[-30:])
            for o in out
        ):
            continue
        out.append(x)
    return out[:limit]
