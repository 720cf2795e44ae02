"""JSON helpers: element start lines (for refs) and salvage of truncated lists."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_DECODER = json.JSONDecoder()
_WS = re.compile(r"[ \t\n\r]*")


@dataclass
class JsonDoc:
    """A decoded JSON document; for a top-level list, each item's start line and offset."""

    value: Any
    text: str = ""
    item_lines: list[int] = field(default_factory=list)
    item_offsets: list[int] = field(default_factory=list)
    # Set when the list was cut short: (line, column, message) of the failure.
    truncated: tuple[int, int, str] | None = None

    def span(self, i: int) -> tuple[int, int]:
        """Character range of top-level item ``i``."""
        lo = self.item_offsets[i]
        hi = self.item_offsets[i + 1] if i + 1 < len(self.item_offsets) else len(self.text)
        return lo, hi


def line_of(text: str, pos: int) -> int:
    """1-based line of a character offset."""
    return text.count("\n", 0, pos) + 1


def _skip(text: str, pos: int) -> int:
    return _WS.match(text, pos).end()  # type: ignore[union-attr]


def _walk_array(
    text: str, pos: int
) -> tuple[list[Any], list[int], list[int], tuple[int, int, str] | None, int]:
    """Decode a JSON array starting at ``text[pos] == '['`` item by item."""
    items: list[Any] = []
    lines: list[int] = []
    offs: list[int] = []
    line, last = line_of(text, pos), pos
    pos = _skip(text, pos + 1)
    if text.startswith("]", pos):
        return items, lines, offs, None, pos + 1
    while True:
        try:
            item, end = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            return items, lines, offs, (exc.lineno, exc.colno, exc.msg), pos
        line += text.count("\n", last, pos)
        last = pos
        items.append(item)
        lines.append(line)
        offs.append(pos)
        pos = _skip(text, end)
        if text.startswith(",", pos):
            pos = _skip(text, pos + 1)
            continue
        if text.startswith("]", pos):
            return items, lines, offs, None, pos + 1
        ln = line_of(text, pos)
        col = pos - text.rfind("\n", 0, pos)
        msg = "unexpected end of data" if pos >= len(text) else "expected ',' or ']'"
        return items, lines, offs, (ln, col, msg), pos


def _nth_newline(text: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            return len(text)
    return pos


def parse_json(text: str) -> JsonDoc:
    """Decode ``text``; a top-level list keeps item start lines and salvages complete items.

    Raises ``json.JSONDecodeError`` when nothing could be decoded.
    """
    start = _skip(text, 0)
    if text.startswith("[", start):
        items, lines, offs, trunc, end = _walk_array(text, start)
        if trunc is None and text[end:].strip():
            trunc = (line_of(text, end), 1, "extra data after the JSON list")
        if trunc is not None and not items:
            # Raise at the fault, not at the '[': the message must keep the real line and column.
            ln, col, msg = trunc
            at = (0 if ln == 1 else _nth_newline(text, ln - 1) + 1) + col - 1
            raise json.JSONDecodeError(msg, text, min(at, len(text)))
        return JsonDoc(items, text, lines, offs, trunc)
    return JsonDoc(json.loads(text), text, [line_of(text, start)], [start])


def nested_doc(doc: JsonDoc, key: str) -> JsonDoc:
    """The first ``"key": [...]`` array of ``doc`` as a document of its own, each item with its line."""
    m = re.compile(r'"' + re.escape(key) + r'"\s*:\s*\[').search(doc.text)
    if not m:
        return JsonDoc(doc.value.get(key, []) if isinstance(doc.value, dict) else [], doc.text)
    items, lines, offs, truncated, _ = _walk_array(doc.text, m.end() - 1)
    return JsonDoc(items, doc.text, lines, offs, truncated)


def all_nested_item_lines(text: str, key: str) -> list[int]:
    """Start lines of the items of every ``"key": [...]`` array in ``text``, in file order (Skype's
    ``conversations[].MessageList``: one message list per conversation)."""
    rx = re.compile(r'"' + re.escape(key) + r'"\s*:\s*\[')
    out: list[int] = []
    pos = 0
    while m := rx.search(text, pos):
        _, lines, _, _, pos = _walk_array(text, m.end() - 1)
        out += lines
        pos = max(pos, m.end())
    return out


def nested_item_lines(text: str, key: str, lo: int, hi: int) -> list[int]:
    """Start lines of the items of the first ``"key": [...]`` array within ``text[lo:hi]``.

    Cheap best effort for refs of nested items (alerts[] inside a webhook payload).
    """
    m = re.compile(r'"' + re.escape(key) + r'"\s*:\s*\[').search(text, lo, hi)
    if not m:
        return []
    _, lines, _, _, _ = _walk_array(text, m.end() - 1)
    return lines
