"""No traceback reaches a user: an unexpected error is one line naming a full report in the data directory."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from _cli_helpers import EXAMPLE, run_main

import assistant.timeline


def _explode(*_args: object, **_kw: object) -> None:
    raise ZeroDivisionError("division by zero deep inside")


def test_unexpected_error_is_one_line_naming_the_report_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, postmortem_home: Path
) -> None:
    monkeypatch.setattr(assistant.timeline, "build_timeline", _explode)
    run = run_main("timeline", str(EXAMPLE))
    assert run.code == 3
    [line] = run.err.strip().splitlines()
    assert "Traceback" not in run.err and "ZeroDivisionError: division by zero deep inside" in line
    report = Path(line.split("full report in ", 1)[1].split(" — ", 1)[0])
    assert report.parent == postmortem_home / "crash-reports"
    text = report.read_text(encoding="utf-8")
    assert "Traceback" in text and "_explode" in text and "postmortem timeline" in text
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert stat.S_IMODE(report.parent.stat().st_mode) == 0o700


def test_explained_errors_keep_exit_2_and_no_report(postmortem_home: Path) -> None:
    run = run_main("draft", str(EXAMPLE), "--format", "pdf")
    assert run.code == 2 and run.err.startswith("error: --format 'pdf'")
    assert not (postmortem_home / "crash-reports").exists()


def test_ui_shows_the_same_line_naming_the_report(postmortem_home: Path) -> None:
    from assistant.ui.handlers import _fail

    try:
        _explode()
    except ZeroDivisionError as exc:
        msg = _fail(exc)
    assert "ZeroDivisionError" in msg and str(postmortem_home / "crash-reports") in msg
