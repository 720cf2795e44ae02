"""A zone-less incident chat is read at the offset that puts its talk where the timed sources show errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from _timeline_helpers import Bundle, chat, rec, source

from assistant.timeline import build_timeline


def _errors(start: datetime, minutes: int, *, every: int = 2) -> list:
    return [
        rec(
            start + timedelta(minutes=m),
            "log",
            f"ERROR payment upstream 503 ({m})",
            "app.log",
            m + 1,
            level="error",
        )
        for m in range(0, minutes, every)
    ]


def _talk(local_start: datetime, *, has_date: bool = True) -> list[tuple[datetime, str, str]]:
    texts = [
        ("ana", "checkout is throwing 503s, anyone deploying?"),
        ("bo", "not me. looking at the payment dashboards"),
        ("ana", "upstream 503s from the payment provider"),
        ("cy", "their status page is still green"),
        ("bo", "switching to the secondary provider now"),
        ("ana", "errors dropping"),
        ("cy", "back to normal, keeping an eye on it"),
    ]
    return [(local_start + timedelta(minutes=7 * i), who, text) for i, (who, text) in enumerate(texts)]


def test_zone_less_chat_is_placed_where_the_utc_logs_show_errors() -> None:
    errors_at = datetime(2026, 4, 14, 17, 5, tzinfo=UTC)  # 12:05 in Chicago (CDT, -05:00)
    talk = chat("ops.log", _talk(datetime(2026, 4, 14, 12, 9)), has_date=True)
    tl = build_timeline(Bundle([source("app.log", "log", _errors(errors_at, 60)), talk]))
    first = min(e.time for e in tl.events if e.source.value == "chat")
    assert first == datetime(2026, 4, 14, 17, 9, tzinfo=UTC)
    assert tl.clock["ops.log"].how == "inferred"
    assert any("ops.log" in f and "-05:00" in f for f in tl.findings)


def test_two_zone_less_chats_of_one_incident_share_the_offset() -> None:
    errors_at = datetime(2026, 6, 16, 14, 0, tzinfo=UTC)  # 10:00 in New York (EDT, -04:00)
    first_call = chat("call1.txt", _talk(datetime(2026, 6, 16, 10, 4)), has_date=True)
    second_call = chat("call2.txt", _talk(datetime(2026, 6, 16, 11, 30)), has_date=True)
    logs = _errors(errors_at, 40) + _errors(errors_at + timedelta(minutes=85), 50)
    tl = build_timeline(Bundle([source("app.log", "log", logs), first_call, second_call]))
    offsets = {tl.clock[f].offset for f in ("call1.txt", "call2.txt")}
    assert offsets == {"-04:00"}


def test_chat_that_already_talks_during_the_errors_in_utc_stays_utc() -> None:
    errors_at = datetime(2026, 4, 14, 17, 5, tzinfo=UTC)
    talk = chat("ops.log", _talk(datetime(2026, 4, 14, 17, 9)), has_date=True)
    tl = build_timeline(Bundle([source("app.log", "log", _errors(errors_at, 60)), talk]))
    assert tl.clock["ops.log"].how == "default"
    assert min(e.time for e in tl.events if e.source.value == "chat") == datetime(
        2026, 4, 14, 17, 9, tzinfo=UTC
    )


def test_errors_spread_over_days_say_nothing_about_the_chat_zone() -> None:
    logs = [
        rec(
            datetime(2026, 4, 10, 0, 0, tzinfo=UTC) + timedelta(hours=3 * i),
            "log",
            "ERROR x",
            "app.log",
            i + 1,
            level="error",
        )
        for i in range(40)
    ]
    talk = chat("ops.log", _talk(datetime(2026, 4, 14, 12, 9)), has_date=True)
    tl = build_timeline(Bundle([source("app.log", "log", logs), talk]))
    assert tl.clock["ops.log"].how == "default"


def _alert(when: datetime, n: int, status: str = "firing") -> object:
    return rec(
        when, "alert", f"DB log volume full ({status})", "alerts.txt", n, status=status, severity="critical"
    )


def test_zone_less_log_is_placed_where_its_error_burst_meets_the_alerts() -> None:
    # Windows servers log in local time (JST, +09:00) with errors all day; the alerts carry their zone.
    fired = datetime(2026, 10, 20, 1, 41, tzinfo=UTC)
    alerts = [
        _alert(fired, 1),
        _alert(fired + timedelta(minutes=11), 2),
        _alert(fired + timedelta(minutes=40), 3, "resolved"),
    ]
    background = [
        rec(
            datetime(2026, 10, 18, 0, 0) + timedelta(hours=h),
            "log",
            "ERROR login failed",
            "sql.csv",
            h + 1,
            level="error",
        )
        for h in range(0, 60, 2)
    ]
    burst = [
        rec(
            datetime(2026, 10, 20, 10, 45) + timedelta(minutes=m),
            "log",
            "ERROR log full",
            "sql.csv",
            100 + m,
            level="error",
        )
        for m in range(0, 35)
    ]
    tl = build_timeline(
        Bundle([source("alerts.txt", "alert", alerts), source("sql.csv", "log", background + burst)])
    )
    assert tl.clock["sql.csv"].offset == "+09:00" and tl.clock["sql.csv"].how == "inferred"
    assert min(e.time for e in tl.events if "log full" in e.text) == datetime(2026, 10, 20, 1, 45, tzinfo=UTC)


def test_inferred_offsets_are_ones_some_zone_uses() -> None:
    from assistant.timeline.align import zone_offsets

    real = zone_offsets()
    assert {0, 60, 330, 570, -210, -150, 780, 840} <= real  # UTC, CET, India, Adelaide, Newfoundland, Samoa
    assert {30, 90, 450, 750, -30} & real == set()  # +00:30, +01:30, +07:30, +12:30 are nowhere
