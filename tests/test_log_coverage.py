"""Nothing dropped silently (issue 10 items 5 and 6): per-file coverage and named unreadable lines."""

from __future__ import annotations

from pathlib import Path

from assistant.ingest import read_sources
from assistant.timeline import build_timeline
from assistant.timeline.public_json import timeline_to_json


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(data, bytes):
        p.write_bytes(data)
    else:
        p.write_text(data, encoding="utf-8")
    return p


def test_timeline_json_accounts_for_every_line_of_a_log(tmp_path: Path) -> None:
    lines = ["# exported by the CI runner"]
    lines += [f"2026-03-04T14:{i // 60:02d}:{i % 60:02d}Z INFO api request served id={i}" for i in range(600)]
    lines += [
        "2026-03-04T14:10:00Z ERROR api payment failed",
        "Traceback (most recent call last):",
        "  boom",
        "",
    ]
    log = _write(tmp_path, "app.log", "\n".join(lines) + "\n")
    out = timeline_to_json(build_timeline([log]))
    cov = out["coverage"][str(log)]
    assert cov["format"] == "log-layout" and "stamp" in cov["why"]
    assert cov["timed"] == 601 and cov["untimed_kept"] == 2
    assert cov["dropped"] == {"no timestamp before the first record (first: line 1)": 1}
    assert cov["lines"] == cov["blank"] + cov["timed"] + cov["untimed_kept"] + sum(cov["dropped"].values())
    assert cov["condensed"] == cov["timed"] - len(out["events"])
    assert any(
        "1 line(s) not used: no timestamp before the first record" in p["message"] for p in out["problems"]
    )


def test_a_partly_unreadable_log_yields_the_readable_lines_and_names_the_bad_ones(tmp_path: Path) -> None:
    # a corrupted region mid-file (the first 8 KB are text, so the file is not rejected as binary)
    good = "".join(f"2026-03-04T14:{i // 60:02d}:{i % 60:02d}Z INFO worker tick {i}\n" for i in range(200))
    garbage = b"\x00\x01\x02\xff\xfe\x00\x00\x9c\x00binary\x00\x00\n" * 3
    log = _write(tmp_path, "app.log", good.encode() + garbage + good.replace("T14:", "T15:").encode())
    result = read_sources([log])
    src = result.sources[0]
    assert len(src.records) == 400
    assert src.coverage is not None and sum(src.coverage.dropped.values()) == 3
    msgs = [p.message for p in result.problems]
    assert any("3 line(s) not used: unreadable" in m and "lines 201, 202, 203" in m for m in msgs), msgs


def test_files_that_yield_nothing_still_have_a_coverage_entry(tmp_path: Path) -> None:
    log = _write(tmp_path, "app.log", "2026-03-04T14:02:11Z INFO api up\n")
    empty = _write(tmp_path, "empty.txt", "")
    tl = build_timeline([log, empty])
    by_file = {c.file: c for c in tl.coverage}
    assert by_file[str(empty)].format == "none" and "empty" in by_file[str(empty)].why


def test_an_exporters_unset_time_is_dropped_with_a_reason_not_placed_two_thousand_years_early(
    tmp_path: Path,
) -> None:
    (tmp_path / "notes.md").write_text(
        "0001-01-01T00:00:00Z visible history starts\n"
        "2026-03-01T14:00:00Z first checkout errors\n"
        "2026-03-01T14:20:00Z checkout healthy again\n"
    )
    (tmp_path / "chat.txt").write_text("14:02 we see errors on checkout\n14:10 rolled back\n")
    tl = build_timeline(read_sources([tmp_path]))
    assert min(e.time for e in tl.events).year == 2026
    dropped = timeline_to_json(tl)["coverage"][str(tmp_path / "notes.md")]["dropped"]
    assert list(dropped.values()) == [1]
    assert "unset" in next(iter(dropped))
