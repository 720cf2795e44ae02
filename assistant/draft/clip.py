"""Bound the text of each event before drafting, so one giant line cannot stall every section.

A chat message pasted with a 5 MB log, or a log line without newlines, would otherwise be scanned
by every drafting stage (facts, causes, blame, injection, redaction) at a cost proportional to its
length, for prose that quotes a sentence of it at most. The draft reads the first
``MAX_EVENT_CHARS`` characters of such an event and says so in the timeline's findings (shown in
the draft's supporting information), naming the event and its source line.
"""

from __future__ import annotations

from assistant.domain import Timeline

# Longer than a pasted stack trace or a long incident-channel message; far shorter than a dump.
MAX_EVENT_CHARS = 4000


def clip_long_events(timeline: Timeline, *, limit: int = MAX_EVENT_CHARS) -> Timeline:
    """The timeline, or a copy whose over-long event texts are cut at ``limit`` with a finding each."""
    long = [e for e in timeline.events if len(e.text) > limit]
    if not long:
        return timeline
    clipped = {e.id: e.model_copy(update={"text": e.text[:limit] + " […]"}) for e in long}
    notes = [
        f"Event {e.id} ({', '.join(e.ref_strings[:2])}) is {len(e.text):,} characters long; the draft read "
        f"its first {limit:,}."
        for e in long
    ]
    return timeline.model_copy(
        update={
            "events": [clipped.get(e.id, e) for e in timeline.events],
            "findings": [*timeline.findings, *notes],
        }
    )
