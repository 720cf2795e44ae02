"""Any JSON alert or incident payload, read by field-name vocabulary instead of one parser per vendor.

Alerting tools agree on substance and differ in names: a time (``StateChangeTime``, ``date``,
``occurredAt``, ``time``), a state (``NewStateValue``, ``alert_transition``, ``status``,
``action``), a severity (``priority``, ``severity``, ``level``), a title (``AlarmName``,
``alert_title``, ``title``) and a description. This module unwraps the usual envelopes (SNS
notifications whose ``Message`` is JSON text, EventBridge events with a ``detail``, webhook
``data``/``event``/``incident`` wrappers) and finds each field by its name, preferring the most
specific name. Payloads with a list of updates (Statuspage ``incident_updates``) yield one record
per update. The shapes were taken from the vendors' documentation: Datadog monitor webhooks,
CloudWatch alarms via SNS, EventBridge and GuardDuty findings, Sentry issue alerts, Statuspage
incidents; the mapper has no vendor branch.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from assistant.ingest.jsonlog import epoch_time, iso_time
from assistant.vocabulary import ALERT_DONE_STATES

# Most specific first: a state change beats a creation time beats a delivery time.
_TIME_KEYS = (
    "statechangetime",
    "fireddatetime",  # Azure Monitor's common alert schema
    "occurredat",
    "occurred_at",
    "triggeredat",
    "triggered_at",
    "started_at",
    "startedat",
    "startsat",
    "starts_at",
    "date",
    "datetime",
    "event_time",
    "eventtime",
    "last_updated",
    "lastupdated",
    "updated_at",
    "updatedat",
    "display_at",
    "created_at",
    "createdat",
    "created",
    "timestamp",
    "time",
    "ts",
    "firstseen",
    "first_seen",
    "eventfirstseen",
)
# When a payload of a closed alert or incident says when it ended (GCP Monitoring "ended_at", Opsgenie
# "closedAt", PagerDuty "resolved_at"), that is the time of its resolution; its start time is not.
_END_KEYS = (
    "resolveddatetime",  # Azure Monitor
    "ended_at",
    "endedat",
    "resolved_at",
    "resolvedat",
    "closed_at",
    "closedat",
    "recovered_at",
    "end_time",
    "endtime",
)
_STATE_KEYS = (
    "newstatevalue",
    "alert_transition",
    "transition",
    "state",
    "status",
    "current_state",
    "action",
    "event_type",
    "eventtype",
    "alert_type",
    "monitorcondition",  # Azure Monitor: Fired / Resolved
    "alerttype",  # Checkly: ALERT_FAILURE, ALERT_RECOVERY, ALERT_DEGRADED
)
# Fields only an application error event has (an exception's origin, stack, platform, logger).
_ERROR_EVENT_KEYS = ("culprit", "exception", "stacktrace", "platform", "logger", "errorclass")
_SEVERITY_KEYS = ("severity", "alert_priority", "priority", "level", "urgency", "impact", "alert_type")
_TITLE_KEYS = (
    "alarmname",
    "alertrule",  # Azure Monitor
    "alerttitle",  # Checkly
    "alert_title",
    "alertname",
    "alert_name",
    "event_title",
    "incident_title",
    "issue_title",
    "title",
    "condition_name",
    "name",
    "rulename",
    "rule_name",
    "monitor_name",
    "check_name",
    "alert",  # an alert history's "Alert" column (a JSON payload's "alert" object is unwrapped first)
    "subject",
    "summary",
    "message",
    "culprit",
)
_DESC_KEYS = (
    "alarmdescription",
    "newstatereason",
    "description",
    "body",
    "text",
    "details",
    "detail_message",
    "message",
    "reason",
    "summary",
)
_HOST_KEYS = ("host", "hostname", "resource", "instance", "entity", "service", "project", "project_name")
_UPDATE_KEYS = ("incident_updates", "updates", "events", "history", "timeline")
_WRAPPERS = ("detail", "data", "event", "incident", "alert", "issue", "finding", "check", "payload")
_FIRING = re.compile(
    r"^(alarm|alert(ing)?|triggered?|fir(e|ed|ing)|problem|open(ed)?|new|active|critical|"
    r"down|investigating|identified|created?|error|failure|failed)$",
    re.I,
)
_WARN = re.compile(r"^(warn(ing)?|degraded|minor|pending|insufficient_data|no_?data)$", re.I)
# Nagios/Icinga notification types ACKNOWLEDGEMENT, DOWNTIMESTART/END/CANCELLED, CUSTOM are handling, not firing.
_ACK = re.compile(r"^(ack(nowledged?|nowledge?ment)?|monitoring|muted|snoozed|downtime\w*|custom)$", re.I)
# What the payload says about its own route: "(non-paging)", "PAGES on-call"; routes named "ops-low".
_NON_PAGING = re.compile(
    r"\bnon-?paging\b|\bnot pag(e|ing)\b|\bno page\b|\bdoes not page\b|"
    # the same in the other languages teams write payloads in (de, es, pt, fr, nl)
    r"\bkein(?:e|en)? (?:paging|page|anruf)\b|\bnicht pagen\b|\bsin (?:paging|página|paginar)\b|\bno pagina\b|"
    r"\bsem (?:paging|página)\b|\bnão pagina\b|\bpas de (?:paging|page)\b|\bgeen paging\b",
    re.I,
)
_PAGING = re.compile(r"\bpag(e|es|ed|ing)\b|\bon-?call\b|\burgent\b", re.I)
_LOW_ROUTE = re.compile(r"(?:^|[^a-z])(?:low|warn(?:ing)?|info|non-?paging)(?:$|[^a-z])", re.I)
_PAGE_ROUTE = re.compile(r"(?:^|[^a-z])(?:pag(?:e|ing|er)|critical|urgent|on-?call)(?:$|[^a-z])", re.I)
_STATE_WORD = re.compile(r"^\W*(?P<w>[A-Za-z_]+)")


@dataclass
class AlertFields:
    """What a payload says, found by name: time, normalised status, severity, title, description."""

    time: datetime
    status: str
    severity: str | None
    title: str
    description: str | None
    host: str | None
    raw_state: str | None


def _flat(obj: Any, depth: int = 0, out: dict[str, Any] | None = None) -> dict[str, Any]:
    """Scalar fields by lower-cased name; the shallowest occurrence wins."""
    out = {} if out is None else out
    if depth > 3 or not isinstance(obj, dict):
        return out
    nested = []
    for k, v in obj.items():
        key = str(k).lower().replace("-", "_")
        if isinstance(v, dict):
            # "state": {"value": "ALARM", "timestamp": ...}, "severity": {"name": "Major"}: the dict names the field.
            inner = v.get("value") if "value" in v else v.get("name") if "name" in v else None
            if key in _STATE_KEYS + _SEVERITY_KEYS and isinstance(inner, str) and key not in out:
                out[key] = inner
            nested.append(v)
        elif isinstance(v, str | int | float) and not isinstance(v, bool) and key not in out:
            out[key] = v
    for v in nested:
        _flat(v, depth + 1, out)
    return out


def unwrap(value: Any) -> Any:
    """Open envelopes whose content is JSON text (SNS ``Message``, ``body``) into dicts."""
    if isinstance(value, dict):
        for key in ("Message", "message", "body", "Body"):
            inner = value.get(key)
            if isinstance(inner, str) and inner.lstrip().startswith("{"):
                try:
                    decoded = json.loads(inner)
                except ValueError:
                    continue
                if isinstance(decoded, dict):
                    merged = {k: v for k, v in value.items() if k != key}
                    merged["_inner"] = decoded
                    return merged
    return value


def _time(v: Any) -> datetime | None:
    if isinstance(v, int | float) and not isinstance(v, bool):
        return epoch_time(float(v)) if v > 1e8 else None
    if isinstance(v, str) and v and not v.startswith("0001-"):
        s = v.strip()
        if s.isdigit():
            return epoch_time(float(s)) if len(s) >= 9 else None
        s = s.replace("z", "Z").replace("Z", "+00:00")
        s = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", s)  # "+0000" → "+00:00"
        return iso_time(s)
    return None


def _pick(
    flat: dict[str, Any], keys: tuple[str, ...], skip: set[str] | None = None
) -> tuple[str | None, Any]:
    for k in keys:
        if k in flat and k not in (skip or set()) and flat[k] not in ("", None):
            return k, flat[k]
    return None, None


def normal_status(raw: str | None) -> str:
    """'ALARM', 'Triggered', 'firing' → 'firing'; 'OK', 'Recovered' → 'resolved'; warnings → 'warning'."""
    if not raw:
        return "firing"
    word = str(raw).split(".")[-1].strip()
    m = _STATE_WORD.match(word)
    w = m.group("w") if m else word
    if w.upper().startswith("ALERT_"):  # Checkly's "ALERT_RECOVERY": the state is after the prefix
        w = w[len("ALERT_") :]
    if w.lower() in ALERT_DONE_STATES:
        return "resolved"
    if _ACK.match(w):
        return "acknowledged"
    if _WARN.match(w):
        return "warning"
    return "firing"


def _severity(flat: dict[str, Any], status: str, context: str, route: str) -> str | None:
    """The payload's severity; a warning state or a stated non-paging route lowers it to 'warning'."""
    _, sev = _pick(flat, _SEVERITY_KEYS)
    sev_s = (
        _gd_severity(sev) if isinstance(sev, int | float) else (str(sev).lower() if sev is not None else None)
    )
    if status == "warning" or _NON_PAGING.search(context):
        return "warning"
    if _PAGING.search(context) or _PAGE_ROUTE.search(route):
        return sev_s if sev_s in ("critical", "high", "p1", "p2", "page", "sev1", "sev2", "major") else "page"
    if _LOW_ROUTE.search(route) and sev_s in (None, "normal", "error"):
        return "warning"
    if sev_s and any(k in flat for k in _ERROR_EVENT_KEYS):
        # An error tracker's notice of an exception (Sentry, Rollbar, Bugsnag): "error" is the level the
        # app logged it at, and such notices go to mail or chat; they page only when routed to a pager.
        return f"{sev_s}-event"
    return sev_s


def _gd_severity(v: float) -> str:
    """Numeric severities (GuardDuty 1–8.9, Sentry/syslog-like scales) as words."""
    return "high" if v >= 7 else "medium" if v >= 4 else "low"


def fields_of(payload: Any) -> list[AlertFields]:
    """The alert(s) one payload describes (several when it lists its updates); empty when none."""
    value = unwrap(payload)
    if not isinstance(value, dict):
        return []
    inner = value.get("_inner")
    core = inner if isinstance(inner, dict) else value
    for key in _WRAPPERS:  # EventBridge "detail", Sentry "data.event": field names live inside
        sub = core.get(key)
        if isinstance(sub, dict) and len(sub) >= 2:
            core = {
                **{k: v for k, v in core.items() if k != key},
                **{f"{key}_{k}" if k in core else k: v for k, v in sub.items()},
            }
            break
    flat = _flat(core)
    outer = _flat(value)
    for k, v in outer.items():
        flat.setdefault(k, v)
    base = _one(flat, value)
    updates = _updates(core)
    if updates:
        out: list[AlertFields] = []
        for u in updates:
            uf = _flat(u)
            t = next((_time(uf[k]) for k in _TIME_KEYS if k in uf and _time(uf[k])), None)
            if t is None:
                continue
            raw = str(uf.get("status") or uf.get("state") or "")
            st = normal_status(raw)
            desc = str(uf.get("body") or uf.get("message") or uf.get("text") or "")
            title = base.title if base else str(_pick(flat, _TITLE_KEYS)[1] or "incident")
            out.append(
                AlertFields(
                    t,
                    st,
                    base.severity if base else None,
                    title,
                    desc or None,
                    base.host if base else None,
                    raw or None,
                )
            )
        if out:
            return out
    return [base] if base else []


def _updates(core: dict[str, Any]) -> list[dict[str, Any]]:
    for key in _UPDATE_KEYS:
        v = core.get(key)
        if (
            isinstance(v, list)
            and v
            and all(isinstance(x, dict) for x in v)
            and sum(1 for x in v if {"status", "state"} & {str(y).lower() for y in x}) >= len(v) / 2
        ):
            return sorted(v, key=lambda x: str(x.get("created_at") or x.get("display_at") or ""))
    return []


def _one(flat: dict[str, Any], value: dict[str, Any]) -> AlertFields | None:
    when = None
    for k in _TIME_KEYS:
        if k in flat and (t := _time(flat[k])) is not None:
            when = t
            break
    tkey, title = _pick(flat, _TITLE_KEYS)
    if when is None or title is None:
        return None
    _, state = _pick(flat, _STATE_KEYS)
    raw = str(state) if state is not None else None
    status = normal_status(raw)
    if status == "resolved":
        when = next((t for k in _END_KEYS if k in flat and (t := _time(flat[k])) is not None), when)
    _, desc = _pick(flat, _DESC_KEYS, {tkey} if tkey else None)
    context = " ".join(str(x) for x in (desc, flat.get("alarmdescription")) if x)
    route = " ".join(
        str(flat[k]).rsplit(":", 1)[-1] for k in ("topicarn", "receiver", "channel", "team") if flat.get(k)
    )
    _, host = _pick(flat, _HOST_KEYS)
    return AlertFields(
        when,
        status,
        _severity(flat, status, context, route),
        str(title),
        str(desc) if desc is not None and str(desc) != str(title) else None,
        str(host) if host is not None else None,
        raw,
    )


def looks_like_alert(value: Any) -> bool:
    """A payload (or list of them) where a time, a title and a state or severity are found by name."""
    probe = value[0] if isinstance(value, list) and value else value
    probe = unwrap(probe)
    if not isinstance(probe, dict):
        return False
    flat = _flat(probe.get("_inner") if isinstance(probe.get("_inner"), dict) else probe)
    flat.update({k: v for k, v in _flat(probe).items() if k not in flat})
    # A log record has a time, a level and a message too: an alert also names its state or a title.
    has_state = any(k in flat for k in _STATE_KEYS) or (
        any(k in flat for k in _SEVERITY_KEYS) and any(k in flat for k in _TITLE_KEYS if k != "message")
    )
    return bool(fields_of(probe)) and has_state


__all__ = ["AlertFields", "fields_of", "looks_like_alert", "normal_status", "unwrap"]
