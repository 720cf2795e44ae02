"""Big input is bounded and not silent: a giant line is clipped for drafting (and says so); progress on a terminal."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from _cli_helpers import EXAMPLE, run_main

from assistant.config import get_settings
from assistant.draft.pipeline import draft_postmortem
from assistant.timeline import build_timeline


def test_a_two_megabyte_single_line_chat_drafts_in_seconds_and_says_it_was_clipped(tmp_path: Path) -> None:
    words = [
        "the",
        "api",
        "is",
        "slow",
        "again",
        "restarting",
        "pods",
        "now",
        "checking",
        "db",
        "pool",
        "graphs",
        "latency",
        "errors",
    ]
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "[14:02] alice: " + " ".join(words[n % len(words)] for n in range(330_000)) + "\n", encoding="utf-8"
    )
    tl = build_timeline([chat])
    started = time.process_time()
    pm = draft_postmortem(tl)  # no model: the deterministic drafter
    cpu = time.process_time() - started
    assert cpu < 8, f"drafting took {cpu:.1f} s of CPU"  # ~18 s before events were clipped
    notes = " ".join(s.text for s in pm.supporting_information)
    assert "characters long; the draft read its first 4,000" in notes and "chat.txt:1" in notes


def test_progress_is_shown_on_stderr_when_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTMORTEM_PROGRESS", "1")
    get_settings(fresh=True)
    run = run_main("draft", str(EXAMPLE), "--provider", "offline")
    assert run.code == 0 and "done in" in run.err
    assert run.out.startswith("# ")  # progress never mixes into the draft on stdout


def test_progress_stays_quiet_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POSTMORTEM_PROGRESS", raising=False)
    get_settings(fresh=True)
    run = run_main("draft", str(EXAMPLE), "--provider", "offline")
    assert run.code == 0 and run.err == ""


def test_redact_scans_a_big_file_in_pieces_with_memory_well_below_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tracemalloc

    import assistant.cli.redact as redact_cli
    import assistant.ingest._io as io_mod

    monkeypatch.setattr(io_mod, "WHOLE_BYTES", 64 * 1024)  # stream anything bigger, as for a >16 MB log
    monkeypatch.setattr(redact_cli, "CHUNK_CHARS", 32 * 1024)
    log = tmp_path / "app.log"
    line = "2026-03-04T14:02:11Z INFO payments worker 17 processed batch ok in 41 ms\n"
    with log.open("w", encoding="utf-8") as fh:
        for n in range(20_000):
            fh.write(line if n != 15_000 else "2026-03-04T14:02:12Z WARN db password=Tq8v!mZ2pLx9 in url\n")
    size = log.stat().st_size
    warm = tmp_path / "warm.log"
    warm.write_text(line, encoding="utf-8")
    redact_cli.scan_paths([warm], names=[])  # imports and compiled patterns are not the file's memory
    tracemalloc.start()
    rows, _ = redact_cli.scan_paths([log], names=[])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [r["line"] for r in rows if r["kind"] == "secret"] == [15_001]
    assert peak < size / 2, f"peak {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB file"
