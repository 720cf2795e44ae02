"""JSON Lines: the one reader for every ``.jsonl`` file the project reads (eval sets, queries, lint batches).

Blank lines are skipped; a line that is not a JSON object raises ``MalformedInputError`` naming the
file and line, with ``shape`` (what each line should hold) in the message.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.errors import InputError, MalformedInputError


def jsonl_rows(text: str, path: str, *, shape: str = "") -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each non-blank line of ``text`` read from ``path``."""
    hint = f"; each line must be {shape}" if shape else ""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedInputError(f"not a JSON object ({exc.msg}){hint}", path=path, line=n) from exc
        if not isinstance(obj, dict):
            raise MalformedInputError(f"not a JSON object{hint}", path=path, line=n)
        yield n, obj


def read_jsonl(path: Path, *, shape: str = "") -> list[dict[str, Any]]:
    """Every object of a JSON Lines file, in order."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=str(path)) from exc
    return [obj for _, obj in jsonl_rows(text, str(path), shape=shape)]
