"""Clocks that put effects before their cause: releases running before they were started (issue 10, item 7)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from _timeline_helpers import Bundle, chat, rec, source

from assistant.timeline import build_timeline
from assistant.timeline.cause import releases

T0 = datetime(2026, 6, 2, 10, 0)


def _log(lag: timedelta, *, second_lag: timedelta | None = None) -> list:
    """web-3 runs releases 2.4.1 and 2.4.2; web-1 keeps serving; web-3's clock is ``lag`` behind."""
    out = []
    for i in range(12):
        t = (T0 + timedelta(minutes=10 * i)).replace(tzinfo=UTC)
        out.append(rec(t, "log", f"GET /health 200 {i}", "app.log", 3 * i + 1, host="web-1", level="info"))
    for n, (rel, at) in enumerate((("2.4.1", 0), ("2.4.2", 60))):
        delay = lag if n == 0 or second_lag is None else second_lag
        t = (T0 + timedelta(minutes=at, seconds=40) - delay).replace(tzinfo=UTC)
        out.append(
            rec(t, "log", f"orders-api {rel} started, listening on :8080", "app.log", 100 + n, host="web-3")
        )
        out.append(
            rec(
                t + timedelta(seconds=5), "log", "ERROR cache warmup failed", "app.log", 110 + n, host="web-3"
            )
        )
    return out


def _chat(
    first: str = "deploying orders-api v2.4.1 to web-3", second: str = "rolling out v2.4.2 now"
) -> object:
    return chat(
        "chat.txt",
        [(T0, "ana", first), (T0 + timedelta(minutes=60), "ana", second)],
        has_date=True,
        stated_tz="UTC",
    )


def test_release_names_are_versions_and_shas() -> None:
    assert releases("deploying orders-api v2.4.1 (4f9c2ab1) to web-3") == {"2.4.1", "4f9c2ab1"}
    assert releases("latency 2.4 s, 1200 requests, id deadbeef") == set()


def test_host_running_two_releases_before_they_started_is_corrected_by_the_smallest_shift() -> None:
    tl = build_timeline(Bundle([source("app.log", "log", _log(timedelta(minutes=7))), _chat()]))
    started = sorted(e.time for e in tl.events if "started, listening" in e.text)
    assert started == [
        datetime(2026, 6, 2, 10, 0, tzinfo=UTC),
        datetime(2026, 6, 2, 11, 0, tzinfo=UTC),
    ]
    web1 = [e for e in tl.events if "GET /health" in e.text]
    assert all(e.recorded_time is None for e in web1)
    clock = tl.clock["app.log"]
    assert clock.skew_s == -(7 * 60 - 40)
    assert any("host web-3" in n and "2.4.1" in n and "chat.txt" in n for n in clock.notes)
    assert any("before they were started" in f for f in tl.findings)


def test_one_release_alone_changes_nothing() -> None:
    tl = build_timeline(Bundle([source("app.log", "log", _log(timedelta(minutes=7))), _chat(second="lunch")]))
    assert all(e.recorded_time is None for e in tl.events)


def test_reports_after_the_fact_are_not_causes() -> None:
    talk = _chat("deployed orders-api v2.4.1 to web-3", "v2.4.2 went out, all good")
    tl = build_timeline(Bundle([source("app.log", "log", _log(timedelta(minutes=7))), talk]))
    assert all(e.recorded_time is None for e in tl.events)


def test_leads_that_disagree_are_timing_not_a_clock() -> None:
    log = _log(timedelta(minutes=7), second_lag=timedelta(minutes=3))
    tl = build_timeline(Bundle([source("app.log", "log", log), _chat()]))
    assert all(e.recorded_time is None for e in tl.events)


def test_a_lead_of_whole_hours_is_left_to_the_zone() -> None:
    log = _log(timedelta(hours=2, seconds=40))
    tl = build_timeline(Bundle([source("app.log", "log", log), _chat()]))
    assert all(e.recorded_time is None for e in tl.events)
