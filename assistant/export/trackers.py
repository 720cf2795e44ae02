"""Action items for issue trackers: Jira CSV, Linear CSV and JSON.

Jira (Atlassian, "Import data from a CSV file"): the header row must hold a ``Summary`` column and
no punctuation; every row keeps every comma; a field with several values (labels) repeats its
column; labels cannot hold spaces; dates are written ``yyyy-MM-dd`` (pick that format in the
importer's date step). Columns here: Summary, Description, Assignee, Due date, Labels…, Issue
Type, Priority (Jira's default priority names).

Linear (Settings → Import/Export → CSV): Title, Description, Status, Priority, Assignee, Labels
(comma-separated in one cell) and Due Date, with Linear's default workflow states and priority names.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from assistant.store.actions import TrackedItem, parse_due

JIRA_FIELDS: tuple[str, ...] = (
    "Summary",
    "Description",
    "Assignee",
    "Due date",
    "Labels",
    "Issue Type",
    "Priority",
)
JIRA_ISSUE_TYPE = "Task"
LINEAR_HEADERS: tuple[str, ...] = (
    "Title",
    "Description",
    "Status",
    "Priority",
    "Assignee",
    "Labels",
    "Due Date",
)

# Jira's default priority scheme; drafts may say P0..P4, sev-style words or Jira's own names.
_JIRA_PRIORITY = {
    "p0": "Highest", "p1": "High", "p2": "Medium", "p3": "Low", "p4": "Lowest",
    "critical": "Highest", "highest": "Highest", "urgent": "Highest", "high": "High",
    "medium": "Medium", "normal": "Medium", "low": "Low", "lowest": "Lowest", "trivial": "Lowest",
}  # fmt: skip
# Linear's priority names, from the same spellings through Jira's scale.
_LINEAR_PRIORITY = {"Highest": "Urgent", "High": "High", "Medium": "Medium", "Low": "Low", "Lowest": "Low"}
# Our statuses onto Linear's default workflow states.
_LINEAR_STATUS = {"open": "Todo", "in_progress": "In Progress", "done": "Done", "wont_do": "Canceled"}
_SUMMARY_MAX = 250  # Jira's summary field holds 255 characters


def jira_priority(value: Any) -> str:
    """Map a draft priority (P1, high, ...) to Jira's default priority names; unknown → Medium."""
    return _JIRA_PRIORITY.get(str(value or "").strip().lower(), "Medium")


def label(text: str) -> str:
    """A tracker label: no spaces (Jira splits on them), lower case."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text.strip()).strip("-").lower()


def items_from_draft(draft: dict[str, Any]) -> list[TrackedItem]:
    """A draft's action items as untracked items (status open), for exports outside the database."""
    title = str(draft.get("title") or "Untitled draft")
    now = datetime.now(UTC)
    out: list[TrackedItem] = []
    for i, it in enumerate(draft.get("action_items") or []):
        if not isinstance(it, dict) or not str(it.get("description") or "").strip():
            continue
        due_text = str(it.get("due") or "").strip() or None
        out.append(
            TrackedItem(
                id=i + 1, draft_id="", postmortem=title, description=str(it["description"]).strip(),
                owner=str(it.get("owner") or "").strip() or None, due=parse_due(due_text), due_text=due_text,
                priority=str(it.get("priority") or "medium"), kind=str(it.get("kind") or "prevent"),
                status="open", refs=tuple(str(r) for r in it.get("refs") or ()), created=now, updated=now,
                closed_at=None,
            )
        )  # fmt: skip
    return out


def _summary(item: TrackedItem) -> str:
    first = item.description.splitlines()[0].strip()
    return first if len(first) <= _SUMMARY_MAX else first[: _SUMMARY_MAX - 1].rstrip() + "…"


def _body(item: TrackedItem) -> str:
    lines = [item.description, "", f"From the postmortem: {item.postmortem}"]
    if item.due is None and item.due_text:
        lines.append(f"Due: {item.due_text}")  # not a date the importer can read
    if item.refs:
        lines.append("Evidence: " + ", ".join(item.refs))
    return "\n".join(lines)


def _labels(item: TrackedItem) -> list[str]:
    return [lab for lab in ("postmortem", label(item.kind)) if lab]


def jira_csv(items: Sequence[TrackedItem]) -> str:
    """Items as a CSV for Jira's importer (one row per item; the Labels column repeats per label)."""
    n_labels = max((len(_labels(it)) for it in items), default=1)
    header: list[str] = []
    for name in JIRA_FIELDS:
        header += [name] * (n_labels if name == "Labels" else 1)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for it in items:
        labels = _labels(it) + [""] * (n_labels - len(_labels(it)))
        row: list[str] = []
        for name in JIRA_FIELDS:
            if name == "Labels":
                row += labels
                continue
            row.append({
                "Summary": _summary(it), "Description": _body(it), "Assignee": it.owner or "",
                "Due date": it.due.isoformat() if it.due else "", "Issue Type": JIRA_ISSUE_TYPE,
                "Priority": jira_priority(it.priority),
            }[name])  # fmt: skip
        writer.writerow(row)
    return buf.getvalue()


def linear_csv(items: Sequence[TrackedItem]) -> str:
    """Items as a CSV for Linear's importer."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(LINEAR_HEADERS)
    for it in items:
        writer.writerow([
            _summary(it), _body(it), _LINEAR_STATUS.get(it.status, "Todo"),
            _LINEAR_PRIORITY[jira_priority(it.priority)], it.owner or "", ", ".join(_labels(it)),
            it.due.isoformat() if it.due else "",
        ])  # fmt: skip
    return buf.getvalue()


def items_json(items: Sequence[TrackedItem]) -> str:
    """Items as an indented JSON list (``TrackedItem.as_json`` shape)."""
    return json.dumps([it.as_json() for it in items], indent=2, ensure_ascii=False)
