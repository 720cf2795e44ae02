"""Messages that point at the fault: every bad UTF-8 line, JSON positions inside a Slack workspace zip."""

from __future__ import annotations

from pathlib import Path

from _cli_helpers import zip_of

from assistant.ingest import read_sources


def test_bad_utf8_message_names_every_bad_line(tmp_path: Path) -> None:
    f = tmp_path / "chat.txt"
    f.write_bytes(
        b"[14:02] alice: caf\xe9 is down\n[14:03] bob: ok\n[14:04] bob: na\xefve retry\n[14:05] carol: \xff\n"
    )
    result = read_sources([f])
    [p] = result.problems
    assert p.line == 1 and "3 lines: 1, 3, 4" in p.message
    assert len(result.sources[0].records) == 4  # still read, with replacement characters


def test_many_bad_utf8_lines_are_counted_beyond_the_ones_listed(tmp_path: Path) -> None:
    f = tmp_path / "notes.md"
    f.write_bytes(b"".join(b"14:%02d caf\xe9 restarted\n" % m for m in range(30)))
    [p] = read_sources([f]).problems
    assert "30 lines: 1, 2, 3" in p.message and "and 20 more" in p.message


def test_invalid_json_in_a_workspace_zip_keeps_line_and_column(tmp_path: Path) -> None:
    z = zip_of(tmp_path / "ws.zip", {
        "users.json": '[{"id": "U1", "name": "alice"}',
        "incident/2026-03-04.json": '[{"ts": "1772615000.000100", "user": "U1", "text": "down"},\n {"ts": oops}]',
    })  # fmt: skip
    msgs = {p.path.rsplit(":", 1)[1]: p for p in read_sources([z]).problems}
    assert "line 1 column" in msgs["users.json"].message
    day = msgs["incident/2026-03-04.json"]
    assert day.line == 2 and "line 2 column" in day.message and "kept the 1 complete" in day.message


def test_invalid_json_in_the_first_item_keeps_its_line_and_column(tmp_path: Path) -> None:
    f = tmp_path / "alerts.json"
    f.write_text('[\n  {"status": "firing",\n   "labels": {"alertname": oops}}\n]\n', encoding="utf-8")
    [p] = read_sources([f]).problems
    assert p.line == 3 and "line 3 column 28" in p.message, p.message
