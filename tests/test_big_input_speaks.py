"""Big input is bounded and not silent: a giant line is clipped for drafting (and says so); progress on a terminal."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from _cli_helpers import EXAMPLE, run_main

from assistant.draft.pipeline import draft_postmortem
from assistant.llm.offline import OfflineProvider
from assistant.timeline import build_timeline


def test_a_two_megabyte_single_line_chat_drafts_in_seconds_and_says_it_was_clipped(tmp_path: Path) -> None:
    words = ["the", "api", "is", "slow", "again", "restarting", "pods", "now", "checking", "db", "pool", "graphs", "latency", "errors"]
    chat = tmp_path / "chat.txt"
    chat.write_text("[14:02] alice: " + " ".join(words[n % len(words)] for n in range(330_000)) + "\n", encoding="utf-8")
    tl = build_timeline([chat])
    started = time.process_time()
    pm = draft_postmortem(tl, provider=OfflineProvider())
    cpu = time.process_time() - started
    assert cpu < 8, f"drafting took {cpu:.1f} s of CPU"  # ~18 s before events were clipped
    notes = " ".join(s.text for s in pm.supporting_information)
    assert "characters long; the draft read its first 4,000" in notes and "chat.txt:1" in notes


def test_progress_is_shown_on_stderr_when_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTMORTEM_PROGRESS", "1")
    run = run_main("draft", str(EXAMPLE), "--provider", "offline")
    assert run.code == 0 and "done in" in run.err
    assert run.out.startswith("# ")  # progress never mixes into the draft on stdout


def test_progress_stays_quiet_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POSTMORTEM_PROGRESS", raising=False)
    run = run_main("draft", str(EXAMPLE), "--provider", "offline")
    assert run.code == 0 and run.err == ""
