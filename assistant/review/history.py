"""Edit history with restore, and section saves that never overwrite someone else's edit.

Every change is a revision holding the whole draft after it, so restoring is writing an old
revision's draft as a new revision (history only grows). A section save carries the version the
editor started from; when that section changed since then, the save is refused with both texts
(``StaleSaveError.mine`` and ``.theirs``) — a change to another section is not a conflict.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from assistant.errors import NotFoundError, ReviewError, StaleSaveError
from assistant.store import DraftStore
from assistant.store.drafts import locked_row, write_draft
from assistant.store.models import RevisionRow
from assistant.ui.sections import FIELD_BY_PATH, apply_field_text, field_text


@dataclass(frozen=True)
class Revision:
    """One entry of a draft's history (without the draft it holds)."""

    id: int
    version: int
    section: str
    user: str | None
    at: datetime
    note: str


def history(store: DraftStore, draft_id: str) -> list[Revision]:
    """The draft's revisions, newest first."""
    with store.db.session() as s:
        rows = s.execute(
            select(RevisionRow.id, RevisionRow.version, RevisionRow.section, RevisionRow.user, RevisionRow.at,
                   RevisionRow.note)
            .where(RevisionRow.draft_id == draft_id).order_by(RevisionRow.version.desc(), RevisionRow.id.desc())
        ).all()  # fmt: skip
        return [Revision(*r) for r in rows]


def revision_draft(store: DraftStore, revision_id: int) -> dict[str, Any]:
    """The whole draft as it was after a revision."""
    with store.db.session() as s:
        row = s.get(RevisionRow, revision_id)
        if row is None:
            raise NotFoundError(f"no revision with id {revision_id}; the draft's history lists them")
        return copy.deepcopy(row.draft)


def restore(store: DraftStore, draft_id: str, revision_id: int, *, user: str | None) -> int:
    """Make a past revision the current draft (as a new revision); returns the new version."""
    with store.db.session() as s:
        row = locked_row(s, draft_id)
        rev = s.get(RevisionRow, revision_id)
        if rev is None or rev.draft_id != draft_id:
            raise NotFoundError(f"draft {draft_id!r} has no revision {revision_id}")
        write_draft(s, row, copy.deepcopy(rev.draft), user=user, section="*",
                    note=f"restored version {rev.version}")  # fmt: skip
        return row.version


def save_section(
    store: DraftStore, draft_id: str, path: str, text: str, *, base_version: int, user: str | None
) -> int:
    """Save one field's text edited from ``base_version``; returns the new version.

    Raises ``StaleSaveError`` (with both texts) when someone else changed that field since.
    """
    f = FIELD_BY_PATH.get(path)
    if f is None:
        raise ReviewError(f"no editable field {path!r}; use one of: {', '.join(FIELD_BY_PATH)}")
    with store.db.session() as s:
        row = locked_row(s, draft_id)
        current = copy.deepcopy(row.draft or {})
        theirs = field_text(current, f)
        if row.version != base_version:
            base = s.scalar(
                select(RevisionRow.draft).where(
                    RevisionRow.draft_id == draft_id, RevisionRow.version == base_version
                )
            )
            if base is None or field_text(base, f) != theirs:
                if theirs == text:  # both made the same change
                    return row.version
                raise StaleSaveError(
                    f"{f.label} was changed by someone else since you opened version {base_version} "
                    f"(now version {row.version}); compare both texts and save again",
                    section=path, mine=text, theirs=theirs, expected=base_version, current=row.version,
                )  # fmt: skip
        apply_field_text(current, f, text)
        if current != row.draft:
            write_draft(s, row, current, user=user, section=path)
        return row.version
