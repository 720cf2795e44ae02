"""Event roles: what each timeline event is (symptom, page, report, finding, mitigation, ...).

``assign.assign_roles`` gives every event a role with a confidence and evidence; ``keytimes``
chooses the key times from them; the offline drafter reads them through ``role_of``.
"""

from __future__ import annotations

from assistant.domain import Timeline

SURE = 0.35  # below this a role is reported, not relied on (same value as assign.SURE)


def role_of(tl: Timeline, event_id: str, *, sure: float = SURE) -> str | None:
    """The event's role when the classifier or structure is at least ``sure`` of it, else None."""
    r = tl.roles.get(event_id)
    return r.role if r is not None and r.confidence >= sure else None
