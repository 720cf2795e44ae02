"""build_timeline: merge order across zones, dedupe, dates, stated zones, key times, JSON shape, CLI."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from _timeline_helpers import Bundle, chat, rec, source, tod
from typer.testing import CliRunner

from assistant.cli.app import app
from assistant.timeline import build_timeline
from assistant.timeline.public_json import timeline_to_json


def _alerts() -> object:
    return source(
        "alerts.json",
        "alert",
        [
            rec(
                datetime(2026, 3, 4, 9, 4, 12, tzinfo=UTC),
                "alert",
                "PagerDuty #31877 triggered: api p99 > 5s",
                "alerts.json",
                2,
                alert="api p99 > 5s",
                status="triggered",
                severity="high",
                system="pagerduty",
            ),
            rec(
                datetime(2026, 3, 4, 11, 50, 30, tzinfo=UTC),
                "alert",
                "PagerDuty #31877 resolved: api p99 > 5s",
                "alerts.json",
                40,
                alert="api p99 > 5s",
                status="resolved",
                severity="high",
                system="pagerduty",
            ),
        ],
    )


def _logs(n_errors: int = 120) -> object:
    t0 = datetime(2026, 3, 4, 8, 30, tzinfo=UTC)
    recs = [
        rec(
            t0 + timedelta(seconds=20 * i),
            "log",
            f"GET /v1/orders 200 {i}ms",
            "app.log",
            i + 1,
            level="info",
            service="api",
        )
        for i in range(150)
    ]
    e0 = datetime(2026, 3, 4, 9, 1, 35, tzinfo=UTC)
    recs += [
        rec(
            e0 + timedelta(seconds=10 * i),
            "log",
            f"pool exhausted waiting={i}",
            "app.log",
            200 + i,
            level="error",
            service="api",
        )
        for i in range(n_errors)
    ]
    return source("app.log", "log", recs)


def _chat() -> object:
    return chat(
        "chat.txt",
        [
            (tod(9, 4, 12), "pd-bot", "[TRIGGERED] #31877 api p99 > 5s"),
            (tod(9, 5, 40), "kwame", "ack, looking"),
            (tod(9, 26, 40), "lena", "flag flipped off"),
            (tod(9, 29, 10), "ravi", "ok so mitigated ~09:28. keep the flag off"),
            (tod(11, 50, 5), "ravi", "resolving. thanks all"),
            (tod(11, 50, 30), "pd-bot", "[RESOLVED] #31877 api p99 > 5s"),
        ],
    )


def test_sources_merge_in_time_order_with_sequential_ids() -> None:
    tl = build_timeline(Bundle([_chat(), _logs(), _alerts()]))
    assert [e.id for e in tl.events] == [f"E{i:03d}" for i in range(1, len(tl.events) + 1)]
    utc = [e.time.astimezone(UTC) for e in tl.events]
    assert utc == sorted(utc)
    assert {e.source.value for e in tl.events} == {"alert", "log", "chat"}


def test_alert_and_its_bot_echo_become_one_event_with_both_refs() -> None:
    tl = build_timeline(Bundle([_chat(), _alerts()]))
    page = [e for e in tl.events if "#31877" in e.text and "triggered" in e.text.lower()]
    assert len(page) == 1
    assert page[0].ref_strings == ["alerts.json:2", "chat.txt:2"]
    resolved = [e for e in tl.events if "#31877" in e.text and "resolved" in e.text.lower()]
    assert len(resolved) == 1 and resolved[0].ref_strings == ["alerts.json:40", "chat.txt:7"]


def test_key_times_point_at_supporting_events() -> None:
    tl = build_timeline(Bundle([_chat(), _logs(), _alerts()]))
    kt, ke = tl.key_times, tl.key_events
    assert kt.start == datetime(2026, 3, 4, 9, 1, 35, tzinfo=UTC)
    assert kt.detected == datetime(2026, 3, 4, 9, 4, 12, tzinfo=UTC)
    assert kt.mitigated.astimezone(UTC) == datetime(2026, 3, 4, 9, 28, tzinfo=UTC)
    assert kt.resolved.astimezone(UTC) == datetime(2026, 3, 4, 11, 50, 5, tzinfo=UTC)
    assert "pool exhausted" in tl.event(ke.start).text
    assert "mitigated" in tl.event(ke.mitigated).text
    assert tl.event(ke.resolved).text.startswith("resolving")
    assert tl.metrics.time_to_detect_s == 157.0


def test_non_paging_warning_is_not_detection_and_relapse_resets_mitigation() -> None:
    alerts = source(
        "alerts.json",
        "alert",
        [
            rec(
                datetime(2026, 2, 10, 13, 22, tzinfo=UTC),
                "alert",
                "[FIRING] VendorSlow",
                "alerts.json",
                2,
                alert="VendorSlow",
                status="firing",
                severity="warning",
            ),
            rec(
                datetime(2026, 2, 10, 13, 49, 12, tzinfo=UTC),
                "alert",
                "[FIRING] CheckoutErrors",
                "alerts.json",
                9,
                alert="CheckoutErrors",
                status="firing",
                severity="page",
            ),
        ],
    )
    talk = chat(
        "c.txt",
        [
            (datetime(2026, 2, 10, 14, 11, 40), "noor", "errors dropping"),
            (datetime(2026, 2, 10, 14, 18, 50), "noor", "uh. errors are back"),
            (datetime(2026, 2, 10, 14, 24, 10), "noor", "errors dropping again"),
            (datetime(2026, 2, 10, 14, 56, 5), "elena", "resolving. thanks"),
        ],
        has_date=True,
        stated_tz="UTC",
    )
    tl = build_timeline(Bundle([alerts, talk]))
    assert tl.key_times.detected == datetime(2026, 2, 10, 13, 49, 12, tzinfo=UTC)
    assert tl.key_times.mitigated == datetime(2026, 2, 10, 14, 24, 10, tzinfo=UTC)


def test_stated_zone_and_date_flag_place_a_dateless_chat() -> None:
    talk = chat(
        "chat.txt", [(tod(23, 50), "ana", "times in PT. deploy started"), (tod(0, 20), "ana", "deploy done")]
    )
    tl = build_timeline(Bundle([talk]), date=date(2026, 7, 1))
    assert tl.clock["chat.txt"].how == "stated"
    utc = [e.time.astimezone(UTC) for e in tl.events]
    assert utc == [datetime(2026, 7, 2, 6, 50, tzinfo=UTC), datetime(2026, 7, 2, 7, 20, tzinfo=UTC)]


def test_tz_flag_applies_to_naive_times_only() -> None:
    talk = chat("chat.txt", [(datetime(2026, 1, 5, 10, 0), "ana", "hello")], has_date=True)
    tl = build_timeline(Bundle([talk, _alerts()]), tz="Asia/Kolkata")
    assert tl.events[0].time.utcoffset() == timedelta(hours=5, minutes=30)
    assert tl.clock["chat.txt"].how == "flag"
    assert tl.clock["alerts.json"].offset == "+00:00"


def test_dateless_chat_takes_its_date_from_other_sources() -> None:
    tl = build_timeline(Bundle([chat("chat.txt", [(tod(10, 0), "ana", "hi")]), _logs(5)]))
    chat_event = next(e for e in tl.events if e.source.value == "chat")
    assert chat_event.time.date() == date(2026, 3, 4)


def test_json_shape_is_the_public_contract() -> None:
    out = timeline_to_json(build_timeline(Bundle([_chat(), _logs(), _alerts()])))
    assert set(out) >= {"events", "key_times", "key_events", "metrics", "clock"}
    assert set(out["events"][0]) >= {"id", "time", "source", "actor", "text", "refs"}
    assert set(out["key_times"]) == {"start", "detected", "mitigated", "resolved"}
    assert set(out["metrics"]) == {"time_to_detect_s", "time_to_mitigate_s", "time_to_resolve_s"}
    assert set(out["clock"]["chat.txt"]) >= {"offset", "skew_s", "how", "evidence"}
    assert datetime.fromisoformat(out["key_times"]["start"]).tzinfo is not None
    json.dumps(out)


def test_cli_prints_json_and_a_table_and_reports_bad_files(tmp_path: Path) -> None:
    (tmp_path / "chat.txt").write_text(
        "#inc-1 (times UTC)\n[09:04] pagerduty: Incident #77 triggered: api down\n[09:06] ana: looking\n"
        "[09:30] ana: rolled back, errors dropping\n[10:00] ana: resolving\n"
    )
    (tmp_path / "empty.log").write_text("")
    runner = CliRunner()
    res = runner.invoke(
        app,
        [
            "timeline",
            str(tmp_path / "chat.txt"),
            str(tmp_path / "empty.log"),
            "--json",
            "--date",
            "2026-01-02",
        ],
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["key_times"]["detected"] == "2026-01-02T09:04:00+00:00"
    assert "empty.log" in res.stderr
    table = runner.invoke(app, ["timeline", str(tmp_path / "chat.txt"), "--date", "2026-01-02"])
    assert table.exit_code == 0 and "E001" in table.stdout and "detected" in table.stdout
    nothing = runner.invoke(app, ["timeline", str(tmp_path / "empty.log")])
    assert nothing.exit_code == 2
