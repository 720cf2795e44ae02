"""`index` takes only files that look like postmortems and names every skipped file with why; `similar` says what it needs."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest
from _cli_helpers import run_main

LIBRARY = Path(__file__).resolve().parents[1] / "examples" / "library"


def _junk_library(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    lib.mkdir()
    for name in (
        "2023-06-02-db-connection-pool.md",
        "2024-05-19-disk-full.txt",
        "2024-09-30-queue-retry-storm.json",
    ):
        shutil.copy(LIBRARY / name, lib / name)
    shutil.copy("/bin/ls", lib / "ls.md")
    (lib / "random.txt").write_bytes(bytes((n * 7919 + 13) % 256 for n in range(5000)))
    (lib / "empty.md").write_bytes(b"")
    (lib / "latin1.md").write_bytes("# Caf\xe9 outage\n\nThe caf\xe9 API failed.".encode("latin-1"))
    (lib / "stub.md").write_text("# TODO\n\nwrite this up\n", encoding="utf-8")
    (lib / "chat.txt").write_text(
        "\n".join(f"[14:{m:02d}] alice: restarting pod {m} now, will check the graphs" for m in range(40)),
        encoding="utf-8",
    )
    (lib / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    return lib


def test_index_skips_non_postmortems_naming_each_with_its_reason(tmp_path: Path) -> None:
    lib = _junk_library(tmp_path)
    run = run_main("index", str(lib))
    assert run.code == 0, run.err
    assert "added 3," in run.out
    skipped = {
        ln.split(": ", 2)[1].rsplit("/", 1)[1]: ln
        for ln in run.err.splitlines()
        if ln.startswith("skipped: ")
    }
    assert set(skipped) == {
        "ls.md",
        "random.txt",
        "empty.md",
        "latin1.md",
        "stub.md",
        "chat.txt",
        "image.png",
    }
    assert "binary" in skipped["ls.md"] and "binary" in skipped["random.txt"]
    assert "empty" in skipped["empty.md"] and "UTF-8" in skipped["latin1.md"]
    assert "too short" in skipped["stub.md"] and "title or headings" in skipped["chat.txt"]
    assert "file type" in skipped["image.png"]


def test_similar_never_ranks_a_binary_first(tmp_path: Path) -> None:
    lib = _junk_library(tmp_path)
    run_main("index", str(lib))
    run = run_main("similar", "ELF binary linker section", "-k", "3")
    assert "ls" not in [
        ln.split("  [")[0].split(". ", 1)[-1] for ln in run.out.splitlines() if ln[:1].isdigit()
    ]


def test_similar_with_an_empty_query_says_the_query_is_empty() -> None:
    run = run_main("similar", "  ")
    assert run.code == 2 and "query is empty" in run.err and "library" not in run.err


def test_similar_reads_the_query_from_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    run_main("index", str(LIBRARY))
    monkeypatch.setattr(sys, "stdin", io.StringIO("database connection pool exhausted by a CSV export"))
    run = run_main("similar", "--file", "-", "-k", "1")
    assert run.code == 0, run.err
    assert "connection pool" in run.out.lower()
