"""Alert payloads: Prometheus Alertmanager, Grafana (unified and legacy), PagerDuty (v3/v2
webhooks, incident log entries) and Opsgenie. A JSON list of payloads or a single payload."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from assistant.domain import ParsedSource, RawRecord, SourceKind
from assistant.ingest import alert_fields
from assistant.ingest._json import JsonDoc, nested_item_lines
from assistant.ingest._records import raw_time, record
from assistant.ingest.jsonlog import epoch_time, iso_time
from assistant.vocabulary import ALERT_ACTIONS

_Emit = Callable[[datetime, str, str, dict[str, Any], int], None]
_PD_LOG_STATUS = ALERT_ACTIONS
_OPSGENIE_STATUS = {
    "create": "triggered",
    "acknowledge": "acknowledged",
    "close": "resolved",
    "unacknowledge": "unacknowledged",
    "addnote": "annotated",
    "escalate": "escalated",
    "assignownership": "assigned",
    "delete": "deleted",
}


def _time(v: Any) -> datetime | None:
    if isinstance(v, int | float) and not isinstance(v, bool):
        return epoch_time(float(v))
    if isinstance(v, str) and v and not v.startswith("0001-"):
        if v.isdigit():
            return epoch_time(float(v))
        return iso_time(v.replace("z", "Z"))
    return None


def _items(doc: JsonDoc) -> Iterator[tuple[int, Any]]:
    values = doc.value if isinstance(doc.value, list) else [doc.value]
    yield from enumerate(values)


def system_of(value: Any) -> str | None:
    """Which alerting system a decoded JSON payload (or list of them) comes from."""
    probe = value[0] if isinstance(value, list) and value else value
    if not isinstance(probe, dict):
        return None
    if isinstance(probe.get("event"), dict) and "event_type" in probe["event"]:
        return "pagerduty"
    if isinstance(probe.get("messages"), list) and probe["messages"] and "incident" in probe["messages"][0]:
        return "pagerduty"
    if "log_entries" in probe or str(probe.get("type", "")).endswith("_log_entry"):
        return "pagerduty"
    if isinstance(probe.get("alerts"), list):
        if "orgId" in probe or "state" in probe or ("title" in probe and "receiver" in probe):
            return "grafana"
        return "alertmanager"
    if "ruleName" in probe and "state" in probe:
        return "grafana"
    if "action" in probe and isinstance(probe.get("alert"), dict):
        return "opsgenie"
    data = probe.get("data")
    if isinstance(data, dict | list) and _is_opsgenie_alert(
        data[0] if isinstance(data, list) and data else data
    ):
        return "opsgenie"
    if _is_opsgenie_alert(probe):
        return "opsgenie"
    if alert_fields.looks_like_alert(value):
        return "alert-json"  # any other alert/incident payload, read by field names
    return None


def _is_opsgenie_alert(a: Any) -> bool:
    return (
        isinstance(a, dict)
        and "message" in a
        and "createdAt" in a
        and ("tinyId" in a or "alias" in a or "priority" in a)
    )


def parse_alerts(doc: JsonDoc, name: str) -> ParsedSource:
    """Records from an alert payload file (system detected from the structure)."""
    system = system_of(doc.value) or "alertmanager"
    records: list[RawRecord] = []
    warnings: list[str] = []
    seen: set[tuple[Any, ...]] = set()

    def emit(when: datetime, status: str, text: str, attrs: dict[str, Any], line: int) -> None:
        key = (attrs.get("fingerprint") or attrs.get("alert"), attrs.get("incident"), status, when)
        if key in seen:  # the same alert re-sent in a later notification
            return
        seen.add(key)
        attrs = {"status": status, "system": system, **attrs}
        records.append(record(raw_time(when), SourceKind.alert, text, name, line, actor=system, attrs=attrs))

    parser = {
        "alertmanager": _alertmanager,
        "grafana": _grafana,
        "pagerduty": _pagerduty,
        "opsgenie": _opsgenie,
        "alert-json": _generic,
    }
    for i, payload in _items(doc):
        line = doc.item_lines[i] if i < len(doc.item_lines) else 1
        if not isinstance(payload, dict):
            warnings.append(f"{name}:{line}: item is not a JSON object; skipped")
            continue
        lo, hi = doc.span(i) if i < len(doc.item_offsets) else (0, len(doc.text))
        parser[system](payload, line, (doc.text, lo, hi), emit, warnings, name)
    return ParsedSource(path=name, format=system, kind=SourceKind.alert, records=records, warnings=warnings)


def _sub_lines(where: tuple[str, int, int], key: str, count: int, default: int) -> list[int]:
    text, lo, hi = where
    lines = nested_item_lines(text, key, lo, hi) if text else []
    return lines if len(lines) == count else [default] * count


def _alertmanager(
    p: dict[str, Any],
    line: int,
    where: tuple[str, int, int],
    emit: _Emit,
    warnings: list[str],
    name: str,
    system_label: str = "FIRING",
) -> None:
    alerts = [a for a in p.get("alerts") or [] if isinstance(a, dict)]
    lines = _sub_lines(where, "alerts", len(p.get("alerts") or []), line)
    for a, ln in zip(alerts, lines, strict=False):
        labels = a.get("labels") or {}
        ann = a.get("annotations") or {}
        alert = labels.get("alertname") or p.get("title") or "alert"
        desc = ann.get("summary") or ann.get("description") or ann.get("message") or ""
        shown = {k: v for k, v in labels.items() if k not in ("alertname", "__alert_rule_uid__")}
        label_txt = ", ".join(f"{k}={v}" for k, v in list(shown.items())[:6])
        attrs: dict[str, Any] = {
            "alert": alert,
            "severity": labels.get("severity"),
            "service": labels.get("service") or labels.get("job") or labels.get("app"),
            "fingerprint": a.get("fingerprint"),
            "receiver": p.get("receiver"),
            "labels": labels,
        }
        if ann.get("description") and ann.get("summary"):
            attrs["description"] = ann["description"]
        if p.get("received_at"):
            attrs["received_at"] = p["received_at"]
        starts, ends = _time(a.get("startsAt")), _time(a.get("endsAt"))
        status = str(a.get("status") or p.get("status") or "firing").lower()
        if starts is None:
            warnings.append(f"{name}:{ln}: alert {alert} has no usable startsAt; skipped")
            continue
        tail = f" ({label_txt})" if label_txt else ""
        emit(starts, "firing", f"[FIRING] {alert}{tail}" + (f" — {desc}" if desc else ""), attrs, ln)
        if status == "resolved" and ends is not None:
            emit(ends, "resolved", f"[RESOLVED] {alert}{tail}" + (f" — {desc}" if desc else ""), attrs, ln)


def _grafana(
    p: dict[str, Any], line: int, where: tuple[str, int, int], emit: _Emit, warnings: list[str], name: str
) -> None:
    if isinstance(p.get("alerts"), list):
        _alertmanager(p, line, where, emit, warnings, name)
        return
    # Legacy Grafana alerting: ruleName/state/evalMatches and (often) no time at all.
    when = next((t for k in ("time", "timestamp", "received_at", "startsAt") if (t := _time(p.get(k)))), None)
    state = str(p.get("state") or "").lower()
    status = {"alerting": "firing", "ok": "resolved", "no_data": "no_data", "pending": "pending"}.get(
        state, state
    )
    if when is None:
        warnings.append(
            f"{name}:{line}: legacy Grafana alert '{p.get('ruleName')}' has no time; skipped "
            "(add a 'time' field or export from the alert history)"
        )
        return
    matches = ", ".join(
        f"{m.get('metric')}={m.get('value')}" for m in p.get("evalMatches") or [] if isinstance(m, dict)
    )
    text = f"[{status.upper()}] {p.get('ruleName') or p.get('title')}" + (
        f" — {p['message']}" if p.get("message") else ""
    )
    if matches:
        text += f" ({matches})"
    emit(
        when,
        status,
        text,
        {"alert": p.get("ruleName") or p.get("title"), "severity": None, "service": None},
        line,
    )


def _pagerduty(
    p: dict[str, Any], line: int, where: tuple[str, int, int], emit: _Emit, warnings: list[str], name: str
) -> None:
    if "log_entries" in p or str(p.get("type", "")).endswith("_log_entry"):
        raw = p.get("log_entries") if "log_entries" in p else [p]
        entries: list[Any] = raw if isinstance(raw, list) else []
        lines = _sub_lines(where, "log_entries", len(entries), line) if "log_entries" in p else [line]
        for e, ln in zip(entries, lines, strict=False):
            _pd_log_entry(e, ln, emit, warnings, name)
        return
    if isinstance(p.get("messages"), list):  # v2 webhook
        for m in p["messages"]:
            inc = m.get("incident") or {}
            status = str(m.get("event", "")).split(".")[-1]
            status = _PD_LOG_STATUS.get(status, status)
            when = _time(m.get("created_on")) or _time(inc.get("created_on"))
            title = (
                (inc.get("trigger_summary_data") or {}).get("subject")
                or inc.get("title")
                or inc.get("summary")
            )
            if when:
                num = inc.get("incident_number")
                emit(
                    when,
                    status,
                    f"PagerDuty #{num} {status}: {title}",
                    {
                        "alert": title,
                        "incident": num,
                        "severity": inc.get("urgency"),
                        "service": (inc.get("service") or {}).get("name"),
                    },
                    line,
                )
        return
    ev = p.get("event") or {}
    data = ev.get("data") or {}
    status = str(ev.get("event_type", "")).split(".", 1)[-1]
    when = _time(ev.get("occurred_at")) or _time(data.get("created_at"))
    if when is None:
        warnings.append(f"{name}:{line}: PagerDuty event without occurred_at; skipped")
        return
    agent = (ev.get("agent") or {}).get("summary") if isinstance(ev.get("agent"), dict) else None
    title = data.get("title") or data.get("summary") or ""
    num = data.get("number")
    service = (data.get("service") or {}).get("summary") if isinstance(data.get("service"), dict) else None
    assignees = [
        str(a.get("summary")) for a in data.get("assignees") or [] if isinstance(a, dict) and a.get("summary")
    ]
    text = f"PagerDuty #{num} {status}: {title}" if num else f"PagerDuty {status}: {title}"
    if status == "annotated" and data.get("content"):
        text += f" — note: {data['content']}"
    if agent:
        text += f" (by {agent})"
    elif status == "triggered" and assignees:
        text += f" (assigned to {', '.join(assignees)})"
    priority = (data.get("priority") or {}).get("summary") if isinstance(data.get("priority"), dict) else None
    emit(
        when,
        status,
        text,
        {
            "alert": title,
            "incident": num,
            "severity": priority or data.get("urgency"),
            "urgency": data.get("urgency"),
            "service": service,
            "agent": agent,
        },
        line,
    )


def _pd_log_entry(e: Any, line: int, emit: _Emit, warnings: list[str], name: str) -> None:
    if not isinstance(e, dict):
        return
    kind = str(e.get("type", "")).removesuffix("_log_entry").removesuffix("_reference")
    status = _PD_LOG_STATUS.get(kind, kind)
    when = _time(e.get("created_at"))
    if when is None:
        warnings.append(f"{name}:{line}: PagerDuty log entry without created_at; skipped")
        return
    inc = e.get("incident") or {}
    agent = (e.get("agent") or {}).get("summary") if isinstance(e.get("agent"), dict) else None
    text = e.get("summary") or f"{status}: {inc.get('summary')}"
    emit(
        when,
        status,
        f"PagerDuty: {text}",
        {
            "alert": inc.get("summary"),
            "incident": inc.get("id"),
            "severity": None,
            "service": (e.get("service") or {}).get("summary")
            if isinstance(e.get("service"), dict)
            else None,
            "agent": agent,
        },
        line,
    )


def _opsgenie(
    p: dict[str, Any], line: int, where: tuple[str, int, int], emit: _Emit, warnings: list[str], name: str
) -> None:
    if "action" in p and isinstance(p.get("alert"), dict):
        a = p["alert"]
        status = _OPSGENIE_STATUS.get(str(p["action"]).lower(), str(p["action"]).lower())
        when = _time(a.get("updatedAt")) if status != "triggered" else None
        when = when or _time(a.get("createdAt")) or _time(p.get("timestamp"))
        if when is None:
            warnings.append(f"{name}:{line}: Opsgenie {p['action']} without a time; skipped")
            return
        who = a.get("username") or (p.get("source") or {}).get("name")
        text = f"Opsgenie {status}: {a.get('message')}" + (
            f" (by {who})" if who and status != "triggered" else ""
        )
        emit(
            when,
            status,
            text,
            {
                "alert": a.get("message"),
                "incident": a.get("tinyId") or a.get("alertId"),
                "severity": a.get("priority"),
                "service": a.get("entity") or a.get("source"),
            },
            line,
        )
        return
    data = p.get("data", p)
    for a in data if isinstance(data, list) else [data]:
        if not _is_opsgenie_alert(a):
            continue
        created = _time(a.get("createdAt"))
        if created is None:
            continue
        attrs = {
            "alert": a.get("message"),
            "incident": a.get("tinyId") or a.get("id"),
            "severity": a.get("priority"),
            "service": a.get("entity") or a.get("source"),
        }
        emit(created, "triggered", f"Opsgenie triggered: {a.get('message')}", attrs, line)
        report = a.get("report") or {}
        for key, status, who in (
            ("ackTime", "acknowledged", "acknowledgedBy"),
            ("closeTime", "resolved", "closedBy"),
        ):
            if isinstance(report.get(key), int | float):
                when = datetime.fromtimestamp(created.timestamp() + report[key] / 1000, tz=created.tzinfo)
                by = f" (by {report[who]})" if report.get(who) else ""
                emit(when, status, f"Opsgenie {status}: {a.get('message')}{by}", attrs, line)


_MARKUP = re.compile(r"%%%|\[\[[^\]]*\]\([^)]*\)\]|\[([^\]]*)\]\([^)]*\)|\*\*|https?://\S+|\s+")


def _short(text: str, limit: int = 240) -> str:
    text = _MARKUP.sub(lambda m: m.group(1) or " ", text).strip(" -·")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _generic(
    p: dict[str, Any], line: int, where: tuple[str, int, int], emit: _Emit, warnings: list[str], name: str
) -> None:
    found = alert_fields.fields_of(p)
    if not found:
        warnings.append(f"{name}:{line}: alert payload without a time or title found by name; skipped")
        return
    for f in found:
        tag = (
            f"{f.severity}, {f.raw_state}"
            if f.severity and f.raw_state
            else (f.raw_state or f.severity or "")
        )
        text = f"[{f.status.upper()}] {f.title}" + (f" ({tag})" if tag else "")
        if f.description:
            text += f" — {_short(f.description)}"
        emit(
            f.time,
            f.status,
            text,
            {"alert": f.title, "severity": f.severity, "service": f.host, "state": f.raw_state},
            line,
        )
