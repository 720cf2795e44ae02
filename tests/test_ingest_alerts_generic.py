"""Alert payloads read by field names (no vendor branch) and alert e-mails pasted as text.

Samples follow the vendors' documented shapes (trimmed): CloudWatch alarm via SNS, Datadog monitor
webhook, EventBridge GuardDuty finding, Sentry issue alert, Statuspage incident webhook, Nagios and
Icinga 2 notification mails.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from _ingest_helpers import parse_one

_ALARM = {
    "AlarmName": "api-5xx-high",
    "AlarmDescription": "API 5xx > 5%. PAGES on-call.",
    "NewStateValue": "ALARM",
    "OldStateValue": "OK",
    "NewStateReason": "Threshold Crossed",
    "StateChangeTime": "2026-03-03T23:58:11.482+0000",
    "Region": "US West (Oregon)",
}


def _sns(alarm: Mapping[str, object], topic: str) -> dict[str, object]:
    return {
        "Type": "Notification",
        "MessageId": "m1",
        "TopicArn": f"arn:aws:sns:us-west-2:1:{topic}",
        "Subject": f'ALARM: "{alarm["AlarmName"]}"',
        "Message": json.dumps(alarm),
        "Timestamp": "2026-03-03T23:58:12.000Z",
    }


def test_cloudwatch_alarm_in_sns_envelope_uses_state_change_time_and_paging_route(tmp_path: Path) -> None:
    ok = {**_ALARM, "NewStateValue": "OK", "StateChangeTime": "2026-03-04T00:52:20.640+0000"}
    low = {**_ALARM, "AlarmName": "queue-depth", "AlarmDescription": "queue depth (warning, non-paging)"}
    src = parse_one(
        tmp_path,
        "alerts.json",
        json.dumps([_sns(_ALARM, "ops-paging"), _sns(ok, "ops-paging"), _sns(low, "ops-low")]),
    )
    fire, res, warn = src.records
    assert fire.time.value == datetime(2026, 3, 3, 23, 58, 11, 482000, tzinfo=UTC)
    assert (fire.attrs["status"], fire.attrs["severity"], fire.attrs["alert"]) == (
        "firing",
        "page",
        "api-5xx-high",
    )
    assert res.attrs["status"] == "resolved"
    assert warn.attrs["severity"] == "warning"


def test_datadog_monitor_warn_is_not_a_page_but_triggered_is(tmp_path: Path) -> None:
    base = {
        "id": "1",
        "event_type": "query_alert_monitor",
        "alert_title": "Consumer lag high",
        "alert_priority": "P2",
        "title": "[P2] [Triggered on {group:a}] Consumer lag high",
        "body": "%%%\nlag > 5000\n%%%",
    }
    warn = {**base, "date": "1772633460000", "alert_transition": "Warn", "alert_type": "warning"}
    trig = {**base, "date": "1772633880000", "alert_transition": "Triggered", "alert_type": "error"}
    rec = {**base, "date": "1772636040000", "alert_transition": "Recovered", "alert_type": "success"}
    src = parse_one(tmp_path, "dd.json", json.dumps([warn, trig, rec]))
    assert [r.attrs["status"] for r in src.records] == ["warning", "firing", "resolved"]
    assert src.records[1].attrs["severity"] == "p2"
    assert src.records[1].time.value == datetime(2026, 3, 4, 14, 18, tzinfo=UTC)
    assert "%%%" not in src.records[1].text


def test_guardduty_finding_from_eventbridge_maps_numeric_severity(tmp_path: Path) -> None:
    event = {
        "version": "0",
        "id": "e1",
        "detail-type": "GuardDuty Finding",
        "source": "aws.guardduty",
        "account": "1",
        "time": "2026-04-01T10:02:00Z",
        "region": "eu-west-1",
        "resources": [],
        "detail": {
            "schemaVersion": "2.0",
            "type": "UnauthorizedAccess:EC2/SSHBruteForce",
            "severity": 8,
            "title": "SSH brute force attack against i-0abc",
            "description": "i-0abc is being probed",
            "createdAt": "2026-04-01T10:01:30.000Z",
            "updatedAt": "2026-04-01T10:01:59.000Z",
        },
    }
    src = parse_one(tmp_path, "gd.json", json.dumps(event))
    (r,) = src.records
    assert r.attrs["alert"] == "SSH brute force attack against i-0abc"
    assert r.attrs["severity"] == "high"
    assert r.time.value == datetime(2026, 4, 1, 10, 1, 59, tzinfo=UTC)


def test_sentry_issue_alert_webhook(tmp_path: Path) -> None:
    payload = {
        "action": "triggered",
        "installation": {"uuid": "x"},
        "data": {
            "event": {
                "title": "TimeoutError: upstream pricing",
                "level": "error",
                "datetime": "2026-04-01T10:05:03.120Z",
                "culprit": "pricing.client in get",
                "project": 42,
            },
            "triggered_rule": "High error volume",
        },
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    (r,) = parse_one(tmp_path, "sentry.json", json.dumps(payload)).records
    assert r.attrs["alert"] == "TimeoutError: upstream pricing"
    assert r.attrs["status"] == "firing"
    assert r.time.value == datetime(2026, 4, 1, 10, 5, 3, 120000, tzinfo=UTC)
    # "error" is the level the app logged the exception at; an error tracker's notice pages nobody.
    assert r.attrs["severity"] == "error-event"


def test_statuspage_incident_webhook_yields_one_record_per_update(tmp_path: Path) -> None:
    payload = {
        "meta": {"unsubscribe": "u", "documentation": "d"},
        "page": {"id": "p", "status_indicator": "major"},
        "incident": {
            "name": "Checkout errors",
            "status": "resolved",
            "impact": "major",
            "created_at": "2026-04-01T10:03:00.000Z",
            "shortlink": "http://stspg.io/x",
            "incident_updates": [
                {"status": "resolved", "body": "Fixed.", "created_at": "2026-04-01T11:00:00.000Z"},
                {"status": "investigating", "body": "Looking.", "created_at": "2026-04-01T10:03:00.000Z"},
                {"status": "monitoring", "body": "Rolled back.", "created_at": "2026-04-01T10:40:00Z"},
            ],
        },
    }
    src = parse_one(tmp_path, "statuspage.json", json.dumps(payload))
    assert [r.attrs["status"] for r in src.records] == ["firing", "acknowledged", "resolved"]
    assert all(r.attrs["alert"] == "Checkout errors" for r in src.records)


_NAGIOS = """***** Nagios *****

Notification Type: PROBLEM

Service: HTTP
Host: web-01
Address: 10.0.0.5
State: CRITICAL

Date/Time: Wed Apr 1 10:02:11 UTC 2026

Additional Info:

HTTP CRITICAL - Socket timeout after 10 seconds

***** Nagios *****

Notification Type: RECOVERY

Service: HTTP
Host: web-01
Address: 10.0.0.5
State: OK

Date/Time: Wed Apr 1 10:31:40 UTC 2026

Additional Info:

HTTP OK: HTTP/1.1 200 OK
"""


def test_nagios_notification_mails_pasted_as_text(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "alerts.txt", _NAGIOS)
    assert src.format == "alert-mail"
    first, second = src.records
    assert (first.attrs["status"], first.attrs["severity"], first.attrs["alert"]) == (
        "firing",
        "critical",
        "HTTP on web-01",
    )
    assert first.time.value == datetime(2026, 4, 1, 10, 2, 11, tzinfo=UTC)
    assert second.attrs["status"] == "resolved"


def test_zabbix_mail_event_time_takes_the_mail_header_offset(tmp_path: Path) -> None:
    text = (
        "From: Zabbix <z@x>\nDate: Tue, 10 Feb 2026 10:41:07 +0100\nSubject: Problem: High GC time on pricing-03\n\n"
        "Problem started at 10:41:05 on 2026.02.10\nProblem name: High GC time on pricing-03\nHost: pricing-03\n"
        "Severity: High\n\nFrom: Zabbix <z@x>\nDate: Tue, 10 Feb 2026 11:02:41 +0100\n"
        "Subject: Resolved in 21m 36s: High GC time on pricing-03\n\nProblem has been resolved at 11:02:40 on "
        "2026.02.10\nProblem name: High GC time on pricing-03\nHost: pricing-03\nSeverity: High\n"
    )
    src = parse_one(tmp_path, "alerts.txt", text)
    first, second = src.records
    assert first.time.value == datetime(2026, 2, 10, 10, 41, 5, tzinfo=timezone(timedelta(hours=1)))
    assert (first.attrs["status"], first.attrs["severity"]) == ("firing", "high")
    assert second.attrs["status"] == "resolved"


def test_icinga_mail_with_when_field(tmp_path: Path) -> None:
    block = (
        "***** Service Monitoring on icinga-master *****\n\nHTTP on web-02 is {state}!\n\nInfo:    {info}\n\n"
        "When:    {when}\nService: HTTP\nHost:    web-02\nIPv4:    10.0.0.6\nNotification Type: {kind}\n\n"
    )
    text = block.format(
        state="CRITICAL", info="timeout", when="2026-04-01 10:02:11 +0000", kind="PROBLEM"
    ) + block.format(state="OK", info="200 OK", when="2026-04-01 10:20:00 +0000", kind="RECOVERY")
    src = parse_one(tmp_path, "icinga.txt", text)
    assert [r.attrs["status"] for r in src.records] == ["firing", "resolved"]
    assert src.records[0].time.value == datetime(2026, 4, 1, 10, 2, 11, tzinfo=UTC)


def test_a_json_log_list_is_not_mistaken_for_alerts(tmp_path: Path) -> None:
    from assistant.ingest.alert_fields import looks_like_alert

    logs = [{"timestamp": 1772633460000, "message": "START RequestId: 1", "logStreamName": "s"}]
    assert not looks_like_alert(logs)


def test_skipped_notifications_reach_the_problems(tmp_path: Path) -> None:
    from assistant.ingest import read_sources

    text = (
        _NAGIOS
        + "\n***** Nagios *****\n\nNotification Type: PROBLEM\nService: DNS\nHost: ns-1\nState: CRITICAL\n"
    )
    (tmp_path / "alerts.txt").write_text(text, encoding="utf-8")
    result = read_sources([tmp_path / "alerts.txt"])
    assert len(result.sources[0].records) == 2
    (problem,) = result.problems
    assert problem.line == 33 and "without a time" in problem.message  # the block's first line


def test_cloudwatch_alarm_state_change_via_eventbridge_reads_nested_state(tmp_path: Path) -> None:
    def event(value: str, at: str) -> dict[str, object]:
        return {
            "version": "0",
            "id": "x",
            "detail-type": "CloudWatch Alarm State Change",
            "source": "aws.cloudwatch",
            "time": at,
            "region": "us-east-1",
            "resources": ["arn:aws:cloudwatch:us-east-1:1:alarm:api-5xx"],
            "detail": {
                "alarmName": "api-5xx",
                "state": {
                    "value": value,
                    "reason": "Threshold Crossed",
                    "timestamp": at.replace("Z", ".120+0000"),
                },
                "previousState": {"value": "OK" if value == "ALARM" else "ALARM"},
                "configuration": {"description": "API 5xx rate"},
            },
        }

    src = parse_one(
        tmp_path,
        "eb.json",
        json.dumps([event("ALARM", "2026-04-01T10:02:00Z"), event("OK", "2026-04-01T10:40:00Z")]),
    )
    assert [r.attrs["status"] for r in src.records] == ["firing", "resolved"]
    assert src.records[0].attrs["alert"] == "api-5xx"
    assert src.records[1].time.value == datetime(
        2026, 4, 1, 10, 40, 0, 120000, tzinfo=UTC
    )  # the state change


def test_nagios_local_zone_name_and_acknowledgement(tmp_path: Path) -> None:
    # $LONGDATETIME$ in the monitoring host's zone ("JST"); ACKNOWLEDGEMENT is someone handling the problem.
    text = (
        _NAGIOS.replace("UTC 2026", "JST 2026")
        + "\n***** Nagios *****\n\nNotification Type: ACKNOWLEDGEMENT\n\nService: HTTP\nHost: web-01\n"
        "Address: 10.0.0.5\nState: CRITICAL\n\nDate/Time: Wed Apr 1 10:05:00 JST 2026\n\nAdditional Info:\n\nack\n"
    )
    src = parse_one(tmp_path, "alerts.txt", text)
    first = src.records[0]
    assert first.time.value == datetime(2026, 4, 1, 1, 2, 11, tzinfo=UTC)
    assert [r.attrs["status"] for r in src.records] == ["firing", "resolved", "acknowledged"]


def _gcp(state: str, started: int, ended: int | None) -> dict[str, object]:
    """A Cloud Monitoring webhook (schema 1.2, trimmed): epoch seconds, ``ended_at`` null while open."""
    return {
        "incident": {
            "incident_id": "0.nq1",
            "scoping_project_id": "shop-prod",
            "started_at": started,
            "ended_at": ended,
            "state": state,
            "summary": "Request count for lb-https-fr with metric labels {response_code_class=500}",
            "policy_name": "LB 5xx ratio > 5%",
            "condition_name": "5xx ratio",
            "severity": "Critical",
        },
        "version": "1.2",
    }


def test_a_closed_gcp_incident_resolves_at_its_end_time_not_its_start(tmp_path: Path) -> None:
    start, end = 1789754952, 1789757550
    src = parse_one(tmp_path, "gcp.json", json.dumps([_gcp("open", start, None), _gcp("closed", start, end)]))
    fire, res = src.records
    assert (fire.attrs["status"], fire.time.value) == ("firing", datetime.fromtimestamp(start, UTC))
    assert (res.attrs["status"], res.time.value) == ("resolved", datetime.fromtimestamp(end, UTC))
