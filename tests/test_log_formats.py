"""The log formats teams use (issue 10 item 4), each in its vendor's documented shape (samples written here).

Every format must come out of the general layout learner or the JSON record mapper: right time
(zone when written), level where the format has one, multi-line records folded, nothing dropped.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from assistant.domain import ParsedSource, SourceKind
from assistant.ingest import read_text

CET = timezone(timedelta(hours=1))


def _one(text: str, name: str = "x.log") -> ParsedSource:
    r = read_text(text, name=name)
    assert r.problems == [], r.problems
    assert len(r.sources) == 1
    src = r.sources[0]
    assert src.kind == SourceKind.log
    return src


def _levels(src: ParsedSource) -> list[str | None]:
    return [r.attrs.get("level") for r in src.records]


# (name, text, first time, levels)
CASES = [
    (
        "logfmt",
        'ts=2026-03-04T14:02:11.123Z level=info msg="request served" path=/api status=200\n'
        'ts=2026-03-04T14:02:12.456Z level=error msg="db timeout" err="context deadline exceeded"\n',
        datetime(2026, 3, 4, 14, 2, 11, 123000, tzinfo=UTC),
        ["info", "error"],
    ),
    (
        "zap json",
        '{"level":"info","ts":1772632931.123456,"caller":"http.go:88","msg":"served","status":200}\n'
        '{"level":"error","ts":1772632932.5,"caller":"http.go:91","msg":"upstream failed"}\n',
        datetime(2026, 3, 4, 14, 2, 11, 123456, tzinfo=UTC),
        ["info", "error"],
    ),
    (
        "zap console",
        '2026-03-04T14:02:11.123Z\tINFO\thttp.go:88\tserved\t{"status": 200}\n'
        "2026-03-04T14:02:12.456Z\tERROR\thttp.go:91\tupstream failed\n",
        datetime(2026, 3, 4, 14, 2, 11, 123000, tzinfo=UTC),
        ["info", "error"],
    ),
    (
        "logrus",
        'time="2026-03-04T14:02:11Z" level=info msg="sync started" app=orders\n'
        'time="2026-03-04T14:02:12Z" level=warning msg="sync slow" app=orders took=3.2s\n',
        datetime(2026, 3, 4, 14, 2, 11, tzinfo=UTC),
        ["info", "warning"],
    ),
    (
        "kafka broker",
        "[2026-03-04 14:02:11,123] INFO [GroupCoordinator 3]: Preparing to rebalance group orders "
        "(kafka.coordinator.group.GroupCoordinator)\n"
        "[2026-03-04 14:02:12,456] WARN [ReplicaFetcher replicaId=1, leaderId=3] Error in fetch "
        "(kafka.server.ReplicaFetcherThread)\n",
        datetime(2026, 3, 4, 14, 2, 11, 123000),
        ["info", "warning"],
    ),
    (
        "postgres stderr",
        "2026-03-04 14:02:11.123 UTC [4242] LOG:  checkpoint starting: time\n"
        "2026-03-04 14:02:12.456 UTC [4250] ERROR:  canceling statement due to statement timeout\n",
        datetime(2026, 3, 4, 14, 2, 11, 123000, tzinfo=UTC),
        ["info", "error"],
    ),
    (
        "postgres csvlog",
        '2026-03-04 14:02:11.123 UTC,"app","orders",4250,"10.0.0.5:51234",65e5f0a3.109a,1,"SELECT",'
        '2026-03-04 14:00:00 UTC,3/45,0,ERROR,57014,"canceling statement due to statement timeout",'
        ',,,,,"SELECT 1",,,"psql","client backend",,0\n',
        datetime(2026, 3, 4, 14, 2, 11, 123000, tzinfo=UTC),
        ["error"],
    ),
    (
        "mysql error log",
        "2026-03-04T14:02:12.456789Z 12 [Warning] [MY-010055] [Server] IP address could not be resolved\n"
        "2026-03-04T14:02:13.000000Z 0 [ERROR] [MY-012574] [InnoDB] Unable to lock ./ibdata1\n",
        datetime(2026, 3, 4, 14, 2, 12, 456789, tzinfo=UTC),
        ["warning", "error"],
    ),
    (
        "redis",
        "1:M 04 Mar 2026 14:02:12.456 * Background saving started by pid 42\n"
        "1:M 04 Mar 2026 14:02:13.789 # WARNING: memory usage above maxmemory\n",
        datetime(2026, 3, 4, 14, 2, 12, 456000),
        ["info", "warning"],  # "*" notice, "#" warning
    ),
    (
        "journalctl -o json",
        '{"__REALTIME_TIMESTAMP":"1772632931123456","_HOSTNAME":"web-1","SYSLOG_IDENTIFIER":"nginx",'
        '"PRIORITY":"6","MESSAGE":"started"}\n'
        '{"__REALTIME_TIMESTAMP":"1772632932456789","_HOSTNAME":"web-1","SYSLOG_IDENTIFIER":"nginx",'
        '"PRIORITY":"3","MESSAGE":"upstream timed out"}\n',
        datetime(2026, 3, 4, 14, 2, 11, 123456, tzinfo=UTC),
        ["info", "error"],
    ),
    (
        "github actions",
        "2026-05-19T16:01:57.4120017Z ##[group]Run actions/checkout@v4\n"
        "2026-05-19T16:02:30.1000000Z ##[error]Process completed with exit code 1.\n",
        datetime(2026, 5, 19, 16, 1, 57, 412001, tzinfo=UTC),
        [None, "error"],
    ),
    (
        "envoy access",
        '[2026-03-04T14:02:11.123Z] "GET /api/orders HTTP/1.1" 200 - 0 512 12 10 "10.0.0.1" "curl/8" '
        '"8a7b" "orders" "10.0.1.5:8080"\n'
        '[2026-03-04T14:02:12.456Z] "GET /api/orders HTTP/1.1" 503 UF 0 91 5 - "10.0.0.1" "curl/8" '
        '"8a7c" "orders" "10.0.1.5:8080"\n',
        datetime(2026, 3, 4, 14, 2, 11, 123000, tzinfo=UTC),
        ["info", "error"],
    ),
    (
        "windows cbs",
        "2026-03-04 14:02:11, Info                  CBS    Starting TrustedInstaller initialization.\n"
        "2026-03-04 14:02:12, Error                 CSI    00000001 (F) STATUS_SXS_ASSEMBLY_MISSING\n",
        datetime(2026, 3, 4, 14, 2, 11),
        ["info", "error"],
    ),
]


@pytest.mark.parametrize(("name", "text", "first", "levels"), CASES, ids=[c[0] for c in CASES])
def test_each_vendor_format_reads_its_time_and_level(
    name: str, text: str, first: datetime, levels: list[str | None]
) -> None:
    src = _one(text)
    assert src.records[0].time.value == first
    assert _levels(src) == levels
    assert src.coverage is not None and src.coverage.timed == len(levels) and not src.coverage.dropped


def test_log4j2_with_offsets_folds_stack_traces_into_their_record() -> None:
    text = (
        "2026-03-04T15:02:11.123+01:00 INFO  [main] com.shop.Orders - started in 3.1s\n"
        "2026-03-04T15:02:12.456+01:00 ERROR [http-nio-8080-exec-3] com.shop.Orders - checkout failed\n"
        "java.lang.IllegalStateException: pool exhausted\n"
        "\tat com.shop.Pool.get(Pool.java:42)\n"
        "Caused by: java.net.SocketTimeoutException: connect timed out\n"
        "\t... 12 more\n"
        "2026-03-04T15:02:13.000+01:00 INFO  [main] com.shop.Orders - recovered\n"
    )
    src = _one(text)
    assert [r.ref.line for r in src.records] == [1, 2, 7]
    err = src.records[1]
    assert err.time.value == datetime(2026, 3, 4, 15, 2, 12, 456000, tzinfo=CET)
    assert err.attrs["level"] == "error" and "Caused by: java.net.SocketTimeoutException" in err.text
    assert src.coverage is not None and src.coverage.untimed_kept == 4 and src.coverage.timed == 3


def test_compose_prefixes_name_the_service_of_each_interleaved_line() -> None:
    text = (
        "api-1    | 2026-03-04T14:02:11.123Z INFO started on :8080\n"
        "db-1     | 2026-03-04 14:02:11.500 UTC [1] LOG:  database system is ready\n"
        "api-1    | 2026-03-04T14:02:12.456Z ERROR query failed\n"
        "db-1     | 2026-03-04 14:02:12.600 UTC [7] ERROR:  deadlock detected\n"
    )
    src = _one(text)
    assert [r.attrs.get("service") for r in src.records] == ["api", "db", "api", "db"]
    assert [r.attrs.get("level") for r in src.records] == ["info", "info", "error", "error"]


def test_docker_json_file_lines_read_nanosecond_times() -> None:
    src = _one(
        '{"log":"GET /health 200\\n","stream":"stdout","time":"2026-03-04T14:02:11.123456789Z"}\n'
        '{"log":"panic: nil map\\n","stream":"stderr","time":"2026-03-04T14:02:12.000000001Z"}\n'
    )
    assert src.records[0].time.value == datetime(2026, 3, 4, 14, 2, 11, 123456, tzinfo=UTC)
    assert src.records[1].text.startswith("panic: nil map")


def test_haproxy_syslog_takes_the_year_from_its_own_accept_date() -> None:
    src = _one(
        "<134>Mar  4 14:02:11 lb-1 haproxy[2231]: 10.0.0.7:55619 [04/Mar/2026:14:02:11.707] fe_main "
        'be_app/web1 0/0/1/2/3 200 512 - - ---- 1/1/0/0/0 0/0 "GET /health HTTP/1.1"\n'
    )
    rec = src.records[0]
    assert rec.time.value == datetime(2026, 3, 4, 14, 2, 11) and "year_missing" not in rec.attrs
    assert rec.attrs["service"] == "haproxy" and rec.text.startswith("10.0.0.7:55619")


@pytest.mark.parametrize(
    "doc",
    [
        '[{"logGroupName": "/aws/lambda/f", "logStreamName": "s", "timestamp": 1772632931123, "message": "START\\n", '
        '"ingestionTime": 1772632931200, "eventId": "1"}, {"logGroupName": "/aws/lambda/f", "logStreamName": "s", '
        '"timestamp": 1772632932456, "message": "Task timed out after 3.00 seconds\\n", "ingestionTime": 1, "eventId": "2"}]',
        '{"events": [{"logStreamName": "s", "timestamp": 1772632931123, "message": "START", "eventId": "1"}, '
        '{"logStreamName": "s", "timestamp": 1772632932456, "message": "Task timed out after 3.00 seconds"}]}',
    ],
    ids=["cloudwatch export list", "filter-log-events"],
)
def test_cloudwatch_logs_exports_become_timed_log_records(doc: str) -> None:
    src = _one(doc, "cw.json")
    assert src.format == "json-log-records"
    assert [r.time.value for r in src.records] == [
        datetime(2026, 3, 4, 14, 2, 11, 123000, tzinfo=UTC),
        datetime(2026, 3, 4, 14, 2, 12, 456000, tzinfo=UTC),
    ]
    assert src.records[1].text.startswith("Task timed out")


def test_cloud_logging_entries_use_payload_severity_and_resource_service() -> None:
    doc = (
        '[{"insertId": "a1", "jsonPayload": {"message": "payment declined", "code": 402}, "resource": '
        '{"type": "cloud_run_revision", "labels": {"service_name": "payments"}}, "timestamp": '
        '"2026-03-04T14:02:11.123456789Z", "severity": "ERROR", "logName": "projects/p/logs/run"}, '
        '{"insertId": "a2", "textPayload": "Container started", "resource": {"type": "cloud_run_revision", '
        '"labels": {"service_name": "payments"}}, "timestamp": "2026-03-04T14:02:10Z", "severity": "INFO"}]'
    )
    src = _one(doc, "gcp.json")
    first, second = src.records
    assert first.text.startswith("payment declined") and first.attrs["level"] == "error"
    assert first.attrs["service"] == "payments" and second.text == "Container started"


def test_cloudtrail_records_name_the_call_and_mark_refusals_as_errors() -> None:
    doc = (
        '{"Records": [{"eventVersion": "1.08", "eventTime": "2026-03-04T14:02:11Z", "eventSource": '
        '"iam.amazonaws.com", "eventName": "PutRolePolicy", "awsRegion": "us-east-1"}, {"eventVersion": "1.08", '
        '"eventTime": "2026-03-04T14:03:00Z", "eventSource": "sts.amazonaws.com", "eventName": '
        '"AssumeRoleWithWebIdentity", "errorCode": "AccessDenied", "errorMessage": "Not authorized"}]}'
    )
    src = _one(doc, "trail.json")
    ok, denied = src.records
    assert ok.text.startswith("PutRolePolicy") and ok.attrs["service"] == "iam.amazonaws.com"
    assert denied.attrs["level"] == "error" and "errorCode=AccessDenied" in denied.text
    assert denied.ref.line == 1  # one-line document: every record starts on line 1


def test_cloudtrail_lookup_events_are_read_from_the_full_event_each_one_wraps() -> None:
    inner = (
        '{\\"eventVersion\\": \\"1.09\\", \\"eventTime\\": \\"2026-09-14T17:25:03Z\\", '
        '\\"eventSource\\": \\"glue.amazonaws.com\\", \\"eventName\\": \\"UpdateTable\\", '
        '\\"errorCode\\": \\"AccessDenied\\"}'
    )
    doc = (
        '{"Events": [{"EventId": "e1", "EventName": "UpdateTable", "ReadOnly": "false", "EventTime": '
        '"2026-09-14T11:25:03-06:00", "EventSource": "glue.amazonaws.com", "Username": "terraform", '
        f'"Resources": [], "CloudTrailEvent": "{inner}"}}]}}'
    )
    src = _one(doc, "lookup-events.json")
    (rec,) = src.records
    assert src.format == "json-log-records"
    assert rec.time.value == datetime(2026, 9, 14, 17, 25, 3, tzinfo=UTC)
    assert rec.text.startswith("UpdateTable") and rec.attrs["service"] == "glue.amazonaws.com"
    assert rec.attrs["level"] == "error"  # from the wrapped event's errorCode


def test_filter_log_events_whose_messages_are_json_read_each_apps_own_record() -> None:
    app = '{\\"ts\\": \\"2026-05-06T09:15:02.250+09:00\\", \\"level\\": \\"error\\", \\"event\\": \\"upload failed\\"}'
    doc = (
        '{\n  "events": [\n    {"logStreamName": "app/1", "timestamp": 1778026502250, '
        f'"message": "{app}", "ingestionTime": 1778026503000, "eventId": "9"}}\n  ],\n'
        '  "searchedLogStreams": []\n}'
    )
    src = _one(doc, "filter-log-events.json")
    (rec,) = src.records
    assert src.format == "json-log-records" and rec.ref.line == 3
    assert rec.time.value == datetime(2026, 5, 6, 0, 15, 2, 250000, tzinfo=UTC)
    assert rec.text.startswith("upload failed") and rec.attrs["level"] == "error"


def test_ecs_describe_services_events_are_a_log_named_after_their_service() -> None:
    doc = """{
  "services": [
    {
      "serviceName": "checkout-api",
      "desiredCount": 2,
      "events": [
        {"id": "a1", "createdAt": "2026-05-06T10:02:00.000000+09:00", "message": "(service checkout-api) has reached a steady state."},
        {"id": "a2", "createdAt": "2026-05-06T09:58:41.000000+09:00", "message": "(service checkout-api) has stopped 2 running tasks."}
      ]
    }
  ],
  "failures": []
}"""
    src = _one(doc, "ecs_describe_services.json")
    assert src.format == "json-log-records" and [r.ref.line for r in src.records] == [7, 8]
    steady, stopped = src.records
    assert stopped.time.value == datetime(2026, 5, 6, 0, 58, 41, tzinfo=UTC)
    assert steady.attrs["service"] == "checkout-api" and "id=" not in steady.text


def test_a_klog_line_inside_a_journal_line_takes_its_level_from_the_klog_letter() -> None:
    text = (
        "Sep 08 15:50:01 ip-10-20-37-88 kubelet[2234]: I0908 15:50:01.547993    2234 scope.go:117] watch "
        'ended with: an error on the server ("client connection lost")\n'
        "Sep 08 15:50:46 ip-10-20-39-12 kubelet[2251]: E0908 15:50:46.041190    2251 pod_workers.go:1298] "
        '"Error syncing pod" pod="payments/api-1"\n'
        "Sep 08 15:51:58 ip-10-20-33-14 kubelet[2200]: W0908 15:51:58.198676    2200 kubelet_volumes.go:163] "
        "orphaned pod found\n"
    )
    assert _levels(_one(text)) == ["info", "error", "warning"]


def test_json_lines_whose_time_field_is_capitalised_another_way_are_a_log() -> None:
    text = (
        '{"Action":"block","ClientRequestPath":"/v2/cart","Datetime":"2026-09-10T15:12:41Z","RuleID":"r1"}\n'
        '{"Action":"block","ClientRequestPath":"/v2/login","Datetime":"2026-09-10T15:12:44Z","RuleID":"r1"}\n'
        '{"Action":"allow","ClientRequestPath":"/v2/home","Datetime":"2026-09-10T15:12:47Z","RuleID":"r2"}\n'
    )
    src = _one(text)
    assert src.kind == "log"
    assert src.records[0].time.value == datetime(2026, 9, 10, 15, 12, 41, tzinfo=UTC)
