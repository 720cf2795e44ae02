"""JSON logs: one mapper from a JSON log record to (time, level, text, host, service), for every vendor.

Field names, not vendors: time under ``@timestamp``/``timestamp``/``ts``/``time``/``eventTime``/
``__REALTIME_TIMESTAMP`` … as ISO-8601 or an epoch in s/ms/µs/ns; level under ``level``/``severity``/
``PRIORITY`` (syslog 0-7) …; the message under ``msg``/``message``/``MESSAGE``/``textPayload``/
``jsonPayload.message``/``log``/``eventName`` …; the remaining scalar fields follow the message as
``key=value``. Used for JSON lines (zap, logrus, pino, bunyan, Docker json-file, ``journalctl -o json``,
ECS) and for JSON documents holding a list of records (CloudWatch Logs exports, CloudTrail
``{"Records": [...]}``, ``gcloud logging read --format=json``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from assistant.domain import Coverage, ParsedSource, RawRecord, SourceKind
from assistant.ingest._json import JsonDoc, nested_doc, nested_item_lines
from assistant.ingest._levels import SYSLOG_SEVERITY, level_in_text, level_of, status_level
from assistant.ingest._records import raw_time, record

_TIME_KEYS = (
    "@timestamp",
    "timestamp",
    "ts",
    "time",
    "date",
    "datetime",
    "eventTime",
    "t",
    "__REALTIME_TIMESTAMP",
    "timeMillis",
    "receiveTimestamp",
    "Timestamp",
    "@t",
    "asctime",
    "created_at",
)
_LEVEL_KEYS = ("level", "severity", "lvl", "loglevel", "levelname", "log.level", "@l", "detected_level")
_MSG_KEYS = (
    "msg",
    "message",
    "MESSAGE",
    "textPayload",
    "short_message",
    "log",
    "event",
    "text",
    "@m",
    "body",
    "eventName",
)
_HOST_KEYS = ("host", "hostname", "_HOSTNAME", "pod", "pod_name", "instance", "node")
_SERVICE_KEYS = (
    "service",
    "svc",
    "service.name",
    "app",
    "application",
    "component",
    "container",
    "logger",
    "loggerName",
    "SYSLOG_IDENTIFIER",
    "_SYSTEMD_UNIT",
    "logGroupName",
    "eventSource",
)
_QUIET_KEYS = frozenset(
    _TIME_KEYS
    + _LEVEL_KEYS
    + _MSG_KEYS
    + _HOST_KEYS
    + _SERVICE_KEYS
    + (
        "pid",
        "v",
        "trace_id",
        "span_id",
        "traceId",
        "spanId",
        "request_id",
        "thread",
        "logger",
        "caller",
        "PRIORITY",
        "ingestionTime",
        "eventId",
        "logStreamName",
        "insertId",
        "__CURSOR",
        "__MONOTONIC_TIMESTAMP",
        "_BOOT_ID",
        "_MACHINE_ID",
        "_TRANSPORT",
        "SYSLOG_FACILITY",
        "eventVersion",
        "eventID",
        "id",  # the record's own identity (AWS API events), not what happened
    )
)
# Fields of a JSON record shown after its message: all of a typical record, so that its key set (the
# record's structure, part of its template) shows; a record that gains a field is a new template.
MAX_EXTRAS = 24
# Logs this big (bytes) never get a record per line (see parse_log); about 50k typical lines.


def epoch_time(v: float) -> datetime:
    """Epoch seconds/ms/µs/ns (by magnitude) → aware UTC datetime."""
    if v > 1e17:
        v /= 1e9
    elif v > 1e14:
        v /= 1e6
    elif v > 1e11:
        v /= 1e3
    return datetime.fromtimestamp(v, tz=UTC)


def iso_time(s: str) -> datetime | None:
    """ISO-8601 as written: aware when an offset is given, naive otherwise."""
    try:
        if s.endswith("UTC"):
            return datetime.fromisoformat(s[:-3].strip()).replace(tzinfo=UTC)
        return datetime.fromisoformat(s)
    except ValueError:
        return None


# Vendors capitalise their own way ("Datetime" in Cloudflare firewall events, "TimeGenerated" in Azure,
# "EdgeStartTimestamp" in Cloudflare HTTP logs): after the exact names, any case of these.
_TIME_KEYS_ANY_CASE = (
    *(k.lower() for k in _TIME_KEYS),
    "timegenerated",
    "edgestarttimestamp",
    "eventtimestamp",
    "logtime",
    "start_time",  # Envoy's JSON access log (%START_TIME%)
    "starttime",
    "createdat",  # AWS API responses (ECS service events)
)


def _time_value(obj: dict[str, Any]) -> Any:
    for k in _TIME_KEYS:
        if k in obj:
            return obj[k]
    low = {k.lower(): k for k in obj if isinstance(k, str)}
    return next((obj[low[k]] for k in _TIME_KEYS_ANY_CASE if k in low), None)


def json_fields(obj: dict[str, Any]) -> tuple[Any, str | None, str, str | None, str | None]:
    """(time value, level, text, host, service) from one JSON log object."""
    t = _time_value(obj)
    host, svc = _host_service(obj)
    return t, _level(obj), _text(obj, _message(obj)), host, svc


def _first_str(obj: dict[str, Any], keys: Iterable[str]) -> str | None:
    """The first of ``keys`` whose value is a string."""
    return next((v for k in keys if isinstance(v := obj.get(k), str)), None)


def _level(obj: dict[str, Any]) -> str | None:
    """The level from a level field, a nested ``log.level``, journald's PRIORITY or CloudTrail's errorCode."""
    lvl_raw = next((obj[k] for k in _LEVEL_KEYS if k in obj), None)
    if lvl_raw is None and isinstance(obj.get("log"), dict):
        lvl_raw = obj["log"].get("level")
    level = level_of(lvl_raw)
    if level is None and "PRIORITY" in obj:  # journald: syslog severity 0-7
        try:
            level = SYSLOG_SEVERITY.get(int(obj["PRIORITY"]))
        except (TypeError, ValueError):
            level = None
    if level is None and obj.get("errorCode"):  # CloudTrail: a refused call
        level = "error"
    if level is None and (code := _http_status(obj)) is not None:  # an access log record: its status says
        level = status_level(code)
    return level


# HTTP status fields of JSON access logs (Envoy, ALB/ELB, Caddy, Traefik, nginx JSON, GCP httpRequest).
_STATUS_KEYS = (
    "response_code",
    "status_code",
    "statusCode",
    "status",
    "http_status",
    "elb_status_code",
    "DownstreamStatus",
    "sc-status",
)


def _http_status(obj: dict[str, Any]) -> int | None:
    """The record's HTTP status as a number (100-599), at the top level or under ``httpRequest``/``http``."""
    for holder in (obj, obj.get("httpRequest"), obj.get("http"), obj.get("response")):
        if not isinstance(holder, dict):
            continue
        for key in _STATUS_KEYS:
            v = holder.get(key)
            if isinstance(v, bool):
                continue
            if isinstance(v, int) or (isinstance(v, str) and v.isdigit() and len(v) == 3):
                code = int(v)
                if 100 <= code <= 599:
                    return code
    return None


def _message(obj: dict[str, Any]) -> str | None:
    """The message field, or Cloud Logging's ``jsonPayload.message``."""
    msg = _first_str(obj, _MSG_KEYS)
    payload = obj.get("jsonPayload")
    if msg is None and isinstance(payload, dict):  # Cloud Logging structured entries
        m = payload.get("message") or payload.get("msg")
        msg = m if isinstance(m, str) else None
    return msg


def _host_service(obj: dict[str, Any]) -> tuple[str | None, str | None]:
    """Host and service from their fields, ECS ``service.name`` or a Cloud Logging monitored resource."""
    host = _first_str(obj, _HOST_KEYS)
    svc = _first_str(obj, _SERVICE_KEYS)
    if svc is None and isinstance(obj.get("service"), dict):
        svc = obj["service"].get("name")
    res = obj.get("resource")
    if isinstance(res, dict) and isinstance(res.get("labels"), dict):  # Cloud Logging monitored resource
        labels = res["labels"]
        svc = svc or labels.get("service_name") or labels.get("container_name") or labels.get("function_name")
        host = host or labels.get("instance_id") or labels.get("pod_name")
    return host, svc


def _text(obj: dict[str, Any], msg: str | None) -> str:
    """The message followed by up to MAX_EXTRAS plain ``key=value`` fields and the error's message."""
    extras = []
    for k, v in obj.items():
        if k in _QUIET_KEYS or isinstance(v, dict | list) or v is None:
            continue
        extras.append(f"{k}={v}")
        if len(extras) >= MAX_EXTRAS:
            break
    err = obj.get("err") or obj.get("error")
    if isinstance(err, dict):
        extras.append(f"err={err.get('message') or err.get('type')}")
    return " ".join([msg or "", *extras]).strip() or json.dumps(obj)[:500]


def json_time(t: Any) -> datetime | None:
    """A JSON log time field (epoch seconds/ms/us/ns as number or digits, else ISO-8601) as a datetime, or None."""
    if isinstance(t, int | float) and not isinstance(t, bool):
        return epoch_time(float(t))
    if isinstance(t, str):
        if t.replace(".", "", 1).isdigit():
            return epoch_time(float(t))
        return iso_time(t)
    return None


RECORD_LISTS = ("Records", "records", "events", "logEvents", "entries", "logs", "items")


def record_list(value: Any) -> list[Any] | None:
    """The list of log records of a JSON document: a top-level list, or one under ``Records`` (CloudTrail),
    ``events``/``logEvents`` (CloudWatch Logs), ``entries`` (Cloud Logging) …, in any case (an AWS API
    response capitalises: CloudTrail's ``lookup-events`` gives ``{"Events": [...]}``); None otherwise."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for k in RECORD_LISTS:
            if isinstance(value.get(k), list):
                return value[k]  # type: ignore[no-any-return]
        low = {k.lower(): k for k in value if isinstance(k, str)}
        for k in RECORD_LISTS:
            if (key := low.get(k.lower())) is not None and isinstance(value[key], list):
                return value[key]  # type: ignore[no-any-return]
    return None


def full_record(obj: dict[str, Any]) -> dict[str, Any]:
    """The record itself when a lookup API wraps it as a JSON string beside a summary (CloudTrail's
    ``lookup-events`` puts the full event under ``CloudTrailEvent``): the first string field that decodes
    to an object with a time field; else ``obj``."""
    for v in obj.values():
        if isinstance(v, str) and v.startswith("{") and v.endswith("}"):
            try:
                inner = json.loads(v)
            except ValueError:
                continue
            if isinstance(inner, dict) and json_time(_time_value(inner)) is not None:
                return inner
    return obj


# A log record names its message with one of these (webhook payloads use title/body/Message instead).
_RECORD_MSG_KEYS = frozenset(
    (
        "msg",
        "message",
        "MESSAGE",
        "textPayload",
        "jsonPayload",
        "protoPayload",
        "short_message",
        "log",
        "@m",
        "eventName",
    )
)


def _is_record(x: dict[str, Any]) -> bool:
    """A log record: a message field and a time field."""
    return bool(_RECORD_MSG_KEYS.intersection(x)) and json_time(json_fields(x)[0]) is not None


def _log_like(items: list[Any]) -> bool:
    """Most of the first 50 items are records, as given or as the record a string field wraps."""
    head = [x for x in items[:50] if isinstance(x, dict)]
    if not head or len(head) < max(1, len(items[:50]) // 2):
        return False
    return sum(1 for x in head if _is_record(x) or _is_record(full_record(x))) >= 0.8 * len(head)


_NAME_KEYS = ("name", "serviceName", "logGroupName", "Name", "ServiceName", "functionName", "id")


def _groups(value: Any) -> tuple[str, str, list[Any]] | None:
    """(group key, record key, groups) when the records sit one level down, in a list of objects that each
    hold a record list: ``{"services": [{"serviceName": …, "events": [...]}]}`` (``aws ecs describe-services``)."""
    if not isinstance(value, dict):
        return None
    for gkey, groups in value.items():
        if not isinstance(groups, list) or not groups or not all(isinstance(g, dict) for g in groups):
            continue
        for rkey in RECORD_LISTS:
            if any(isinstance(g.get(rkey), list) for g in groups):
                flat = [r for g in groups for r in (g.get(rkey) or [])]
                if _log_like(flat):
                    return gkey, rkey, groups
    return None


def looks_like_log_records(value: Any) -> bool:
    """A JSON document whose records mostly carry a time field and a message (a log export), at the top,
    under a key such as ``events``, or one level down in groups (``services[].events[]``)."""
    items = record_list(value)
    if items and _log_like(items):
        return True
    return _groups(value) is not None


def log_record_items(doc: JsonDoc) -> tuple[list[dict[str, Any]], list[int]]:
    """The records of a JSON log export (each the full record, see ``full_record``) and their start lines.

    A group's name (``serviceName``) becomes its records' ``service`` when they name none."""
    items = record_list(doc.value)
    if items and _log_like(items):
        if isinstance(doc.value, list):
            top_lines = doc.item_lines
        else:
            key = next(k for k, v in doc.value.items() if v is items)
            top_lines = nested_item_lines(doc.text, key, 0, len(doc.text))
        return [full_record(x) if isinstance(x, dict) else {} for x in items], top_lines
    found = _groups(doc.value)
    if found is None:
        return [], []
    gkey, rkey, _ = found
    gdoc = nested_doc(doc, gkey)
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    for i, g in enumerate(gdoc.value):
        inner = g.get(rkey) if isinstance(g, dict) else None
        if not isinstance(inner, list):
            continue
        name = _first_str(g, _NAME_KEYS)
        lo, hi = gdoc.span(i) if gdoc.item_offsets else (0, len(doc.text))
        starts = nested_item_lines(doc.text, rkey, lo, hi)
        for j, r in enumerate(inner):
            rec = full_record(r) if isinstance(r, dict) else {}
            if name and rec and not _first_str(rec, _SERVICE_KEYS):
                rec = {**rec, "service": name}
            records.append(rec)
            lines.append(starts[j] if j < len(starts) else 1)
    return records, lines


def parse_log_records(doc: JsonDoc, name: str) -> ParsedSource:
    """Records of a JSON log export (CloudWatch Logs, CloudTrail, Cloud Logging, journald lists, AWS
    API responses with events per service)."""
    items, item_lines = log_record_items(doc)
    records: list[RawRecord] = []
    untimed = 0
    for i, obj in enumerate(items):
        if not obj:
            untimed += 1
            continue
        t, lvl, text, host, svc = json_fields(obj)
        dt = json_time(t)
        if dt is None:
            untimed += 1
            continue
        attrs: dict[str, Any] = {}
        lvl = lvl or level_in_text(text)
        if lvl:
            attrs["level"] = lvl
        if host:
            attrs["host"] = host
        if svc:
            attrs["service"] = svc
        line = item_lines[i] if i < len(item_lines) else 1
        records.append(
            record(
                raw_time(dt, True),
                SourceKind.log,
                text.rstrip("\n"),
                name,
                line,
                actor=svc or host,
                attrs=attrs,
            )
        )
    warnings = [f"{untimed} record(s) without a time field skipped"] if untimed else []
    cov = Coverage(
        file=name,
        format="json-log-records",
        lines=len(items),
        timed=len(records),
        why=f"JSON document of {len(items)} records, {len(records)} with a time field",
    )
    cov.drop("records without a time field", untimed)
    return ParsedSource.model_construct(
        path=name,
        format="json-log-records",
        kind=SourceKind.log,
        records=records,
        stated_tz=None,
        stated_date=None,
        warnings=warnings,
        coverage=cov,
    )


def json_record(line: str) -> tuple[datetime, str | None, str, str | None, str | None] | None:
    """(time, level, text, host, service) of a JSON-object log line with a time field, else None."""
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    if not isinstance(obj, dict):
        return None
    t, lvl, text, host, svc = json_fields(obj)
    dt = json_time(t)
    if dt is None:
        return None
    return dt, lvl, text, host, svc
