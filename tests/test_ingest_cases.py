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
}


@pytest.mark.parametrize("case", incident_cases(), ids=lambda p: p.name)
def test_every_case_file_is_detected_with_its_family(case: Path) -> None:
    files = [p for p in sorted(case.iterdir()) if p.is_file() and p.name != "gold.json"]
    result = read_sources(files)
    assert result.problems == []
    by_name = {Path(s.path).name: s for s in result.sources}
    assert set(by_name) == {p.name for p in files}
    for name, src in by_name.items():
        assert src.kind == _EXPECTED[name], (name, src.format)
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
