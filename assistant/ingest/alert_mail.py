"""Alert notification e-mails pasted as text (Zabbix, Nagios, Icinga and the like).

Monitoring tools mail one notification per state change, as ``Key: value`` lines under mail
headers. The paste is cut into notifications (at mail ``From:`` headers and separator lines),
each block's keys are read by vocabulary, and the alert mapper's state words decide the status
("Problem", "PROBLEM", "Resolved in 4m 30s", "RECOVERY", "State: OK"). The event time is the
one the body states ("Problem started at 08:52:14 on 2026.02.10", "Date/Time: ...", "When:");
when it has no offset, the mail's ``Date:`` header gives one. Shapes follow the default message
templates documented by Zabbix (problem/recovery), Nagios (notify-service-by-email) and Icinga 2
(mail-service-notification.sh).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from assistant.domain import ParsedSource, RawRecord, SourceKind
from assistant.ingest._records import raw_time, record
from assistant.ingest.alert_fields import normal_status
from assistant.ingest.jsonlog import iso_time
from assistant.vocabulary import ALERT_DONE_STATES

_KEY = re.compile(r"^\s*(?P<k>[A-Z][A-Za-z /_\-]{1,30}?)\s*:\s*(?P<v>.*)$")
_SEP = re.compile(r"^\s*(?:-{3,}|={3,}|_{3,}|\*{5}.*\*{5})\s*$")
_KNOWN = frozenset(
    {
        "subject",
        "notification type",
        "problem name",
        "trigger",
        "trigger status",
        "trigger severity",
        "severity",
        "host",
        "hostname",
        "service",
        "state",
        "date/time",
        "when",
        "event time",
        "problem started",
        "address",
        "additional info",
        "info",
        "operational data",
        "original problem id",
        "event id",
        "item values",
    }
)
_AT_ON = re.compile(
    r"\b(?:started|resolved|occurred|recovered|updated)\s+at\s+(?P<t>\d{1,2}:\d{2}(?::\d{2})?)\s+on\s+"
    r"(?P<d>\d{4}[./-]\d{2}[./-]\d{2})",
    re.I,
)
_TIME_KEYS = ("date/time", "when", "event time", "time", "event date", "last check")
_TITLE_KEYS = ("problem name", "trigger", "alert", "check")
_SEV_WORDS = {"disaster": "critical", "average": "medium", "information": "info", "not classified": None}
_STATE_SEV = {
    "critical": "critical",
    "down": "critical",
    "unreachable": "critical",
    "warning": "warning",
    "unknown": "warning",
}


def _blocks(lines: list[str]) -> list[tuple[int, list[tuple[int, str]]]]:
    """Notifications: runs of lines between separators or mail ``From:`` headers."""
    out: list[tuple[int, list[tuple[int, str]]]] = []
    cur: list[tuple[int, str]] = []
    for n, line in enumerate(lines, start=1):
        if _SEP.match(line) or (
            line.startswith("From:") and any(k.startswith("subject") for _, k in _keys(cur))
        ):
            if cur:
                out.append((cur[0][0], cur))
            cur = [] if _SEP.match(line) else [(n, line)]
            continue
        if line.strip() or cur:
            cur.append((n, line))
    if cur:
        out.append((cur[0][0], cur))
    return out


def _keys(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(n, m.group("k").strip().lower()) for n, ln in block if (m := _KEY.match(ln))]


def looks_like_alert_mail(lines: list[str]) -> bool:
    """Several blocks of notification keys (Subject/Host/Severity/State...) with times."""
    known = 0
    stamps = 0
    for ln in lines:
        m = _KEY.match(ln)
        if m and m.group("k").strip().lower() in _KNOWN:
            known += 1
        if _AT_ON.search(ln) or ln.lower().startswith(("date:", "date/time:", "when:")):
            stamps += 1
    nonblank = sum(1 for ln in lines if ln.strip())
    return known >= 6 and stamps >= 2 and known >= 0.25 * nonblank


def _time(fields: dict[str, str], body: str) -> datetime | None:
    header = None
    if "date" in fields:
        try:
            header = parsedate_to_datetime(fields["date"])
        except (TypeError, ValueError):
            header = None
    when: datetime | None = None
    if m := _AT_ON.search(body):
        d = re.sub(r"[./]", "-", m.group("d"))
        t = m.group("t") if m.group("t").count(":") == 2 else m.group("t") + ":00"
        when = iso_time(f"{d}T{t}")
    for k in _TIME_KEYS:
        if when is None and fields.get(k):
            when = _loose_time(fields[k])
    if when is None:
        return header
    if when.tzinfo is None and header is not None and header.tzinfo is not None:
        aware = when.replace(tzinfo=header.tzinfo)
        # The mail is sent at or shortly after the event; a far-off header says nothing about the zone.
        if abs(aware - header) <= timedelta(hours=6):
            return aware
    return when


def _loose_time(v: str) -> datetime | None:
    s = v.strip()
    iso = iso_time(s.replace(" UTC", "+00:00").replace("Z", "+00:00"))
    if iso is not None:
        return iso
    # Nagios $LONGDATETIME$: "Mon Mar 4 14:02:11 UTC 2026", "Mon Oct 19 22:10:05 JST 2026" (before the
    # e-mail date reader, which parses the same text but drops zone names it does not know, such as JST)
    m = re.match(r"\w{3}\s+(\w{3})\s+(\d{1,2})\s+(\d{1,2}:\d{2}:\d{2})\s+(\w+)?\s*(\d{4})$", s)
    if not m:
        try:
            return parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            return None
    try:
        base = datetime.strptime(f"{m.group(1)} {m.group(2)} {m.group(5)} {m.group(3)}", "%b %d %Y %H:%M:%S")
    except ValueError:
        return None
    from assistant.clock import zone_from_name

    tz = zone_from_name(m.group(4) or "")
    return base.replace(tzinfo=tz) if tz else base


def parse_alert_mail(lines: Iterable[str], name: str) -> ParsedSource:
    """One alert record per notification block that states a time and what it is about."""
    all_lines = list(lines)
    records: list[RawRecord] = []
    warnings: list[str] = []
    for start, block in _blocks(all_lines):
        fields: dict[str, str] = {}
        for _, ln in block:
            if m := _KEY.match(ln):
                fields.setdefault(m.group("k").strip().lower(), m.group("v").strip())
        if not (set(fields) & _KNOWN):
            continue
        body = "\n".join(ln for _, ln in block)
        when = _time(fields, body)
        subject = fields.get("subject", "")
        title = next((fields[k] for k in _TITLE_KEYS if fields.get(k)), None)
        if title is None and fields.get("service") and fields.get("host"):
            title = f"{fields['service']} on {fields['host']}"
        title = title or re.sub(r"^[\W_]*\w+(?:\s+in\s+[\dhms ]+)?\s*:\s*", "", subject).strip(" *") or None
        if when is None or not title:
            warnings.append(f"{name}:{start}: notification without a time or a title; skipped")
            continue
        state = (
            fields.get("notification type") or fields.get("trigger status") or subject or fields.get("state")
        )
        status = normal_status(state)
        if fields.get("state", "").lower() in ALERT_DONE_STATES and status == "firing":
            status = "resolved"
        sev_raw = (fields.get("severity") or fields.get("trigger severity") or "").lower() or None
        severity: str | None = (
            _SEV_WORDS.get(sev_raw, sev_raw) if sev_raw else _STATE_SEV.get(fields.get("state", "").lower())
        )
        host = fields.get("host") or fields.get("hostname")
        info = fields.get("operational data") or fields.get("additional info") or fields.get("info") or ""
        text = (
            f"[{status.upper()}] {title}"
            + (f" ({severity})" if severity else "")
            + (f" — {info}" if info else "")
        )
        attrs: dict[str, Any] = {
            "status": status,
            "system": "alert-mail",
            "alert": title,
            "severity": severity,
            "service": host,
            "state": state,
        }
        records.append(
            record(raw_time(when), SourceKind.alert, text, name, start, actor="alert-mail", attrs=attrs)
        )
    return ParsedSource(
        path=name, format="alert-mail", kind=SourceKind.alert, records=records, warnings=warnings
    )


__all__ = ["looks_like_alert_mail", "parse_alert_mail"]
