"""The editor's one door to stored drafts: typed ``WorkingDraft`` in, typed out.

The drafts store keeps each draft as JSON (the database column); here, and only here, the UI turns it
into a ``WorkingDraft`` and back (``assistant.draft.working.from_json`` / ``to_json``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.domain import Timeline
from assistant.draft.working import WorkingDraft, from_json, to_json
from assistant.store.drafts import WHOLE_DRAFT, DraftRecord, DraftStore


def of(rec: DraftRecord | None) -> WorkingDraft:
    """The typed draft of a stored record (a blank draft when there is none)."""
    return from_json(rec.draft if rec is not None else None)


def load(store: DraftStore, draft_id: str | None) -> tuple[DraftRecord, WorkingDraft] | None:
    """The stored record and its typed draft, or None when there is no such draft."""
    rec = store.get(draft_id) if draft_id else None
    return (rec, of(rec)) if rec is not None else None


def create(
    store: DraftStore,
    draft: WorkingDraft,
    *,
    title: str = "",
    inputs: dict[str, Any] | None = None,
    timeline: Timeline | None = None,
    author: str | None = None,
) -> str:
    """Store a new draft; returns its id."""
    return store.create(
        title=title,
        draft=to_json(draft),
        inputs=inputs,
        timeline=timeline.model_dump(mode="json") if timeline is not None else None,
        author=author,
    )


def save(
    store: DraftStore,
    draft_id: str,
    draft: WorkingDraft,
    *,
    timeline: Timeline | None = None,
    user: str | None = None,
    section: str = WHOLE_DRAFT,
) -> None:
    """Overwrite the stored draft (and its timeline, when given)."""
    store.save(
        draft_id,
        draft=to_json(draft),
        timeline=timeline.model_dump(mode="json") if timeline is not None else None,
        user=user,
        section=section,
    )


def update(
    store: DraftStore,
    draft_id: str,
    change: Callable[[WorkingDraft], WorkingDraft],
    *,
    user: str | None = None,
    section: str = WHOLE_DRAFT,
) -> WorkingDraft:
    """Apply ``change`` to the stored draft atomically; returns the draft as stored."""

    def apply(data: dict[str, Any]) -> None:
        new = to_json(change(from_json(data)))
        data.clear()
        data.update(new)

    return from_json(store.update_draft(draft_id, apply, user=user, section=section))
