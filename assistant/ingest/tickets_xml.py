"""Tickets exported as XML (Jira's issue and filter "XML" views, an RSS document of ``<item>``s, and
other exports of repeated ticket elements), each ticket and each of its comments a note.

A ticket is any element whose children name a created time and a subject, by the same names the CSV
and JSON readers use; it becomes one note at its created time. Its ``<comment>`` elements (Jira writes
``<comment author="…" created="…">``) become notes of their own, at their created time and by their
author: an incident ticket's comments are often its timeline. HTML inside a field (Jira escapes the
description's markup) is read as its text. The standard library's expat parser reads the document; it
gives each element's line for citations and refuses entity expansion attacks (expat 2.4.1 and later).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from assistant.domain import ParsedSource, RawRecord, SourceKind
from assistant.errors import MalformedInputError
from assistant.ingest import html_text, tickets


@dataclass(eq=False)
class _Node:
    tag: str
    attrs: dict[str, str]
    line: int
    text: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    def content(self) -> str:
        """The element's own text, with HTML markup inside it read as text."""
        raw = "".join(self.text).strip()
        if "<" in raw and ">" in raw:
            return " ".join(html_text.page_lines(raw)[0])
        return " ".join(html.unescape(raw).split())


def looks_like_xml(sample: str) -> bool:
    """The sample opens as an XML document (a declaration or an RSS root), not an HTML page."""
    head = sample.lstrip()[:200].lower()
    return head.startswith("<?xml") or head.startswith("<rss")


def _tree(text: str) -> _Node:
    parser = expat.ParserCreate()
    root = _Node("#document", {}, 1)
    stack = [root]

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = _Node(tag, attrs, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)

    def end(tag: str) -> None:
        stack.pop()

    def data(chunk: str) -> None:
        stack[-1].text.append(chunk)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.Parse(text, True)
    return root


def _walk(node: _Node) -> list[_Node]:
    out = [node]
    for child in node.children:
        out.extend(_walk(child))
    return out


def _fields(node: _Node) -> dict[str, Any]:
    """The ticket's child elements by name (first of each), as text."""
    out: dict[str, Any] = {}
    for child in node.children:
        out.setdefault(child.tag, child.content())
    return out


def _is_ticket(node: _Node) -> bool:
    flat = tickets.flat_fields(_fields(node))
    return tickets.field_of(flat, "created") is not None and tickets.field_of(flat, "subject") is not None


def _tickets(node: _Node) -> list[_Node]:
    """The outermost ticket elements at or below ``node`` (a ticket's own children are its fields)."""
    if _is_ticket(node):
        return [node]
    return [t for child in node.children for t in _tickets(child)]


def _comment_records(ticket: _Node, tid: str, name: str) -> tuple[list[RawRecord], list[str]]:
    records: list[RawRecord] = []
    warnings: list[str] = []
    for node in _walk(ticket):
        if node.tag.lower() != "comment":
            continue
        sub = tickets.flat_fields({**_fields(node), **node.attrs})
        created = str(tickets.field_of(sub, "created") or "")
        when = tickets.ticket_time(created)
        if when is None:
            warnings.append(
                f"{name}:{node.line}: comment without a readable created time ({created!r}); skipped"
            )
            continue
        who = str(tickets.field_of(sub, "author") or "")
        body = node.content() or str(tickets.field_of(sub, "body") or "")
        records.append(tickets.comment_record(when, name, node.line, tid, who, body))
    return records, warnings


def parse_ticket_xml(text: str, name: str) -> ParsedSource | None:
    """One note per ticket element and per comment; None when the document holds no tickets."""
    try:
        root = _tree(text)
    except expat.ExpatError as exc:
        raise MalformedInputError(
            f"not well-formed XML ({expat.ErrorString(exc.code)}, column {exc.offset}); re-export the file",
            path=name,
            line=exc.lineno,
        ) from exc
    found = [t for child in root.children for t in _tickets(child)]
    if not found:
        return None
    records: list[RawRecord] = []
    warnings: list[str] = []
    for node in found:
        fields = _fields(node)
        items = tickets.parse_json_tickets([fields], [node.line], name)
        records.extend(items.records)
        warnings.extend(items.warnings)
        tid = tickets.field_of(tickets.flat_fields(fields), "id") or ""
        more, skipped = _comment_records(node, tid, name)
        records.extend(more)
        warnings.extend(skipped)
    return ParsedSource(
        path=name, format="tickets-xml", kind=SourceKind.note, records=records, warnings=warnings
    )


__all__ = ["looks_like_xml", "parse_ticket_xml"]
