"""Key times as candidates, not verdicts: the model picks by event id, code checks the id and computes durations."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from _draft_helpers import fixture_timeline

from assistant.config import get_settings
from assistant.domain import KeyCandidate, KeyChoice, Timeline
from assistant.draft.keypick import decide
from assistant.draft.pipeline import draft_postmortem
from assistant.draft.schema import KeyTimesPick
from assistant.llm._schema_example import example_from_schema
from assistant.llm.base import StructuredRequest
from assistant.llm.fake import FakeProvider


class _NoLibrary:
    def similar(self, query: str, k: int = 5) -> list[object]:
        return []


def _with_candidates() -> Timeline:
    """The fixture incident with the roles stage's choices: mitigated has two runner-ups."""
    tl = fixture_timeline()

    def choice(key: str, conf: float, *runner_ups: str) -> KeyChoice:
        event_id = getattr(tl.key_events, key)
        ev = tl.event(event_id)
        assert ev is not None
        cands = []
        for i in runner_ups:
            other = tl.event(i)
            assert other is not None
            cands.append(KeyCandidate(event_id=i, time=other.time, confidence=0.5, why="a person acts"))
        return KeyChoice(
            event_id=event_id, time=ev.time, confidence=conf, why="code's rule", candidates=cands
        )

    return tl.model_copy(
        update={
            "key_candidates": {
                "start": choice("start", 0.8),
                "detected": choice("detected", 0.9),
                "mitigated": choice("mitigated", 0.4, "E013", "E012"),
                "resolved": choice("resolved", 0.9),
            }
        }
    )


def _picking(**picks: str) -> FakeProvider:
    """A model that answers the key-time request with ``picks`` (else code's events) and sections from the schema."""

    def answer(request: StructuredRequest[Any]) -> dict[str, Any]:
        if request.schema is KeyTimesPick:
            tl = fixture_timeline()
            return {
                f"{k}_event_id": picks.get(k, getattr(tl.key_events, k))
                for k in ("start", "detected", "mitigated", "resolved")
            }
        text = "\n".join(m.content for m in request.messages)
        value = example_from_schema(request.schema.model_json_schema(), text=text)
        return value if isinstance(value, dict) else {}

    return FakeProvider(fn=answer)


def _user(request: StructuredRequest[Any]) -> str:
    return request.messages[-1].content


def test_the_model_picks_a_listed_candidate_and_code_sets_its_time_and_every_duration() -> None:
    provider = _picking(mitigated="E013")
    pm = draft_postmortem(_with_candidates(), provider=provider, library=_NoLibrary())
    assert pm.key_events.mitigated == "E013"
    assert pm.key_times.mitigated == datetime.fromisoformat("2026-03-04T09:26:42+00:00")
    assert pm.metrics.time_to_mitigate_s == 1512.0  # 09:01:30 to 09:26:42, computed by code
    assert pm.key_candidates["mitigated"].candidates[0].event_id == "E014"  # code's pick kept as runner-up
    assert any(
        "mitigated: the model picked E013 (a listed candidate)" in n for n in pm.provenance.key_time_picks
    )
    pick, *sections = provider.requests
    assert pick.schema is KeyTimesPick and "E013 09:26:42Z 0.50 a person acts" in _user(pick)
    for request in sections:  # every section states the decided times and the durations code computed
        text = _user(request)
        assert "mitigated=2026-03-04T09:26:42+00:00" in text and "time to mitigate 25 min" in text
        assert text.index("</sources>") < text.index("durations computed by code")
        assert "Key-time candidates" not in text  # the sections get the decided times, not the runner-ups


def test_an_id_that_is_no_event_keeps_codes_candidate_and_provenance_says_why() -> None:
    pm = draft_postmortem(_with_candidates(), provider=_picking(resolved="E999"), library=_NoLibrary())
    assert pm.key_events.resolved == "E018"
    assert any("E999, which is no event of this incident" in n for n in pm.provenance.key_time_picks)


def test_a_pick_that_breaks_the_order_of_key_times_is_refused() -> None:
    decision = decide(
        _with_candidates(),
        KeyTimesPick(
            start_event_id="E002",
            detected_event_id="E018",
            mitigated_event_id="E014",
            resolved_event_id="E018",
        ),
    )
    assert decision.key_events.detected == "E003"  # E018 comes after the mitigation
    assert any("detected: the model picked E018, which breaks the order" in n for n in decision.notes)


def test_unknown_overrides_only_a_weak_candidate() -> None:
    tl = _with_candidates()
    pick = KeyTimesPick(
        start_event_id="unknown",
        detected_event_id="E003",
        mitigated_event_id="unknown",
        resolved_event_id="E018",
    )
    decision = decide(tl, pick)
    assert decision.key_events.start == "E002"  # confidence 0.8: code's candidate stands
    assert decision.key_times.mitigated is None  # confidence 0.4: left open, with a question
    assert (
        decision.choices["mitigated"].question
        and decision.choices["mitigated"].candidates[0].event_id == "E014"
    )
    assert decision.apply(tl).metrics.time_to_mitigate_s is None


def test_candidates_and_times_are_given_in_utc_and_in_the_teams_zone_labelled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POSTMORTEM_TEAM_TIMEZONE", "America/New_York")
    get_settings(fresh=True)
    provider = _picking()
    draft_postmortem(_with_candidates(), provider=provider, library=_NoLibrary())
    pick, text = _user(provider.requests[0]), _user(provider.requests[-1])
    assert "mitigated: E014 2026-03-04T09:28:45Z (04:28 team zone) 0.40" in pick  # EST is UTC-5 in March
    assert "the team's zone: America/New_York, configured" in text
    assert (
        "key times in the team's zone (America/New_York, configured): start=2026-03-04T04:01:30-05:00" in text
    )
    assert "key times (UTC): start=2026-03-04T09:01:30+00:00" in text


def test_a_log_runs_span_is_labelled_utc_only_once_converted_to_utc() -> None:
    from assistant.domain import Event, SourceKind, SourceRef
    from assistant.draft.budget import event_line

    run = Event(
        id="E007",
        time=datetime.fromisoformat("2026-03-04T09:01:30+00:00"),
        source=SourceKind.log,
        text="pool exhausted",
        refs=[SourceRef(file="app.log", line=3)],
        attrs={"count": 40, "first": "2026-03-04T05:01:30-04:00", "last": "2026-03-04T05:09:00-04:00"},
    )
    assert "(x40 lines 2026-03-04T09:01:30Z to 2026-03-04T09:09:00Z)" in event_line(run)
