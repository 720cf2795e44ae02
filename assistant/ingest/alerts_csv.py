"""Alert and incident state changes exported as CSV: one row per transition, found by its content.

Incident tools export their log entries as tables (PagerDuty's incident log entries, Opsgenie's alert
activity, a monitoring tool's alert history): each row is one thing that happened to an alert, and
one column says what ("trigger_log_entry", "Acknowledge", "resolved", "ALARM → OK"). Such a file is
told from a ticket export by that column, not by the vendor: its values are the verbs and states of
alert handling, and they include both an alert starting (trigger, firing, alarm) and it being handled
(acknowledge, resolve, ok). A ticket's status column says "open", "pending", "solved", which are not
alert words. The other fields (time, title, severity, service, description) are found by name with
the JSON payload mapper (``alert_fields``), so no vendor has its own branch.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from assistant.domain import ParsedSource, RawRecord, SourceKind
from assistant.ingest import alert_fields
from assistant.ingest._records import raw_time, record
from assistant.ingest.tickets import csv_dialect, csv_header, ticket_time
from assistant.vocabulary import ALERT_ACTIONS

# What an alert's row says happened, as the word that starts the cell ("trigger_log_entry", "Resolved",
# "ALARM"): the handling verbs (ALERT_ACTIONS) and the states alerting tools write.
_STATE_WORDS = {
    **ALERT_ACTIONS,
    **dict.fromkeys(("triggered", "firing", "alarm", "alerting", "problem", "fired"), "triggered"),
    **dict.fromkeys(("ack", "acknowledged", "acked"), "acknowledged"),
    **dict.fromkeys(("resolved", "ok", "recovered", "recovery", "cleared"), "resolved"),
}
_AGENT_KEYS = ("agent", "user", "user_name", "author", "by", "performed_by", "actor")
_WORD = re.compile(r"[A-Za-z]+")
_SAMPLE_ROWS = 200


def _state(cell: str) -> str | None:
    m = _WORD.search(cell[:40])
    return _STATE_WORDS.get(m.group(0).lower()) if m else None


def _rows(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    reader = csv.reader(io.StringIO(text, newline=""), csv_dialect(text))
    header = next(reader, [])
    rows: list[tuple[int, list[str]]] = []
    start = reader.line_num + 1
    for row in reader:
        if any(c.strip() for c in row):
            rows.append((start, row))
        start = reader.line_num + 1
    return header, rows


def state_column(header: Sequence[str], rows: Sequence[Sequence[str]]) -> int | None:
    """The column that says what happened to the alert on each row, or None when no column does."""
    for i in range(len(header)):
        cells = [r[i] for r in rows if i < len(r) and r[i].strip()]
        states = Counter(s for c in cells if (s := _state(c)) is not None)
        if (
            cells
            and sum(states.values()) >= 0.6 * len(rows)
            and states["triggered"]
            and (states["resolved"] or states["acknowledged"])
        ):
            return i
    return None


def looks_like_alert_csv(sample: str) -> bool:
    """A CSV whose rows are alert transitions: a state column of alert words and a time on each row."""
    header = csv_header(sample)
    if not header:
        return False
    try:
        _, rows = _rows(sample)
    except csv.Error:
        return False
    body = [r for _, r in rows[:_SAMPLE_ROWS]]
    if len(body) < 2 or (col := state_column(header, body)) is None:
        return False
    return any(
        sum(1 for r in body if i < len(r) and ticket_time(r[i]) is not None) >= 0.8 * len(body)
        for i in range(len(header))
        if i != col
    )


def parse_alert_csv(text: str, name: str) -> ParsedSource:
    """One alert record per transition row, with the state the row gives and the fields found by name."""
    try:
        header, rows = _rows(text)
    except csv.Error as exc:
        raise ValueError(f"not readable as CSV ({exc})") from exc
    col = state_column(header, [r for _, r in rows[:_SAMPLE_ROWS]])
    keys = [h.strip().lower() for h in header]
    records: list[RawRecord] = []
    warnings: list[str] = []
    for line, row in rows:
        cells: dict[str, Any] = {k: v for k, v in zip(keys, row, strict=False) if v.strip()}
        raw = row[col].strip() if col is not None and col < len(row) else ""
        status = _state(raw) or _WORD.sub(lambda m: m.group(0).lower(), raw) or "triggered"
        cells.pop(keys[col], None) if col is not None else None
        found = alert_fields.fields_of({**cells, "state": status})
        if not found:
            warnings.append(f"{name}:{line}: row without a time or a title found by name; skipped")
            continue
        f = found[0]
        attrs = {"status": status, "system": "alert-csv", "alert": f.title, "severity": f.severity,
                 "urgency": cells.get("urgency"), "service": f.host, "state": raw or None}  # fmt: skip
        actor = next((str(cells[k]) for k in _AGENT_KEYS if k in cells), None)
        if status == ALERT_ACTIONS["annotate"] and f.description:
            # a person's note on the alert: their words are the record (the role classifier reads them)
            text_ = f.description
            attrs["comment_on"] = f.title
        else:
            text_ = f"[{status.upper()}] {f.title}" + (f" ({f.severity})" if f.severity else "")
            text_ += f" — {f.description}" if f.description else ""
            actor = "alert-csv"
        records.append(
            record(raw_time(f.time), SourceKind.alert, text_, name, line, actor=actor, attrs=attrs)
        )
    return ParsedSource(
        path=name, format="alert-csv", kind=SourceKind.alert, records=records, warnings=warnings
    )


__all__ = ["looks_like_alert_csv", "parse_alert_csv", "state_column"]
