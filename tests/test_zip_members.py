"""Every zip member is read on its own: a damaged member is a problem naming it, the rest is used."""

from __future__ import annotations

import zipfile
from pathlib import Path

from _cli_helpers import EXAMPLE, corrupt_member, run_main, zip_of

from assistant.ingest import read_sources


def _example_zip(tmp_path: Path, *, stored: bool = False) -> Path:
    members = {n: (EXAMPLE / n).read_text(encoding="utf-8") for n in ("chat.txt", "app.log")}
    return zip_of(tmp_path / "export.zip", members, stored=stored)


def test_corrupt_deflate_member_is_a_problem_and_the_other_member_is_used(tmp_path: Path) -> None:
    z = _example_zip(tmp_path)
    corrupt_member(z, "app.log")
    result = read_sources([z, EXAMPLE / "alerts.json"])
    paths = {s.path for s in result.sources}
    assert f"{z}:chat.txt" in paths and str(EXAMPLE / "alerts.json") in paths
    [problem] = result.problems
    assert problem.path == f"{z}:app.log" and "damaged" in problem.message


def test_bad_crc_member_rejects_only_that_member(tmp_path: Path) -> None:
    z = _example_zip(tmp_path, stored=True)
    with zipfile.ZipFile(z) as zf:
        info = zf.getinfo("app.log")
    data = bytearray(z.read_bytes())
    data[info.header_offset + 30 + len("app.log") + 5] ^= 1  # one content byte: CRC no longer matches
    z.write_bytes(bytes(data))
    result = read_sources([z])
    assert [s.path for s in result.sources] == [f"{z}:chat.txt"]
    assert [p.path for p in result.problems] == [f"{z}:app.log"]
    assert "CRC" in result.problems[0].message


def test_truncated_zip_is_called_a_damaged_archive_not_a_binary_file(tmp_path: Path) -> None:
    z = _example_zip(tmp_path)
    z.write_bytes(z.read_bytes()[: z.stat().st_size // 2])
    [problem] = read_sources([z]).problems
    assert "zip archive" in problem.message and "truncated" in problem.message
    assert "binary" not in problem.message


def test_corrupt_slack_workspace_channel_keeps_the_other_channels(tmp_path: Path) -> None:
    day = '[{"ts": "1772615000.000100", "user": "U1", "text": "api is down"}]'
    other = (
        '[{"ts": "1772615060.000100", "user": "U2", "text": "rolling back now, this is a long message " }]'
    )
    z = zip_of(tmp_path / "ws.zip", {
        "users.json": '[{"id": "U1", "name": "alice"}, {"id": "U2", "name": "bob"}]',
        "channels.json": "[]",
        "incident/2026-03-04.json": day,
        "ops/2026-03-04.json": other * 1,
    })  # fmt: skip
    corrupt_member(z, "ops/2026-03-04.json")
    result = read_sources([z])
    assert [s.path for s in result.sources] == [f"{z}:incident/2026-03-04.json"]
    assert result.sources[0].records[0].actor == "alice"
    assert [p.path for p in result.problems] == [f"{z}:ops/2026-03-04.json"]


def test_timeline_draft_and_redact_survive_a_corrupt_member_with_one_line_each(tmp_path: Path) -> None:
    z = _example_zip(tmp_path)
    corrupt_member(z, "app.log")
    for verb in (["timeline"], ["draft", "--provider", "offline"], ["redact"]):
        run = run_main(*verb, str(z), str(EXAMPLE / "alerts.json"))
        assert run.code == 0, (verb, run.err)
        assert "Traceback" not in run.err and "zlib" not in run.err.split("(")[0]
        assert f"{z}:app.log" in run.err or f"{z}!app.log" in run.err, (verb, run.err)
        assert "alerts.json" in run.out or verb == ["redact"], verb
