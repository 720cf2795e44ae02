"""Bad input never raises out of read_sources: each case becomes a problem naming file and line."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.domain import RawRecord, RawTime, SourceKind, SourceRef
from assistant.ingest import _io, read_sources, read_text
from assistant.ingest._records import raw_time, record

_GOOD_CHAT = "[09:00] ana: db is down\n[09:01] bo: looking\n"


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode())
    return p


def test_binary_file_is_reported_and_other_inputs_still_used(tmp_path: Path) -> None:
    binary = _write(tmp_path, "core.dump", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    chat = _write(tmp_path, "chat.txt", _GOOD_CHAT)
    result = read_sources([binary, chat])
    (problem,) = result.problems
    assert problem.path == str(binary) and "binary" in problem.message
    assert [s.path for s in result.sources] == [str(chat)]


def test_empty_and_whitespace_only_files(tmp_path: Path) -> None:
    empty = _write(tmp_path, "empty.log", b"")
    blank = _write(tmp_path, "blank.md", b"\n  \n\t\n")
    result = read_sources([empty, blank])
    assert [p.path for p in result.problems] == [str(empty), str(blank)]
    assert all("empty" in p.message or "whitespace" in p.message for p in result.problems)
    assert result.sources == []


def test_invalid_utf8_names_the_line_of_the_first_bad_byte_and_keeps_the_rest(tmp_path: Path) -> None:
    path = _write(tmp_path, "chat.txt", b"[09:00] ana: ok\n[09:01] bo: caf\xe9 is down\n[09:02] ana: ack\n")
    result = read_sources([path])
    (problem,) = result.problems
    assert problem.path == str(path) and problem.line == 2
    assert "UTF-8" in problem.message and "iconv" in problem.message
    recs = result.sources[0].records
    assert len(recs) == 3 and recs[1].text == "caf\ufffd is down"


def test_utf8_bom_and_utf16_bom_files_decode(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.txt", b"\xef\xbb\xbf" + _GOOD_CHAT.encode())
    b = _write(tmp_path, "b.txt", _GOOD_CHAT.encode("utf-16"))
    result = read_sources([a, b])
    assert result.problems == []
    assert [r.actor for s in result.sources for r in s.records] == ["ana", "bo", "ana", "bo"]


def test_truncated_json_list_salvages_complete_items_and_names_the_line(tmp_path: Path) -> None:
    msgs = [
        {"type": "message", "user": "U1", "user_name": "ana", "text": f"msg {i}", "ts": f"177261480{i}.0"}
        for i in range(3)
    ]
    text = json.dumps(msgs, indent=2)
    cut = text[: text.rindex('"text"')]  # the third message is cut mid-object
    path = _write(tmp_path, "slack.json", cut)
    result = read_sources([path])
    (problem,) = result.problems
    assert problem.path == str(path) and problem.line == cut.count("\n") + 1
    assert "kept the 2 complete items" in problem.message
    assert [r.text for r in result.sources[0].records] == ["msg 0", "msg 1"]


def test_truncated_json_object_reports_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "alerts.json", '{\n  "receiver": "pd",\n  "alerts": [\n    {"status": "fir')
    result = read_sources([path])
    (problem,) = result.problems
    assert problem.path == str(path) and problem.line == 4
    assert "invalid JSON at line 4 column" in problem.message and "truncated" in problem.message
    assert result.sources == []


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.log"
    with big.open("wb") as fh:  # sparse: 300 MB on paper, nothing on disk
        fh.truncate(300 * 1024 * 1024)
    small = _write(tmp_path, "chat.txt", _GOOD_CHAT)
    result = read_sources([big, small])
    (problem,) = result.problems
    assert (
        problem.path == str(big)
        and "300.0 MB" in problem.message
        and "POSTMORTEM_MAX_INPUT_BYTES" in problem.message
    )
    assert len(result.sources) == 1
    tiny = read_sources([small], max_bytes=10)
    assert "over the" in tiny.problems[0].message


def test_large_log_under_the_limit_streams_line_by_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_io, "WHOLE_BYTES", 1024)
    lines = [f"2026-03-04T09:{i // 60:02d}:{i % 60:02d}Z INFO tick {i}" for i in range(500)]
    lines.insert(10, "bad \xff byte line")
    path = _write(tmp_path, "big.log", "\n".join(lines).encode("utf-8").replace("\xff".encode(), b"\xff"))
    result = read_sources([path])
    recs = result.sources[0].records
    assert len(recs) == 500 and recs[-1].ref.line == 501
    assert recs[9].text.endswith("tick 9\nbad \ufffd byte line")


def test_unrecognised_format_is_reported_with_how_to_fix(tmp_path: Path) -> None:
    path = _write(tmp_path, "poem.txt", "roses are red\nviolets are blue\n")
    result = read_sources([path])
    (problem,) = result.problems
    assert problem.path == str(path) and problem.line == 1 and "not recognised" in problem.message
    json_path = _write(tmp_path, "config.json", '{"name": "x", "replicas": 3}')
    assert "not a format we read" in read_sources([json_path]).problems[0].message


def test_missing_path_and_broken_zip(tmp_path: Path) -> None:
    broken = _write(tmp_path, "export.zip", b"PK\x03\x04 not really a zip")
    result = read_sources([tmp_path / "nope.log", broken])
    assert [p.path for p in result.problems] == [str(tmp_path / "nope.log"), str(broken)]


def test_folder_reads_every_file_on_its_own_and_skips_hidden_ones(tmp_path: Path) -> None:
    root = tmp_path / "incident"
    (root / "logs").mkdir(parents=True)
    (root / "chat.txt").write_text(_GOOD_CHAT)
    (root / "logs" / "app.log").write_text("2026-03-04T09:00:00Z ERROR boom\n")
    (root / ".DS_Store").write_bytes(b"\x00\x01")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    result = read_sources([str(root)])
    assert result.problems == []
    assert sorted(s.path for s in result.sources) == [str(root / "chat.txt"), str(root / "logs" / "app.log")]
    assert {s.kind for s in result.sources} == {SourceKind.chat, SourceKind.log}


def test_zip_of_plain_files_detects_each_member(tmp_path: Path) -> None:
    z = tmp_path / "bundle.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("chat.txt", _GOOD_CHAT)
        zf.writestr("app.log", "2026-03-04T09:00:00Z ERROR boom\n")
    result = read_sources([z])
    assert sorted(s.path for s in result.sources) == [f"{z}:app.log", f"{z}:chat.txt"]


def test_read_text_reports_empty_paste() -> None:
    result = read_text("   \n", name="paste")
    assert result.sources == [] and result.problems[0].path == "paste"


def test_fast_records_equal_validated_models() -> None:
    when = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
    fast = record(raw_time(when), SourceKind.log, "boom", "app.log", 7, actor="api", attrs={"level": "error"})
    slow = RawRecord(
        time=RawTime(value=when),
        kind=SourceKind.log,
        text="boom",
        ref=SourceRef(file="app.log", line=7),
        actor="api",
        attrs={"level": "error"},
    )
    assert fast == slow and fast.model_dump() == slow.model_dump()
    assert RawRecord.model_validate(fast.model_dump()) == fast


def test_a_script_in_a_passed_folder_is_skipped_with_a_reason_and_read_when_named(tmp_path: Path) -> None:
    folder = tmp_path / "incident"
    folder.mkdir()
    (folder / "chat.txt").write_text(_GOOD_CHAT, encoding="utf-8")
    (folder / "make_inputs.py").write_text("import json\nprint('09:00 generating')\n", encoding="utf-8")
    result = read_sources([folder])
    assert [Path(s.path).name for s in result.sources] == ["chat.txt"]
    assert any(p.path.endswith("make_inputs.py") and "program source" in p.message for p in result.problems)
    named = read_sources([folder / "make_inputs.py"])
    assert named.sources  # named explicitly, it is read
