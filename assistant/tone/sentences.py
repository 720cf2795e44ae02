"""Split text into sentences with character offsets into the original text.

Lines are split first (chat and Markdown put one thought per line), then sentence ends inside a
line. Markdown list markers, heading hashes and quote markers are skipped so spans start at the
words. Fenced code blocks are not prose and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (or a run of them) followed by space, unless the dot ends a known
# abbreviation ("p.m.", "e.g.") or a single initial.
_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+\S)")
_ABBREV = re.compile(
    r"(?:\b(?:[ap]\.m|e\.g|i\.e|etc|vs|approx|incl|dr|mr|mrs|ms|no|fig|cf|al|st|jr|sr|inc|ltd|v\d+(?:\.\d+)*)"
    r"|\b[A-Za-z])\.$",
    re.IGNORECASE,
)
# "No. 5" is a number sign, "oh no." ends a sentence; "v4.2" continues, "rolled back to v58." ends one.
_BEFORE_DIGIT = re.compile(r"(?:\bno|\bv\d+(?:\.\d+)*)\.$", re.IGNORECASE)
_LINE_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,3}[.)]\s+)*")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and [start, end) offsets into the source text."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, with offsets; blank lines and fenced code are skipped."""
    out: list[Sentence] = []
    pos = 0
    in_fence = False
    for line in text.splitlines(keepends=True):
        line_start = pos
        pos += len(line)
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or not line.strip():
            continue
        body = line.rstrip("\r\n")
        prefix = _LINE_PREFIX.match(body)
        offset = prefix.end() if prefix else 0
        _split_line(body, offset, line_start, out)
    return out


def _split_line(body: str, offset: int, base: int, out: list[Sentence]) -> None:
    start = offset
    for m in _END.finditer(body, offset):
        if m.start() < start:
            continue
        head = body[start : m.end()]
        dot = m.group(0).startswith(".") and len(m.group(0).rstrip("\"')]")) == 1
        if dot and _ABBREV.search(head) and _abbreviation(head, body[m.end() :]):
            continue
        _emit(body, start, m.end(), base, out)
        start = m.end()
    _emit(body, start, len(body), base, out)


def _abbreviation(head: str, after: str) -> bool:
    """The abbreviation ending ``head`` is one here: "no."/"v58." only before a number."""
    return not _BEFORE_DIGIT.search(head) or after.lstrip()[:1].isdigit()


def _emit(body: str, start: int, end: int, base: int, out: list[Sentence]) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(base + start, base + end, body[start:end]))
