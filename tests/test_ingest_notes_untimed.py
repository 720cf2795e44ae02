"""Notes: untimed follow-up bullets become records; Z times and the notes' date hold across the file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from _ingest_helpers import parse_one

from assistant.timeline import build_timeline

_NOTES = """### INC 2024-06-11 queue outage — mara notes
(CEST unless marked Z)

- 10:02 deploy of worker 3.1 started
- 10:05:1xZ consumer lag climbing on shard 2
- 10:09 paged, ack 10:10
- 10:40 worker pinned to 3.0 -> lag draining
- 11:15 all clear

impact: ~30% of jobs delayed 10:05-10:40
TODO: check retry budget with infra (tomas)

Action items:
- alert on consumer lag per shard (noor)
- canary for worker deploys — tomas
- load test with 2x traffic
  (needs staging capacity)

random thought without a time
"""


def test_follow_up_bullets_become_untimed_records_at_the_last_time(tmp_path: Path) -> None:
    recs = parse_one(tmp_path, "notes.md", _NOTES).records
    untimed = [r for r in recs if r.attrs.get("untimed") and r.ref.line > 2]
    assert [r.text for r in untimed] == [
        "TODO: check retry budget with infra (tomas)",
        "alert on consumer lag per shard (noor)",
        "canary for worker deploys — tomas",
        "load test with 2x traffic (needs staging capacity)",
        "random thought without a time",  # nothing dropped silently
    ]
    assert [r.attrs.get("section") for r in untimed] == [
        "TODO",
        "Action items",
        "Action items",
        "Action items",
        None,
    ]
    assert untimed[-1].attrs["heading"] == "Action items"
    impact = next(r for r in recs if r.text.startswith("impact"))
    assert all(r.time == impact.time for r in untimed)
    assert [r.ref.line for r in untimed] == [11, 14, 15, 16, 19]


def test_explicit_z_time_is_utc_in_notes_with_another_zone(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "notes.md", _NOTES)
    lag = next(r for r in src.records if "consumer lag climbing" in r.text)
    # 10:05:10Z on 11 June is 12:05:10 CEST.
    assert (lag.time.value.hour, lag.time.value.minute, lag.time.value.second) == (12, 5, 10)
    assert lag.time.value.tzinfo is None and lag.attrs["utc"] is True


def test_notes_lines_keep_the_notes_date_when_times_go_back(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(_NOTES, encoding="utf-8")
    tl = build_timeline([tmp_path / "notes.md"])
    by_text = {e.text: e.time for e in tl.events}
    assert by_text["10:02 deploy of worker 3.1 started"] == datetime(2024, 6, 11, 8, 2, tzinfo=UTC)
    lag = next(t for txt, t in by_text.items() if "consumer lag climbing" in txt)
    assert lag == datetime(2024, 6, 11, 10, 5, 10, tzinfo=UTC)
    impact = next(t for txt, t in by_text.items() if txt.startswith("impact"))
    assert impact == datetime(2024, 6, 11, 8, 5, tzinfo=UTC)  # a look back, not the next day
    assert all(t.date() == datetime(2024, 6, 11).date() for t in by_text.values())


def test_notes_past_midnight_move_to_the_next_day(tmp_path: Path) -> None:
    notes = (
        "All times UTC (night of 26 to 27 Feb 2025).\n\n- 23:30 export starts\n- 23:47 disk full\n"
        "- 00:03 slot found\n- impact: writes failed 23:47-00:24\n\nfollow-ups:\n- alert on WAL size (priya)\n"
    )
    (tmp_path / "notes.md").write_text(notes, encoding="utf-8")
    tl = build_timeline([tmp_path / "notes.md"], date=datetime(2025, 2, 26).date())
    by_text = {e.text: e.time for e in tl.events}
    assert by_text["23:30 export starts"] == datetime(2025, 2, 26, 23, 30, tzinfo=UTC)
    assert by_text["00:03 slot found"] == datetime(2025, 2, 27, 0, 3, tzinfo=UTC)
    assert by_text["impact: writes failed 23:47-00:24"] == datetime(2025, 2, 26, 23, 47, tzinfo=UTC)
    assert by_text["alert on WAL size (priya)"] == datetime(2025, 2, 26, 23, 47, tzinfo=UTC)


def test_untimed_follow_ups_never_become_key_events(tmp_path: Path) -> None:
    notes = (
        "(times UTC, 2025-05-02)\n- 09:00 errors rising, customers report failures\n"
        "- 09:30 rollback done, errors back to normal\n- 10:00 incident closed\n\n"
        "Next steps:\n- make sure the canary is resolved before promotion (ana)\n- mitigated-by-default flags\n"
    )
    (tmp_path / "notes.md").write_text(notes, encoding="utf-8")
    tl = build_timeline([tmp_path / "notes.md"])
    untimed = {e.id for e in tl.events if e.attrs.get("untimed")}
    assert len([e for e in tl.events if e.attrs.get("section") == "Next steps"]) == 2
    assert not untimed & {v for v in tl.key_events.model_dump().values() if v}
