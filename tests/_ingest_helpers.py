"""Helpers for ingest tests: write a sample file and parse it."""

from __future__ import annotations

from pathlib import Path

from assistant.domain import ParsedSource
from assistant.ingest import read_sources


def parse_one(tmp_path: Path, name: str, content: str | bytes) -> ParsedSource:
    """Write ``content`` to ``tmp_path/name``, read it, and return its only source."""
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = read_sources([path])
    assert result.problems == [], result.problems
    assert len(result.sources) == 1
    return result.sources[0]
