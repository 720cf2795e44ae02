"""A draft as a Word document (.docx), which Google Docs opens too (python-docx)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.export.document import Bullets, Heading, Paragraph, Table
from assistant.export.from_markdown import draft_blocks


def write_docx(draft: dict[str, Any], path: str | Path) -> Path:
    """Write the draft to ``path`` as .docx and return the path."""
    import docx  # python-docx; imported here so other exports do not pay for it

    doc = docx.Document()
    for block in draft_blocks(draft):
        if isinstance(block, Heading):
            doc.add_heading(block.text, level=0 if block.level == 1 else block.level - 1)
        elif isinstance(block, Paragraph):
            p = doc.add_paragraph()
            if block.label:
                p.add_run(block.label + (": " if block.text else "")).bold = True
            if block.text:
                p.add_run(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                doc.add_paragraph(item, style="List Bullet")
        else:
            _table(doc, block)
    out = Path(path)
    doc.save(str(out))
    return out


def _table(doc: Any, block: Table) -> None:
    table = doc.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = "Table Grid"
    for j, h in enumerate(block.header):
        cell = table.rows[0].cells[j]
        cell.text = ""
        cell.paragraphs[0].add_run(h).bold = True
    for i, row in enumerate(block.rows, start=1):
        for j, value in enumerate(row):
            table.rows[i].cells[j].text = value
