"""Key times as candidates, not verdicts: the model picks each one by event id, code checks and times it.

The roles stage (``roles.keytimes``) proposes candidates for start, detected, mitigated and resolved,
each with its time, confidence and why (``hints.candidate_lines``). Before the sections are drafted,
one request asks the model for an event id (or ``unknown``) per key time: it is the sections' shared
context (so a provider's prompt cache serves both) with the candidates after the sources.
Code then checks each pick:

- the id must be an event of the timeline (a candidate or any other event the sources show);
- the four times must stay in order (start ≤ detected ≤ mitigated ≤ resolved);
- ``unknown`` replaces code's candidate only when that candidate is weak (confidence below 0.5).

A pick that fails keeps code's candidate, and ``provenance.key_time_picks`` says why. Times come
from code: a candidate's own time (which may be a time the message states, "since 22:58"), else the
event's time. Durations are then computed from those times and stated to every section
(``hints.key_time_lines``), so no section estimates one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pydantic import ValidationError

from assistant.domain import KeyCandidate, KeyChoice, KeyEvents, KeyTimes, Metrics, Timeline
from assistant.draft.schema import KeyTimesPick
from assistant.errors import ProviderError
from assistant.llm.base import Message, Provider, StructuredRequest

KEYS = ("start", "detected", "mitigated", "resolved")
UNKNOWN = "unknown"
WEAK = 0.5  # below this confidence code's own candidate yields to the model's "unknown"


@dataclass
class Decision:
    """The key times after the model's picks were checked, and one note per key."""

    key_times: KeyTimes
    key_events: KeyEvents
    choices: dict[str, KeyChoice]
    notes: list[str] = field(default_factory=list)
    changed: set[str] = field(default_factory=set)  # keys where the model's pick replaced code's

    def apply(self, tl: Timeline) -> Timeline:
        """``tl`` with these key times, events, choices and the metrics computed from them."""
        return tl.model_copy(
            update={
                "key_times": self.key_times,
                "key_events": self.key_events,
                "key_candidates": {
                    **tl.key_candidates,
                    **{k: c for k, c in self.choices.items() if k in self.changed},
                },
                "metrics": Metrics.from_key_times(self.key_times),
            }
        )


def pick_request(user: str, system: str) -> StructuredRequest[KeyTimesPick]:
    """The key-time request: the shared context (with the candidates), then the pick instruction."""
    return StructuredRequest(
        messages=[Message("system", system), Message("user", user)],
        schema=KeyTimesPick,
        purpose="draft.key_times",
    )


def ask(provider: Provider, request: StructuredRequest[KeyTimesPick], tl: Timeline) -> Decision:
    """Ask the model for its picks and check them; a failed call keeps code's candidates (and says so)."""
    try:
        pick = provider.generate(request)
    except (ProviderError, ValidationError) as exc:
        decision = decide(tl, None)
        decision.notes.insert(
            0,
            f"the key-time request failed ({type(exc).__name__}: {str(exc)[:200]}); code's candidates stand",
        )
        return decision
    return decide(tl, pick)


def decide(tl: Timeline, pick: KeyTimesPick | None) -> Decision:
    """Check ``pick`` against ``tl``: ids must exist and keep the key times in order."""
    choices = code_choices(tl)
    code = dict(choices)
    notes: list[str] = []
    if pick is None:
        return _decision(choices, notes)
    wanted = {k: str(getattr(pick, f"{k}_event_id") or "").strip() for k in KEYS}
    pending = dict(wanted)
    for _ in range(len(KEYS)):  # a pick rejected for order may fit once a later key moved
        moved = False
        for key in KEYS:
            answer = pending.get(key)
            if answer is None:
                continue
            verdict, choice = _check(key, answer, choices, tl)
            if choice is not None:
                choices[key] = choice
                pending.pop(key)
                notes.append(f"{key}: {verdict}")
                moved = True
            elif verdict.startswith("!"):  # final: no retry can help (unknown id, kept candidate)
                pending.pop(key)
                notes.append(f"{key}: {verdict[1:]}")
        if not moved:
            break
    for key, answer in pending.items():
        notes.append(
            f"{key}: the model picked {answer}, which breaks the order of the key times; "
            f"code's candidate {choices[key].event_id or 'unknown'} stands"
        )
    order = {k: i for i, k in enumerate(KEYS)}
    notes.sort(key=lambda n: order[n.split(":", 1)[0]])
    decision = _decision(choices, notes)
    decision.changed = {k for k in KEYS if choices[k] is not code[k]}
    return decision


def code_choices(tl: Timeline) -> dict[str, KeyChoice]:
    """Code's choice per key time; a timeline built without the roles stage gives its key events alone."""
    out = {}
    for key in KEYS:
        choice = tl.key_candidates.get(key)
        event_id, when = getattr(tl.key_events, key), getattr(tl.key_times, key)
        if choice is None and event_id and when:
            choice = KeyChoice(
                event_id=event_id,
                time=when,
                confidence=WEAK,
                why="the timeline's key event",
                supporting=[event_id],
            )
        out[key] = choice or KeyChoice()
    return out


def _check(
    key: str, answer: str, choices: dict[str, KeyChoice], tl: Timeline
) -> tuple[str, KeyChoice | None]:
    """(note, new choice) for one pick; a note starting with ``!`` is final without a new choice."""
    code = choices[key]
    if answer == (code.event_id or UNKNOWN):
        agreed = f"code's candidate {answer}" if code.event_id else "no event marks it, as code found"
        return f"the model agreed: {agreed}", code
    if answer.lower() == UNKNOWN:
        if code.event_id and code.confidence >= WEAK:
            return (
                f"!the model answered unknown; code's candidate {code.event_id} "
                f"(confidence {code.confidence:.2f}) stands",
                None,
            )
        question = code.question or f"When was the incident {key}? Neither code nor the model found it."
        return "the model answered unknown; the key time is left open", KeyChoice(
            why="the model found no event marking it", question=question, candidates=_demoted(code)
        )
    event = tl.event(answer)
    if event is None:
        return (
            f"!the model picked {answer}, which is no event of this incident; code's candidate stands",
            None,
        )
    when = next((c.time for c in code.candidates if c.event_id == answer), event.time)
    if not _in_order(key, when, choices):
        return "order", None
    listed = answer in {c.event_id for c in code.candidates}
    return (
        f"the model picked {answer} ({'a listed candidate' if listed else 'an event outside the candidates'}) "
        f"over code's {code.event_id or 'unknown'}",
        KeyChoice(
            event_id=answer,
            time=when,
            confidence=next((c.confidence for c in code.candidates if c.event_id == answer), 0.0),
            why="picked by the model from the sources and the candidates",
            supporting=[answer],
            candidates=_demoted(code, without=answer),
        ),
    )


def _demoted(code: KeyChoice, *, without: str | None = None) -> list[KeyCandidate]:
    """Code's pick becomes the first runner-up; the rest keep their order."""
    out = []
    if code.event_id and code.time and code.event_id != without:
        out.append(
            KeyCandidate(event_id=code.event_id, time=code.time, confidence=code.confidence, why=code.why)
        )
    return out + [c for c in code.candidates if c.event_id != without]


def _in_order(key: str, when: datetime, choices: dict[str, KeyChoice]) -> bool:
    i = KEYS.index(key)
    before = [c.time for k, c in choices.items() if KEYS.index(k) < i and c.time]
    after = [c.time for k, c in choices.items() if KEYS.index(k) > i and c.time]
    return all(t <= when for t in before) and all(when <= t for t in after)


def _decision(choices: dict[str, KeyChoice], notes: list[str]) -> Decision:
    kt, ke = KeyTimes(), KeyEvents()
    for key, c in choices.items():
        setattr(kt, key, c.time)
        setattr(ke, key, c.event_id)
    return Decision(kt, ke, choices, notes)
