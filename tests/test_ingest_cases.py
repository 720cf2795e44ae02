"""Every file of every shared dev incident case is detected with the expected family."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import incident_cases, shared_dir

from assistant.domain import SourceKind
from assistant.ingest import read_sources

_EXPECTED = {
    "chat.txt": SourceKind.chat,
    "slack_export.json": SourceKind.chat,
    "app.log": SourceKind.log,
    "alerts.json": SourceKind.alert,
    "alerts.txt": SourceKind.alert,
    "notes.md": SourceKind.note,
    # cases 31-41 name their inputs after what they are (see the incidents README)
    "cloudwatch_logs.json": SourceKind.log,
    "events.json": SourceKind.log,
}


def _expected(name: str) -> SourceKind:
    return _EXPECTED[name] if name in _EXPECTED or not name.endswith(".log") else SourceKind.log


def _not_a_problem(message: str) -> bool:
    """A file's own title lines before its first stamped line (``# exported ...``, ``===== job 1 =====``) are
    counted as not used (nothing is dropped silently, see test_log_coverage); that is a report, not a misread."""
    return "line(s) not used: no timestamp before the first record" in message


@pytest.mark.parametrize("case", incident_cases(), ids=lambda p: p.name)
def test_every_case_file_is_detected_with_its_family(case: Path) -> None:
    files = [p for p in sorted(case.iterdir()) if p.is_file() and p.name != "gold.json"]
    result = read_sources(files)
    assert [p for p in result.problems if not _not_a_problem(p.message)] == []
    assert len(result.problems) <= len({p.path for p in result.problems})  # one report per file at most
    by_name = {Path(s.path).name: s for s in result.sources}
    assert set(by_name) == {p.name for p in files}
    for name, src in by_name.items():
        assert src.kind == _expected(name), (name, src.format)
        assert src.records, name
        assert all(r.ref.file == str(case / name) and r.ref.line >= 1 for r in src.records)


def test_case_chat_headers_state_their_zone() -> None:
    base = shared_dir("incidents")
    utc = read_sources([base / "case01-expired-tls-cert" / "chat.txt"]).sources[0]
    cest = read_sources([base / "case14-bgp-dc-partition" / "chat.txt"]).sources[0]
    assert utc.stated_tz == "UTC"
    assert cest.stated_tz == "Europe/Berlin"


def test_case_syslog_year_comes_from_the_embedded_haproxy_date() -> None:
    src = read_sources([shared_dir("incidents", "case01-expired-tls-cert") / "app.log"]).sources[0]
    assert src.format == "log-layout" and src.coverage is not None and "mon-d" in src.coverage.why
    assert src.records[0].time.value.year == 2025
    assert "year_missing" not in src.records[0].attrs
