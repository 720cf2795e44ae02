"""Stamps without a year or date take them from what the material says (issue 10, yearless logs).

Samples are written from the documented formats: RFC 3164 syslog (``Mmm dd hh:mm:ss``), Android
logcat ``threadtime`` (``MM-DD hh:mm:ss.mmm``), Proxifier (``[MM.DD hh:mm:ss]``), a time-of-day
only log (Elixir Logger's default ``$time $metadata[$level] $message``), journalctl's text header.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli.app import app
from assistant.ingest import logs, read_sources
from assistant.ingest.stamp_dates import hint_from_header, hint_from_name
from assistant.timeline import build_timeline
from assistant.timeline.public_json import timeline_to_json

SYSLOG = "Mar 14 09:12:01 db-2 postgres[55]: LOG:  checkpoint starting\nMar 14 09:12:02 db-2 postgres[55]: LOG:  checkpoint complete\n"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _times(path: Path, *more: Path) -> tuple[list[datetime], dict[str, object]]:
    out = timeline_to_json(build_timeline([path, *more]))
    times = [datetime.fromisoformat(e["time"]) for e in out["events"] if e["refs"][0].startswith(str(path))]
    return times, out


def test_date_in_a_file_name_or_its_folders_is_found_nearest_the_file() -> None:
    assert hint_from_name("logs/app-2026-03-14.log").day == date(2026, 3, 14)  # type: ignore[union-attr]
    assert hint_from_name("/var/log/messages-20260314").day == date(2026, 3, 14)  # type: ignore[union-attr]
    hint = hint_from_name("/srv/2025/11/02/app.log")
    assert hint is not None and hint.day == date(2025, 11, 2) and "folder" in hint.source
    month = hint_from_name("logs/app_2026-03.log")
    assert month is not None and month.precision == "month"
    assert hint_from_name("case31/app.log") is None and hint_from_name("v1.2.3.log") is None
    assert hint_from_name("logs/20261399.log") is None  # not a date


def test_header_lines_with_a_full_date_are_read() -> None:
    for line in (
        "-- Logs begin at Sat 2026-03-14 09:00:00 UTC, end at Sat 2026-03-14 10:00:00 UTC. --",
        "#Date: 2026-03-14 00:00:00",
        "Log opened 14 Mar 2026",
        "started Sat Mar 14 09:00:00 2026",
    ):
        hint = hint_from_header([line])
        assert hint is not None and hint.day == date(2026, 3, 14), line


def test_syslog_takes_the_year_from_its_rotated_file_name_across_new_year(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "messages-20260101",
        "Dec 31 23:59:58 web-1 sshd[12]: Accepted publickey for deploy\n"
        "Dec 31 23:59:59 web-1 nginx[13]: upstream timed out\n"
        "Jan  1 00:00:01 web-1 nginx[13]: upstream timed out again\n",
    )
    times, out = _times(path)
    assert times == [
        datetime(2025, 12, 31, 23, 59, 58, tzinfo=UTC),
        datetime(2025, 12, 31, 23, 59, 59, tzinfo=UTC),
        datetime(2026, 1, 1, 0, 0, 1, tzinfo=UTC),
    ]
    assert "file name 'messages-20260101'" in out["coverage"][str(path)]["dated"]
    assert not out["problems"]


def test_logcat_and_proxifier_take_the_year_from_their_folders(tmp_path: Path) -> None:
    logcat = _write(
        tmp_path,
        "2026/03/17/logcat.txt",
        "03-17 16:13:38.861  1702  2395 D WindowManager: printFreezingDisplayLogs opening app wtoken\n"
        "03-17 16:13:39.002  1702  8671 E PowerManagerService: acquire lock=233570404\n",
    )
    proxifier = _write(
        tmp_path,
        "2026-10-30/proxifier.log",
        "[10.30 16:49:06] chrome.exe - proxy.example.org:5070 open through proxy proxy.example.org:5070 HTTPS\n"
        "[10.30 16:49:07] chrome.exe - proxy.example.org:5070 close, 0 bytes sent, 0 bytes received\n",
    )
    times, out = _times(logcat)
    assert times[0] == datetime(2026, 3, 17, 16, 13, 38, 861000, tzinfo=UTC)
    assert "folder" in out["coverage"][str(logcat)]["dated"]
    times, _ = _times(proxifier)
    assert times[0] == datetime(2026, 10, 30, 16, 49, 6, tzinfo=UTC)


def test_time_of_day_log_takes_the_date_of_its_name_and_crosses_midnight(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "phoenix-2026-03-14.log",
        "23:59:58.100 [info] Running MyApp.Endpoint with cowboy 2.10.0\n"
        "23:59:59.900 [error] GenServer MyApp.Worker terminating\n"
        "00:00:01.000 [info] Application my_app started\n",
    )
    times, out = _times(path)
    assert [t.date() for t in times] == [date(2026, 3, 14), date(2026, 3, 14), date(2026, 3, 15)]
    assert out["coverage"][str(path)]["dated"].startswith("date from the file name")


def test_a_header_line_dates_a_yearless_log(tmp_path: Path) -> None:
    path = _write(tmp_path, "journal.txt", "-- Logs begin at Sat 2026-03-14 09:00:00 UTC --\n" + SYSLOG)
    times, out = _times(path)
    assert times[0] == datetime(2026, 3, 14, 9, 12, 1, tzinfo=UTC)
    assert "header line 1" in out["coverage"][str(path)]["dated"]


def test_a_yearless_log_takes_the_year_of_the_other_sources(tmp_path: Path) -> None:
    path = _write(tmp_path, "syslog", SYSLOG)
    other = _write(tmp_path, "app.log", "2026-03-14T09:00:00Z ERROR api payment failed\n")
    times, out = _times(path, other)
    assert times[0] == datetime(2026, 3, 14, 9, 12, 1, tzinfo=UTC)
    assert out["coverage"][str(path)]["dated"] == "year from the other sources of the incident (2026)"
    assert not out["problems"]


def test_a_yearless_log_nothing_dates_is_kept_and_named_as_a_problem(tmp_path: Path) -> None:
    path = _write(tmp_path, "syslog", SYSLOG)
    times, out = _times(path)
    assert len(times) == 2  # the events are kept
    [problem] = out["problems"]
    assert problem["path"] == str(path) and "no year" in problem["message"] and "--date" in problem["message"]
    assert "no year" in out["coverage"][str(path)]["dated"]


def test_large_log_path_fills_the_year_from_the_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "LARGE_BYTES", 0)
    path = _write(tmp_path, "syslog-2026-03-14.log", SYSLOG * 50)
    res = read_sources([path])
    [src] = res.sources
    assert {r.time.value.year for r in src.records} == {2026}
    assert src.coverage is not None and "file name" in src.coverage.dated


def test_logs_verb_prints_full_times_for_a_dated_file_name(tmp_path: Path) -> None:
    dated = _write(tmp_path, "kern-2026-03-14.log", SYSLOG)
    bare = _write(tmp_path, "elixir.log", "09:12:01.123 [info] Running MyApp.Endpoint\n")
    res = CliRunner().invoke(app, ["logs", str(dated), str(bare), "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.output.splitlines() if x.strip()]
    by_file = {(Path(r["file"]).name, r["line"]): r["time"] for r in rows}
    assert by_file[("kern-2026-03-14.log", 1)] == "2026-03-14T09:12:01"
    assert by_file[("elixir.log", 1)] == "T09:12:01.123000"  # a time of day alone, no invented date


def test_glog_klog_compact_month_day_reads_with_its_level_letter(tmp_path: Path) -> None:
    # glog/klog: "Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg" (L = I, W, E, F)
    path = _write(
        tmp_path,
        "kubelet-2026-03-14.log",
        "I0314 23:59:59.123456       1 controller.go:123] Starting controller\n"
        "E0315 00:00:02.000001       1 reflector.go:138] Failed to watch *v1.Pod: connection refused\n",
    )
    [src] = read_sources([path]).sources
    got = [(r.time.value, r.attrs.get("level")) for r in src.records]
    assert got == [
        (datetime(2026, 3, 14, 23, 59, 59, 123456), "info"),
        (datetime(2026, 3, 15, 0, 0, 2, 1), "error"),
    ]


def test_logs_verb_gives_a_yearless_file_the_year_of_the_other_files(tmp_path: Path) -> None:
    syslog = _write(tmp_path, "syslog", SYSLOG)
    app_log = _write(tmp_path, "app.log", "2026-03-14T09:00:00Z ERROR api payment failed\n")
    res = CliRunner().invoke(app, ["logs", str(syslog), str(app_log), "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.output.splitlines() if x.strip()]
    assert [r["time"] for r in rows if r["file"] == str(syslog)] == [
        "2026-03-14T09:12:01",
        "2026-03-14T09:12:02",
    ]
