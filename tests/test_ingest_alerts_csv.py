"""Alert transitions exported as CSV are alerts (by the content of their state column), not tickets."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from _ingest_helpers import parse_one

from assistant.domain import SourceKind
from assistant.roles.assign import assign_roles
from assistant.timeline.build import build_timeline

# The shape of PagerDuty's incident log-entries export (our own rows)
_PD = """incident_number,incident_title,service,urgency,log_entry_type,created_at,agent,channel,summary
311,Checkout p99 > 2s,checkout,high,trigger_log_entry,2026-06-09T07:41:02+02:00,Prometheus,api,Triggered through the API
311,Checkout p99 > 2s,checkout,high,notify_log_entry,2026-06-09T07:41:03+02:00,Aino Virtanen,phone,Notified Aino Virtanen by phone call
311,Checkout p99 > 2s,checkout,high,acknowledge_log_entry,2026-06-09T07:43:10+02:00,Aino Virtanen,mobile,Acknowledged by Aino Virtanen
311,Checkout p99 > 2s,checkout,high,annotate_log_entry,2026-06-09T07:55:40+02:00,Aino Virtanen,web_ui,"Note: the replica lag was the cause, reads moved to the primary"
311,Checkout p99 > 2s,checkout,high,resolve_log_entry,2026-06-09T08:02:09+02:00,Aino Virtanen,web_ui,Resolved by Aino Virtanen
"""
# An alert history as a monitoring tool exports it: semicolons, a "State" column of plain states
_HISTORY = """Time;Alert;State;Severity;Host
2026-06-09 05:41:02;Disk /var above 90%;ALARM;critical;db-2
2026-06-09 05:58:47;Disk /var above 90%;OK;critical;db-2
2026-06-09 06:10:00;Disk /var above 90%;ALARM;critical;db-2
"""
# A ticket export has a status column too, but its words are not alert words
_TICKETS = """Id,Subject,Status,Priority,Created at
1,Checkout is slow,open,urgent,2026-06-09 07:50
2,Payment stuck,pending,normal,2026-06-09 07:52
3,Order page error,solved,high,2026-06-09 07:58
"""


def test_pagerduty_log_entries_are_alert_transitions_with_their_states(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "log_entries.csv", _PD)
    assert (src.format, src.kind) == ("alert-csv", SourceKind.alert)
    assert [r.attrs["status"] for r in src.records] == [
        "triggered", "notified", "acknowledged", "annotated", "resolved"]  # fmt: skip
    first = src.records[0]
    assert first.time.value == datetime(2026, 6, 9, 7, 41, 2, tzinfo=timezone(timedelta(hours=2)))
    assert "Checkout p99 > 2s" in first.text and first.attrs["severity"] == "high"
    assert first.ref.line == 2


def test_a_note_on_an_alert_is_its_authors_words_and_gets_a_role_from_them(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "log_entries.csv", _PD)
    note = src.records[3]
    assert (note.actor, note.text) == (
        "Aino Virtanen",
        "Note: the replica lag was the cause, reads moved to the primary",
    )
    timeline = build_timeline([tmp_path / "log_entries.csv"])
    roles = assign_roles(timeline.events)
    by_text = {e.text: roles[e.id].role for e in timeline.events}
    assert by_text[note.text] not in ("alert_firing", "alert_resolved", "chatter")
    assert by_text[src.records[0].text] == "alert_firing"
    assert by_text[src.records[-1].text] == "alert_resolved"


def test_an_alert_history_with_plain_states_is_read_too(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "history.csv", _HISTORY)
    assert src.format == "alert-csv"
    assert [(r.attrs["status"], r.time.value.hour) for r in src.records] == [
        ("triggered", 5), ("resolved", 5), ("triggered", 6)]  # fmt: skip


def test_a_ticket_export_stays_tickets(tmp_path: Path) -> None:
    assert parse_one(tmp_path, "tickets.csv", _TICKETS).format == "tickets-csv"
