"""Small pieces the verbs share: printing input problems the same way everywhere."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.domain import InputProblem

if TYPE_CHECKING:
    from assistant.cli._progress import Progress
    from assistant.ingest import IngestResult


def problem_line(p: InputProblem) -> str:
    """``problem: path:line: message`` — one line per input that could not be (fully) used."""
    where = f"{p.path}:{p.line}" if p.line else p.path
    return f"problem: {where}: {p.message}"


def print_problems(problems: Iterable[InputProblem]) -> None:
    """Every input problem on stderr, one line each (never a shortened list)."""
    for p in problems:
        print(problem_line(p), file=sys.stderr)


def _size(path: Path) -> int:
    try:
        if path.is_dir():
            return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        return path.stat().st_size
    except OSError:
        return 0


def read_inputs(paths: Sequence[Path], progress: Progress) -> IngestResult:
    """Read every input path in turn, advancing a byte bar when the inputs are big."""
    from assistant.ingest import IngestResult, read_sources

    sizes = [_size(p) for p in paths]
    progress.stage(f"reading {len(paths)} input(s)", total_bytes=sum(sizes))
    sources, problems = [], []
    for path, size in zip(paths, sizes, strict=True):
        one = read_sources([path])
        sources += one.sources
        problems += one.problems
        progress.advance(size)
    return IngestResult.model_construct(sources=sources, problems=problems)
