"""The review workflow: draft → in review → approved → published.

    draft ──submit──▶ in_review ──approve──▶ approved ──publish──▶ published
      ▲                 │                      │                      │
      └─request_changes─┘◀── any edit ─────────┘                      │
      └──────────────────────────── reopen ───────────────────────────┘

Approving needs a named approver, by default someone other than the author
(``POSTMORTEM_APPROVER_MUST_DIFFER``); publishing needs that approval. Every step is logged
as a review event (who, when, from, to, note).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from assistant.errors import ReviewError
from assistant.store import DraftStore
from assistant.store._types import utcnow
from assistant.store.drafts import locked_row, record_status
from assistant.store.models import DraftRow, ReviewEventRow

# (action, from statuses, to status)
_STEPS: dict[str, tuple[tuple[str, ...], str]] = {
    "submit": (("draft",), "in_review"),
    "request_changes": (("in_review", "approved"), "draft"),
    "approve": (("in_review",), "approved"),
    "publish": (("approved",), "published"),
    "reopen": (("published", "approved", "in_review"), "draft"),
}


@dataclass(frozen=True)
class ReviewEvent:
    """One status change of a draft."""

    at: datetime
    user: str | None
    from_status: str
    to_status: str
    note: str


def _same_person(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip().casefold() == b.strip().casefold())


def _step(store: DraftStore, draft_id: str, action: str, user: str | None, note: str,
          *, approver_must_differ: bool = True) -> str:  # fmt: skip
    allowed, to = _STEPS[action]
    with store.db.session() as s:
        row = locked_row(s, draft_id)
        if row.status not in allowed:
            raise ReviewError(
                f"cannot {action.replace('_', ' ')} draft {draft_id!r}: it is {row.status.replace('_', ' ')}; "
                f"that step needs it to be {' or '.join(a.replace('_', ' ') for a in allowed)}"
            )
        if action == "submit" and row.author is None and user:
            row.author = user  # a draft made before sign-in belongs to whoever submits it
        if action in ("approve", "publish") and not (user and user.strip()):
            raise ReviewError(
                f"{action} needs a signed-in user: log in (POSTMORTEM_UI_USER) or pass the user's name"
            )
        if action == "approve":
            _check_approver(row, user, approver_must_differ)
            row.approved_by, row.approved_at = user, utcnow()
        if action == "publish":
            if not row.approved_by or (approver_must_differ and _same_person(row.approved_by, row.author)):
                raise ReviewError(f"draft {draft_id!r} has no approval from someone other than its author; "
                                  "ask a reviewer to approve it first")  # fmt: skip
            row.published_at = utcnow()
        if action in ("request_changes", "reopen"):
            row.approved_by = row.approved_at = None
            row.published_at = None if action == "reopen" else row.published_at
        record_status(s, row, to, user=user, note=note)
        return to


def _check_approver(row: DraftRow, user: str | None, approver_must_differ: bool) -> None:
    if approver_must_differ and _same_person(user, row.author):
        raise ReviewError(
            f"{user} wrote this draft and cannot approve it: ask another reviewer "
            "(or set POSTMORTEM_APPROVER_MUST_DIFFER=false for a team of one)"
        )


def submit(store: DraftStore, draft_id: str, *, user: str | None, note: str = "") -> str:
    """Ask for review: draft → in review; a draft without an author becomes ``user``'s."""
    return _step(store, draft_id, "submit", user, note)


def request_changes(store: DraftStore, draft_id: str, *, user: str | None, note: str = "") -> str:
    """Send a draft in review (or approved) back to the author: → draft."""
    return _step(store, draft_id, "request_changes", user, note)


def approve(store: DraftStore, draft_id: str, *, user: str | None, approver_must_differ: bool = True,
            note: str = "") -> str:  # fmt: skip
    """Approve a draft in review; by default the approver must not be its author."""
    return _step(store, draft_id, "approve", user, note, approver_must_differ=approver_must_differ)


def publish(store: DraftStore, draft_id: str, *, user: str | None, approver_must_differ: bool = True,
            note: str = "") -> str:  # fmt: skip
    """Publish an approved draft (the caller then writes it to the library)."""
    return _step(store, draft_id, "publish", user, note, approver_must_differ=approver_must_differ)


def reopen(store: DraftStore, draft_id: str, *, user: str | None, note: str = "") -> str:
    """Take a draft back to draft status for more edits; its approval is withdrawn."""
    return _step(store, draft_id, "reopen", user, note)


def events(store: DraftStore, draft_id: str) -> list[ReviewEvent]:
    """The draft's status changes, oldest first."""
    with store.db.session() as s:
        rows = s.scalars(
            select(ReviewEventRow).where(ReviewEventRow.draft_id == draft_id).order_by(ReviewEventRow.id)
        ).all()
        return [ReviewEvent(r.at, r.user, r.from_status, r.to_status, r.note) for r in rows]
