"""Alert payload parsers: Alertmanager, Grafana, PagerDuty, Opsgenie."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from _ingest_helpers import parse_one

from assistant.domain import SourceKind


def _am_alert(status: str, ends: str) -> dict:
    return {
        "status": status,
        "labels": {"alertname": "ApiErrorRate", "service": "api", "severity": "page"},
        "annotations": {"summary": "5xx ratio 21% > 5%", "description": "for 5m"},
        "startsAt": "2026-03-04T09:01:30Z",
        "endsAt": ends,
        "fingerprint": "abc123",
    }


def _am_payload(status: str, ends: str) -> dict:
    return {
        "receiver": "pd",
        "status": status,
        "alerts": [_am_alert(status, ends)],
        "version": "4",
        "groupKey": '{}:{alertname="ApiErrorRate"}',
    }


def test_alertmanager_resolved_alert_yields_firing_and_resolved_records(tmp_path: Path) -> None:
    payloads = [
        _am_payload("firing", "0001-01-01T00:00:00Z"),
        _am_payload("resolved", "2026-03-04T09:40:00Z"),
    ]
    text = json.dumps(payloads, indent=2)
    src = parse_one(tmp_path, "alerts.json", text)
    assert src.format == "alertmanager" and src.kind == SourceKind.alert
    firing, resolved = src.records  # the re-sent firing record is not duplicated
    assert firing.time.value == datetime(2026, 3, 4, 9, 1, 30, tzinfo=UTC)
    assert firing.text == "[FIRING] ApiErrorRate (service=api, severity=page) — 5xx ratio 21% > 5%"
    assert {k: firing.attrs[k] for k in ("alert", "status", "severity", "service", "system")} == {
        "alert": "ApiErrorRate",
        "status": "firing",
        "severity": "page",
        "service": "api",
        "system": "alertmanager",
    }
    assert (
        resolved.time.value == datetime(2026, 3, 4, 9, 40, tzinfo=UTC)
        and resolved.attrs["status"] == "resolved"
    )
    lines = text.split("\n")
    assert '"status": "firing"' in lines[firing.ref.line] and lines[firing.ref.line - 1].strip() == "{"
    assert resolved.ref.line > firing.ref.line


def test_alertmanager_single_payload_object(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "hook.json", json.dumps(_am_payload("firing", "2026-03-04T09:06:30Z")))
    (rec,) = src.records  # a firing alert's endsAt is only a lease, not a resolution
    assert rec.attrs["status"] == "firing"


def test_grafana_unified_and_legacy_payloads(tmp_path: Path) -> None:
    unified = {
        "receiver": "ops",
        "status": "firing",
        "orgId": 1,
        "title": "[FIRING:1] DiskFull",
        "state": "alerting",
        "alerts": [
            {
                "status": "firing",
                "labels": {"alertname": "DiskFull", "instance": "db-1"},
                "annotations": {"summary": "disk 97%"},
                "startsAt": "2026-03-04T08:00:00+01:00",
                "endsAt": "0001-01-01T00:00:00Z",
                "valueString": "97",
            }
        ],
    }
    src = parse_one(tmp_path, "grafana.json", json.dumps(unified))
    (rec,) = src.records
    assert src.format == "grafana" and rec.attrs["system"] == "grafana" and rec.attrs["alert"] == "DiskFull"
    assert rec.time.value == datetime(2026, 3, 4, 7, 0, tzinfo=UTC)
    legacy = {
        "ruleName": "CPU high",
        "state": "alerting",
        "message": "cpu > 90%",
        "time": "2026-03-04T08:10:00Z",
        "evalMatches": [{"metric": "cpu", "value": 97}],
        "title": "[Alerting] CPU high",
    }
    (old,) = parse_one(tmp_path, "legacy.json", json.dumps(legacy)).records
    assert old.attrs["status"] == "firing" and old.text == "[FIRING] CPU high — cpu > 90% (cpu=97)"


def _pd_event(kind: str, at: str, agent: str | None) -> dict:
    return {
        "event": {
            "id": "01X",
            "event_type": f"incident.{kind}",
            "resource_type": "incident",
            "occurred_at": at,
            "agent": {"summary": agent, "type": "user_reference"} if agent else None,
            "data": {
                "number": 31877,
                "title": "orders-api p99 > 5s",
                "urgency": "high",
                "priority": {"summary": "P2"},
                "service": {"summary": "orders-api"},
                "assignees": [{"summary": "Kwame Asante"}],
            },
        }
    }


def test_pagerduty_v3_webhook_events(tmp_path: Path) -> None:
    events = [
        _pd_event("triggered", "2026-03-04T09:04:12Z", None),
        _pd_event("acknowledged", "2026-03-04T09:05:40Z", "Kwame Asante"),
        _pd_event("resolved", "2026-03-04T11:50:31Z", "Ravi Menon"),
    ]
    src = parse_one(tmp_path, "pd.json", json.dumps(events, indent=2))
    trig, ack, res = src.records
    assert src.format == "pagerduty"
    assert trig.text == "PagerDuty #31877 triggered: orders-api p99 > 5s (assigned to Kwame Asante)"
    assert (
        trig.attrs["status"] == "triggered"
        and trig.attrs["severity"] == "P2"
        and trig.attrs["service"] == "orders-api"
    )
    assert ack.attrs["status"] == "acknowledged" and ack.text.endswith("(by Kwame Asante)")
    assert res.time.value == datetime(2026, 3, 4, 11, 50, 31, tzinfo=UTC)


def test_pagerduty_incident_log_entries(tmp_path: Path) -> None:
    doc = {
        "log_entries": [
            {
                "type": "trigger_log_entry",
                "created_at": "2026-03-04T09:04:12Z",
                "summary": "Triggered through the API",
                "incident": {"id": "Q1", "summary": "[#31877] orders-api p99"},
            },
            {
                "type": "acknowledge_log_entry",
                "created_at": "2026-03-04T09:05:40Z",
                "summary": "Acknowledged by Kwame",
                "agent": {"summary": "Kwame"},
                "incident": {"id": "Q1", "summary": "[#31877] orders-api p99"},
            },
            {
                "type": "resolve_log_entry",
                "created_at": "2026-03-04T11:50:31Z",
                "summary": "Resolved by Ravi",
                "incident": {"id": "Q1", "summary": "[#31877] orders-api p99"},
            },
        ]
    }
    text = json.dumps(doc, indent=2)
    src = parse_one(tmp_path, "log_entries.json", text)
    assert [r.attrs["status"] for r in src.records] == ["triggered", "acknowledged", "resolved"]
    assert src.records[1].text == "PagerDuty: Acknowledged by Kwame"
    assert text.split("\n")[src.records[1].ref.line - 1].strip() == "{"


def test_opsgenie_webhook_actions_with_epoch_ms(tmp_path: Path) -> None:
    hooks = [
        {
            "action": "Create",
            "alert": {
                "alertId": "a1",
                "message": "Queue depth > 10k",
                "tinyId": "42",
                "priority": "P1",
                "createdAt": 1772614800000,
                "updatedAt": 1772614800000,
                "entity": "rabbitmq",
            },
        },
        {
            "action": "Close",
            "alert": {
                "alertId": "a1",
                "message": "Queue depth > 10k",
                "tinyId": "42",
                "priority": "P1",
                "createdAt": 1772614800000,
                "updatedAt": 1772618400000,
                "username": "chen",
            },
        },
    ]
    src = parse_one(tmp_path, "opsgenie.json", json.dumps(hooks))
    create, close = src.records
    assert src.format == "opsgenie"
    assert create.time.value == datetime(2026, 3, 4, 9, 0, tzinfo=UTC) and create.attrs["severity"] == "P1"
    assert close.attrs["status"] == "resolved" and close.time.value == datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
    assert close.text == "Opsgenie resolved: Queue depth > 10k (by chen)"


def test_opsgenie_alert_api_json_with_report_times(tmp_path: Path) -> None:
    doc = {
        "data": {
            "id": "a1",
            "tinyId": "7",
            "message": "DB down",
            "priority": "P2",
            "createdAt": "2026-03-04T09:00:00.000Z",
            "report": {"ackTime": 60000, "closeTime": 600000, "acknowledgedBy": "ana"},
        }
    }
    src = parse_one(tmp_path, "og.json", json.dumps(doc))
    assert [r.attrs["status"] for r in src.records] == ["triggered", "acknowledged", "resolved"]
    assert src.records[1].time.value == datetime(2026, 3, 4, 9, 1, tzinfo=UTC)


def test_a_statuspage_incidents_list_from_its_api_gives_one_record_per_update(tmp_path: Path) -> None:
    doc = {
        "page": {"id": "p1", "name": "Acme SMS", "time_zone": "Europe/Rome"},
        "incidents": [
            {
                "id": "i1",
                "name": "Delayed SMS delivery",
                "status": "resolved",
                "impact": "major",
                "created_at": "2026-11-23T18:41:22.000+01:00",
                "resolved_at": "2026-11-23T20:31:02.000+01:00",
                "incident_updates": [
                    {
                        "status": "resolved",
                        "body": "Traffic is back.",
                        "created_at": "2026-11-23T20:31:02.000+01:00",
                    },
                    {
                        "status": "investigating",
                        "body": "Looking.",
                        "created_at": "2026-11-23T18:41:22.000+01:00",
                    },
                ],
            }
        ],
    }
    src = parse_one(tmp_path, "status.json", json.dumps(doc, indent=2))
    assert src.kind == SourceKind.alert
    assert sorted(r.attrs.get("state") for r in src.records) == ["investigating", "resolved"]


def test_azure_monitor_common_alert_schema_and_checkly_webhooks_are_alerts(tmp_path: Path) -> None:
    azure = [
        {
            "schemaId": "azureMonitorCommonAlertSchema",
            "data": {
                "essentials": {
                    "alertRule": "checkout-card-authorization-failures",
                    "severity": "Sev1",
                    "monitorCondition": state,
                    "firedDateTime": "2026-06-10T13:09:49.1187Z",
                    **({"resolvedDateTime": "2026-06-10T13:44:54.5520Z"} if state == "Resolved" else {}),
                },
                "alertContext": {},
            },
        }
        for state in ("Fired", "Resolved")
    ]
    src = parse_one(tmp_path, "azure.json", json.dumps(azure))
    fired, resolved = src.records
    assert fired.attrs["status"] == "firing" and fired.attrs["severity"] == "sev1"
    assert resolved.attrs["status"] == "resolved"
    assert resolved.time.value == datetime(2026, 6, 10, 13, 44, 54, 552000, tzinfo=UTC)
    checkly = [
        {"body": {"alertType": t, "alertTitle": f"Checkout API has {w}", "startedAt": at}}
        for t, w, at in (
            ("ALERT_FAILURE", "failed", "2026-06-16T06:06:50.447Z"),
            ("ALERT_RECOVERY", "recovered", "2026-06-16T06:20:01.000Z"),
        )
    ]
    failed, recovered = parse_one(tmp_path, "checkly.json", json.dumps(checkly)).records
    assert (failed.attrs["status"], recovered.attrs["status"]) == ("firing", "resolved")
