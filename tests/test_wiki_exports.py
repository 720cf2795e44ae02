"""Confluence storage format and .docx exports, checked by parsing what was written."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import docx

from assistant.export.confluence import to_confluence
from assistant.export.word import write_docx

DRAFT = {
    "title": "Checkout 502s after certificate expiry",
    "severity": "SEV2",
    "summary": "The edge proxy served an expired certificate, so <checkout> failed for 41 minutes & more.\x07",
    "impact": {"summary": "Checkout unavailable.", "figures": [{"text": "12% of orders failed", "refs": ["chat.txt:4"]}]},
    "key_times": {"start": "2026-03-04T14:02:00+00:00", "detected": "2026-03-04T14:05:00+00:00",
                  "mitigated": None, "resolved": "2026-03-04T14:43:00+00:00"},
    "timeline": [{"time": "2026-03-04T14:02:00+00:00", "description": "First 502s", "refs": ["app.log:10"]}],
    "root_cause": {"text": "Certificate renewal did not cover the legacy proxy.", "refs": []},
    "lessons": {"went_well": [{"text": "Rollback was quick", "refs": []}], "went_wrong": [], "lucky": []},
    "action_items": [
        {"description": "Alert 14 days before any certificate expires", "owner": "dana", "due": "2026-04-01",
         "priority": "high", "kind": "detect", "refs": ["chat.txt:80"]},
    ],
    "open_questions": ["Why did the renewal job skip this host?"],
}  # fmt: skip


def _texts(el: ET.Element) -> str:
    return "".join(el.itertext())


def test_confluence_storage_format_is_well_formed_xhtml_with_every_section() -> None:
    xhtml = to_confluence(DRAFT)
    root = ET.fromstring(f"<body>{xhtml}</body>")  # storage format is a sequence of XHTML elements
    headings = [(el.tag, _texts(el)) for el in root if el.tag in ("h1", "h2")]
    assert headings[0] == ("h1", DRAFT["title"])
    assert [h for _, h in headings[1:4]] == ["Summary", "Timeline", "Impact"]
    assert ("h2", "Action items") in headings and ("h2", "Open questions") in headings
    summary = root.find("p[2]")  # after the severity line
    assert summary is not None
    assert (
        _texts(summary)
        == "The edge proxy served an expired certificate, so <checkout> failed for 41 minutes & more."
    )
    assert "&lt;checkout&gt;" in xhtml and "&amp; more" in xhtml  # escaped, never raw markup
    tables = root.findall("table")
    assert all(t.find("tbody") is not None for t in tables)
    actions = tables[-1]
    header = [_texts(th) for th in actions.iter("th")]
    row = [_texts(td) for td in actions.find("tbody").findall("tr")[1]]  # type: ignore[union-attr]
    assert dict(zip(header, row, strict=True))["owner"] == "dana"
    bullets = [_texts(li) for li in root.iter("li")]
    assert (
        "12% of orders failed [chat.txt:4]" in bullets
        and "Why did the renewal job skip this host?" in bullets
    )


def test_docx_opens_with_headings_bullets_and_the_action_items_table(tmp_path: Path) -> None:
    path = write_docx(DRAFT, tmp_path / "pm.docx")
    doc = docx.Document(str(path))
    styled = [(p.style.name if p.style else "", p.text) for p in doc.paragraphs]
    heads = [(name, text) for name, text in styled if name.startswith(("Title", "Heading"))]
    assert heads[0] == ("Title", DRAFT["title"])
    assert ("Heading 1", "Root cause") in heads and ("Heading 1", "Action items") in heads
    bullets = [text for name, text in styled if name == "List Bullet"]
    assert "Rollback was quick" in bullets
    assert any(p.text.startswith("Severity: SEV2") for p in doc.paragraphs)
    assert any("<checkout> failed" in p.text for p in doc.paragraphs)
    actions = doc.tables[-1]
    assert [c.text for c in actions.rows[0].cells] == [
        "description",
        "owner",
        "due",
        "priority",
        "kind",
        "refs",
    ]
    assert [c.text for c in actions.rows[1].cells][:3] == [
        "Alert 14 days before any certificate expires", "dana", "2026-04-01"]  # fmt: skip


def test_an_empty_draft_still_exports_to_both_formats(tmp_path: Path) -> None:
    root = ET.fromstring(f"<body>{to_confluence({})}</body>")
    assert _texts(root[0]) == "Postmortem"
    doc = docx.Document(str(write_docx({}, tmp_path / "empty.docx")))
    assert doc.paragraphs[0].text == "Postmortem"
