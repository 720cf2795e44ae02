"""Clock reading: zones, DST, dates for times of day, offset inference and skew (issue 8)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from _timeline_helpers import Bundle, chat, rec, source, tod

from assistant.clock import assign_dates, localize, stated_zone_in_text, zone_from_name
from assistant.timeline import build_timeline


def test_zone_names_abbreviations_and_offsets_resolve() -> None:
    assert zone_from_name("Europe/Berlin") == ZoneInfo("Europe/Berlin")
    assert zone_from_name("PT") == ZoneInfo("America/Los_Angeles")
    assert zone_from_name("+05:30").utcoffset(None) == timedelta(hours=5, minutes=30)
    assert zone_from_name("UTC") is UTC
    assert zone_from_name("Mars/Olympus") is None


def test_stated_zone_found_in_headers_but_not_in_statements_about_logs() -> None:
    assert stated_zone_in_text("#inc-4471 (Slack, copied by aiko — times UTC)") == "UTC"
    assert stated_zone_in_text("heads up: times in this channel are CEST, logs are UTC") == "CEST"
    # A city with an IANA zone, in the times' own words in other languages.
    said = stated_zone_in_text("horarios de este canal en hora de Buenos Aires, los logs están en UTC")
    assert said is not None and said.endswith("/Buenos_Aires")
    assert stated_zone_in_text("alle Zeiten in Berlin") == "Europe/Berlin"
    assert stated_zone_in_text("time to go in Paris") is None
    assert stated_zone_in_text("all times in PT") == "PT"
    assert stated_zone_in_text("(CEST unless marked Z. logs are UTC!)") == "CEST"
    assert stated_zone_in_text("the logs are UTC") is None
    assert stated_zone_in_text("it timed out at 10:02") is None


def test_spring_forward_gap_time_is_moved_and_reported() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    got = localize(datetime(2026, 3, 29, 2, 30), berlin)
    assert got.value.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert got.note and "does not exist" in got.note


def test_repeated_autumn_hour_follows_message_order() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    first = localize(datetime(2026, 10, 25, 2, 50), berlin)
    assert first.note and "happens twice" in first.note
    # 02:10 after 02:50 in a conversation must be the second 02:10 (after clocks fell back).
    second = localize(datetime(2026, 10, 25, 2, 10), berlin, not_before=first.value)
    assert second.value.astimezone(UTC) == datetime(2026, 10, 25, 1, 10, tzinfo=UTC)
    assert second.value > first.value


def test_times_of_day_roll_over_midnight_in_order() -> None:
    times = [tod(23, 50), tod(23, 58), tod(0, 3), tod(0, 2), tod(1, 15)]
    got = assign_dates(times, date(2026, 1, 31))
    assert [g.date() for g in got] == [date(2026, 1, 31)] * 2 + [date(2026, 2, 1)] * 3
    assert got[3] < got[2]  # a slightly out-of-order paste stays on the same day


def _alerts() -> object:
    return source(
        "alerts.json",
        "alert",
        [
            rec(
                datetime(2026, 5, 12, 17, 24, 5, tzinfo=UTC),
                "alert",
                "[FIRING] OrdersLatencyHigh p99 > 2s",
                "alerts.json",
                4,
                alert="OrdersLatencyHigh",
                status="firing",
                severity="page",
            ),
            rec(
                datetime(2026, 5, 12, 18, 10, 0, tzinfo=UTC),
                "alert",
                "[RESOLVED] OrdersLatencyHigh",
                "alerts.json",
                30,
                alert="OrdersLatencyHigh",
                status="resolved",
                severity="page",
            ),
        ],
    )


def test_local_chat_offset_is_inferred_from_the_echoed_alert() -> None:
    teams = chat(
        "teams.txt",
        [
            (tod(10, 20), "dana", "anyone else seeing slow orders?"),
            (tod(10, 24), "alertbot", "[FIRING] OrdersLatencyHigh p99 > 2s"),
            (tod(10, 26), "omar", "ack, looking"),
            (tod(11, 5), "omar", "rolled back, latency back to normal"),
            (tod(11, 20), "dana", "resolving, thanks"),
        ],
    )
    tl = build_timeline(Bundle([_alerts(), teams]))
    c = tl.clock["teams.txt"]
    assert (c.how, c.offset) == ("inferred", "-07:00")
    echo = next(e for e in tl.events if "OrdersLatencyHigh" in e.text and e.source.value == "alert")
    assert c.evidence and echo.id in c.evidence
    # Deduped: the alert carries the bot echo's reference too.
    assert [str(r) for r in echo.refs] == ["alerts.json:4", "teams.txt:3"]
    resolving = next(e for e in tl.events if e.text.startswith("resolving"))
    assert resolving.time.astimezone(UTC) == datetime(2026, 5, 12, 18, 20, tzinfo=UTC)
    assert any("inferred" in f for f in tl.findings)


def test_human_mention_of_the_page_time_pins_the_offset() -> None:
    notes = source(
        "notes.md",
        "note",
        [
            rec(
                tod(19, 30),
                "note",
                "PagerDuty paged me at 19:24, opened the dashboards",
                "notes.md",
                3,
                has_date=False,
            ),
            rec(tod(19, 50), "note", "restarted the pool", "notes.md", 4, has_date=False),
        ],
    )
    tl = build_timeline(Bundle([_alerts(), notes]))
    assert (tl.clock["notes.md"].how, tl.clock["notes.md"].offset) == ("inferred", "+02:00")


def test_an_alert_named_in_another_language_with_its_time_or_its_closing_pins_the_offset() -> None:
    chat_pt = chat(
        "canal.txt",
        [
            (tod(14, 20), "bruno", "pedidos lentos de novo?"),
            (tod(14, 40), "bruno", "o OrdersLatencyHigh chegou a paginar às 14:24, já vai resolver"),
            (tod(15, 12), "caio", "OrdersLatencyHigh resolvido"),
        ],
    )
    tl = build_timeline(Bundle([_alerts(), chat_pt]))
    assert (tl.clock["canal.txt"].how, tl.clock["canal.txt"].offset) == ("inferred", "-03:00")


def test_an_echo_at_the_alert_outweighs_a_later_follow_up_that_names_it() -> None:
    ticket = chat(
        "ticket.csv",
        [
            (tod(10, 24, 30), "jira", "OrdersLatencyHigh fired, ticket opened"),
            # an hour later, naming the alert in a follow-up: six minutes past the -06:00 grid point
            (tod(11, 30), "ana", "follow-up: tune OrdersLatencyHigh thresholds"),
        ],
    )
    tl = build_timeline(Bundle([_alerts(), ticket]))
    assert tl.clock["ticket.csv"].offset == "-07:00"


def test_an_alert_named_in_the_writers_own_words_pins_the_offset() -> None:
    alerts = source(
        "alerts.json",
        "alert",
        [
            rec(
                datetime(2026, 5, 12, 7, 4, 31, tzinfo=UTC),
                "alert",
                "[Triggered] [Datadog] Checkout error rate > 5% (orders-api)",
                "alerts.json",
                4,
                alert="[Datadog] Checkout error rate > 5% (orders-api)",
                status="firing",
                severity="P1",
            )
        ],
    )
    italian = chat(
        "gruppo.txt",
        [
            (tod(8, 58), "sara", "campagna parte alle 9"),
            (tod(9, 5, 3), "giulia", "P1 su Opsgenie, checkout error rate 7%. guardo io"),
            (tod(9, 30), "tom", "pool is pinned"),
        ],
    )
    tl = build_timeline(Bundle([alerts, italian]))
    assert (tl.clock["gruppo.txt"].how, tl.clock["gruppo.txt"].offset) == ("inferred", "+02:00")


def test_without_shared_events_the_flag_or_utc_is_used_and_said() -> None:
    quiet = chat("chat.txt", [(tod(9, 0), "ana", "deploying now"), (tod(9, 30), "ana", "done")])
    tl = build_timeline(Bundle([_alerts(), quiet]))
    assert tl.clock["chat.txt"].how == "default"
    assert tl.clock["chat.txt"].offset == "+00:00"
    assert any("chat.txt" in f and "no time zone stated" in f for f in tl.findings)
    tl2 = build_timeline(Bundle([_alerts(), quiet]), tz="America/New_York")
    assert tl2.clock["chat.txt"].how == "flag"
    assert tl2.clock["chat.txt"].offset == "-04:00"


def test_conversation_across_spring_forward_lands_on_both_sides() -> None:
    # US clocks jump 02:00 → 03:00 on 2026-03-08; the chat's 01:50 and 03:10 are 20 minutes apart.
    talk = chat(
        "chat.txt",
        [
            (datetime(2026, 3, 8, 1, 50), "ana", "db failover started"),
            (datetime(2026, 3, 8, 2, 30), "ben", "typo'd stamp from a bot"),
            (datetime(2026, 3, 8, 3, 10), "ana", "failover done"),
        ],
        has_date=True,
    )
    tl = build_timeline(Bundle([talk]), tz="America/New_York")
    by_text = {e.text: e.time for e in tl.events}
    assert by_text["db failover started"].astimezone(UTC) == datetime(2026, 3, 8, 6, 50, tzinfo=UTC)
    assert by_text["failover done"].astimezone(UTC) == datetime(2026, 3, 8, 7, 10, tzinfo=UTC)
    assert by_text["db failover started"].utcoffset() == timedelta(hours=-5)
    assert by_text["failover done"].utcoffset() == timedelta(hours=-4)
    assert any("does not exist" in f for f in tl.findings)


def test_host_eleven_minutes_slow_is_corrected_and_reported() -> None:
    base = datetime(2026, 6, 2, 14, 0, tzinfo=UTC)
    recs = []
    for i in range(8):
        rid = f"req-{4711 + i}ab"
        t = base + timedelta(minutes=3 * i, seconds=7)
        recs.append(
            rec(
                t,
                "log",
                f"GET /api/orders request_id={rid} 200",
                "app.log",
                3 * i + 1,
                host="gw-1",
                level="info",
                service="gateway",
            )
        )
        recs.append(
            rec(
                t + timedelta(milliseconds=40),
                "log",
                f"handled request_id={rid} db=12ms",
                "app.log",
                3 * i + 2,
                host="api-1",
                level="info",
                service="api",
            )
        )
        # api-2's clock runs 11 minutes slow: the same request is stamped 11 minutes early.
        recs.append(
            rec(
                t + timedelta(milliseconds=60) - timedelta(minutes=11),
                "log",
                f"audit request_id={rid} ok",
                "app.log",
                3 * i + 3,
                host="api-2",
                level="info",
                service="audit",
            )
        )
    tl = build_timeline(Bundle([source("app.log", "log", recs)]))
    c = tl.clock["app.log"]
    assert abs(c.skew_s + 660) <= 1
    assert c.evidence
    assert any("api-2" in f and "11 min" in f and "behind" in f for f in tl.findings)
    audits = [e for e in tl.events if e.text.startswith("audit")]
    assert audits and all(e.recorded_time is not None for e in audits)
    assert audits[0].time.astimezone(UTC) - audits[0].recorded_time.astimezone(UTC) == timedelta(minutes=11)
    assert audits[0].time.astimezone(UTC) >= base


def test_correct_hosts_are_not_flagged_as_skewed() -> None:
    base = datetime(2026, 6, 2, 14, 0, tzinfo=UTC)
    recs = []
    for i in range(6):
        rid = f"trace{9000 + i}x"
        t = base + timedelta(minutes=2 * i)
        recs.append(rec(t, "log", f"in {rid}", "a.log", 2 * i + 1, host="h1", level="info"))
        recs.append(
            rec(t + timedelta(seconds=2), "log", f"out {rid}", "a.log", 2 * i + 2, host="h2", level="info")
        )
    tl = build_timeline(Bundle([source("a.log", "log", recs)]))
    assert tl.clock["a.log"].skew_s == 0
    assert not [f for f in tl.findings if "skew" in f.lower()]


def test_local_time_told_for_a_city_names_the_chat_zone(tmp_path: Path) -> None:
    from assistant.clock import local_time_statement, zone_of_place

    assert zone_of_place("Madrid") == "Europe/Madrid" and zone_of_place("new york") == "America/New_York"
    assert local_time_statement("it's 15:10 here in Madrid so no rush") == (15, 10, "Europe/Madrid")
    chat = (
        "ana — 03/04/2026 3:02 PM\nshipping\nbo — 03/04/2026 3:10 PM\nit's 15:10 here in Madrid, lunch?\n"
        "ana — 03/04/2026 3:12 PM\nok\n"
    )
    (tmp_path / "chat.txt").write_text(chat, encoding="utf-8")
    tl = build_timeline([tmp_path / "chat.txt"])
    clock = tl.clock[str(tmp_path / "chat.txt")]
    assert (clock.zone, clock.how) == ("Europe/Madrid", "stated")
    assert tl.events[0].time == datetime(2026, 3, 4, 14, 2, tzinfo=UTC)


def test_chat_without_zone_takes_the_zone_its_teams_notes_state(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(
        "Timeline (all times JST)\nThu 5 Mar 15:13 JST — raised\n", encoding="utf-8"
    )
    (tmp_path / "chat.txt").write_text(
        "—— Thursday, March 5 ——\n[15:13] aoi: recon looks wrong\n"
        "[15:14] kenta: looking\n[15:20] kenta: found it\n",
        encoding="utf-8",
    )
    tl = build_timeline([tmp_path / "notes.md", tmp_path / "chat.txt"], date=datetime(2026, 3, 5).date())
    clock = tl.clock[str(tmp_path / "chat.txt")]
    assert (clock.zone, clock.how) == ("Asia/Tokyo", "inferred")
    first = next(e for e in tl.events if e.actor == "aoi")
    assert first.time == datetime(2026, 3, 5, 6, 13, tzinfo=UTC)


def test_log_line_pasted_in_chat_pins_the_chat_offset() -> None:
    logs = source(
        "app.log",
        "log",
        [
            rec(
                datetime(2026, 3, 4, 14, 28, 20),
                "log",
                "INFO [GroupCoordinator 2]: Preparing to rebalance",
                "app.log",
                7,
                level="info",
            ),
            rec(datetime(2026, 3, 4, 14, 29, 0), "log", "INFO heartbeat", "app.log", 8, level="info"),
        ],
        stated_tz="UTC",
    )
    talk = chat(
        "chat.txt",
        [
            (
                tod(15, 29),
                "iker",
                "broker side:\n[2026-03-04 14:28:20,663] INFO [GroupCoordinator 2]: Preparing to rebalance",
            ),
            (tod(15, 31), "mira", "looking"),
        ],
    )
    tl = build_timeline(Bundle([logs, talk]))
    clock = tl.clock["chat.txt"]
    assert (clock.how, clock.offset) == ("inferred", "+01:00")
    iker = next(e for e in tl.events if e.actor == "iker")
    assert iker.time == datetime(2026, 3, 4, 14, 29, tzinfo=UTC)


def test_a_process_started_later_printing_the_same_banner_is_not_a_skewed_clock() -> None:
    from assistant.domain import SourceRef
    from assistant.timeline.align import SkewUnit, detect_skew

    t0 = datetime(2026, 9, 8, 13, 2, 36, tzinfo=UTC)
    banner = [
        "CoreDNS-1.11.1 ae2bbc2",
        "plugin/reload: config SHA512 = f97092a1",
        "go1.21.8 linux/amd64 b7c4",
    ]

    def unit(key: str, start: datetime) -> SkewUnit:
        return SkewUnit(
            key=key,
            times=[start + timedelta(seconds=i) for i in range(3)],
            texts=banner,
            refs=[SourceRef(file="coredns.log", line=i + 1) for i in range(3)],
        )

    early = [unit(f"pod-{n}", t0) for n in range(3)]
    late = unit("pod-scaled", t0 + timedelta(minutes=25))  # scaled up 25 minutes later
    assert detect_skew([*early, late]) == {}


def test_a_host_whose_shared_happenings_are_minutes_apart_and_all_off_by_the_same_is_skewed() -> None:
    from assistant.domain import SourceRef
    from assistant.timeline.align import SkewUnit, detect_skew

    t0 = datetime(2026, 9, 8, 13, 0, tzinfo=UTC)
    texts = ["request id req-4411 failed", "request id req-4420 failed", "request id req-4432 failed"]
    times = [t0 + timedelta(minutes=m) for m in (0, 7, 15)]
    refs = [SourceRef(file="a.log", line=i + 1) for i in range(3)]
    good = SkewUnit(key="lb", times=times, texts=texts, refs=refs, correctable=False)
    off = SkewUnit(key="web-3", times=[t - timedelta(minutes=4) for t in times], texts=texts, refs=refs)
    found = detect_skew([good, off])
    assert round(found["web-3"].seconds) == -240


def test_a_chat_naming_a_ticket_soon_after_it_opened_takes_the_offset_that_puts_it_there() -> None:
    tickets = source(
        "tickets.json",
        "note",
        [
            rec(
                datetime(2026, 9, 2, 6, 12, 5, tzinfo=UTC),
                "note",
                "Ticket #55410 opened: invoices show the wrong currency",
                "tickets.json",
                3,
                ticket="55410",
            )
        ],
    )
    talk = chat(
        "chat.txt",
        [
            (
                datetime(2026, 9, 2, 15, 16),
                "noor",
                "support escalated #55410, invoices in the wrong currency",
            ),
            (datetime(2026, 9, 2, 15, 20), "kemal", "looking"),
            (datetime(2026, 9, 2, 16, 2), "noor", "reverted the currency flag"),
        ],
        has_date=True,
    )
    tl = build_timeline(Bundle([tickets, talk]))
    assert (tl.clock["chat.txt"].how, tl.clock["chat.txt"].offset) == ("inferred", "+09:00")


def test_a_zone_less_log_whose_ids_the_chat_relayed_takes_the_chats_offset() -> None:
    alerts = source(
        "alerts.json",
        "alert",
        [
            rec(
                datetime(2026, 9, 2, 1, 4, tzinfo=UTC),
                "alert",
                "[FIRING] InvoiceErrorRateHigh",
                "alerts.json",
                2,
                alert="InvoiceErrorRateHigh",
                status="firing",
            )
        ],
    )
    talk = chat(
        "chat.txt",
        [
            (datetime(2026, 9, 2, 9, 4), "alertbot", "[FIRING] InvoiceErrorRateHigh"),
            (datetime(2026, 9, 2, 9, 6), "jobbot", "job run-77812 failed, retrying"),
            (datetime(2026, 9, 2, 9, 31), "jobbot", "job run-77840 succeeded"),
            (datetime(2026, 9, 2, 9, 40), "noor", "ok, closing"),
        ],
        has_date=True,
    )
    log = source(
        "worker.log",
        "log",
        [
            rec(datetime(2026, 9, 2, 9, 5, 51), "log", "ERROR run-77812 failed: timeout", "worker.log", 1),
            rec(datetime(2026, 9, 2, 9, 30, 40), "log", "INFO run-77840 finished ok", "worker.log", 2),
            rec(datetime(2026, 9, 2, 9, 45), "log", "INFO idle", "worker.log", 3),
        ],
    )
    tl = build_timeline(Bundle([alerts, talk, log]))
    assert (tl.clock["chat.txt"].offset, tl.clock["worker.log"].offset) == ("+08:00", "+08:00")
    assert tl.clock["worker.log"].how == "inferred"
    assert any("worker.log" in f and "identifiers line up" in f for f in tl.findings)
