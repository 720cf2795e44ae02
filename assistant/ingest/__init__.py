"""Ingest: detect each input's format from its content and parse it into ``ParsedSource``s.

Public API: ``read_sources(paths, *, max_bytes=None)`` and ``read_text(text, *, name=...)``,
both returning an ``IngestResult``. Bad input never raises: it becomes an ``InputProblem``
naming the file (and line) with how to fix it, and the other inputs are still used.

Times are kept as written (see ``assistant.domain.RawTime``): time-of-day only stamps sit on
``PLACEHOLDER_DATE`` with ``has_date=False``; RFC 3164 syslog without a year uses
``PLACEHOLDER_YEAR`` and ``attrs["year_missing"] = True`` (the timeline fills the year).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.domain import InputProblem, ParsedSource
from assistant.ingest._records import PLACEHOLDER_DATE, PLACEHOLDER_YEAR
from assistant.ingest._sources import parse_bytes, read_path

__all__ = ["PLACEHOLDER_DATE", "PLACEHOLDER_YEAR", "IngestResult", "read_sources", "read_text"]


class IngestResult(BaseModel):
    """What a set of inputs yielded: parsed sources and the problems met on the way."""

    sources: list[ParsedSource] = Field(default_factory=list)
    problems: list[InputProblem] = Field(default_factory=list)


@contextmanager
def _no_gc() -> Iterator[None]:
    # Parsing allocates millions of small objects that all survive; the cyclic collector would
    # rescan them over and over (quadratic on a 1M-line log). Nothing here makes cycles.
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read_sources(paths: Sequence[str | Path], *, max_bytes: int | None = None) -> IngestResult:
    """Read files, folders and Slack workspace zips; never raises for bad input."""
    if max_bytes is None:
        from assistant.config import get_settings

        max_bytes = get_settings().max_input_bytes
    sources: list[ParsedSource] = []
    problems: list[InputProblem] = []
    for p in paths:
        with _no_gc():
            s, pr = read_path(str(p), max_bytes=max_bytes)
        sources += s
        problems += pr
    return IngestResult.model_construct(sources=sources, problems=problems)


def read_text(text: str, *, name: str = "pasted.txt") -> IngestResult:
    """Parse pasted text (any supported format) as if it were a file called ``name``."""
    with _no_gc():
        s, pr = parse_bytes(text.encode("utf-8"), name, max_bytes=None)
    return IngestResult.model_construct(sources=s, problems=pr)
