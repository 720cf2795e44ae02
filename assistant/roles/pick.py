"""A person picks the event that marks a key time (issue 11 item 4): the timeline, metrics and draft follow.

``pick_key_time`` returns the timeline with the key time moved to the chosen event (any event on the
timeline, proposed candidate or not): the choice becomes the key time with confidence 1.0, the
previous pick joins the candidates, and the metrics are recomputed. ``apply_to_draft`` writes the
same into a stored draft's JSON and records the pick in its provenance. ``AFFECTED_SECTIONS`` names
the sections to redraft afterwards.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, get_args

from assistant.domain import KeyCandidate, KeyChoice, KeyPick, Metrics, Timeline
from assistant.errors import InputError

KEYS: tuple[str, ...] = get_args(KeyPick.model_fields["key"].annotation)

# Sections whose text depends on each key time (metadata's date and duration are set directly, so a
# title the user edited is kept; the timeline table and action items are left as the user has them).
AFFECTED_SECTIONS: dict[str, tuple[str, ...]] = {
    "start": ("summary", "impact", "detection", "root_cause", "lessons", "open_questions"),
    "detected": ("summary", "detection", "response", "lessons", "open_questions"),
    "mitigated": ("summary", "impact", "response", "lessons", "open_questions"),
    "resolved": ("summary", "impact", "response", "open_questions"),
}


def pick_key_time(
    tl: Timeline, key: str, event_id: str, *, by: str | None = None, now: datetime | None = None
) -> tuple[Timeline, KeyPick]:
    """The timeline with ``key`` set to ``event_id``'s time, and the record of the pick."""
    if key not in KEYS:
        raise InputError(f"unknown key time {key!r}; pick one of {', '.join(KEYS)}")
    event_id = event_id.strip()
    e = tl.event(event_id)
    if e is None:
        raise InputError(
            f"no event {event_id!r} on this draft's timeline; use an id from the timeline table (E001, E002, …)"
        )
    old = tl.key_candidates.get(key) or KeyChoice()
    previous = getattr(tl.key_events, key)
    proposed = [c for c in old.candidates if c.event_id != event_id]
    if old.event_id and old.time and old.event_id != event_id:
        proposed.insert(0, KeyCandidate(event_id=old.event_id, time=old.time, confidence=old.confidence,
                                        why=f"proposed first: {old.why}" if old.why else "proposed first"))  # fmt: skip
    pick = KeyPick(
        key=key,  # type: ignore[arg-type]  # checked against KEYS above
        event_id=event_id,
        time=e.time,
        previous_event_id=previous,
        by=by,
        at=now or datetime.now(UTC),
        from_candidates=event_id == old.event_id or any(c.event_id == event_id for c in old.candidates),
    )
    choice = KeyChoice(
        event_id=event_id,
        time=e.time,
        confidence=1.0,
        why=f"picked by {by or 'a person'} in the review",
        supporting=[event_id],
        candidates=proposed,
    )
    key_times = tl.key_times.model_copy(update={key: e.time})
    out = tl.model_copy(
        update={
            "key_times": key_times,
            "key_events": tl.key_events.model_copy(update={key: event_id}),
            "key_candidates": {**tl.key_candidates, key: choice},
            "metrics": Metrics.from_key_times(key_times),
        }
    )
    return out, pick


def apply_to_draft(draft: dict[str, Any], tl: Timeline, pick: KeyPick) -> dict[str, Any]:
    """Write the picked timeline's key times, candidates, metrics, date and duration into the draft JSON,
    and append the pick to ``provenance.key_picks``. Returns the same dict."""
    from assistant.draft import prose

    kt = tl.key_times
    draft["key_times"] = kt.model_dump(mode="json")
    draft["key_events"] = tl.key_events.model_dump(mode="json")
    draft["key_candidates"] = {k: c.model_dump(mode="json") for k, c in tl.key_candidates.items()}
    draft["metrics"] = tl.metrics.model_dump(mode="json")
    end = kt.resolved or kt.mitigated
    if kt.start:
        draft["date"] = kt.start.astimezone(UTC).date().isoformat()
    draft["duration"] = prose.dur((end - kt.start).total_seconds()) if end and kt.start else None
    prov = draft.setdefault("provenance", {"provider": "offline"})
    prov.setdefault("key_picks", []).append(pick.model_dump(mode="json"))
    return draft
