"""Names for shared documents: inputs cited relative to the incident folder, not by local paths.

A draft is meant for sharing and for the library, so ``/home/me/incident/chat.txt:45`` becomes
``chat.txt:45`` when the incident folder was given, or ``incident/chat.txt:45`` relative to the
common parent of several inputs. Zip members keep their ``archive.zip:member`` form.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def display_base(given: Sequence[str | Path]) -> Path:
    """The folder citations are relative to: a folder given alone, else the inputs' common parent."""
    roots = []
    for g in given:
        p = Path(g).resolve()
        roots.append(p if p.is_dir() else p.parent)
    if not roots:
        return Path.cwd()
    return Path(os.path.commonpath([str(r) for r in roots]))


def display_namer(given: Sequence[str | Path]) -> Any:
    """A function mapping a name built from a given path to its name relative to ``display_base``."""
    base = display_base(given)
    prefixes: list[tuple[str, str]] = []
    for g in given:
        rel = os.path.relpath(Path(g).resolve(), base)
        prefixes.append((str(g).rstrip("/") or str(g), "" if rel == "." else rel))
    prefixes.sort(key=lambda p: -len(p[0]))  # the longest given path wins

    def name(path: str) -> str:
        for given_name, rel in prefixes:
            if path == given_name:
                return rel or Path(given_name).name
            for sep in ("/", ":"):
                if path.startswith(given_name + sep):
                    rest = path[len(given_name) + 1 :]
                    if not rel:
                        return rest
                    return f"{rel}{sep}{rest}"
        return path

    return name


def relative_names(result: Any, given: Sequence[str | Path]) -> Any:
    """Rename an ``IngestResult``'s sources, refs and problems in place; returns it."""
    name = display_namer(given)
    for src in result.sources:
        src.path = name(src.path)
        for rec in src.records:
            rec.ref.file = name(rec.ref.file)
    for problem in result.problems:
        problem.path = name(problem.path)
    return result
