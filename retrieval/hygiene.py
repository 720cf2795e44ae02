"""Library hygiene: only files that look like postmortems are indexed; every other file is named with why.

A postmortem here is text (not binary, valid UTF-8), not empty, with enough words of prose, and a
shape: Markdown with a heading or a front-matter title, plain text with a title line and headings
(or paragraphs), or a JSON draft (checked by its parser). The thresholds are deliberately low: a
terse but real postmortem passes; a binary renamed ``.md``, random bytes or an empty file do not.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from assistant.ingest._io import looks_binary
from assistant.retrieval.parse import _HEADING, _SETEXT, _TEXT_HEADING, FRONT_MATTER, SUFFIXES

# Fewer words than this is a stub or a placeholder, not a postmortem (a terse real one has more).
MIN_WORDS = 8
# Share of word characters among non-space characters: prose is ~0.8+, decoded garbage far lower.
MIN_WORD_SHARE = 0.6
_WORD = re.compile(r"[^\W\d_]{2,}")


def skip_reason_for_name(path: Path) -> str | None:
    """Why a file is not even read: its type, or it is the folder's README."""
    if path.suffix.lower() not in SUFFIXES:
        return f"not a postmortem file type (index reads {', '.join(SUFFIXES)})"
    if path.name.lower().startswith("readme"):
        return "a folder README, not a postmortem"
    return None


def screen(path: Path, data: bytes) -> tuple[str | None, str | None]:
    """(decoded text, None) for a file that looks like a postmortem, else (None, why it was skipped)."""
    if not data.strip():
        return None, "empty; nothing to index"
    if looks_binary(data[:8192]):
        return None, "binary, not text; index Markdown, text or JSON postmortems"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return (
            None,
            f"not valid UTF-8 (line {line}); convert it (e.g. `iconv -f latin1 -t utf-8`) and index again",
        )
    if path.suffix.lower() == ".json":
        return text, None  # the JSON draft parser checks the shape and names what is missing
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return None, f"only {len(words)} word(s); too short to be a postmortem"
    visible = re.sub(r"\s+", "", text)
    share = sum(len(w) for w in words) / max(1, len(visible))
    if share < MIN_WORD_SHARE:
        return None, f"mostly non-prose ({share:.0%} letters); not a postmortem"
    if not _has_shape(text, markdown=path.suffix.lower() not in (".txt", ".text")):
        return None, "no title or headings (a '# Title' line, front matter, or 'Summary:'-style headings)"
    return text, None


def _has_shape(text: str, *, markdown: bool) -> bool:
    if FRONT_MATTER.match(text) and re.search(r"^title\s*:", FRONT_MATTER.match(text).group(1), re.M):  # type: ignore[union-attr]
        return True
    lines = [ln.rstrip() for ln in text.splitlines()]
    if any(_HEADING.match(ln) for ln in lines):
        return True
    if any(_SETEXT.match(b) and a.strip() for a, b in itertools.pairwise(lines)):
        return True
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    title = 2 <= len(first.split()) <= 25 and not first.endswith((".", ",", ";"))
    headings = sum(1 for ln in lines if _TEXT_HEADING.match(ln.strip()) and ln.strip() != first)
    if title and headings:
        return True
    # Plain text without headings: a title line followed by paragraphs.
    return not markdown and title and text.count("\n\n") >= 2
