"""Support and issue tickets exported as CSV or JSON (Zendesk, Jira, Freshdesk, ServiceNow, GitHub issues
and the like).

Columns are found by name, not by vendor: the created time ("Created at", "Created", "Date
Created", "opened_at"), what it is about ("Subject", "Summary", "Title"), the body
("Description", "Body", "Comment"), who raised it ("Requester", "Reporter"), and its id, status
and priority. Each row becomes one note record at its created time, so a customer's report
counts as a person reporting trouble. Times are kept as written (naive unless they carry an
offset); the timeline places them like any other unzoned source. A JSON export is a list of ticket
objects, bare or under a key ("tickets", "issues", "results", …); fields are found by the same names
(``created_at``, ``createdAt`` and "Created at" are one name), Jira's nested ``fields`` included, and a
person given as an object ({"displayName": …}, {"login": …}) by their name.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from assistant.domain import ParsedSource, RawRecord, SourceKind
from assistant.ingest._records import raw_time, record
from assistant.ingest.jsonlog import iso_time

_CREATED = (
    "created at",
    "created",
    "created_at",
    "date created",
    "creation date",
    "opened at",
    "opened_at",
    "opened",
    "submitted at",
    "submitted",
    "sys_created_on",
    "created date",
    "created on",
    "reported at",
    "created time",  # Freshdesk
    "created_time",
    "creation time",
    "date opened",
)
_SUBJECT = ("subject", "summary", "title", "short description", "short_description", "issue summary")
_BODY = ("description", "body", "details", "comment", "comments", "text", "message", "first comment")
_WHO = (
    "requester",
    "requester name",
    "reporter",
    "customer",
    "submitter",
    "caller",
    "caller_id",
    "from",
    "contact",
    "requested by",
)
_ID = ("id", "ticket id", "issue key", "key", "number", "ticket", "ticket number", "#")
_STATUS = ("status", "state")
_PRIORITY = ("priority", "urgency", "severity")
_FORMATS = (
    "%d/%b/%y %I:%M %p",
    "%d/%b/%Y %I:%M %p",
    "%d/%b/%y %H:%M",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%b %d, %Y %H:%M",
    "%b %d, %Y %I:%M %p",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",  # DiscordChatExporter in ja-JP and zh-CN
    "%m/%d/%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
)


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_TICKET_LISTS = ("tickets", "issues", "results", "data", "items", "records", "value", "requests")
_PERSON_KEYS = ("name", "displayName", "display_name", "login", "username", "email")


def _name(key: str) -> str:
    """'createdAt', 'created_at' and 'Created at' as one column name."""
    return _CAMEL.sub(" ", key).replace("_", " ").strip().lower()


def _flat(item: dict[str, Any]) -> dict[str, Any]:
    """The ticket's fields by normalised name; Jira keeps most of them under "fields"."""
    out = {_name(k): v for k, v in item.items()}
    nested = item.get("fields")
    if isinstance(nested, dict):
        for k, v in nested.items():
            if out.get(_name(k)) is None:
                out[_name(k)] = v
    return out


def _field(flat: dict[str, Any], names: tuple[str, ...]) -> Any:
    """The first of ``names`` (in the order given: "subject" before "title") the ticket fills."""
    for n in map(_name, names):
        if flat.get(n) not in (None, "", [], {}):
            return flat[n]
    return None


def _text_of(value: Any) -> str:
    """A field as text: a person object by name, a status object by its name, else str()."""
    if isinstance(value, dict):
        for k in (*_PERSON_KEYS, "value", "title"):
            if isinstance(value.get(k), str) and value[k].strip():
                return str(value[k]).strip()
        return ""
    if value is None or isinstance(value, list):
        return ""
    return str(value).strip()


def json_tickets(value: Any) -> tuple[str | None, list[dict[str, Any]]] | None:
    """(list key or None for a bare list, the ticket objects) when a decoded JSON document is a ticket
    export: a list of objects of which most have a created time and a subject."""
    key: str | None = None
    items: Any = value
    if isinstance(value, dict):
        key = next((k for k in _TICKET_LISTS if isinstance(value.get(k), list)), None)
        items = value.get(key) if key else None
    if not isinstance(items, list) or not items or not all(isinstance(x, dict) for x in items[:50]):
        return None
    probe = [_flat(x) for x in items[:50]]
    shaped = sum(1 for f in probe if _field(f, _CREATED) is not None and _field(f, _SUBJECT) is not None)
    return (key, items) if shaped >= max(1, 0.8 * len(probe)) else None


def parse_json_tickets(items: list[dict[str, Any]], lines: list[int], name: str) -> ParsedSource:
    """One note record per ticket object, at its created time (``lines``: where each object starts)."""
    records: list[RawRecord] = []
    warnings: list[str] = []
    for n, item in enumerate(items):
        line = lines[n] if n < len(lines) else 1
        flat = _flat(item)
        created = _text_of(_field(flat, _CREATED))
        when = ticket_time(created)
        if when is None:
            warnings.append(f"{name}:{line}: ticket without a readable created time ({created!r}); skipped")
            continue
        tid = _text_of(_field(flat, ("key", "number", "id", "ticket id", "ticket number")))
        who = _text_of(_field(flat, (*_WHO, "user", "author", "created by", "opened by")))
        subject = _text_of(_field(flat, _SUBJECT))
        body = _text_of(_field(flat, _BODY))
        records.append(_ticket_record(when, name, line, tid, who, subject, body, flat))
    return ParsedSource(
        path=name, format="tickets-json", kind=SourceKind.note, records=records, warnings=warnings
    )


def _ticket_record(
    when: datetime, name: str, line: int, tid: str, who: str, subject: str, body: str, fields: dict[str, Any]
) -> RawRecord:
    text = f"Ticket {'#' + tid.lstrip('#') + ' ' if tid else ''}opened"
    text += f" by {who}" if who else ""
    text += f": {subject}" + (f" — {body[:400]}" if body else "")
    attrs: dict[str, Any] = {
        "ticket": tid or None,
        "status": _text_of(_field(fields, _STATUS)) or None,
        "priority": _text_of(_field(fields, _PRIORITY)) or None,
        "bot": False,
    }
    return record(raw_time(when), SourceKind.note, text, name, line, actor=who or None, attrs=attrs)


def column(header: Sequence[str], names: tuple[str, ...]) -> int | None:
    """Index of the first of ``names`` the header has (case and padding ignored), or None."""
    low = [h.strip().lower() for h in header]
    return next((low.index(n) for n in names if n in low), None)


def _first_line(text: str) -> str:
    lines = text.splitlines()
    return lines[0] if lines else ""


def csv_dialect(sample: str) -> csv.Dialect | type[csv.Dialect]:
    """The delimiter of a CSV export, sniffed from its header line (comma when it cannot tell)."""
    try:
        return csv.Sniffer().sniff(_first_line(sample), delimiters=",;\t")
    except csv.Error:
        return csv.excel


def csv_header(sample: str) -> list[str]:
    """The header row of a CSV export, or [] when the first line is not one (fewer than 3 columns)."""
    first = _first_line(sample)
    if first.count(",") + first.count(";") + first.count("\t") < 2:
        return []
    try:
        return next(csv.reader([first], csv_dialect(sample)), [])
    except csv.Error:  # not CSV after all: another reader gets the file
        return []


def looks_like_tickets(sample: str) -> bool:
    """A CSV whose header names a created-time column and a subject column."""
    header = csv_header(sample)
    return column(header, _CREATED) is not None and column(header, _SUBJECT) is not None


def ticket_time(value: str) -> datetime | None:
    """A created time as exports write it (ISO, Jira's "04/Mar/26 2:02 PM", US and European forms)."""
    s = value.strip()
    if not s:
        return None
    iso = iso_time(re.sub(r"Z$", "+00:00", s.replace(" UTC", "+00:00")))
    if iso is not None:
        return iso
    for fmt in _FORMATS:
        try:
            return datetime.strptime(s, fmt)
        except ValueError:
            continue
    return None


def parse_tickets(text: str, name: str) -> ParsedSource:
    """One note record per ticket row, at its created time."""
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), csv_dialect(text)))
    except csv.Error as exc:
        raise ValueError(f"not readable as CSV ({exc})") from exc
    header, body_rows = (rows[0], rows[1:]) if rows else ([], [])
    c_time = column(header, _CREATED)
    c_subj = column(header, _SUBJECT)
    cols = {
        k: column(header, v)
        for k, v in (
            ("body", _BODY),
            ("who", _WHO),
            ("id", _ID),
            ("status", _STATUS),
            ("priority", _PRIORITY),
        )
    }
    records: list[RawRecord] = []
    warnings: list[str] = []
    line = 1
    for row in body_rows:
        line += 1
        if not any(cell.strip() for cell in row):
            continue

        def get(i: int | None, row: list[str] = row) -> str:
            return row[i].strip() if i is not None and i < len(row) else ""

        when = ticket_time(get(c_time))
        if when is None:
            warnings.append(
                f"{name}:{line}: ticket without a readable created time ({get(c_time)!r}); skipped"
            )
            continue
        tid, who, subject, body = get(cols["id"]), get(cols["who"]), get(c_subj), get(cols["body"])
        fields = {"status": get(cols["status"]), "priority": get(cols["priority"])}
        records.append(_ticket_record(when, name, line, tid, who, subject, body, fields))
        line += sum(cell.count("\n") for cell in row)
    return ParsedSource(
        path=name, format="tickets-csv", kind=SourceKind.note, records=records, warnings=warnings
    )


__all__ = [
    "column",
    "csv_dialect",
    "csv_header",
    "json_tickets",
    "looks_like_tickets",
    "parse_json_tickets",
    "parse_tickets",
    "ticket_time",
]
