"""The drafts store: every edit lands in the database, so a server restart loses nothing.

Same interface as the first SQLite-only store (``create``, ``get``, ``save``, ``update_draft``,
``list``, ``delete``, ``close``), now over :class:`~assistant.store.database.Database`, so the
UI runs unchanged on SQLite or on a PostgreSQL shared by several instances. Each change to the
draft JSON bumps its ``version``, writes a revision (who, when, which section, the draft after
it) and brings the tracked action items in line with the draft's.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, defer

from assistant.errors import NotFoundError, ReviewError
from assistant.store import actions as _actions
from assistant.store._at_rest import redact_tree
from assistant.store._types import utcnow
from assistant.store.database import Database
from assistant.store.models import DraftRow, ReviewEventRow, RevisionRow

WHOLE_DRAFT = "*"  # the section name of a revision that replaced the whole draft


@dataclass
class DraftRecord:
    """One stored draft: the postmortem JSON, what it was made from, and where it stands."""

    id: str
    title: str
    created: datetime
    updated: datetime
    draft: dict[str, Any] = field(default_factory=dict)
    inputs: dict[str, Any] = field(default_factory=dict)
    timeline: dict[str, Any] | None = None
    version: int = 1
    status: str = "draft"
    author: str | None = None
    approved_by: str | None = None

    @property
    def label(self) -> str:
        """What the drafts list shows: title, a short id (same titles stay apart) and last edit time."""
        when = self.updated.astimezone().strftime("%Y-%m-%d %H:%M")
        return f"{self.title or 'Untitled draft'} · #{self.id[:6]} · {when}"


def record_of(row: DraftRow, *, with_timeline: bool = True) -> DraftRecord:
    """A detached copy of a row (callers may change it freely)."""
    return DraftRecord(
        id=row.id,
        title=row.title,
        created=row.created,
        updated=row.updated,
        draft=copy.deepcopy(row.draft or {}),
        inputs=copy.deepcopy(row.inputs or {}),
        timeline=copy.deepcopy(row.timeline) if with_timeline else None,
        version=row.version,
        status=row.status,
        author=row.author,
        approved_by=row.approved_by,
    )


def locked_row(session: Session, draft_id: str) -> DraftRow:
    """The draft's row, locked for update until the transaction ends (no-op lock on SQLite)."""
    row = session.scalars(select(DraftRow).where(DraftRow.id == draft_id).with_for_update()).one_or_none()
    if row is None:
        raise NotFoundError(f"no draft with id {draft_id!r}; pick one from the drafts list")
    return row


def record_status(session: Session, row: DraftRow, to: str, *, user: str | None, note: str = "") -> None:
    """Move the draft to status ``to`` and log the change (who, when, from, to, why)."""
    session.add(ReviewEventRow(draft_id=row.id, at=utcnow(), user=user, from_status=row.status, to_status=to,
                               note=note))  # fmt: skip
    row.status = to


def write_draft(
    session: Session, row: DraftRow, draft: dict[str, Any], *, user: str | None, section: str, note: str = ""
) -> None:
    """Replace the row's draft JSON: bump the version, record a revision, sync the action items.

    A published draft is not edited in place (reopen it first); editing an approved draft
    withdraws the approval, so what gets published is what the approver read.
    """
    if row.status == "published":
        raise ReviewError(
            f"draft {row.id!r} is published; reopen it (back to draft) before editing, "
            "so the published version stays what was approved"
        )
    if row.status == "approved":
        record_status(session, row, "in_review", user=user, note=f"edited after approval ({section})")
        row.approved_by = None
        row.approved_at = None
    now = utcnow()
    row.draft = copy.deepcopy(draft)
    if isinstance(draft.get("title"), str):
        row.title = draft["title"]
    row.version += 1
    row.updated = now
    session.add(
        RevisionRow(
            draft_id=row.id, version=row.version, section=section, user=user, at=now, note=note,
            draft=copy.deepcopy(draft),
        )
    )  # fmt: skip
    _actions.sync_from_draft(session, row, now=now)


class DraftStore:
    """Drafts in SQLite or PostgreSQL; safe to share between threads and processes."""

    def __init__(self, target: str | Path | Database, *, redact: bool = False) -> None:
        """A drafts store over ``target``; with ``redact`` secrets and personal data are replaced before writing."""
        self.db = target if isinstance(target, Database) else Database(target)
        self.redact = redact  # secrets and personal data replaced before anything is written

    def _at_rest(self, tree: dict[str, Any] | None) -> dict[str, Any] | None:
        if tree is None:
            return None
        return redact_tree(tree) if self.redact else copy.deepcopy(tree)

    def close(self) -> None:
        """Close the connections (tests reopen the same file to simulate a restart)."""
        self.db.dispose()

    def create(
        self,
        *,
        title: str = "",
        draft: dict[str, Any] | None = None,
        inputs: dict[str, Any] | None = None,
        timeline: dict[str, Any] | None = None,
        author: str | None = None,
    ) -> str:
        """Store a new draft and return its id; the title defaults to the draft's title."""
        draft = self._at_rest(draft or {}) or {}
        inputs, timeline = self._at_rest(inputs or {}), self._at_rest(timeline)
        if not title and isinstance(draft.get("title"), str):
            title = draft["title"]
        now = utcnow()
        row = DraftRow(
            id=uuid.uuid4().hex[:12], title=title, created=now, updated=now, draft=draft,
            inputs=inputs, timeline=timeline, version=1,
            status="draft", author=author,
        )  # fmt: skip
        with self.db.session() as s:
            s.add(row)
            s.flush()
            s.add(RevisionRow(draft_id=row.id, version=1, section=WHOLE_DRAFT, user=author, at=now,
                              note="created", draft=copy.deepcopy(draft)))  # fmt: skip
            _actions.sync_from_draft(s, row, now=now)
        return row.id

    def get(self, draft_id: str) -> DraftRecord | None:
        """The draft with this id, or None."""
        with self.db.session() as s:
            row = s.get(DraftRow, draft_id)
            return record_of(row) if row else None

    def save(
        self,
        draft_id: str,
        *,
        draft: dict[str, Any] | None = None,
        inputs: dict[str, Any] | None = None,
        timeline: dict[str, Any] | None = None,
        title: str | None = None,
        user: str | None = None,
        section: str = WHOLE_DRAFT,
    ) -> None:
        """Overwrite the given parts of a draft; the title follows the draft's title when not given."""
        with self.db.session() as s:
            row = locked_row(s, draft_id)
            if draft is not None:
                write_draft(s, row, self._at_rest(draft) or {}, user=user, section=section)
            if inputs is not None:
                row.inputs = self._at_rest(inputs) or {}
            if timeline is not None:
                row.timeline = self._at_rest(timeline)
            if title is not None:
                row.title = title
            row.updated = utcnow()

    def update_draft(
        self,
        draft_id: str,
        change: Callable[[dict[str, Any]], None],
        *,
        user: str | None = None,
        section: str = WHOLE_DRAFT,
    ) -> dict[str, Any]:
        """Apply ``change`` to the stored draft JSON atomically and return the new draft."""
        with self.db.session() as s:
            row = locked_row(s, draft_id)
            draft = copy.deepcopy(row.draft or {})
            change(draft)
            draft = self._at_rest(draft) or {}
            if draft != row.draft:
                write_draft(s, row, draft, user=user, section=section)
            return copy.deepcopy(draft)

    def set_library_id(self, draft_id: str, library_id: str) -> None:
        """Remember the id the draft was published as in the library (not an edit: no new version)."""
        with self.db.session() as s:
            locked_row(s, draft_id).library_id = library_id

    def list(self, limit: int = 100) -> list[DraftRecord]:
        """Drafts, most recently edited first (without their timelines)."""
        with self.db.session() as s:
            query = select(DraftRow).options(defer(DraftRow.timeline)).order_by(DraftRow.updated.desc())
            rows = s.scalars(query.limit(limit)).all()
            return [record_of(r, with_timeline=False) for r in rows]

    def delete(self, draft_id: str) -> None:
        """Remove a draft with its history, comments and action items."""
        with self.db.session() as s:
            s.execute(delete(DraftRow).where(DraftRow.id == draft_id))
