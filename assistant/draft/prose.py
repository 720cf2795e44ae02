"""Readable prose for the offline drafter: UTC times, title, symptom and summary sentences.

Every time printed here comes from an aware event time converted to UTC (with the chat's local
time in brackets when the chat clock is not UTC), never from a message's own text.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta

from assistant.domain import Event, Timeline
from assistant.draft.analysis import Facts, clean
from assistant.tone.sentences import split_sentences

_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


def local_offset(tl: Timeline) -> timedelta | None:
    """The UTC offset most chat/notes sources were read in, when it is not UTC."""
    kinds = {e.refs[0].file: e.source.value for e in tl.events if e.refs}
    offs: Counter[timedelta] = Counter()
    for name, info in tl.clock.items():
        m = _OFFSET.match(info.offset or "")
        if not m or kinds.get(name) not in ("chat", "note"):
            continue
        d = timedelta(hours=int(m.group(2)), minutes=int(m.group(3))) * (-1 if m.group(1) == "-" else 1)
        if d:
            offs[d] += 1
    return offs.most_common(1)[0][0] if offs else None


def hm(t: datetime | None, local: timedelta | None = None) -> str:
    """``12:27 UTC`` (``12:27 UTC (14:27 local)`` when the chat's clock is not UTC)."""
    if t is None:
        return "an unknown time"
    u = t.astimezone(UTC)
    text = u.strftime("%H:%M UTC")
    if local:
        text += f" ({(u + local).strftime('%H:%M')} local)"
    return text


def dur(seconds: float | None) -> str | None:
    """``1h37m`` or ``21 min``; None for unknown or negative spans."""
    if seconds is None or seconds < 0:
        return None
    m = round(seconds / 60)
    return f"{m // 60}h{m % 60:02d}m" if m >= 60 else f"{m} min"


def _words(name: str) -> str:
    """``PaymentsAPIErrorRateHigh`` -> ``Payments API error rate high``."""
    parts = re.findall(r"\d+[a-z]*|[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+", name)
    out = [p if p.isupper() and len(p) > 1 else p.lower() for p in parts]
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def alert_name(e: Event) -> str | None:
    """The alert's name from its attributes or its text."""
    name = e.attrs.get("alert")
    if isinstance(name, str) and name:
        return name
    m = re.search(r"\]\s*([A-Za-z][\w.\-]+)", e.text)
    return m.group(1) if m else None


def symptom(f: Facts) -> str | None:
    """What users or operators saw: the first paging alert's name in words, else its summary."""
    tl = f.timeline
    det = tl.event(tl.key_events.detected) if tl.key_events.detected else None
    alerts = [
        e
        for e in tl.events
        if e.source.value == "alert" and str(e.attrs.get("status", "")).lower() != "resolved"
    ]
    paging = [
        e
        for e in alerts
        if re.search(r"page|critical|sev[12]|p[12]\b", str(e.attrs.get("severity", "")), re.I)
    ]
    start = tl.key_times.start
    # Alerts that fired long before the impact (an expiry warning, say) are not the symptom.
    recent = [e for e in alerts if start is None or (e.time - start).total_seconds() >= -300]
    paging = [e for e in paging if e in recent]
    candidates: list[Event | None] = [*(paging or recent), None]
    basis = det if det is not None and det.source.value == "alert" else candidates[0]
    if basis is None:
        return None
    name = alert_name(basis)
    if name and re.search(r"[a-z][A-Z]", name) and " " not in name:
        return _words(name)
    desc = basis.attrs.get("description") or basis.attrs.get("summary")
    if isinstance(desc, str) and 8 <= len(desc) <= 90:
        return clean(desc, 90).rstrip(".")
    text = re.sub(r"^(?:\s*\[[^\]]*\]\s*)+", "", name or basis.text)
    text = _PAGER.sub("", text)
    text = clean(re.split(r"\s[—|]\s|\(", text)[0], 80)
    return text[:1].upper() + text[1:] if text else None


# "PagerDuty #2207 triggered: ..." / "Opsgenie alert: ...": the paging tool's prefix, not the symptom.
_PAGER = re.compile(
    r"^\s*(?:PagerDuty|Opsgenie|Grafana|Alertmanager|incident)?\s*#?\d*\s*(?:triggered|alert|firing)?\s*:\s*",
    re.I,
)


_CHANGE_ID = re.compile(
    r"\b(CHG-\d+|PR #?\d+|(?:v|version )\d+\.\d+(?:\.\d+)?|\d+\.\d+\.\d+|[\w.\-]+ (?:flag|feature flag))\b",
    re.I,
)


def trigger_phrase(f: Facts) -> str | None:
    """A short name for the triggering change (``change CHG-9021``, ``PR #4821``, ``v3.18.0``)."""
    if f.trigger is None:
        return None
    m = _CHANGE_ID.search(f.trigger.text)
    if not m:
        return None
    ident = m.group(1)
    if re.match(r"CHG-", ident, re.I):
        return f"change {ident}"
    if re.match(r"\d|v", ident, re.I) and re.search(r"\bdeploy", f.trigger.text, re.I):
        return f"the {ident} deploy"
    return ident


def title(f: Facts) -> str:
    """Readable title: what failed (service, symptom) and what set it off when known."""
    head = subject(f)
    trig = trigger_phrase(f)
    text = f"{head} after {trig}" if trig else head
    return text[:1].upper() + text[1:120]


def _flat(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def subject(f: Facts) -> str:
    """What failed: the symptom, with the affected service when the symptom does not name it."""
    sym = symptom(f)
    if sym and any(_flat(svc) in _flat(sym) for svc in f.services):
        return sym
    # Prefer a service the alerts name; log-only daemons are rarely what users saw.
    svc = next(
        (
            x
            for x in f.services
            if _flat(x) in _flat(" ".join(e.text for e in f.timeline.events if e.source.value == "alert"))
        ),
        None,
    )
    svc = svc or (f.services[0] if f.services else None)
    if sym and svc:
        return f"{sym} on {svc}"
    return sym or (f"{svc} incident" if svc else _reported(f) or "Incident")


def _reported(f: Facts) -> str | None:
    """Chat-only incidents: what the first report said broke ("customers report checkout failing with 502")."""
    tl = f.timeline
    first = [tl.event(i) for i in (tl.key_events.detected, tl.key_events.start) if i]
    lines = [e for e in first if e is not None and e.source.value in ("chat", "note")]
    lines += [e for e in tl.events if e.source.value in ("chat", "note") and e.id in f.usable]
    for e in lines:
        if e.id not in f.usable or not re.search(
            r"\b(fail\w*|errors?|down|unavailable|timeouts?|5\d\d|slow|latency|"
            r"can'?t|cannot|broken|outage|missing|delayed|stuck)\b",
            e.text,
            re.I,
        ):
            continue
        t = re.sub(r"^\s*(?:[\w.-]{2,20}:\s+)", "", clean(e.text, 200))  # "support: ..." -> "..."
        opening = split_sentences(t)
        t = (opening[0].text if opening else t).rstrip(" .!?")
        if len(t) >= 12:
            t = t if len(t) <= 90 else t[:89].rsplit(" ", 1)[0]
            return t[:1].upper() + t[1:]
    return None


def detection_how(e: Event) -> str:
    """How the detecting event reached people, in words."""
    if e.source.value == "alert":
        name = alert_name(e)
        return f"by the {name} alert" if name else "by an alert"
    if re.search(r"\b(customer|support|partner|merchant|ticket|emailed|report)", e.text, re.I):
        return "from a customer or support report"
    if re.search(r"\b(pag(?:e|ed)|pagerduty|opsgenie|on-?call)\b", e.text, re.I):
        return "by a page"
    return "in the incident channel"


def short(text: str, limit: int = 110) -> str:
    """A source line shortened for use inside a sentence (no trailing full stop)."""
    t = re.sub(r"^\(mentioned at [^)]*\)\s*", "", clean(text, limit)).rstrip(" .")
    t = re.sub(r"^(?:(?:ok|okay|so|yeah|yes|right|and|also|here)[,.!:]?\s+)+", "", t, flags=re.I)
    return t[:1].lower() + t[1:] if t[:2].isalpha() and not t[:2].isupper() else t
