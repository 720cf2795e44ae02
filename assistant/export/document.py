"""A draft as a list of plain blocks (headings, paragraphs, bullets, tables) for the wiki exports.

One walk over the draft, in the editor's section order (``assistant.ui.sections``), shared by the
Confluence and Word writers so both say the same thing as the Markdown export.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant.draft.schema import SECTION_TITLES
from assistant.ui.sections import SECTIONS, TABLES, get_path


@dataclass(frozen=True)
class Heading:
    """A heading of the given level (1 is the title)."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph, with an optional bold lead-in label."""

    text: str
    label: str = ""  # a bold lead-in ("Severity")


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = field(default_factory=tuple)


Block = Heading | Paragraph | Bullets | Table

_KEY_TIMES = ("start", "detected", "mitigated", "resolved")
# Characters XML 1.0 cannot hold (control characters other than tab and newlines): dropped, since
# both Confluence storage format and .docx are XML and would be refused whole for one of them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def plain_text(value: Any) -> str:
    """A value as text both XML formats can hold (lists joined, control characters dropped)."""
    return _text(value)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return _NOT_XML.sub("", str(value)).strip()


def _statement(item: Any) -> str:
    if isinstance(item, dict):
        refs = item.get("refs") or []
        return _text(item.get("text")) + (f" [{', '.join(map(str, refs))}]" if refs else "")
    return _text(item)


def blocks(draft: dict[str, Any]) -> list[Block]:
    """The draft as blocks: title, severity, key times, every section, timeline, action items."""
    out: list[Block] = [Heading(1, _text(draft.get("title")) or "Postmortem")]
    if draft.get("severity"):
        out.append(Paragraph(_text(draft["severity"]), label="Severity"))
    kt = draft.get("key_times") or {}
    if isinstance(kt, dict) and any(kt.get(k) for k in _KEY_TIMES):
        out.append(Table(("moment", "time"), tuple((k, _text(kt.get(k)) or "—") for k in _KEY_TIMES)))
    for section in SECTIONS:
        if section.name == "metadata":
            continue
        out.append(Heading(2, section.label))
        many = len(section.fields) > 1
        for f in section.fields:
            value = get_path(draft, f.path)
            if f.kind == "str":
                text = _text(value.get("text") if isinstance(value, dict) else value)
                if text:
                    out.append(Paragraph(text, label=f.label if many else ""))
            else:
                items = tuple(s for s in (_statement(v) for v in value or []) if s)
                if items:
                    if many:
                        out.append(Paragraph("", label=f.label))
                    out.append(Bullets(items))
        if section.name == "summary":
            out += [Heading(2, SECTION_TITLES["timeline"]), _table(draft, "timeline")]
    out += [Heading(2, SECTION_TITLES["action_items"]), _table(draft, "action_items")]
    similar = [m for m in draft.get("similar_incidents") or [] if m]
    if similar:
        out += [Heading(2, "Similar incidents"), Bullets(tuple(_similar(m) for m in similar))]
    return out


def _table(draft: dict[str, Any], key: str) -> Table:
    cols = TABLES[key]
    rows = tuple(
        tuple(_text(r.get(c)) for c in cols) for r in draft.get(key) or [] if isinstance(r, dict)
    )  # fmt: skip
    return Table(tuple(cols), rows)


def _similar(m: Any) -> str:
    if isinstance(m, dict):
        head = _text(m.get("title")) or _text(m.get("id"))
        why = _text(m.get("why"))
        return f"{head} — {why}" if why else head
    return _text(m)
