"""Key times from the merged timeline: start, detected, mitigated, resolved — each backed by an event.

General signals only: paging alerts and pager bots (a warning nobody acted on is not detection),
people reporting trouble, the log error-rate onset before detection, recovery wording in chat
("errors dropping", "back to normal", "12/12 pods healthy", "rolled back", "mitigated at 14:27")
with relapses ("errors are back") resetting it, and the declaration of resolution.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta
from typing import Any

from assistant.domain import Event, KeyEvents, KeyTimes, SourceKind, SourceRef

_BOT_ACTOR = re.compile(r"(bot\b|-bot|bot$|pagerduty|opsgenie|alertmanager|grafana|argocd|prometheus|jenkins)", re.I)
_PAGER = re.compile(r"\b(pagerduty|opsgenie|pd-bot|incident #?\d+ triggered|triggered #?\d+|\[triggered\])", re.I)
_FIRING = re.compile(r"\b(firing|triggered|alerting)\b", re.I)
_NON_PAGING = re.compile(r"severity[=:\s]*\"?(warning|warn|info|low|none)\b", re.I)
_PAGING_SEVERITY = frozenset(("page", "critical", "crit", "high", "p1", "p2", "sev1", "sev2", "error", "major"))
_HUMAN_REPORT = re.compile(
    r"\b(customers?|users?|merchants?|partners?|clients?|support)\b[^.?!]{0,60}\b(report\w*|complain\w*|"
    r"e-?mail(ed|ing)|tickets?|calling|can'?t|cannot|unable|failing|errors?)\b"
    r"|\b(is|are|looks?) (down|broken)\b|\bseeing (errors|5xx|timeouts|failures)\b",
    re.I,
)
_MITIGATED = re.compile(r"\bmitigated\b", re.I)
_NOT_MITIGATED = re.compile(r"\b(not|isn'?t|un|until|once|before|if|when|been)\s+(yet\s+)?mitigated\b", re.I)
# Bad news verbs: "<verb> again" is not progress resuming.
_BAD = (r"(?:crash\w*|fail\w*|error\w*|down|broken?|oom\w*|restart\w*|spik\w*|timing out|dying|stuck|"
        r"flapping|evict\w*|throttl\w*|reject\w*|degrad\w*|pag\w+|fir\w+|alert\w*|rising|climbing|"
        r"blocked|queu\w+|backing up|piling up)")
# Impact returning (not a component churning: "pods crashing again" while traffic flows is no relapse).
_IMPACT_AGAIN = r"(?:fail\w*|erroring|down|broken|timing out|5\d\ds|spiking|degraded|unavailable|blocked)"
_SYMPTOM = r"(?:errors?|5xx|[45]\d\ds|failures?|timeouts?|crash\w*|restarts?|evictions?|alerts?|rejections?|oom\w*)"
_RECOVERY = re.compile(
    r"\b(recovered|recovering|back to (normal|baseline)|flowing again|succeeding again|working again|"
    r"healthy again|consuming again|(up and )?stable\b|rolled back|rollback (is )?(complete|done|finished)|all clear|"
    r"no (more|new) (errors|5xx|failures)|(errors?|failures?|5xx|error rate|latency|timeouts?)\s+(\w+\s+){0,2}"
    r"(dropping|dropped|down|subsid\w*|recover\w*|back to|normal)"
    r"|(all|\d+/\d+)\b[^.;]{0,30}\bhealthy"
    rf"|{_SYMPTOM}\s+(are\s+|is\s+|have\s+|has\s+)?(gone|stopped|ceased|cleared)"
    r"|(?P<n>\d+)/(?P=n)\b[^.;]{0,40}\b(running|ready|healthy|up|available)\b)",
    re.I,
)
# "labels are being created again", "pods starting again": progress resuming, unless the verb is bad news.
_AGAIN = re.compile(rf"\b(?!{_BAD}\b)(being \w+ed|\w+ing|\w+ed)\s+again\b", re.I)
_RELAPSE = re.compile(
    r"\b(errors?|5xx|failures?|alerts?|it|impact|latency|crashes)\s+(are|is|'s)\s+back\b"
    r"|\b(errors?|failures?)\s+(return\w*|came back|coming back)\b"
    rf"|\b{_IMPACT_AGAIN}\s+again\b|\bback to (failing|erroring)\b",
    re.I,
)
_RESOLVED = re.compile(r"\b(resolving|resolved|all clear|closing (the |this )?incident|incident (is )?(over|closed))\b", re.I)
_NOT_RESOLVED = re.compile(r"\b(un|not|isn'?t|until|once|before|if|when)\s*(yet\s+)?(resolved|resolving)\b", re.I)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|`[^`]*`")
_MENTIONED = re.compile(r"(?:\bat|~|\baround|\bsince)\s*([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?\b")


_SYMPTOM_WORDS = re.compile(
    r"\b(errors?|exceptions?|fail(ed|ure|ing|s)?|fatal|panic|timed? ?out|timeouts?|refused|denied|unauthori[sz]ed|"
    r"forbidden|unknown|unavailable|unreachable|evict(ed|ions?)?|oom\w*|out of memory|crash\w*|exceeded|"
    r"no space|not[ _]found|(?<![\d.])(401|403|5\d\d)(?![\d.]))\b",
    re.I,
)
_ERRORISH_LEVELS = frozenset(("error", "err", "crit", "critical", "fatal", "alert", "emerg", "severe", "panic",
                              "warn", "warning", "50", "60", "40"))


def is_symptom(level: str | None, text: str) -> bool:
    """A log line that can mark the incident's onset: error/warn level, else error-ish words."""
    if level and str(level).strip().lower() in _ERRORISH_LEVELS:
        return True
    return bool(_SYMPTOM_WORDS.search(text[:400]))


def symptom_times(condenser: Any) -> list[tuple[datetime, SourceRef]]:
    """Time and ref of every line whose template is a symptom (per template, so cheap on big logs)."""
    out: list[tuple[datetime, SourceRef]] = []
    for key, g in condenser.groups.items():
        if not (g.level == "error" or is_symptom(key[1], g.template)):
            continue
        for it in g.items:
            out.extend([(it[0], it[1])] * (it[3] if len(it) > 3 else 1))
    return out


def is_bot(e: Event) -> bool:
    """A machine-posted chat message (bot flag, or an actor named like a bot/pager)."""
    return bool(e.attrs.get("bot")) or bool(e.actor and _BOT_ACTOR.search(e.actor))


def _is_paging_alert(e: Event) -> bool:
    status = str(e.attrs.get("status") or "").lower()
    if status in ("resolved", "acknowledged", "ok", "closed"):
        return False
    sev = str(e.attrs.get("severity") or "").lower()
    system = str(e.attrs.get("system") or "").lower()
    if system in ("pagerduty", "opsgenie"):
        return True
    return sev in _PAGING_SEVERITY or (not sev and "page" in str(e.attrs.get("receiver") or "").lower())


def _is_page_echo(e: Event) -> bool:
    text = _QUOTED.sub("", e.text) if not is_bot(e) else e.text
    if not is_bot(e) or _NON_PAGING.search(text) or re.search(r"\bresolved\b", text, re.I):
        return False
    return bool(_PAGER.search(text) or (e.actor and _PAGER.search(e.actor)) or _FIRING.search(text))


def _human(e: Event) -> bool:
    return e.source in (SourceKind.chat, SourceKind.note) and not is_bot(e)


def find_detected(events: list[Event]) -> Event | None:
    """First page (paging alert or pager bot) or first person reporting trouble."""
    for e in events:
        if e.source == SourceKind.alert and _is_paging_alert(e):
            return e
        if e.source == SourceKind.chat and _is_page_echo(e):
            return e
        if _human(e) and _HUMAN_REPORT.search(_QUOTED.sub("", e.text)):
            return e
    return None


def error_onset(errors: list[datetime], detected: datetime, since: datetime | None = None) -> datetime | None:
    """Where the error rate jumped before detection: the Poisson change point of the error lines.

    The run from the change point to detection must be denser than everything before it (back to
    ``since``, the start of the logs), so a low background of errors does not pull the start back.
    """
    end = detected + timedelta(minutes=1)
    pts = sorted(t for t in errors if detected - timedelta(hours=12) <= t <= end)
    if not pts or detected - pts[-1] > timedelta(minutes=30):
        return None
    t0 = min(since or pts[0], pts[0])
    n = len(pts)
    best: tuple[float, datetime] | None = None
    for k in range(n):
        if k and pts[k] == pts[k - 1]:
            continue
        n_in, t_in = n - k, max(1.0, (end - pts[k]).total_seconds())
        n_out, t_out = k, max(1.0, (pts[k] - t0).total_seconds())
        if n_out and n_out / t_out >= n_in / t_in:
            continue
        ll = n_in * math.log(n_in / t_in) + (n_out * math.log(n_out / t_out) if n_out else 0.0)
        if best is None or ll > best[0]:
            best = (ll, pts[k])
    return best[1] if best else None


def _mentioned_time(e: Event) -> datetime:
    """'mitigated at 14:27' → 14:27 on the message's day and clock; else the message time."""
    found = list(_MENTIONED.finditer(e.text))
    if not found:
        return e.time
    m = found[-1]
    t = e.time.replace(hour=int(m.group(1)), minute=int(m.group(2)), second=int(m.group(3) or 0), microsecond=0)
    if timedelta(0) <= e.time - t <= timedelta(hours=2):
        return t
    return e.time


def _recovers(text: str) -> bool:
    return bool(_RECOVERY.search(text) or _AGAIN.search(text))


def _same_alert(e: Event, det: Event | None) -> bool:
    name = det.attrs.get("alert") if det is not None else None
    return e.source == SourceKind.alert and bool(name) and e.attrs.get("alert") == name


def find_mitigated(
    events: list[Event], after: datetime, until: datetime | None, detected: Event | None = None
) -> tuple[datetime, Event] | None:
    """An explicit 'mitigated' statement, else the first recovery sign not undone by a relapse.

    Recovery signs: people's wording ("502s gone", "back to normal", "120/120 running since 22:58")
    and the paging alert resolving; a relapse ("crashing again", the alert firing again) resets it.
    A time the message states ("since 22:58:40") wins over when it was posted.
    """
    window = [e for e in events if e.time >= after and (until is None or e.time <= until)]
    for e in window:
        text = _QUOTED.sub("", e.text)
        if _human(e) and _MITIGATED.search(text) and not _NOT_MITIGATED.search(text):
            return _mentioned_time(e), e
    candidate: Event | None = None
    for e in window:
        if _same_alert(e, detected):
            status = str(e.attrs.get("status") or "").lower()
            if status in ("resolved", "closed", "ok"):
                candidate = candidate or e
            elif status in ("firing", "triggered") and candidate is not None and e.time > candidate.time:
                candidate = None
            continue
        if e.source not in (SourceKind.chat, SourceKind.note):
            continue
        text = _QUOTED.sub("", e.text)
        if _RELAPSE.search(text):
            candidate = None
        elif candidate is None and _recovers(text):
            candidate = e
    if candidate is None:
        return None
    return (_mentioned_time(candidate) if candidate.source != SourceKind.alert else candidate.time), candidate


def find_resolved(events: list[Event], after: datetime) -> Event | None:
    """A person declaring it resolved, else the pager's incident resolution, else the last alert resolving."""
    later = [e for e in events if e.time >= after]
    for e in later:
        text = _QUOTED.sub("", e.text)
        if _human(e) and _RESOLVED.search(text) and not _NOT_RESOLVED.search(text):
            return e
    for e in later:
        if (is_bot(e) or e.source == SourceKind.alert) and re.search(r"\bresolved\b", e.text, re.I) and (
            _PAGER.search(e.text) or str(e.attrs.get("system") or "") in ("pagerduty", "opsgenie")
            or (e.actor and _PAGER.search(e.actor))
        ):
            return e
    resolved_alerts = [e for e in later if e.source == SourceKind.alert and e.attrs.get("status") == "resolved"]
    return resolved_alerts[-1] if resolved_alerts else None


def _event_for(events: list[Event], when: datetime, ref: SourceRef | None) -> Event | None:
    if ref is not None:
        for e in events:
            if ref in e.refs:
                return e
    later = [e for e in events if e.time >= when]
    return later[0] if later else (events[-1] if events else None)


def find_key_times(
    events: list[Event], errors: list[tuple[datetime, SourceRef]], *, logs_since: datetime | None = None
) -> tuple[KeyTimes, KeyEvents]:
    """All four key times with the id of the event supporting each (None when there is no evidence)."""
    events = [e for e in events if not e.attrs.get("untimed")]  # follow-up bullets placed at a borrowed time
    kt, ke = KeyTimes(), KeyEvents()
    det = find_detected(events)
    if det is None:
        if not errors:
            return kt, ke
        first_err = min(errors, key=lambda x: x[0])
        ev = _event_for(events, first_err[0], first_err[1])
        kt.start, ke.start = first_err[0], ev.id if ev else None
        return kt, ke
    kt.detected, ke.detected = det.time, det.id
    onset = error_onset([t for t, _ in errors], det.time, logs_since)
    start_t, start_ev = det.time, det
    if onset is not None and onset < start_t:
        ref = next((r for t, r in errors if t == onset), None)
        start_t, start_ev = onset, _event_for(events, onset, ref) or det
    for e in events:
        # A paging alert's own start (startsAt) can predate the page and the logs' first error.
        if e.time >= start_t:
            break
        if e.source == SourceKind.alert and _is_paging_alert(e) and det.time - e.time <= timedelta(hours=2):
            start_t, start_ev = e.time, e
            break
    kt.start, ke.start = start_t, start_ev.id
    res = find_resolved(events, det.time)
    mit = find_mitigated(events, det.time, res.time if res else None, det)
    if mit is not None:
        kt.mitigated, ke.mitigated = mit[0], mit[1].id
    elif res is not None:
        kt.mitigated, ke.mitigated = res.time, res.id
    if res is not None:
        kt.resolved, ke.resolved = res.time, res.id
    return kt, ke
