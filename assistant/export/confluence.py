"""A draft as Confluence storage format: the XHTML a page body holds (paste it in the source editor
or send it as ``body.storage`` through the REST API).

Built with ElementTree, so the output is always well-formed XML (storage format must be): text is
escaped, tables carry ``<tbody>`` as Confluence writes them, no macros are needed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from assistant.export.document import Bullets, Heading, Paragraph, Table
from assistant.export.from_markdown import draft_blocks


def to_confluence(draft: dict[str, Any]) -> str:
    """The draft as Confluence storage-format XHTML (a sequence of top-level elements)."""
    parts: list[str] = []
    for block in draft_blocks(draft):
        parts.append(ET.tostring(_element(block), encoding="unicode", short_empty_elements=True))
    return "\n".join(parts) + "\n"


def _element(block: Heading | Paragraph | Bullets | Table) -> ET.Element:
    if isinstance(block, Heading):
        el = ET.Element(f"h{block.level}")
        el.text = block.text
        return el
    if isinstance(block, Paragraph):
        el = ET.Element("p")
        if block.label:
            strong = ET.SubElement(el, "strong")
            strong.text = block.label + (":" if block.text else "")
            strong.tail = (" " + block.text) if block.text else None
        else:
            el.text = block.text
        return el
    if isinstance(block, Bullets):
        el = ET.Element("ul")
        for item in block.items:
            ET.SubElement(el, "li").text = item
        return el
    table = ET.Element("table")
    body = ET.SubElement(table, "tbody")
    head = ET.SubElement(body, "tr")
    for h in block.header:
        ET.SubElement(head, "th").text = h
    for row in block.rows:
        tr = ET.SubElement(body, "tr")
        for cell in row:
            ET.SubElement(tr, "td").text = cell
    return table
