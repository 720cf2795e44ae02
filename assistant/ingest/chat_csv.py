"""Chat exports as CSV (DiscordChatExporter, Teams and Slack export tools): one message per row.

Columns are found by name, as in the JSON chat reader: who ("Author", "User", "From", "Sender"), when
("Date", "Timestamp", "Time", "Sent") and what ("Content", "Message", "Text"). Each row becomes a record
for the JSON chat reader, so bots, mentions and attachments are handled in one place. Times are kept
as written; a time without an offset is placed like any other unzoned chat.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from assistant.domain import ParsedSource
from assistant.ingest.chat_json import parse_chat_json
from assistant.ingest.tickets import column, csv_dialect, csv_header, ticket_time

_WHO = ("author", "user", "username", "from", "sender", "name", "display name")
_WHEN = ("date", "timestamp", "time", "sent", "sent at", "created at", "datetime")
_WHAT = ("content", "message", "text", "body", "msg")


def looks_like_chat_csv(sample: str) -> bool:
    """A CSV whose header names an author, a time and a message column."""
    header = csv_header(sample)
    return all(column(header, names) is not None for names in (_WHO, _WHEN, _WHAT))


def parse_chat_csv(text: str, name: str) -> ParsedSource:
    """One chat record per row; rows without a readable time are reported and skipped."""
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), csv_dialect(text)))
    except csv.Error as exc:
        raise ValueError(f"not readable as CSV ({exc})") from exc
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    who, when, what = (column(header, names) for names in (_WHO, _WHEN, _WHAT))
    messages: list[dict[str, Any]] = []
    lines: list[int] = []
    warnings: list[str] = []
    line = 2
    for row in body:
        start = line
        line += 1 + sum(cell.count("\n") for cell in row)
        if not any(cell.strip() for cell in row):
            continue

        def get(i: int | None, row: list[str] = row) -> str:
            return row[i].strip() if i is not None and i < len(row) else ""

        t = ticket_time(get(when))
        if t is None:
            warnings.append(f"{name}:{start}: chat row without a readable time ({get(when)!r}); skipped")
            continue
        messages.append({"author": get(who), "timestamp": t.isoformat(), "content": get(what)})
        lines.append(start)
    src = parse_chat_json(messages, name, lines, fmt="chat-csv")
    return src.model_copy(update={"warnings": [*warnings, *src.warnings]})


__all__ = ["looks_like_chat_csv", "parse_chat_csv"]
