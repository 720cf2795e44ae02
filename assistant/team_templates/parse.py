"""Read a team's template: its headings, in order, each with the guidance written under it.

The Markdown is parsed by markdown-it-py (the parser the tone checker uses). Guidance is what a team
writes for the person (or model) filling the section in: an HTML comment (``<!-- … -->``) or a block
quote under the heading, or a comment on the heading line itself. Other text under a heading
(placeholders such as "Describe the impact here") is not guidance and is not kept. A lone top-level
``#`` heading above deeper ones is the document's title, not a section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.errors import InputError

if TYPE_CHECKING:
    from markdown_it.token import Token

_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
MAX_HEADINGS = 60  # a template with more headings than this is a document, not a template


@dataclass(frozen=True)
class RawHeading:
    """A heading as written, its level, the guidance under it, and whether deeper headings follow."""

    text: str
    level: int
    guidance: str
    container: bool


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _heading_text(inline: Token) -> tuple[str, list[str]]:
    """The heading's words without inline markup, and any comment written on the heading line."""
    words: list[str] = []
    notes: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            words.append(child.content)
        elif child.type == "html_inline":
            notes += [m.group(1) for m in _COMMENT.finditer(child.content)]
        elif child.type == "softbreak":
            words.append(" ")
    return _tidy("".join(words)), [_tidy(n) for n in notes if n.strip()]


def parse_headings(text: str, *, where: str = "template") -> list[RawHeading]:
    """The template's sections in order; raises ``InputError`` when it has no headings."""
    from assistant.tone.markdown import markdown_parser

    tokens = markdown_parser().parse(text)
    found: list[tuple[str, int, list[str]]] = []
    quote_depth = 0
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and quote_depth == 0:
            words, notes = _heading_text(tokens[i + 1])
            if words:
                found.append((words, int(tok.tag[1]), notes))
        elif tok.type == "blockquote_open":
            quote_depth += 1
        elif tok.type == "blockquote_close":
            quote_depth -= 1
        elif not found:
            continue
        elif tok.type == "html_block" and quote_depth == 0:
            found[-1][2].extend(
                _tidy(m.group(1)) for m in _COMMENT.finditer(tok.content) if m.group(1).strip()
            )
        elif tok.type == "inline" and quote_depth > 0:
            found[-1][2].append(_tidy(_COMMENT.sub(" ", tok.content)))
    if not found:
        raise InputError(
            f"{where}: no Markdown headings found; a template is a list of headings such as '## Summary', "
            "each with optional guidance in <!-- ... --> or a '> ' quote under it"
        )
    if len(found) > MAX_HEADINGS:
        raise InputError(
            f"{where}: {len(found)} headings; a template has at most {MAX_HEADINGS} (is this a postmortem, "
            "not a template?)"
        )
    h1 = [f for f in found if f[1] == 1]
    if len(h1) == 1 and found[0][1] == 1 and len(found) > 1 and not found[0][2]:
        found = found[1:]  # the document's title, e.g. "# Postmortem: <title>"
    out = []
    for n, (words, level, notes) in enumerate(found):
        deeper = n + 1 < len(found) and found[n + 1][1] > level
        out.append(RawHeading(words, level, " ".join(x for x in notes if x), deeper))
    return out
