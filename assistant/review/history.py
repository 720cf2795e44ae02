"""Edit history with restore, and section saves that never overwrite someone else's edit.

Every change is a revision holding the whole draft after it, so restoring is writing an old
revision's draft as a new revision (history only grows). A section save carries the version the
editor started from; when that section changed since then, the save is refused with both texts
(``StaleSaveError.mine`` and ``.theirs``) — a change to another section is not a conflict.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from assistant.draft.schema import SECTION_TITLES
from assistant.draft.working import WorkingDraft, from_json, to_json
from assistant.errors import NotFoundError, ReviewError, StaleSaveError
from assistant.store import DraftStore
from assistant.store.drafts import locked_row, write_draft
from assistant.store.models import RevisionRow
from assistant.ui.sections import (
    FIELD_BY_PATH,
    TABLES,
    apply_field_text,
    apply_table_rows,
    field_text,
    table_rows,
)


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
    return save_checked(store, draft_id, path, f.label, lambda d: field_text(d, f),
                 lambda d: apply_field_text(d, f, text), text, base_version=base_version, user=user)  # fmt: skip


def rows_text(rows: list[list[str]]) -> str:
    """Table rows as text, one row a line (how a table shows in a conflict)."""
    return "\n".join(" | ".join(str(c) for c in r) for r in rows)


def save_table(
    store: DraftStore, draft_id: str, key: str, rows: list[list[Any]], *, base_version: int, user: str | None
) -> int:
    """Save an edited table (timeline or action items) from ``base_version``, like ``save_section``."""
    if key not in TABLES:
        raise ReviewError(f"no editable table {key!r}; use one of: {', '.join(TABLES)}")
    mine = [["" if c is None else str(c) for c in r] for r in rows if any(str(c or "").strip() for c in r)]
    return save_checked(store, draft_id, f"table:{key}", SECTION_TITLES[key],
                 lambda d: rows_text(table_rows(d, key)), lambda d: apply_table_rows(d, key, rows),
                 rows_text(mine), base_version=base_version, user=user)  # fmt: skip


def save_checked(
    store: DraftStore,
    draft_id: str,
    section: str,
    label: str,
    read: Callable[[WorkingDraft], str],
    apply: Callable[[WorkingDraft], WorkingDraft],
    mine: str,
    *,
    base_version: int,
    user: str | None,
) -> int:
    """Apply ``apply`` to the draft unless what ``read`` shows changed since ``base_version``.

    ``mine`` is the editor's text of the part (what ``read`` would show after the save); a change by
    someone else to that part raises ``StaleSaveError`` with both texts.
    """
    with store.db.session() as s:
        row = locked_row(s, draft_id)
        current = from_json(row.draft)
        theirs = read(current)
        if row.version != base_version:
            base = s.scalar(
                select(RevisionRow.draft).where(
                    RevisionRow.draft_id == draft_id, RevisionRow.version == base_version
                )
            )
            if base is None or read(from_json(base)) != theirs:
                if theirs == mine:  # both made the same change
                    return row.version
                raise StaleSaveError(
                    f"{label} was changed by someone else since you opened version {base_version} "
                    f"(now version {row.version}); compare both texts and save again",
                    section=section, mine=mine, theirs=theirs, expected=base_version, current=row.version,
                )  # fmt: skip
        before, after = to_json(current), to_json(apply(current))
        if after != before:
            write_draft(s, row, after, user=user, section=section)
        return row.version
