"""The bundled example incident parses cleanly and carries what the demo needs to show."""

from __future__ import annotations

from pathlib import Path

from assistant.domain import SourceKind
from assistant.ingest import read_sources

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "incident"


def test_example_incident_parses_into_all_four_families() -> None:
    result = read_sources([EXAMPLE])
    assert result.problems == []
    kinds = {s.kind: s for s in result.sources}
    assert set(kinds) == {SourceKind.chat, SourceKind.log, SourceKind.alert, SourceKind.note}
    chat = kinds[SourceKind.chat]
    assert chat.stated_tz == "UTC" and 45 <= len(chat.records) <= 70
    assert kinds[SourceKind.note].stated_date == "2026-05-12"
    assert len(kinds[SourceKind.log].records) >= 250
    alerts = kinds[SourceKind.alert].records
    assert [(r.attrs["alert"], r.attrs["status"]) for r in alerts] == [
        ("DBPoolSaturation", "firing"),
        ("PaymentsErrorRateHigh", "firing"),
        ("DBPoolSaturation", "resolved"),
        ("PaymentsErrorRateHigh", "resolved"),
    ]


def test_example_incident_has_the_material_the_demo_shows() -> None:
    chat = (EXAMPLE / "chat.txt").read_text()
    notes = (EXAMPLE / "notes.md").read_text()
    assert "Tr0ub4dor-prod-77" in chat  # fake secret: redaction must remove it
    assert "should have checked" in chat  # blameful line: the tone checker flags it
    assert "turns out" in chat and "because" in chat  # stated root cause
    assert "~3,400 failed checkout attempts" in chat  # impact figure
    assert "TODO:" in chat and "action item:" in chat and "we should" in chat
    assert "times UTC" in notes
