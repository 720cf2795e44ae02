"""Log condensation: templates with counts, first/last time, examples, bursts, rare lines and state changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from assistant.domain import SourceRef
from assistant.timeline.condense import Condenser, level_class, mask

T0 = datetime(2026, 2, 10, 13, 0, tzinfo=UTC)


def _ref(n: int) -> SourceRef:
    return SourceRef(file="app.log", line=n)


def test_mask_hides_ids_numbers_ips_and_key_values_but_keeps_words() -> None:
    line = 'GET /v2/shipments/SHP123 from 10.1.2.3:8080 took 57ms trace=ab12cd user="bob" status=200'
    # a key=value value is a value even without digits (user and host names split templates otherwise)
    assert mask(line) == 'GET <*> from <*> took <*> trace=<*> user="<*>" status=<*>'
    assert mask("HikariPool-1 - Connection is not available") == "<*> - Connection is not available"


def test_level_class_uses_the_level_when_present_and_words_otherwise() -> None:
    assert level_class("ERROR", "anything") == "error"
    assert level_class("50", "pino error") == "error"
    assert level_class("info", "3ds challenge timeout retried") == "info"
    assert level_class(None, "SSL handshake failure on fe_partner_api") == "error"
    assert level_class(None, '"GET /v2/search HTTP/1.1" 502 UC 0 95') == "error"
    assert level_class(None, "request completed") == "info"


def test_an_access_lines_own_status_decides_not_its_byte_counts() -> None:
    from assistant.ingest._levels import level_in_text

    ok = '[2026-05-12T12:13:44.224Z] "POST /v1/match/queue HTTP/1.1" 200 - 519 4004 176 176 "203.0.113.9"'
    assert level_class("info", ok) == "info" and level_class(None, ok) == "info"  # 519 bytes, not a 502
    assert level_class(None, "GET /v1/orders 503 12ms") == "error"  # a status standing alone still counts
    # Envoy writes "-" for a method it never parsed: a downstream protocol error is still a 400.
    assert level_in_text(
        '"- - HTTP/1.1" 400 DPE 0 11 0 - "-" "-" "-" "-" "-" http1.unexpected_underscore'
    ) == ("warning")


def test_frequent_template_becomes_one_event_with_count_first_last_and_examples() -> None:
    c = Condenser()
    for i in range(1000):
        c.add(
            T0 + timedelta(seconds=i),
            f"request completed id={i} status=200 in {i % 90}ms",
            _ref(i + 1),
            level="info",
            service="api",
        )
    events = c.events()
    assert len(events) == 1
    e = events[0]
    assert e.attrs["count"] == 1000
    assert e.time == T0 and e.attrs["last"] == (T0 + timedelta(seconds=999)).isoformat()
    assert [str(r) for r in e.refs] == ["app.log:1", "app.log:1000"]
    assert e.attrs["examples"][:2] == [
        "request completed id=0 status=200 in 0ms",
        "request completed id=1 status=200 in 1ms",
    ]
    assert "x1000" in e.text


def test_error_bursts_separated_by_a_quiet_gap_stay_apart() -> None:
    c = Condenser()
    n = 0
    for start, count in ((T0, 120), (T0 + timedelta(minutes=35), 60)):
        for i in range(count):
            n += 1
            c.add(start + timedelta(seconds=5 * i), f"TaxCalculationError order={n}", _ref(n), level="error")
    events = c.events()
    assert [e.attrs["count"] for e in events] == [120, 60]
    assert events[1].time == T0 + timedelta(minutes=35)
    assert events[0].attrs["last"] == (T0 + timedelta(seconds=5 * 119)).isoformat()
    assert [t for t, _ in c.error_times()][:1] == [T0]


def test_rare_lines_are_kept_one_by_one_among_a_flood() -> None:
    c = Condenser()
    for i in range(5000):
        c.add(T0 + timedelta(milliseconds=300 * i), f"tick {i}", _ref(i + 1), level="info")
    c.add(T0 + timedelta(minutes=7), "UI_COMMIT_COMPLETED: commit complete", _ref(9001))
    c.add(T0 + timedelta(minutes=21), "UI_COMMIT_COMPLETED: commit complete", _ref(9002))
    events = c.events()
    commits = [e for e in events if "UI_COMMIT" in e.text]
    assert [e.time for e in commits] == [T0 + timedelta(minutes=7), T0 + timedelta(minutes=21)]
    assert len(events) == 3


def test_a_usually_identical_line_that_changes_is_a_state_change_event() -> None:
    c = Condenser()
    for i in range(60):
        weight = 0 if 30 <= i < 45 else 50
        c.add(T0 + timedelta(seconds=30 * i), f"gslb: member=ams1 weight={weight}", _ref(i + 1), level="info")
    changes = [e for e in c.events() if e.attrs.get("state_change")]
    assert [e.text for e in changes] == ["gslb: member=ams1 weight=0", "gslb: member=ams1 weight=50"]
    assert changes[0].time == T0 + timedelta(seconds=30 * 30)


def test_a_million_distinct_lines_condense_to_at_most_a_few_hundred_events() -> None:
    c = Condenser(max_events=300)
    for i in range(20000):
        c.add(
            T0 + timedelta(milliseconds=50 * i),
            f"svc{i % 7} handled req-{i} in {i % 300}ms shard {i % 16}",
            _ref(i + 1),
            level="info",
        )
        if i % 97 == 0:
            c.add(
                T0 + timedelta(milliseconds=50 * i),
                f"ERROR upstream {i % 5} timeout after {i}ms",
                _ref(i + 1),
                level="error",
            )
    events = c.events()
    assert 1 <= len(events) <= 300
    assert sum(e.attrs["count"] for e in events if "handled" in e.text) == 20000


def test_timeline_templates_keep_digit_free_states_apart() -> None:
    c = Condenser()
    for i in range(200):
        c.add(T0 + timedelta(seconds=i), f"health check id={i} status=OK", _ref(i + 1), level="info")
    c.add(T0 + timedelta(seconds=300), "health check id=999 status=FAILED", _ref(999), level="info")
    failed = [e for e in c.events() if "FAILED" in e.text]
    assert [e.time for e in failed] == [T0 + timedelta(seconds=300)]
