"""Reviewers' comments, one thread per section, each open until someone resolves it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from assistant.errors import NotFoundError, ReviewError
from assistant.store import DraftStore
from assistant.store._types import utcnow
from assistant.store.drafts import locked_row
from assistant.store.models import CommentRow
from assistant.ui.sections import SECTION_BY_NAME, TABLES

SECTIONS: tuple[str, ...] = (*SECTION_BY_NAME, *TABLES)


@dataclass(frozen=True)
class Comment:
    """A comment on one section of a draft."""

    id: int
    draft_id: str
    section: str
    author: str | None
    body: str
    created: datetime
    status: str
    resolved_by: str | None
    resolved_at: datetime | None


def _comment(r: CommentRow) -> Comment:
    return Comment(
        r.id, r.draft_id, r.section, r.author, r.body, r.created, r.status, r.resolved_by, r.resolved_at
    )


def add(store: DraftStore, draft_id: str, section: str, body: str, *, user: str | None) -> Comment:
    """Comment on ``section`` (summary, impact, root_cause, action_items, ...)."""
    if section not in SECTIONS:
        raise ReviewError(f"no section {section!r} to comment on; use one of: {', '.join(SECTIONS)}")
    if not body.strip():
        raise ReviewError("an empty comment says nothing: write what should change")
    with store.db.session() as s:
        locked_row(s, draft_id)  # the draft exists
        row = CommentRow(draft_id=draft_id, section=section, author=user, body=body.strip(), created=utcnow())
        s.add(row)
        s.flush()
        return _comment(row)


def _set(store: DraftStore, comment_id: int, *, resolved: bool, user: str | None) -> Comment:
    with store.db.session() as s:
        row = s.get(CommentRow, comment_id, with_for_update=True)
        if row is None:
            raise NotFoundError(f"no comment with id {comment_id}")
        row.status = "resolved" if resolved else "open"
        row.resolved_by = user if resolved else None
        row.resolved_at = utcnow() if resolved else None
        return _comment(row)


def resolve(store: DraftStore, comment_id: int, *, user: str | None) -> Comment:
    """Mark a comment resolved (by whom, when)."""
    return _set(store, comment_id, resolved=True, user=user)


def reopen(store: DraftStore, comment_id: int, *, user: str | None) -> Comment:
    """Open a resolved comment again."""
    return _set(store, comment_id, resolved=False, user=user)


def list_comments(
    store: DraftStore, draft_id: str, *, section: str | None = None, status: str | None = None
) -> list[Comment]:
    """The draft's comments, oldest first, optionally of one section or status (open, resolved)."""
    q = select(CommentRow).where(CommentRow.draft_id == draft_id)
    if section:
        q = q.where(CommentRow.section == section)
    if status:
        q = q.where(CommentRow.status == status)
    with store.db.session() as s:
        return [_comment(r) for r in s.scalars(q.order_by(CommentRow.id))]
