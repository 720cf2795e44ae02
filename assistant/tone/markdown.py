"""Read Markdown as Markdown: which characters of a document are prose the tone checker should read.

markdown-it-py (CommonMark plus tables) decides the block structure. Not prose: YAML front matter,
headings, a paragraph that is only bold or italic text (a heading in disguise, "**Where we got
lucky**"), fenced and indented code, HTML blocks, link targets, autolinks and bare URLs, inline
code, images, and table cells that hold labels rather than sentences. Block quotes are prose but
are reported as quotes: a postmortem quotes chat to show what was said, and a reviewer reads a
finding there differently.

``prose_view`` returns the document with every non-prose character replaced by a space (newlines
kept, and soft line breaks inside a paragraph turned into spaces so wrapped sentences stay whole),
so offsets, lines and columns of findings are those of the original file. ``blocks`` cuts a large
file into pieces at blank lines outside code fences, so a 50 MB file is read in bounded memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

BLOCK_CHARS = 256 * 1024  # a piece of a large file; small files are one piece
_TABLE_PROSE_WORDS = 4  # a cell with fewer words is a label, a name, a time or a number
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$", re.MULTILINE)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
_LINK_TARGET = re.compile(
    r"\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)|\]\[[^\]]*\]"
)
_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?")
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>|<[^<>\s@]+@[^<>\s@]+>")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+", re.IGNORECASE)
_HTML = re.compile(r"</?[A-Za-z][^<>]*>|<!--.*?-->", re.DOTALL)
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")


@dataclass(frozen=True)
class ProseView:
    """``text`` with non-prose blanked (same length as the source) and the block-quote ranges."""

    text: str
    quotes: tuple[tuple[int, int], ...] = field(default=())

    def in_quote(self, offset: int) -> bool:
        """True when ``offset`` lies inside a block quote."""
        return any(s <= offset < e for s, e in self.quotes)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def markdown_parser() -> MarkdownIt:
    """The project's one Markdown parser (CommonMark plus tables), shared with the template reader."""
    return _parser()


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _front_matter_lines(text: str) -> int:
    """Number of lines of a leading YAML front matter block (0 when there is none)."""
    if not text.startswith("---"):
        return 0
    first = text.split("\n", 1)[0].rstrip()
    if first != "---":
        return 0
    m = _FRONT_MATTER_END.search(text, len(first) + 1)
    if m is None:
        return 0
    return text.count("\n", 0, m.end()) + 1


def prose_view(text: str, *, front_matter: bool = True) -> ProseView:
    """The prose of a Markdown document, offsets unchanged (see the module docstring)."""
    starts = _line_starts(text)
    skip = _front_matter_lines(text) if front_matter else 0
    source = text
    if skip:  # blank the front matter so the parser does not read "---" as a rule or a heading
        cut = starts[skip] if skip < len(starts) else len(text)
        source = re.sub(r"[^\n]", " ", text[:cut]) + text[cut:]
    tokens = _parser().parse(source)
    spans: list[tuple[int, int]] = []
    joins: list[int] = []
    quotes: list[tuple[int, int]] = []
    for i, tok in enumerate(tokens):
        if tok.type == "blockquote_open" and tok.map:
            quotes.append(_line_range(starts, tok.map, len(text)))
        elif tok.type == "inline" and tok.map and i > 0:
            parent = tokens[i - 1].type
            if parent == "paragraph_open" and not _title_like(tok):
                _paragraph_spans(text, starts, tok, spans, joins)
            elif parent in ("td_open", "th_open") and len(tok.content.split()) >= _TABLE_PROSE_WORDS:
                _cell_span(text, starts, tok, spans)
    return ProseView(_masked(text, spans, joins), tuple(quotes))


def _line_range(starts: list[int], line_map: list[int], n: int) -> tuple[int, int]:
    a, b = line_map
    return starts[a] if a < len(starts) else n, starts[b] if b < len(starts) else n


def _title_like(tok: Token) -> bool:
    """A paragraph that is only emphasised text with no sentence end: a heading in disguise."""
    kids = [c for c in tok.children or [] if not (c.type == "text" and not c.content.strip())]
    if (
        len(kids) < 3
        or kids[0].type not in ("strong_open", "em_open")
        or kids[-1].type not in ("strong_close", "em_close")
    ):
        return False
    if any(c.type in ("softbreak", "hardbreak") for c in kids):
        return False
    return not _SENTENCE_END.search(tok.content.strip().strip("*_"))


def _paragraph_spans(
    text: str, starts: list[int], tok: Token, spans: list[tuple[int, int]], joins: list[int]
) -> None:
    a, b = tok.map or (0, 0)
    pieces = tok.content.split("\n")
    para: list[tuple[int, int]] = []
    for k, piece in enumerate(pieces):
        line_no = a + k
        if line_no >= min(b, len(starts)) or not piece.strip():
            continue
        line_start = starts[line_no]
        line_end = starts[line_no + 1] - 1 if line_no + 1 < len(starts) else len(text)
        line = text[line_start:line_end]
        at = line.find(piece.strip())
        if at < 0:
            continue
        para.append((line_start + at, line_start + at + len(piece.strip())))
    for n, (s, e) in enumerate(para):
        spans.extend(_inline_prose(text, s, e))
        if n + 1 < len(para) and text[e : para[n + 1][0]].count("\n") == 1:
            joins.append(text.index("\n", e))


def _inline_prose(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sub-spans of text[start:end] that are prose (inline code, link targets, URLs, HTML cut out)."""
    segment = text[start:end]
    cut: list[tuple[int, int]] = []
    for rx in (_INLINE_CODE, _IMAGE, _LINK_TARGET, _AUTOLINK, _URL, _HTML):
        cut.extend(m.span() for m in rx.finditer(segment))
    pos = 0
    for s, e in sorted(cut):
        if s > pos:
            yield start + pos, start + s
        pos = max(pos, e)
    if pos < len(segment):
        yield start + pos, end


def _cell_span(text: str, starts: list[int], tok: Token, spans: list[tuple[int, int]]) -> None:
    a = (tok.map or (0, 0))[0]
    if a >= len(starts):
        return
    line_start = starts[a]
    line_end = starts[a + 1] - 1 if a + 1 < len(starts) else len(text)
    at = text.find(tok.content.strip(), line_start, line_end)
    if at >= 0:
        spans.extend(_inline_prose(text, at, at + len(tok.content.strip())))


def _masked(text: str, spans: list[tuple[int, int]], joins: list[int]) -> str:
    out: list[str] = []
    pos = 0
    blank = re.compile(r"[^\n]")
    for s, e in sorted(spans):
        if s < pos:
            s = pos
        if e <= s:
            continue
        out.append(blank.sub(" ", text[pos:s]))
        out.append(text[s:e])
        pos = e
    out.append(blank.sub(" ", text[pos:]))
    masked = "".join(out)
    if joins:
        chars = list(masked)
        for j in joins:
            chars[j] = " "
        masked = "".join(chars)
    return masked


@dataclass(frozen=True)
class Block:
    """A piece of a document: its text, the 0-based line and character offset where it starts."""

    text: str
    line: int
    offset: int


def blocks(lines: Iterable[str], *, size: int = BLOCK_CHARS) -> Iterator[Block]:
    """Cut a document (an iterable of lines with their endings) into pieces of about ``size``.

    A piece ends at a blank line outside a code fence, so no paragraph, list item or fence is
    split; a fence that never closes is cut at four times ``size``.
    """
    buf: list[str] = []
    chars = 0
    line = offset = 0
    fence: str | None = None
    for raw in lines:
        m = _FENCE.match(raw)
        if m:
            mark = m.group(1)
            if fence is None:
                fence = mark[0] * 3
            elif mark.startswith(fence):
                fence = None
        buf.append(raw)
        chars += len(raw)
        if chars >= size and ((fence is None and not raw.strip()) or chars >= 4 * size):
            text = "".join(buf)
            yield Block(text, line, offset)
            line += len(buf)
            offset += len(text)
            buf, chars = [], 0
    if buf:
        yield Block("".join(buf), line, offset)
