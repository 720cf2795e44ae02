"""How a ``WorkingDraft`` (its ``Postmortem`` fields) maps onto the editor and back.

Each editor section matches one drafting section (``assistant.draft.schema.SECTION_ORDER``) and
holds one or more fields. A field is a dotted path into the draft and a kind:
``str`` (plain text), ``strs`` (one bullet per line) or ``stmts`` (grounded statements: one bullet
per line, with their source references in trailing brackets, ``- text [chat.txt:12]``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from assistant.draft.schema import (
    PART_TITLES,
    SECTION_TITLES,
    ActionItem,
    Postmortem,
    Statement,
    TimelineEntry,
)
from assistant.draft.working import PendingEdit, WorkingDraft, error_text

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


def get_path(draft: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path of a draft's JSON, or None (for exports that read the JSON)."""
    cur: Any = draft
    for part in path.split("."):
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(part)
    return cur


def value_at(pm: Postmortem, path: str) -> object:
    """The value at a dotted path of the postmortem (``trigger.text``), or None."""
    cur: object = pm
    for part in path.split("."):
        if cur is None:
            return None
        cur = getattr(cur, part)
    return cur


def _refs_tail(refs: Sequence[str]) -> str:
    return f" [{', '.join(map(str, refs))}]" if refs else ""


def field_text(draft: WorkingDraft, f: EditField) -> str:
    """The text the editor shows for a field: an edit kept as typed, else the postmortem's value."""
    if (pending := draft.pending.get(f.path)) is not None:
        return pending.text
    value = value_at(draft.postmortem, f.path)
    if f.kind == "str":
        return value if isinstance(value, str) else ""
    items = value if isinstance(value, list) else []
    return "\n".join(
        f"- {item.text}{_refs_tail(item.refs)}" if isinstance(item, Statement) else f"- {item}"
        for item in items
    )


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


def statements(text: str, old: Sequence[Statement]) -> list[Statement]:
    """Bullets with trailing ``[file:line]`` references as statements; event ids kept while refs stay."""
    out = []
    for i, bullet in enumerate(_bullets(text)):
        m = _REFS_TAIL.search(bullet)
        refs = [r.strip() for r in m.group(1).split(",") if r.strip()] if m else []
        body = bullet[: m.start()].rstrip() if m else bullet
        prev = old[i] if i < len(old) else None
        # Event ids stay valid only while the user keeps the same source references.
        event_ids = list(prev.event_ids) if prev is not None and refs and refs == prev.refs else []
        out.append(Statement(text=body, refs=refs, event_ids=event_ids))
    return out


def _field_value(pm: Postmortem, f: EditField, text: str) -> object:
    if f.kind == "str":
        return text
    if f.kind == "strs":
        return _bullets(text)
    old = value_at(pm, f.path)
    return statements(text, old if isinstance(old, list) else [])


def apply_field_text(draft: WorkingDraft, f: EditField, text: str) -> WorkingDraft:
    """The draft with a field's edited text, as a validated update; kept as typed when it does not fit."""
    pm = draft.postmortem
    head, _, leaf = f.path.partition(".")
    value = _field_value(pm, f, text)
    if not leaf:
        changes: dict[str, object] = {head: value}
    elif head == "trigger" and not text.strip():
        changes = {"trigger": None}
    else:
        parent = getattr(pm, head)
        if not isinstance(parent, BaseModel):  # an absent trigger: a statement of its own
            parent = Statement(text="")
        changes = {head: parent.model_copy(update={leaf: value})}
    try:
        return draft.revise(**changes).settled(f.path)
    except ValidationError as exc:
        return draft.with_pending(PendingEdit(target=f.path, text=text, error=error_text(exc)))


def section_text(draft: WorkingDraft, section: EditSection) -> str:
    """All of a section's text, for the tone check."""
    return "\n".join(field_text(draft, f) for f in section.fields).strip()


def _cell(value: object) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else ("" if value is None else str(value))


def table_rows(draft: WorkingDraft, key: str) -> list[list[str]]:
    """The rows of a table section (strings; list cells joined with ', '); rows kept as typed first."""
    pending = draft.pending.get(f"table:{key}")
    if pending is not None and pending.rows is not None:
        return [list(r) for r in pending.rows]
    items: Sequence[BaseModel] = getattr(draft.postmortem, key)
    return [[_cell(item.model_dump(mode="json").get(c)) for c in TABLES[key]] for item in items]


_ROW_MODEL: dict[str, type[TimelineEntry] | type[ActionItem]] = {
    "timeline": TimelineEntry,
    "action_items": ActionItem,
}


def apply_table_rows(draft: WorkingDraft, key: str, rows: list[list[Any]]) -> WorkingDraft:
    """The draft with edited table rows (fields the table does not show kept); kept as typed if invalid."""
    cols = TABLES[key]
    olds: Sequence[BaseModel] = getattr(draft.postmortem, key)
    typed = [["" if c is None else str(c) for c in row] for row in rows]
    typed = [cells for cells in typed if any(c.strip() for c in cells)]  # rows added and left blank go
    items = []
    try:
        for i, cells in enumerate(typed):
            base = olds[i].model_dump() if i < len(olds) else {}
            for c, cell in zip(cols, cells, strict=False):
                if c == "refs":
                    base[c] = [r.strip() for r in cell.split(",") if r.strip()]
                elif c in ("priority", "kind", "time", "description"):
                    base[c] = cell.strip()
                else:
                    base[c] = cell.strip() or None
            try:
                items.append(_ROW_MODEL[key].model_validate(base))
            except ValidationError as exc:
                raise _RowError(f"row {i + 1}: {error_text(exc)}") from exc
        return draft.revise(**{key: items}).settled(f"table:{key}")
    except _RowError as exc:
        return draft.with_pending(PendingEdit(target=f"table:{key}", rows=typed, error=str(exc)))


class _RowError(ValueError):
    """A table row that does not validate (its message names the row)."""
