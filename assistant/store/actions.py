"""Action items tracked beyond the export: kept in line with each draft, listed across drafts.

The draft JSON stays the source of what an item says (description, owner, due, priority, kind,
refs); the table adds what the draft does not hold: status, when it closed, and its postmortem.
When a draft is edited, its items are matched to the tracked rows by wording first, then by
position (an edited item keeps its status), new items open, and removed items are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.errors import NotFoundError, StoreError
from assistant.store._types import utcnow
from assistant.store.models import (
    ACTION_STATUSES,
    OPEN_ACTION_STATUSES,
    ActionItemRow,
    DraftRow,
)

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def parse_due(value: Any) -> date | None:
    """The due date when the text starts with an ISO date (2026-04-01...), else None."""
    m = _ISO_DATE.match(str(value or ""))
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


# Word overlap (Jaccard) above which a reworded item is the same item: "alert 14 days before expiry"
# edited to "alert 21 days before expiry" shares 4 of 6 words; unrelated items share few.
_SAME_ITEM_OVERLAP = 0.5


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_key(a).split()), set(_key(b).split())
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _items(draft: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        it for it in draft.get("action_items") or []
        if isinstance(it, dict) and str(it.get("description") or "").strip()
    ]  # fmt: skip


def _fill(row: ActionItemRow, item: dict[str, Any], position: int, now: datetime) -> None:
    due_raw = str(item.get("due") or "").strip() or None
    values = {
        "position": position,
        "description": str(item["description"]).strip(),
        "owner": str(item.get("owner") or "").strip() or None,
        "due": parse_due(due_raw),
        "due_text": due_raw,
        "priority": str(item.get("priority") or "medium"),
        "kind": str(item.get("kind") or "prevent"),
        "refs": [str(r) for r in item.get("refs") or []],
    }
    if any(getattr(row, k, None) != v for k, v in values.items()):
        for k, v in values.items():
            setattr(row, k, v)
        row.updated = now


def sync_from_draft(session: Session, draft_row: DraftRow, *, now: datetime) -> None:
    """Bring the tracked action items of ``draft_row`` in line with its draft JSON."""
    items = _items(draft_row.draft or {})
    rows = list(
        session.scalars(
            select(ActionItemRow)
            .where(ActionItemRow.draft_id == draft_row.id)
            .order_by(ActionItemRow.position)
        )
    )
    matched: dict[int, ActionItemRow] = {}
    free = list(rows)
    for i, item in enumerate(items):  # same wording: the same item, wherever it moved
        key = _key(str(item["description"]))
        hit = next((r for r in free if _key(r.description) == key), None)
        if hit is not None:
            matched[i] = hit
            free.remove(hit)
    pairs = sorted(  # reworded: mostly the same words, best pairs first
        ((_overlap(str(items[i]["description"]), r.description), i, r.id) for i in range(len(items))
         if i not in matched for r in free),
        key=lambda p: -p[0],
    )  # fmt: skip
    for score, i, row_id in pairs:
        row = next((r for r in free if r.id == row_id), None)
        if score >= _SAME_ITEM_OVERLAP and i not in matched and row is not None:
            matched[i] = row
            free.remove(row)
    for i in range(len(items)):  # rewritten in place: the same slot, edited
        if i not in matched:
            hit = next((r for r in free if r.position == i), None)
            if hit is not None:
                matched[i] = hit
                free.remove(hit)
    for i, item in enumerate(items):
        row = matched.get(i)
        if row is None:
            row = ActionItemRow(draft_id=draft_row.id, status="open", created=now, updated=now)
            session.add(row)
        _fill(row, item, i, now)
    for row in free:
        session.delete(row)


@dataclass(frozen=True)
class TrackedItem:
    """An action item with its postmortem, as listed and exported."""

    id: int
    draft_id: str
    postmortem: str
    description: str
    owner: str | None
    due: date | None
    due_text: str | None
    priority: str
    kind: str
    status: str
    refs: tuple[str, ...]
    created: datetime
    updated: datetime
    closed_at: datetime | None

    def is_open(self) -> bool:
        """Open or in progress."""
        return self.status in OPEN_ACTION_STATUSES

    def is_overdue(self, today: date) -> bool:
        """Still open and its due date has passed."""
        return self.is_open() and self.due is not None and self.due < today

    def as_json(self) -> dict[str, Any]:
        """The item as JSON-ready data (dates ISO-8601)."""
        return {
            "id": self.id, "draft_id": self.draft_id, "postmortem": self.postmortem,
            "description": self.description, "owner": self.owner,
            "due": self.due.isoformat() if self.due else self.due_text, "priority": self.priority,
            "kind": self.kind, "status": self.status, "refs": list(self.refs),
            "created": self.created.isoformat(), "updated": self.updated.isoformat(),
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
        }  # fmt: skip


def _tracked(row: ActionItemRow, title: str) -> TrackedItem:
    return TrackedItem(
        id=row.id, draft_id=row.draft_id, postmortem=title or "Untitled draft", description=row.description,
        owner=row.owner, due=row.due, due_text=row.due_text, priority=row.priority, kind=row.kind,
        status=row.status, refs=tuple(row.refs or ()), created=row.created, updated=row.updated,
        closed_at=row.closed_at,
    )  # fmt: skip


def list_items(
    session: Session,
    *,
    open_only: bool = False,
    overdue_on: date | None = None,
    owner: str | None = None,
    draft_id: str | None = None,
) -> list[TrackedItem]:
    """Tracked items across every draft: overdue first by due date, then by postmortem and position.

    ``overdue_on`` keeps open items due before that day; ``owner`` matches case-insensitively.
    """
    q = select(ActionItemRow, DraftRow.title).join(DraftRow, DraftRow.id == ActionItemRow.draft_id)
    if open_only or overdue_on is not None:
        q = q.where(ActionItemRow.status.in_(OPEN_ACTION_STATUSES))
    if overdue_on is not None:
        q = q.where(ActionItemRow.due.is_not(None), ActionItemRow.due < overdue_on)
    if owner:
        q = q.where(ActionItemRow.owner.is_not(None))
    if draft_id:
        q = q.where(ActionItemRow.draft_id == draft_id)
    items = [_tracked(r, t) for r, t in session.execute(q).all()]
    if owner:
        want = _key(owner)
        items = [it for it in items if _key(it.owner or "") == want]
    items.sort(key=lambda it: (it.due is None, it.due or date.max, it.postmortem, it.draft_id, it.id))
    return items


def set_status(session: Session, item_id: int, status: str) -> TrackedItem:
    """Move an item to ``status`` (open, in_progress, done, wont_do); closing stamps ``closed_at``."""
    status = status.strip().lower().replace(" ", "_").replace("-", "_").replace("won't_do", "wont_do")
    if status not in ACTION_STATUSES:
        raise StoreError(f"unknown action item status {status!r}; use one of: {', '.join(ACTION_STATUSES)}")
    row = session.get(ActionItemRow, item_id, with_for_update=True)
    if row is None:
        raise NotFoundError(f"no action item with id {item_id}; `postmortem actions` lists them")
    now = utcnow()
    if row.status != status:
        row.status = status
        row.updated = now
        row.closed_at = None if status in OPEN_ACTION_STATUSES else now
    title = session.scalar(select(DraftRow.title).where(DraftRow.id == row.draft_id)) or ""
    return _tracked(row, title)


def open_items_by_library_id(session: Session, library_ids: list[str]) -> dict[str, list[TrackedItem]]:
    """Open and in-progress items of the drafts published under these library ids."""
    if not library_ids:
        return {}
    q = (
        select(ActionItemRow, DraftRow.title, DraftRow.library_id)
        .join(DraftRow, DraftRow.id == ActionItemRow.draft_id)
        .where(DraftRow.library_id.in_(library_ids), ActionItemRow.status.in_(OPEN_ACTION_STATUSES))
        .order_by(ActionItemRow.position)
    )
    out: dict[str, list[TrackedItem]] = {}
    for row, title, library_id in session.execute(q).all():
        out.setdefault(str(library_id), []).append(_tracked(row, title))
    return out
