"""How the draft JSON (the ``Postmortem`` keys) maps onto the editor and back.

Each editor section matches one drafting section (``assistant.draft.schema.SECTION_ORDER``) and
holds one or more fields. A field is a dotted path into the draft and a kind:
``str`` (plain text), ``strs`` (one bullet per line) or ``stmts`` (grounded statements: one bullet
per line, with their source references in trailing brackets, ``- text [chat.txt:12]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from assistant.draft.schema import PART_TITLES, SECTION_TITLES

FieldKind = Literal["str", "strs", "stmts"]


@dataclass(frozen=True)
class EditField:
    """One editable textbox: where it lives in the draft and how it is written."""

    path: str
    kind: FieldKind
    label: str


@dataclass(frozen=True)
class EditSection:
    """One editor section; ``name`` is the drafting section that regenerates it."""

    name: str
    label: str
    fields: tuple[EditField, ...]


def _f(path: str, kind: FieldKind, label: str) -> EditField:
    return EditField(path, kind, label)


_T, _P = SECTION_TITLES, PART_TITLES
SECTIONS: tuple[EditSection, ...] = (
    EditSection("metadata", _T["metadata"], (_f("title", "str", _T["metadata"]),)),
    EditSection("summary", _T["summary"], (_f("summary", "str", _T["summary"]),)),
    EditSection(
        "impact",
        _T["impact"],
        (_f("impact.summary", "str", _T["impact"]), _f("impact.figures", "stmts", _P["figures"])),
    ),
    EditSection("detection", _T["detection"], (_f("detection.text", "str", _T["detection"]),)),
    EditSection(
        "response",
        _T["response"],
        (
            _f("response.summary", "str", "Response"),
            _f("response.mitigation", "stmts", _P["mitigation"]),
            _f("response.resolution", "stmts", _P["resolution"]),
        ),
    ),
    EditSection(
        "root_cause",
        _T["root_cause"],
        (
            _f("root_cause.text", "str", _T["root_cause"]),
            _f("trigger.text", "str", _P["trigger"]),
            _f("contributing_factors", "stmts", _P["contributing_factors"]),
        ),
    ),
    EditSection(
        "lessons",
        _T["lessons"],
        tuple(_f(f"lessons.{k}", "stmts", _P[k]) for k in ("went_well", "went_wrong", "lucky")),
    ),
    EditSection(
        "open_questions", _T["open_questions"], (_f("open_questions", "strs", _T["open_questions"]),)
    ),
    EditSection(
        "supporting_information",
        _T["supporting_information"],
        (_f("supporting_information", "stmts", _T["supporting_information"]),),
    ),
)
FIELDS: tuple[EditField, ...] = tuple(f for s in SECTIONS for f in s.fields)
FIELD_BY_PATH: dict[str, EditField] = {f.path: f for f in FIELDS}
SECTION_BY_NAME: dict[str, EditSection] = {s.name: s for s in SECTIONS}

# Tables: draft key → column names (item keys). Both are also drafting sections.
TABLES: dict[str, list[str]] = {
    "timeline": ["time", "description", "refs"],
    "action_items": ["description", "owner", "due", "priority", "kind", "refs"],
}

_REFS_TAIL = re.compile(r"\s*\[([^\[\]]*)\]\s*$")


def get_path(draft: dict[str, Any], path: str) -> Any:
    """The value at a dotted path, or None."""
    cur: Any = draft
    for part in path.split("."):
        if not isinstance(cur, dict):
            return None
        cur = cur.get(part)
    return cur


def set_path(draft: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at a dotted path, creating parent objects as needed."""
    parts = path.split(".")
    cur = draft
    for part in parts[:-1]:
        nxt = cur.get(part)
        if not isinstance(nxt, dict):
            nxt = (
                {"text": "", "refs": [], "event_ids": []}
                if part in ("trigger", "detection", "root_cause")
                else {}
            )
            cur[part] = nxt
        cur = nxt
    cur[parts[-1]] = value


def field_text(draft: dict[str, Any], f: EditField) -> str:
    """The text the editor shows for a field."""
    value = get_path(draft, f.path)
    if f.kind == "str":
        return value if isinstance(value, str) else ""
    lines = []
    for item in value or []:
        if isinstance(item, dict):
            refs = item.get("refs") or []
            tail = f" [{', '.join(map(str, refs))}]" if refs else ""
            lines.append(f"- {item.get('text', '')}{tail}")
        else:
            lines.append(f"- {item}")
    return "\n".join(lines)


def _bullets(text: str) -> list[str]:
    items: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line[:2] in ("- ", "* ") or line in ("-", "*"):
            items.append(line[2:].strip())
        elif items:  # a wrapped continuation of the previous bullet
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(line)
    return [i for i in items if i]


def apply_field_text(draft: dict[str, Any], f: EditField, text: str) -> None:
    """Write edited text back into the draft, in the shape the schema expects."""
    if f.kind == "str":
        if f.path == "trigger.text" and not text.strip():
            draft["trigger"] = None
            return
        set_path(draft, f.path, text)
        return
    if f.kind == "strs":
        set_path(draft, f.path, _bullets(text))
        return
    old = [o for o in (get_path(draft, f.path) or []) if isinstance(o, dict)]
    out = []
    for i, bullet in enumerate(_bullets(text)):
        m = _REFS_TAIL.search(bullet)
        refs = [r.strip() for r in m.group(1).split(",") if r.strip()] if m else []
        body = bullet[: m.start()].rstrip() if m else bullet
        prev = old[i] if i < len(old) else {}
        # Event ids stay valid only while the user keeps the same source references.
        event_ids = prev.get("event_ids", []) if refs and refs == prev.get("refs") else []
        out.append({"text": body, "refs": refs, "event_ids": event_ids})
    set_path(draft, f.path, out)


def section_text(draft: dict[str, Any], section: EditSection) -> str:
    """All of a section's text, for the tone check."""
    return "\n".join(field_text(draft, f) for f in section.fields).strip()


def table_rows(draft: dict[str, Any], key: str) -> list[list[str]]:
    """The rows of a table section (strings; list cells joined with ', ')."""
    rows = []
    for item in draft.get(key) or []:
        if not isinstance(item, dict):
            continue
        row = []
        for c in TABLES[key]:
            v = item.get(c)
            row.append(", ".join(map(str, v)) if isinstance(v, list) else ("" if v is None else str(v)))
        rows.append(row)
    return rows


def apply_table_rows(draft: dict[str, Any], key: str, rows: list[list[Any]]) -> None:
    """Edited table rows back into draft items, keeping fields the table does not show."""
    cols = TABLES[key]
    olds = [o for o in (draft.get(key) or []) if isinstance(o, dict)]
    items = []
    for i, row in enumerate(rows):
        cells = ["" if c is None else str(c) for c in row]
        if not any(c.strip() for c in cells):
            continue  # an empty row the user added and left blank
        base = dict(olds[i]) if i < len(olds) else {}
        for c, cell in zip(cols, cells, strict=False):
            if c == "refs":
                base[c] = [r.strip() for r in cell.split(",") if r.strip()]
            elif c in ("priority", "kind", "time", "description"):
                base[c] = cell.strip()
            else:
                base[c] = cell.strip() or None
        items.append(base)
    draft[key] = items
