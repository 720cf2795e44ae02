"""Kubernetes events: `kubectl get events` text (relative ages) and `-o json`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from assistant.domain import ParsedSource, RawRecord, SourceKind
from assistant.ingest._json import JsonDoc, nested_item_lines
from assistant.ingest._records import raw_time, record
from assistant.ingest._tz import MONTHS
from assistant.ingest.jsonlog import iso_time

_HEADER = re.compile(
    r"^(?:NAMESPACE\s+)?LAST SEEN\s+(?:FIRST SEEN\s+)?(?:COUNT\s+)?.*\bREASON\b.*\bMESSAGE\b"
)
_AGE = re.compile(r"(\d+)([dhms])")
_ANCHOR = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")
# `date` / `date -u` output captured with the table: "Fri Feb 27 00:31:10 UTC 2026".
_DATE_CMD = re.compile(
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\s+(?P<mon>[A-Z][a-z]{2})\w*\s+(?P<d>\d{1,2})\s+"
    r"(?P<t>\d{2}:\d{2}:\d{2})\s+(?:(?P<z>[A-Z]{2,5})\s+)?(?P<y>\d{4})\b"
)


def _capture_time(line: str) -> datetime | None:
    """The capture time a line states: an ISO stamp, or `date` output (UTC/GMT aware, else naive)."""
    if m := _ANCHOR.search(line):
        return iso_time(m.group(0))
    if (m := _DATE_CMD.search(line)) and (mo := MONTHS.get(m.group("mon").lower())):
        try:
            value = datetime.fromisoformat(f"{m.group('y')}-{mo:02d}-{int(m.group('d')):02d}T{m.group('t')}")
        except ValueError:
            return None
        return value.replace(tzinfo=UTC) if (m.group("z") or "") in ("UTC", "GMT", "Z") else value
    return None


def looks_like_events(value: Any) -> bool:
    """An EventList (`kubectl get events -o json`) or a list of Event objects."""
    items = value.get("items") if isinstance(value, dict) else value
    if isinstance(value, dict) and value.get("kind") == "EventList":
        return True
    if not isinstance(items, list) or not items or not isinstance(items[0], dict):
        return False
    return "involvedObject" in items[0] or "regarding" in items[0]


def looks_like_events_text(lines: list[str]) -> bool:
    """`kubectl get events` table: a LAST SEEN ... REASON ... MESSAGE header."""
    return any(_HEADER.match(ln.strip()) for ln in lines[:5])


def _age(s: str) -> timedelta | None:
    parts = _AGE.findall(s)
    if not parts or "".join(a + u for a, u in parts) != s.strip():
        return None
    mult = {"d": 86400, "h": 3600, "m": 60, "s": 1}
    return timedelta(seconds=sum(int(a) * mult[u] for a, u in parts))


def parse_events_json(doc: JsonDoc, name: str) -> ParsedSource:
    """Records from `kubectl get events -o json` (lastTimestamp, eventTime or firstTimestamp)."""
    value = doc.value
    items = value.get("items") if isinstance(value, dict) else value
    items = items if isinstance(items, list) else []
    lines = (
        nested_item_lines(doc.text, "items", 0, len(doc.text)) if isinstance(value, dict) else doc.item_lines
    )
    records: list[RawRecord] = []
    warnings: list[str] = []
    for i, ev in enumerate(items):
        if not isinstance(ev, dict):
            continue
        line = lines[i] if i < len(lines) else 1
        # An event seen N times is placed where it began (firstTimestamp); the last sighting is kept
        # in attrs and, when later, becomes a second record.
        when = _first_time(ev, ("eventTime", "firstTimestamp", "lastTimestamp", "deprecatedLastTimestamp"))
        last = _first_time(ev, ("lastTimestamp", "deprecatedLastTimestamp"))
        if when is None:
            when = iso_time(((ev.get("metadata") or {}).get("creationTimestamp")) or "")
        if when is None:
            warnings.append(f"{name}:{line}: event without a timestamp skipped")
            continue
        obj = ev.get("involvedObject") or ev.get("regarding") or {}
        target = f"{str(obj.get('kind', '')).lower()}/{obj.get('name', '')}".strip("/")
        etype = ev.get("type") or "Normal"
        reason = ev.get("reason") or ""
        msg = ev.get("message") or ev.get("note") or ""
        count = ev.get("count") or (ev.get("series") or {}).get("count")
        text = f"{etype} {reason} {target}: {msg}" + (f" (x{count})" if count and count > 1 else "")
        attrs: dict[str, Any] = {
            "level": "warning" if etype == "Warning" else "info",
            "host": obj.get("name"),
            "service": obj.get("namespace"),
            "reason": reason,
            "object": target,
        }
        if count:
            attrs["count"] = count
        if last is not None:
            attrs["last_seen"] = last.isoformat()
        records.append(
            record(raw_time(when), SourceKind.log, text, name, line, actor=target or None, attrs=attrs)
        )
        if last is not None and count and count > 1 and _later(last, when):
            records.append(
                record(
                    raw_time(last),
                    SourceKind.log,
                    f"{text} last seen",
                    name,
                    line,
                    actor=target or None,
                    attrs={**attrs, "first_seen": when.isoformat()},
                )
            )
    return ParsedSource(
        path=name, format="k8s-events-json", kind=SourceKind.log, records=records, warnings=warnings
    )


def _first_time(ev: dict[str, Any], keys: tuple[str, ...]) -> datetime | None:
    for key in keys:
        if isinstance(ev.get(key), str) and (when := iso_time(ev[key])):
            return when
    return None


def _later(a: datetime, b: datetime) -> bool:
    try:
        return a > b
    except TypeError:  # one aware, one naive
        return False


def parse_events_text(lines: Iterable[str], name: str) -> tuple[ParsedSource, str | None]:
    """Records from a `kubectl get events` table; the second item is a problem message when
    ages cannot be turned into times (no capture time in the file)."""
    all_lines = list(lines)
    anchor: datetime | None = None
    header_at, cols = -1, []
    for i, ln in enumerate(all_lines):
        if header_at < 0 and _HEADER.match(ln.strip()):
            header_at = i
            cols = [
                (m.start(), m.group(0)) for m in re.finditer(r"[A-Z][A-Z ]*?[A-Z](?=\s{2,}|$)|[A-Z]+", ln)
            ]
        elif header_at < 0 and (found := _capture_time(ln)):
            anchor = found
    records: list[RawRecord] = []
    rows = []
    for i in range(header_at + 1, len(all_lines)):
        ln = all_lines[i]
        if not ln.strip():
            continue
        if anchor is None and not _AGE.match(ln.strip()) and (found := _capture_time(ln)):
            anchor = found
            continue
        cells = {}
        for j, (start, label) in enumerate(cols):
            end = cols[j + 1][0] if j + 1 < len(cols) else None
            cells[label.strip()] = ln[start:end].strip()
        rows.append((i + 1, cells))
    if anchor is None:
        msg = (
            "`kubectl get events` text has only relative ages (LAST SEEN) and no capture time; "
            "re-export with `kubectl get events -o json`, or add a first line like "
            "`# captured 2026-03-04T10:00:00Z`"
        )
        return ParsedSource(path=name, format="k8s-events", kind=SourceKind.log, warnings=[msg]), msg
    for line, c in rows:
        age = _age(c.get("LAST SEEN", ""))
        if age is None:
            continue
        etype, reason, obj, msg = (
            c.get("TYPE", ""),
            c.get("REASON", ""),
            c.get("OBJECT", ""),
            c.get("MESSAGE", ""),
        )
        attrs: dict[str, Any] = {
            "level": "warning" if etype == "Warning" else "info",
            "host": obj.split("/")[-1],
            "reason": reason,
            "object": obj,
            "age": c.get("LAST SEEN"),
        }
        if c.get("NAMESPACE"):
            attrs["service"] = c["NAMESPACE"]
        records.append(
            record(
                raw_time(anchor - age),
                SourceKind.log,
                f"{etype} {reason} {obj}: {msg}",
                name,
                line,
                actor=obj or None,
                attrs=attrs,
            )
        )
    return ParsedSource(path=name, format="k8s-events", kind=SourceKind.log, records=records), None
