"""A rendered Markdown draft as wiki blocks, so the Confluence and Word exports follow a team's template.

A draft made to a team template is laid out by ``draft.render`` (the template's headings, levels and
order, and its free sections). Rather than a second layout walk, the wiki exports read that Markdown
with the project's parser (markdown-it-py) into the same blocks ``document.blocks`` builds: headings,
paragraphs, bullet lists and tables, with inline marks dropped. The provenance footer (after the
closing rule) is left out, as in the other wiki exports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.export.document import Block, Bullets, Heading, Paragraph, Table, blocks, plain_text

if TYPE_CHECKING:
    from markdown_it.token import Token


def _plain(inline: Token) -> str:
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return plain_text(" ".join("".join(parts).split()))


class _Table:
    """The table being read: its header row, then its body rows."""

    def __init__(self) -> None:
        self.header: tuple[str, ...] = ()
        self.rows: list[tuple[str, ...]] = []
        self.row: list[str] = []
        self.in_head = False

    def end_row(self) -> None:
        if self.in_head:
            self.header = tuple(self.row)
        else:
            self.rows.append(tuple(self.row))
        self.row = []

    def block(self) -> Table:
        return Table(self.header, tuple(self.rows))


def blocks_from_markdown(text: str) -> list[Block]:
    """Headings, paragraphs, bullets and tables of a Markdown document, in order."""
    from assistant.tone.markdown import markdown_parser

    out: list[Block] = []
    bullets: list[str] | None = None
    table = _Table()
    tokens = markdown_parser().parse(text)
    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind == "hr":
            break
        if kind == "heading_open":
            out.append(Heading(int(tok.tag[1]), _plain(tokens[i + 1])))
        elif kind == "bullet_list_open":
            bullets = []
        elif kind == "bullet_list_close" and bullets is not None:
            out.append(Bullets(tuple(bullets)))
            bullets = None
        elif kind in ("thead_open", "thead_close"):
            table.in_head = kind == "thead_open"
        elif kind == "tr_close":
            table.end_row()
        elif kind == "table_close":
            out.append(table.block())
            table = _Table()
        elif kind == "inline":
            _inline(tok, tokens[i - 1].type, out, bullets, table)
    return out


def _inline(tok: Token, prev: str, out: list[Block], bullets: list[str] | None, table: _Table) -> None:
    """A run of text: a table cell, a bullet, or a paragraph, by what opened it."""
    if prev in ("th_open", "td_open"):
        table.row.append(_plain(tok))
    elif prev == "paragraph_open" and bullets is not None:
        bullets.append(_plain(tok))
    elif prev == "paragraph_open" and (plain := _plain(tok)):
        out.append(Paragraph(plain))


def draft_blocks(draft: dict[str, Any]) -> list[Block]:
    """The blocks the wiki exports write: the team template's layout when the draft has one, else ours."""
    if not draft.get("template"):
        return blocks(draft)
    from assistant.draft.render import to_markdown
    from assistant.draft.schema import Postmortem

    return blocks_from_markdown(to_markdown(Postmortem.model_validate(draft)))
