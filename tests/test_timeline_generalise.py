"""Generalisation fixes: 12-hour pastes across midnight, day dividers, symptom onset, recovery wording."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from assistant.timeline import build_timeline

_ALERT = """[{"receiver": "pager", "status": "firing", "alerts": [{"status": "firing",
 "labels": {"alertname": "LedgerDown", "severity": "critical"}, "annotations": {"summary": "ledger down"},
 "startsAt": "2026-02-26T23:49:00Z", "endsAt": "0001-01-01T00:00:00Z"}]}]"""

_PASTE = """Thursday, February 26th
Ann Lee  11:49 PM
LedgerDown firing, looking
Bo Chen  11:56 PM
the disk is full
11:58
pg_wal holds 412 GB

Friday, February 27th
Cy Diaz  12:01 AM
still checking
12:03
dropping it now
Bo Chen  12:25 AM
writes succeeding again
12:40
"""


def _write(tmp: Path, files: dict[str, str]) -> list[Path]:
    out = []
    for name, text in files.items():
        p = tmp / name
        p.write_text(text)
        out.append(p)
    return out


def test_slack_paste_bare_times_follow_the_previous_am_pm_and_dividers_set_the_date(tmp_path: Path) -> None:
    tl = build_timeline(_write(tmp_path, {"alerts.json": _ALERT, "chat.txt": _PASTE}))
    chat = {e.text.split("\n")[0]: e.time.astimezone(UTC) for e in tl.events if e.source == "chat"}
    assert chat["pg_wal holds 412 GB"] == datetime(2026, 2, 26, 23, 58, tzinfo=UTC)
    assert chat["still checking"] == datetime(2026, 2, 27, 0, 1, tzinfo=UTC)
    assert chat["dropping it now"] == datetime(2026, 2, 27, 0, 3, tzinfo=UTC)
    assert chat["writes succeeding again"] == datetime(2026, 2, 27, 0, 25, tzinfo=UTC)
    assert max(chat.values()) - min(chat.values()) < (datetime(2026, 2, 28) - datetime(2026, 2, 27))


_OPSGENIE = """[{"action": "Create", "alert": {"alertId": "a1", "message": "orders 5xx rate > 5%", "tinyId": "77",
  "entity": "orders", "priority": "P2", "createdAt": 1781014780000}},
 {"action": "Close", "alert": {"alertId": "a1", "message": "orders 5xx rate > 5%", "tinyId": "77",
  "entity": "orders", "priority": "P2", "createdAt": 1781014780000, "updatedAt": 1781016970000}}]"""

# Alert created 14:19:40Z; the chat echo says 15:19 (59 min 20 s later), a status page is mentioned
# with a time half an hour off, and the close echo says 15:56 for 14:56:10Z.
_IRC = """15:02 <ana> afternoon
15:19 <opsgenie> [P2] #77 orders 5xx rate > 5% (Created)
15:20 <ana> on it
15:26 <bo> the vendor status page says errors since 14:50
15:56 <opsgenie> #77 closed: orders 5xx rate > 5% (auto-close)
"""


def test_chat_offset_prefers_the_whole_hour_an_echo_by_number_explains(tmp_path: Path) -> None:
    tl = build_timeline(_write(tmp_path, {"alerts.json": _OPSGENIE, "chat.txt": _IRC}))
    clock = tl.clock[str(tmp_path / "chat.txt")]
    assert (clock.offset, clock.how) == ("+01:00", "inferred")
    created = next(e for e in tl.events if e.source == "alert" and "triggered" in e.text.lower())
    assert any(r.file.endswith("chat.txt") and r.line == 2 for r in created.refs)  # echo merged


def test_times_local_with_an_offset_is_a_stated_zone(tmp_path: Path) -> None:
    notes = "incident notes (times local, UTC+1)\n\n* 15:10 PR merged\n* 15:19 paged\n"
    tl = build_timeline(_write(tmp_path, {"alerts.json": _OPSGENIE, "notes.md": notes}))
    clock = tl.clock[str(tmp_path / "notes.md")]
    assert (clock.offset, clock.how) == ("+01:00", "stated")
    merged = next(e for e in tl.events if "PR merged" in e.text)
    assert merged.time.astimezone(UTC) == datetime(2026, 6, 9, 14, 10, tzinfo=UTC)


_AM = """[{"receiver": "pager", "status": "firing", "alerts": [{"status": "firing",
 "labels": {"alertname": "WorkerLagHigh", "severity": "page"}, "annotations": {"summary": "lag"},
 "startsAt": "2026-09-18T22:14:00Z", "endsAt": "0001-01-01T00:00:00Z"}]},
 {"receiver": "pager", "status": "resolved", "alerts": [{"status": "resolved",
 "labels": {"alertname": "WorkerLagHigh", "severity": "page"}, "annotations": {"summary": "lag"},
 "startsAt": "2026-09-18T22:14:00Z", "endsAt": "2026-09-18T23:17:00Z"}]}]"""


def _mitigated(tmp: Path, chat_lines: str, alerts: str = _AM) -> datetime | None:
    tmp.mkdir(exist_ok=True)
    tl = build_timeline(_write(tmp, {"alerts.json": alerts, "chat.txt": "all times UTC\n" + chat_lines}))
    return tl.key_times.mitigated.astimezone(UTC) if tl.key_times.mitigated else None


def test_n_of_n_running_since_a_stated_time_is_mitigation_at_that_time(tmp_path: Path) -> None:
    chat = (
        "2026-09-18 22:20:00 <ana> looking\n2026-09-18 22:47:00 <bo> patched quota, new pods creating\n"
        "2026-09-18 22:59:02 <bo> 120/120 workers running since 22:58:40\n"
        "2026-09-19 00:20:00 <ana> resolving\n"
    )
    assert _mitigated(tmp_path, chat) == datetime(2026, 9, 18, 22, 58, 40, tzinfo=UTC)


def test_symptom_gone_and_work_resuming_count_as_recovery(tmp_path: Path) -> None:
    chat = (
        "2026-09-18 22:20:00 <ana> looking\n2026-09-18 22:54:00 <bo> 502s gone, labels are being created again\n"
        "2026-09-19 00:20:00 <ana> resolving\n"
    )
    assert _mitigated(tmp_path, chat) == datetime(2026, 9, 18, 22, 54, tzinfo=UTC)


def test_impact_returning_resets_mitigation_but_component_churn_does_not(tmp_path: Path) -> None:
    back = (
        "2026-09-18 22:20:00 <ana> looking\n2026-09-18 22:30:00 <bo> errors stopped\n"
        "2026-09-18 22:35:00 <bo> checkouts failing again\n2026-09-18 22:50:00 <bo> healthy again\n"
        "2026-09-19 00:20:00 <ana> resolving\n"
    )
    assert _mitigated(tmp_path / "back", back) == datetime(2026, 9, 18, 22, 50, tzinfo=UTC)
    churn = (
        "2026-09-18 22:20:00 <ana> looking\n2026-09-18 22:30:00 <bo> consumers working again\n"
        "2026-09-18 22:35:00 <bo> one pod crashing again, popping the message\n"
        "2026-09-19 00:20:00 <ana> resolving\n"
    )
    assert _mitigated(tmp_path / "churn", churn) == datetime(2026, 9, 18, 22, 30, tzinfo=UTC)


def test_paging_alert_resolving_is_a_recovery_sign_when_chat_has_none(tmp_path: Path) -> None:
    chat = "2026-09-18 22:20:00 <ana> looking\n2026-09-19 00:20:00 <ana> resolving\n"
    assert _mitigated(tmp_path, chat) == datetime(2026, 9, 18, 23, 17, tzinfo=UTC)


def _syslog_bundle(tmp: Path) -> list[Path]:
    """Gateway syslog (RFC 3164, no level): normal 200s, then '401 unknown kid' from 12:02:14; page at 12:11."""
    lines = [
        f"Mar 18 11:{m:02d}:{s:02d} gw-1 kong[1]: [access] 200 route=/v2/me upstream_ms=12"
        for m in range(30, 60)
        for s in (1, 31)
    ]
    for k in range(40):
        m, s = divmod(134 + k * 20, 60)
        lines.append(
            f'Mar 18 12:{m:02d}:{s:02d} gw-2 kong[1]: [jwt] 401 unknown kid "k-{k % 3}" route=/v2/me'
        )
    alerts = """[{"event": {"event_type": "incident.triggered", "occurred_at": "2026-03-18T12:11:05Z",
      "data": {"number": 31, "title": "Gateway 401 rate high", "urgency": "high", "status": "triggered",
      "service": {"summary": "gateway"}}}}]"""
    return _write(tmp, {"gateway.log": "\n".join(lines) + "\n", "alerts.json": alerts})


def test_start_is_the_onset_of_error_ish_lines_without_a_level(tmp_path: Path) -> None:
    tl = build_timeline(_syslog_bundle(tmp_path))
    assert tl.key_times.detected == datetime(2026, 3, 18, 12, 11, 5, tzinfo=UTC)
    assert tl.key_times.start == datetime(2026, 3, 18, 12, 2, 14, tzinfo=UTC)


def test_warn_level_lines_mark_the_onset_too(tmp_path: Path) -> None:
    ok = [
        f'{{"ts": "2026-04-14T16:{m:02d}:00Z", "level": "info", "msg": "session validated"}}'
        for m in range(30, 52)
    ]
    warn = [
        f'{{"ts": "2026-04-14T{16 + (m // 60)}:{m % 60:02d}:05Z", "level": "warn", '
        f'"msg": "session_not_found: redirecting"}}'
        for m in range(52, 75)
    ]
    alerts = """[{"receiver": "pager", "status": "firing", "alerts": [{"status": "firing",
     "labels": {"alertname": "SessionFailures", "severity": "critical"}, "annotations": {"summary": "s"},
     "startsAt": "2026-04-14T17:07:00Z", "endsAt": "0001-01-01T00:00:00Z"}]}]"""
    tl = build_timeline(_write(tmp_path, {"app.log": "\n".join(ok + warn) + "\n", "alerts.json": alerts}))
    assert tl.key_times.start == datetime(2026, 4, 14, 16, 52, 5, tzinfo=UTC)


def test_a_zoom_reaction_is_not_an_event_and_is_reported_as_not_used(tmp_path: Path) -> None:
    chat = (
        "14:02:10 From Alice Chen to Everyone:\n\tcheckout 5xx at 30%, rolling back\n"
        '14:02:31 From Bob Li to Everyone:\n\tReacted to "checkout 5xx at 30%..." with 👍\n'
        "14:09:02 From Bob Li to Everyone:\n\trollback done, errors gone\n"
        '14:09:40 From Alice Chen to Everyone:\n\tRemoved a 👍 reaction from "rollback done, errors gone"\n'
    )
    tl = build_timeline(_write(tmp_path, {"zoom.txt": chat}), tz="UTC", date=date(2026, 5, 12))
    assert [e.text for e in tl.events] == ["checkout 5xx at 30%, rolling back", "rollback done, errors gone"]
    (cov,) = tl.coverage
    assert cov.dropped == {"reactions to other messages": 2}
