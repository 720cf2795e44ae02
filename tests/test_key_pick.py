"""People decide the key times (issue 11 item 4): a pick moves the time, the metrics and the draft, and is recorded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.domain import (
    Event,
    KeyCandidate,
    KeyChoice,
    KeyEvents,
    KeyTimes,
    Metrics,
    SourceKind,
    SourceRef,
    Timeline,
)
from assistant.errors import InputError
from assistant.roles.pick import apply_to_draft, pick_key_time
from assistant.store.drafts import DraftStore
from assistant.ui.handlers import UiContext, run_draft
from assistant.ui.keytimes_panel import choices, pick

T0 = datetime(2026, 9, 14, 6, 0, tzinfo=UTC)
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "incident"


def _tl() -> Timeline:
    events = [
        Event(
            id=f"E{n:03d}",
            time=T0 + timedelta(minutes=m),
            source=SourceKind.chat,
            actor="ana",
            text=t,
            refs=[SourceRef(file="chat.txt", line=n)],
        )
        for n, (m, t) in enumerate(
            [
                (0, "first 502s"),
                (30, "support: customers report errors"),
                (40, "rolled back"),
                (60, "closing"),
            ],
            start=1,
        )
    ]
    kt = KeyTimes(
        start=events[0].time, detected=events[1].time, mitigated=events[2].time, resolved=events[3].time
    )
    alt = KeyCandidate(event_id="E001", time=events[0].time, confidence=0.4, why="first failure")
    return Timeline(
        events=events,
        key_times=kt,
        key_events=KeyEvents(start="E001", detected="E002", mitigated="E003", resolved="E004"),
        key_candidates={
            "detected": KeyChoice(
                event_id="E002", time=events[1].time, confidence=0.6, why="report", candidates=[alt]
            )
        },
        metrics=Metrics.from_key_times(kt),
    )


def test_picking_a_candidate_moves_the_key_time_and_recomputes_the_metrics() -> None:
    tl, made = pick_key_time(_tl(), "detected", "E001", by="ana")
    assert tl.key_times.detected == T0 and tl.key_events.detected == "E001"
    assert tl.metrics.time_to_detect_s == 0.0
    assert made.from_candidates and made.previous_event_id == "E002" and made.by == "ana"
    choice = tl.key_candidates["detected"]
    assert choice.confidence == 1.0 and "picked by ana" in choice.why
    assert [c.event_id for c in choice.candidates] == ["E002"]  # the proposed pick stays a candidate


def test_any_timeline_event_can_be_picked_by_id_and_an_unknown_id_says_how_to_fix_it() -> None:
    tl, made = pick_key_time(_tl(), "mitigated", " E004 ")
    assert tl.key_events.mitigated == "E004" and not made.from_candidates
    assert tl.metrics.time_to_mitigate_s == 3600.0
    with pytest.raises(InputError, match="timeline table"):
        pick_key_time(_tl(), "mitigated", "E999")


def test_the_pick_is_written_into_the_draft_and_its_provenance() -> None:
    tl, made = pick_key_time(_tl(), "start", "E002")
    draft = apply_to_draft({"provenance": {"provider": "offline"}}, tl, made)
    assert draft["key_events"]["start"] == "E002"
    assert draft["metrics"]["time_to_resolve_s"] == 1800.0 and draft["duration"] == "30 min"
    assert draft["provenance"]["key_picks"][0]["event_id"] == "E002"
    assert draft["provenance"]["key_picks"][0]["previous_event_id"] == "E001"


def test_the_panel_pick_is_saved_with_the_draft_and_redrafts_the_affected_sections(tmp_path: Path) -> None:
    s = Settings(home=tmp_path / "home")
    ctx = UiContext(settings=s, store=DraftStore(s.drafts_db))
    files = [str(p) for p in sorted(EXAMPLE.iterdir())]
    views = list(run_draft(ctx, "", files, "", "", "auto", "offline"))
    draft_id = next(v["draft_id"] for v in reversed(views) if v.get("draft_id"))
    rec = ctx.store.get(draft_id)
    tl = Timeline.model_validate(rec.timeline)
    found = choices(tl)
    assert found["detected"][0] and found["detected"][1] == tl.key_events.detected
    other = next(e.id for e in tl.events if e.id != tl.key_events.detected and e.time < tl.key_times.detected)
    before = rec.draft["summary"]

    out = list(pick(ctx, draft_id, "detected", other, "offline", by="ana"))
    assert any(v.get("notice", "").startswith(f"Detected is now {other}") for v in out)
    assert any("field:summary" in v for v in out)  # the summary was redrafted and shown
    saved = ctx.store.get(draft_id)
    assert saved.draft["key_events"]["detected"] == other
    assert saved.timeline["key_events"]["detected"] == other  # later regenerations use the pick
    assert saved.draft["provenance"]["key_picks"][-1]["event_id"] == other
    assert saved.draft["provenance"]["key_picks"][-1]["by"] == "ana"
    new_time = tl.event(other).time.astimezone(UTC).strftime("%H:%M UTC")  # type: ignore[union-attr]
    assert f"detected at {new_time}" in saved.draft["summary"] and saved.draft["summary"] != before
    ctx.store.close()
