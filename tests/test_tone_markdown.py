"""Lint reads Markdown as Markdown: what is prose, where findings point, quotes, big files."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from typer.testing import CliRunner

from assistant.tone.markdown import blocks, prose_view
from tests.test_lint import _app


def _lint_json(path: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(_app(), ["lint", str(path), "--json"])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_front_matter_headings_titles_and_link_targets_are_not_prose() -> None:
    doc = (
        "---\ntitle: Human error at Knight Capital\ncompany: Epic Games\n---\n\n"
        "# The intern broke prod\n\n**Where we got lucky**\n\n"
        "See [the report](https://example.com/human-error-at-scale) and <https://x.io/fault>.\n"
    )
    view = prose_view(doc)
    assert len(view.text) == len(doc)
    assert "Epic" not in view.text and "intern" not in view.text and "lucky" not in view.text
    assert "human-error-at-scale" not in view.text and "x.io" not in view.text
    assert "the report" in view.text


def test_table_label_cells_are_skipped_and_sentence_cells_are_read() -> None:
    doc = "| who | note |\n|---|---|\n| Tom | Tom broke prod with a rushed change last night |\n"
    view = prose_view(doc)
    assert "| Tom |" not in view.text.replace(" ", "|") and "rushed change" in view.text


def test_finding_in_a_block_quote_says_so_with_its_own_line_and_column(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text(
        "# Timeline\n\nWhat was said in the channel:\n\n> 14:05 bob: the cause was human error, close it\n",
        encoding="utf-8",
    )
    rows = _lint_json(doc)
    assert len(rows) == 1
    row = rows[0]
    assert row["quote"] is True and "(in a quote)" in str(row["message"])
    assert (row["line"], row["col"], row["text"]) == (5, 28, "human error")


def test_a_sentence_wrapped_over_two_lines_is_read_whole_and_points_at_the_phrase(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text(
        "Summary paragraph with a wrapped line, and then the\nroot cause was human error on the night shift.\n",
        encoding="utf-8",
    )
    rows = _lint_json(doc)
    assert [(r["line"], r["col"], r["text"]) for r in rows] == [(2, 16, "human error")]


def test_our_own_offline_draft_headings_pass_the_linter(tmp_path: Path) -> None:
    doc = tmp_path / "draft.md"
    doc.write_text(
        "# Checkout outage\n\n## Lessons\n\n**What went well**\n\n- Rollback took 4 minutes.\n\n"
        "**Where we got lucky**\n\n- The backup from 01:00 was intact.\n",
        encoding="utf-8",
    )
    assert _lint_json(doc) == []


def test_blocks_cut_at_blank_lines_outside_fences_and_keep_offsets() -> None:
    lines = ["para one\n", "\n", "```\n", "code\n", "\n", "more\n", "```\n", "\n", "para two\n"]
    pieces = list(blocks(lines, size=5))
    assert "".join(p.text for p in pieces) == "".join(lines)
    assert all(not p.text.startswith("code") and not p.text.startswith("more") for p in pieces)
    for p in pieces:
        assert "".join(lines)[p.offset : p.offset + len(p.text)] == p.text
        assert sum(1 for line in lines[: p.line]) == p.line


def test_a_large_file_streams_in_bounded_memory(tmp_path: Path) -> None:
    para = "At 14:02 the deploy finished and error rates rose to 4% across the checkout service.\n\n"
    doc = tmp_path / "big.md"
    doc.write_text(para * 15_000 + "The root cause was human error.\n", encoding="utf-8")  # ~1.3 MB
    tracemalloc.start()
    lines = doc.open(encoding="utf-8")
    n = 0
    for block in blocks(lines, size=64 * 1024):
        prose_view(block.text)
        n += 1
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    lines.close()
    assert n > 10 and peak < 40 * 1024 * 1024
