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
from email.utils import parsedate_to_datetime
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


# When the ticket was resolved or closed (Jira "Resolved"/resolutiondate, ServiceNow resolved_at,
# Freshdesk "Resolved time", Zendesk "Solved at").
_CLOSED_AT = (
    "resolved",
    "resolved at",
    "resolved time",
    "resolution date",
    "resolutiondate",
    "date resolved",
    "solved at",
    "closed at",
    "closed time",
    "date closed",
)
# Jira's CSV export writes each comment as "date;author;text" in a column of its own, all named "Comment".
_JIRA_COMMENT = re.compile(r"^(?P<when>[^;\n]{6,40});(?P<who>[^;\n]{1,80});(?P<text>.*)$", re.S)
_TICKET_ID = ("key", "number", "id", "ticket id", "ticket number")
_AUTHOR = (*_WHO, "user", "author", "created by", "opened by")
_ROLES = {"created": _CREATED, "subject": _SUBJECT, "body": _BODY, "id": _TICKET_ID, "author": _AUTHOR}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_TICKET_LISTS = ("tickets", "issues", "results", "data", "items", "records", "value", "requests")
# One ticket fetched on its own: Zendesk's show-ticket API gives {"ticket": {...}}; exporters of a
# GitHub or GitLab issue put its comments (notes) beside it: {"issue": {...}, "comments": [...]}.
_ONE_TICKET = ("ticket", "issue", "request")
_COMMENT_LISTS = ("comments", "notes")
_PERSON_KEYS = ("name", "displayName", "display_name", "login", "username", "email")


def _name(key: str) -> str:
    """'createdAt', 'created_at' and 'Created at' as one column name."""
    return _CAMEL.sub(" ", key).replace("_", " ").strip().lower()


def flat_fields(item: dict[str, Any]) -> dict[str, Any]:
    """A ticket's (or a comment's) fields by normalised name; Jira keeps most of them under "fields"."""
    out = {_name(k): v for k, v in item.items()}
    nested = item.get("fields")
    if isinstance(nested, dict):
        for k, v in nested.items():
            if out.get(_name(k)) is None:
                out[_name(k)] = v
    return out


def field_of(flat: dict[str, Any], role: str) -> str | None:
    """The field playing ``role`` ("created", "subject", "body", "id", "author") as text, or None."""
    return _text_of(_field(flat, _ROLES[role])) or None


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
    if (one := single_ticket(value)) is not None:
        return None, [one]
    if isinstance(value, dict):
        key = next((k for k in _TICKET_LISTS if isinstance(value.get(k), list)), None)
        items = value.get(key) if key else None
    if not isinstance(items, list) or not items or not all(isinstance(x, dict) for x in items[:50]):
        return None
    probe = [flat_fields(x) for x in items[:50]]
    shaped = sum(1 for f in probe if _field(f, _CREATED) is not None and _field(f, _SUBJECT) is not None)
    return (key, items) if shaped >= max(1, 0.8 * len(probe)) else None


def single_ticket(value: Any) -> dict[str, Any] | None:
    """The ticket of a document holding one, under "ticket"/"issue"/"request", with the comments or notes
    listed beside it folded in; None otherwise."""
    if not isinstance(value, dict):
        return None
    key = next((k for k in _ONE_TICKET if isinstance(value.get(k), dict)), None)
    if key is None:
        return None
    ticket: dict[str, Any] = value[key]
    f = flat_fields(ticket)
    if _field(f, _CREATED) is None or _field(f, _SUBJECT) is None:
        return None
    beside = next((value[k] for k in _COMMENT_LISTS if isinstance(value.get(k), list)), None)
    if beside is not None and not isinstance(ticket.get("comments"), list):
        ticket = {**ticket, "comments": beside}
    return ticket


def parse_json_tickets(items: list[dict[str, Any]], lines: list[int], name: str) -> ParsedSource:
    """One note record per ticket object, at its created time (``lines``: where each object starts)."""
    records: list[RawRecord] = []
    warnings: list[str] = []
    for n, item in enumerate(items):
        line = lines[n] if n < len(lines) else 1
        flat = flat_fields(item)
        created = _text_of(_field(flat, _CREATED))
        when = ticket_time(created)
        if when is None:
            warnings.append(f"{name}:{line}: ticket without a readable created time ({created!r}); skipped")
            continue
        tid = _text_of(_field(flat, _TICKET_ID))
        who = _text_of(_field(flat, _AUTHOR))
        subject = _text_of(_field(flat, _SUBJECT))
        body = _text_of(_field(flat, _BODY))
        records.append(_ticket_record(when, name, line, tid, who, subject, body, flat))
        records.extend(
            comment_record(t, name, line, tid, author, text) for t, author, text in _json_comments(flat)
        )
        if (done := ticket_time(_text_of(_field(flat, _CLOSED_AT)))) is not None:
            records.append(resolved_record(done, name, line, tid, flat))
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


def resolved_record(when: datetime, name: str, line: int, tid: str, fields: dict[str, Any]) -> RawRecord:
    """The ticket's resolved (or closed) time as a note of its own: the tracker's record of resolution."""
    status = _text_of(_field(fields, _STATUS))
    text = f"Ticket {'#' + tid.lstrip('#') + ' ' if tid else ''}resolved" + (
        f" (status {status})" if status else ""
    )
    attrs: dict[str, Any] = {
        "ticket_resolved": tid or None,
        "priority": _text_of(_field(fields, _PRIORITY)) or None,
        "bot": False,
    }
    return record(raw_time(when), SourceKind.note, text, name, line, attrs=attrs)


def comment_record(when: datetime, name: str, line: int, tid: str, who: str, body: str) -> RawRecord:
    """A comment on a ticket: its author's words at its time (an incident ticket's comments are a timeline)."""
    return record(
        raw_time(when),
        SourceKind.note,
        " ".join(body.split())[:600] or "(empty comment)",
        name,
        line,
        actor=who or None,
        attrs={"comment_on": tid or None},
    )


def _json_comments(flat: dict[str, Any]) -> list[tuple[datetime, str, str]]:
    """(time, author, text) of the comments a JSON ticket embeds (Jira's fields.comment.comments, a list
    under "comments")."""
    found = flat.get("comments")
    holder = flat.get("comment")
    if not isinstance(found, list) and isinstance(holder, dict):
        found = holder.get("comments")
    out: list[tuple[datetime, str, str]] = []
    for c in found if isinstance(found, list) else []:
        if not isinstance(c, dict):
            continue
        sub = flat_fields(c)
        when = ticket_time(_text_of(_field(sub, _CREATED)))
        body = _text_of(_field(sub, _BODY))
        if when is not None and body:
            out.append((when, _text_of(_field(sub, _AUTHOR)), body))
    return out


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
    try:  # RFC 5322, as Jira's XML and mail-based tools write it ("Tue, 20 Jan 2026 17:58:31 -0500")
        return parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
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
            ("resolved", _CLOSED_AT),
        )
    }
    c_comments = [i for i, h in enumerate(header) if _name(h) == "comment" and i != cols["body"]]
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
        for i in c_comments:
            if (m := _JIRA_COMMENT.match(get(i))) and (said := ticket_time(m["when"])) is not None:
                records.append(comment_record(said, name, line, tid, m["who"].strip(), m["text"]))
        if (done := ticket_time(get(cols["resolved"]))) is not None:
            records.append(resolved_record(done, name, line, tid, fields))
        line += sum(cell.count("\n") for cell in row)
    return ParsedSource(
        path=name, format="tickets-csv", kind=SourceKind.note, records=records, warnings=warnings
    )


__all__ = [
    "column",
    "comment_record",
    "csv_dialect",
    "csv_header",
    "field_of",
    "flat_fields",
    "json_tickets",
    "looks_like_tickets",
    "parse_json_tickets",
    "parse_tickets",
    "resolved_record",
    "ticket_time",
]
