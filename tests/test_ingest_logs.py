"""Log parsers: ISO lines, pod prefixes, tracebacks, syslog, JSON lines, access logs, k8s events."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from _ingest_helpers import parse_one

from assistant.domain import SourceKind
from assistant.ingest import PLACEHOLDER_YEAR, read_sources
from assistant.ingest.logs import scan_log


def test_iso_lines_fold_tracebacks_into_the_previous_record(tmp_path: Path) -> None:
    log = (
        "2026-04-17 17:42:10,800 WARNING worker.render [notify-worker-6d9f8b7c5-4kq2l] odd payload\n"
        "2026-04-17 17:42:11,000 ERROR   worker.consumer [notify-worker-6d9f8b7c5-4kq2l] failed to render\n"
        "Traceback (most recent call last):\n"
        '  File "/app/render.py", line 88, in render_sms\n'
        "UnicodeEncodeError: surrogates not allowed\n"
        "2026-04-17 17:42:11,003 CRITICAL worker.main [notify-worker-6d9f8b7c5-4kq2l] exiting\n"
    )
    src = parse_one(tmp_path, "app.log", log)
    assert src.kind == SourceKind.log and src.format == "log-layout"
    warn, err, crit = src.records
    assert warn.time.value == datetime(2026, 4, 17, 17, 42, 10, 800000) and warn.time.value.tzinfo is None
    assert warn.attrs == {
        "level": "warning",
        "host": "notify-worker-6d9f8b7c5-4kq2l",
        "service": "notify-worker",
    }
    assert err.attrs["level"] == "error" and err.ref.line == 2
    assert err.text.endswith(
        "failed to render\nTraceback (most recent call last):\n"
        '  File "/app/render.py", line 88, in render_sms\nUnicodeEncodeError: surrogates not allowed'
    )
    assert crit.attrs["level"] == "critical" and crit.ref.line == 6


def test_pod_prefixed_and_stern_lines_give_host_and_service(tmp_path: Path) -> None:
    log = (
        "[orders-api-7d8f9b6c4-4wq2z] 2026-03-04T08:35:09.834Z  INFO 1 --- [main] c.t.Access : POST /v1/invoices 201\n"
        'fare-search-5c8d7b6f9-51176 fare-search 2025-10-21T09:50:43.274529000Z {"level":50,"time":1761040243274,'
        '"msg":"heap used 91%","heapMb":1480}\n'
        'api-gw-84d5c9f7b-zt8hn envoy 2025-10-21T11:54:51.233529000Z [2025-10-21T11:54:51.233Z] "GET /v2/search HTTP/1.1" 502 UC 0\n'
    )
    src = parse_one(tmp_path, "app.log", log)
    spring, pino, envoy = src.records
    assert spring.time.value == datetime(2026, 3, 4, 8, 35, 9, 834000, tzinfo=UTC)
    assert spring.attrs == {"level": "info", "host": "orders-api-7d8f9b6c4-4wq2z", "service": "orders-api"}
    assert pino.text == "heap used 91% heapMb=1480" and pino.attrs["level"] == "error"
    assert pino.attrs["service"] == "fare-search" and pino.actor == "fare-search"
    assert envoy.attrs["level"] == "error" and envoy.attrs["service"] == "envoy"


def test_iso_lines_with_host_and_program_after_the_stamp(tmp_path: Path) -> None:
    log = (
        "2025-09-23T12:06:29.000Z ams1-edge-02 mgd[4411]: UI_COMMIT: User 'pieter' requested 'commit'\n"
        '2025-09-23T12:06:43.252Z payments-ams1-fb5a1 payments-api: level=error msg="authorize failed"\n'
    )
    commit, err = parse_one(tmp_path, "app.log", log).records
    assert commit.attrs == {"host": "ams1-edge-02", "service": "mgd"}
    assert commit.text.startswith("UI_COMMIT: User")
    assert err.attrs["level"] == "error" and err.attrs["host"] == "payments-ams1-fb5a1"


def test_syslog_3164_without_a_year_marks_it_missing(tmp_path: Path) -> None:
    log = (
        "Mar  4 09:01:02 db-1 postgres[311]: FATAL:  too many connections\nMar  4 09:01:05 db-1 kernel: oom\n"
    )
    first, second = parse_one(tmp_path, "syslog", log).records
    assert first.time.value == datetime(PLACEHOLDER_YEAR, 3, 4, 9, 1, 2) and first.time.has_date
    assert first.attrs == {"host": "db-1", "service": "postgres", "year_missing": True, "level": "critical"}
    assert first.text == "FATAL:  too many connections"
    assert second.attrs["service"] == "kernel"


def test_syslog_3164_crossing_new_year_increments_the_inferred_year(tmp_path: Path) -> None:
    log = (
        "Dec 31 23:59:58 lb-1 haproxy[1]: 1.2.3.4:5 [31/Dec/2025:23:59:58.100] fe be 200\n"
        "Jan  1 00:00:03 lb-1 haproxy[1]: 1.2.3.4:6 [01/Jan/2026:00:00:03.100] fe be 200\n"
    )
    a, b = parse_one(tmp_path, "haproxy.log", log).records
    assert a.time.value.year == 2025 and b.time.value.year == 2026
    assert "year_missing" not in a.attrs


def test_syslog_5424_with_structured_data(tmp_path: Path) -> None:
    log = (
        '<165>1 2026-03-04T09:01:02.003+01:00 web-3 nginx 811 ID47 [exampleSDID@32473 iut="3"] '
        "upstream timed out\n<14>1 2026-03-04T09:01:03Z web-3 app - - - ERROR ready\n"
    )
    src = parse_one(tmp_path, "rfc5424.log", log)
    a, b = src.records
    assert src.format == "syslog-5424"
    assert a.time.value == datetime(2026, 3, 4, 9, 1, 2, 3000, tzinfo=timezone(timedelta(hours=1)))
    assert a.attrs == {"host": "web-3", "service": "nginx"} and a.text == "upstream timed out"
    assert b.attrs["level"] == "error"


def test_json_lines_with_common_keys_epochs_and_pino_levels(tmp_path: Path) -> None:
    lines = [
        {
            "ts": "2026-02-10T13:15:01.277Z",
            "level": "info",
            "service": "checkout",
            "msg": "tax calculated",
            "country": "AT",
        },
        {"@timestamp": "2026-02-10T13:44:02+01:00", "severity": "ERROR", "message": "TaxCalculationError"},
        {"time": 1770731352164, "level": 40, "msg": "slow"},
        {"timestamp": 1770731352, "lvl": "warn", "log": "epoch seconds"},
    ]
    src = parse_one(tmp_path, "app.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    assert src.format == "jsonl"
    a, b, c, d = src.records
    assert a.text == "tax calculated country=AT" and a.attrs == {"level": "info", "service": "checkout"}
    assert b.time.value == datetime(2026, 2, 10, 12, 44, 2, tzinfo=UTC) and b.attrs["level"] == "error"
    assert (
        c.time.value == datetime(2026, 2, 10, 13, 49, 12, 164000, tzinfo=UTC)
        and c.attrs["level"] == "warning"
    )
    assert d.time.value == datetime(2026, 2, 10, 13, 49, 12, tzinfo=UTC) and d.text == "epoch seconds"
    assert [r.ref.line for r in src.records] == [1, 2, 3, 4]


def test_nginx_combined_access_log(tmp_path: Path) -> None:
    log = (
        '203.0.113.9 - - [10/Oct/2026:13:55:36 +0000] "GET /api/orders HTTP/1.1" 502 157 "-" "curl/8.0"\n'
        '203.0.113.9 - bob [10/Oct/2026:13:55:37 -0700] "POST /login HTTP/1.1" 200 12 "-" "Mozilla/5.0"\n'
    )
    src = parse_one(tmp_path, "access.log", log)
    a, b = src.records
    assert src.format == "access-log"
    assert a.time.value == datetime(2026, 10, 10, 13, 55, 36, tzinfo=UTC)
    assert a.text == "GET /api/orders HTTP/1.1 502 157" and a.attrs["level"] == "error"
    assert b.time.value.utcoffset() == timedelta(hours=-7) and b.attrs["level"] == "info"


def test_kubectl_events_json_places_repeats_at_first_timestamp_and_keeps_the_last(tmp_path: Path) -> None:
    doc = {
        "apiVersion": "v1",
        "kind": "List",
        "items": [
            {
                "kind": "Event",
                "type": "Warning",
                "reason": "BackOff",
                "message": "Back-off restarting failed container",
                "involvedObject": {"kind": "Pod", "name": "api-5d4f-x1", "namespace": "shop"},
                "firstTimestamp": "2026-03-04T09:00:00Z",
                "lastTimestamp": "2026-03-04T09:05:00Z",
                "count": 7,
            },
            {
                "kind": "Event",
                "type": "Normal",
                "reason": "Pulled",
                "message": "pulled image",
                "involvedObject": {"kind": "Pod", "name": "api-5d4f-x2", "namespace": "shop"},
                "eventTime": "2026-03-04T09:06:00.000000Z",
            },
        ],
    }
    text = json.dumps(doc, indent=2)
    src = parse_one(tmp_path, "events.json", text)
    back, back_last, pulled = src.records
    assert src.format == "k8s-events-json" and src.kind == SourceKind.log
    assert back.time.value == datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
    assert back.text == "Warning BackOff pod/api-5d4f-x1: Back-off restarting failed container (x7)"
    assert back.attrs["level"] == "warning" and back.attrs["count"] == 7
    assert back.attrs["last_seen"] == "2026-03-04T09:05:00+00:00"
    assert back_last.time.value == datetime(2026, 3, 4, 9, 5, tzinfo=UTC) and back_last.ref == back.ref
    assert text.split("\n")[back.ref.line - 1].strip() == "{"
    assert pulled.time.value == datetime(2026, 3, 4, 9, 6, tzinfo=UTC)


def test_kubectl_events_text_uses_a_stated_capture_time(tmp_path: Path) -> None:
    text = (
        "# captured 2026-03-04T10:00:00Z\n"
        "LAST SEEN   TYPE      REASON      OBJECT            MESSAGE\n"
        "5m          Warning   OOMKilling  node/worker-3     Memory cgroup out of memory\n"
        "1h2m        Normal    Scheduled   pod/api-5d4f-x1   Successfully assigned shop/api\n"
    )
    src = parse_one(tmp_path, "events.txt", text)
    oom, sched = src.records
    assert oom.time.value == datetime(2026, 3, 4, 9, 55, tzinfo=UTC) and oom.ref.line == 3
    assert oom.text == "Warning OOMKilling node/worker-3: Memory cgroup out of memory"
    assert sched.time.value == datetime(2026, 3, 4, 8, 58, tzinfo=UTC)


def test_kubectl_events_text_without_any_absolute_time_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "events.txt"
    path.write_text(
        "LAST SEEN   TYPE      REASON   OBJECT        MESSAGE\n5m   Warning   BackOff   pod/a-1   back-off\n"
    )
    result = read_sources([path])
    (problem,) = result.problems
    assert problem.path == str(path) and problem.line == 1
    assert "relative ages" in problem.message and "-o json" in problem.message


def test_scan_log_yields_named_log_lines_with_continuations_folded() -> None:
    lines = ["2026-03-04T09:00:00Z ERROR boom", "  at frame 1", "2026-03-04T09:00:01Z INFO ok"]
    out = list(scan_log(lines, sample="\n".join(lines)))
    assert out[0] == (
        1,
        datetime(2026, 3, 4, 9, 0, tzinfo=UTC),
        True,
        "ERROR boom\n  at frame 1",
        "error",
        None,
        None,
    )
    assert out[1].line == 3 and out[1].level == "info"


def test_kubectl_events_text_takes_its_capture_time_from_date_output(tmp_path: Path) -> None:
    text = (
        "$ date -u\nFri Feb 27 00:31:10 UTC 2026\n$ kubectl get events -n pay\n"
        "LAST SEEN   TYPE      REASON      OBJECT            MESSAGE\n"
        "44m         Warning   Unhealthy   pod/api-1         Readiness probe failed: 503\n"
        "58s         Normal    Ready       pod/api-1         Readiness probe succeeded\n"
    )
    src = parse_one(tmp_path, "events.txt", text)
    assert src.format == "k8s-events" and not src.warnings
    failed, ready = src.records
    assert failed.time.value == datetime(2026, 2, 26, 23, 47, 10, tzinfo=UTC)
    assert ready.time.value == datetime(2026, 2, 27, 0, 30, 12, tzinfo=UTC)


def test_a_monolog_log_is_a_log_with_channel_and_level_not_a_chat(tmp_path: Path) -> None:
    text = "".join(
        f'[2026-02-10 10:{m:02d}:12] {lvl}: {msg} {{"store":"MI-04"}}\n'
        for m, lvl, msg in [
            (40, "production.INFO", "Application booted"),
            (41, "production.WARNING", "Slot API slow"),
            (47, "production.ERROR", "OOM command not allowed when used memory > 'maxmemory'."),
            (48, "production.ERROR", "OOM command not allowed when used memory > 'maxmemory'."),
            (49, "production.INFO", "Coupon rejected"),
        ]
    )
    src = parse_one(tmp_path, "laravel.log", text)
    assert src.kind == SourceKind.log
    oom = [r for r in src.records if "OOM" in r.text]
    assert oom and all(
        r.attrs.get("level") == "error" and r.attrs.get("service") == "production" for r in oom
    )


def test_a_mysql_slow_query_log_gives_one_record_per_query_at_its_time(tmp_path: Path) -> None:
    text = (
        "/usr/sbin/mysqld, Version: 8.0.39 (MySQL Community Server - GPL). started with:\n"
        "Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock\n"
        "Time                 Id Command    Argument\n"
        "# Time: 2026-02-09T07:50:39.599150Z\n"
        "# User@Host: shop[shop] @ checkout-api-3 [10.40.3.13]  Id: 97370\n"
        "# Query_time: 2.432943  Lock_time: 0.000190 Rows_sent: 11  Rows_examined: 130376\n"
        "SET timestamp=1770623439;\n"
        "SELECT * FROM promo_codes\n"
        "  WHERE code = 'X';\n"
        "# User@Host: bi[bi] @ bi-01 [10.40.2.15]  Id: 97092\n"
        "# Query_time: 44.650252  Lock_time: 0.000069 Rows_sent: 7 Rows_examined: 2124432\n"
        "SET timestamp=1770623439;\n"
        "SELECT 1;\n"
    )
    src = parse_one(tmp_path, "mysql-slow.log", text)
    assert (src.format, src.kind) == ("mysql-slow", SourceKind.log)
    first, second = src.records
    assert first.time.value == datetime(2026, 2, 9, 7, 50, 39, 599150, tzinfo=UTC)
    assert (
        first.text == "slow query (2.4 s, 130376 rows examined): SELECT * FROM promo_codes WHERE code = 'X';"
    )
    assert first.attrs["service"] == "checkout-api-3" and first.ref.line == 4
    assert second.time.value == first.time.value and second.ref.line == 10  # same second, no '# Time:'
