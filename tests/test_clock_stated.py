"""Clocks that lie, corrected from what responders state about them (issue 10, point 7)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from _timeline_helpers import Bundle, chat, rec, source

from assistant.domain import SourceRef
from assistant.timeline import build_timeline
from assistant.timeline.clock_statements import read_statements

_REF = SourceRef(file="chat.txt", line=3)


def test_statements_give_host_and_signed_seconds() -> None:
    said = datetime(2026, 1, 1, 9, 16, 5)

    def read(text: str) -> list[tuple[str | None, float]]:
        return [(s.host, s.seconds) for s in read_statements(text, _REF, said)]

    assert read("`date` on web-3 says 09:12:40, my laptop 09:16:05") == [("web-3", -205.0)]
    assert read("that host runs ~3m25s slow") == [(None, -205.0)]
    assert read("db-02's clock is about 4 min behind") == [("db-02", -240.0)]
    assert read("pricing-03 runs 12 min fast") == [("pricing-03", 720.0)]
    assert read("web-3 shows 08:12:40 right now") == [("web-3", -205.0)]  # prints UTC, chat is +01:00
    assert read("$ ssh web-3 date\nWed Mar  4 09:12:40 UTC 2026") == [("web-3", -205.0)]
    assert read("root@db-02:~# date\nWed Mar  4 10:12:05 CET 2026") == [("db-02", -240.0)]
    assert read("the deploy is 5 min behind schedule") == []
    assert read("restarted web-3 at 09:12") == []


def _logs(skew: timedelta) -> list:
    base = datetime(2026, 6, 2, 14, 0, tzinfo=UTC)
    out = []
    for i in range(5):
        t = base + timedelta(minutes=5 * i)
        out.append(rec(t, "log", f"GET /health {i}", "app.log", 2 * i + 1, host="web-1", level="info"))
        out.append(
            rec(
                t + skew,
                "log",
                f"ERROR upstream timeout {i}",
                "app.log",
                2 * i + 2,
                host="db-02",
                level="error",
            )
        )
    return out


def test_stated_host_offset_over_ten_minutes_corrects_only_that_host() -> None:
    skew = -timedelta(minutes=14)
    talk = chat(
        "chat.txt",
        [
            (datetime(2026, 6, 2, 14, 10), "ana", "db-02 errors look early?"),
            (datetime(2026, 6, 2, 14, 12), "bo", "db-02's clock is about 14 min behind, NTP broke"),
        ],
        has_date=True,
        stated_tz="UTC",
    )
    tl = build_timeline(Bundle([source("app.log", "log", _logs(skew)), talk]))
    db = [e for e in tl.events if "upstream timeout" in e.text]
    web = [e for e in tl.events if "GET /health" in e.text]
    assert db and all(e.recorded_time is not None for e in db)
    first_db = min(e.time for e in db)
    assert first_db == datetime(2026, 6, 2, 14, 0, tzinfo=UTC)
    assert all(e.recorded_time is None for e in web)
    clock = tl.clock["app.log"]
    assert clock.skew_s == -840
    assert clock.evidence and any("chat.txt:3" in n for n in clock.notes)


def test_that_host_resolves_to_the_host_just_discussed() -> None:
    talk = chat(
        "chat.txt",
        [
            (datetime(2026, 6, 2, 14, 10), "ana", "checking db-02"),
            (datetime(2026, 6, 2, 14, 12), "bo", "that host runs ~3m25s slow"),
        ],
        has_date=True,
        stated_tz="UTC",
    )
    tl = build_timeline(Bundle([source("app.log", "log", _logs(-timedelta(seconds=205))), talk]))
    assert tl.clock["app.log"].skew_s == -205
    assert any("db-02" in f for f in tl.findings)


def test_statement_about_an_unknown_host_changes_nothing() -> None:
    talk = chat(
        "chat.txt",
        [(datetime(2026, 6, 2, 14, 12), "bo", "PR-1184 is 5 min behind")],
        has_date=True,
        stated_tz="UTC",
    )
    tl = build_timeline(Bundle([source("app.log", "log", _logs(timedelta(0))), talk]))
    assert tl.clock["app.log"].skew_s == 0
    assert all(e.recorded_time is None for e in tl.events)
