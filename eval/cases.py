"""Incident cases on disk: a folder of input files plus ``gold.json`` (format in README)."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.errors import InputError

KEYS = ("start", "detected", "mitigated", "resolved")


@dataclass
class Case:
    """One evaluation case: its inputs and its gold answers."""

    name: str
    folder: Path
    inputs: list[Path]
    gold: dict[str, Any] = field(default_factory=dict)

    def gold_time(self, key: str) -> datetime | None:
        """The gold key time ``key`` as an aware datetime, or None when the case gives none."""
        return parse_time(self.gold.get(key))

    def source_text(self) -> str:
        """Every input's text, for checks such as 'does this number appear in the sources'."""
        parts: list[str] = []
        for p in self.inputs:
            try:
                if zipfile.is_zipfile(p):
                    with zipfile.ZipFile(p) as zf:
                        parts += [
                            zf.read(n).decode("utf-8", "replace")
                            for n in zf.namelist()
                            if not n.endswith("/")
                        ]
                elif p.is_dir():
                    parts += [
                        f.read_text(encoding="utf-8", errors="replace")
                        for f in sorted(p.rglob("*"))
                        if f.is_file()
                    ]
                else:
                    parts.append(p.read_text(encoding="utf-8", errors="replace"))
            except (OSError, zipfile.BadZipFile):
                continue
        return "\n".join(parts)


def parse_time(value: object) -> datetime | None:
    """An ISO-8601 string (``Z`` allowed) as an aware datetime, else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else None


def load_case(folder: Path) -> Case:
    """Read one case folder; every file except gold.json is an input."""
    gold_path = folder / "gold.json"
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(
            "no gold.json: scaffold one with `postmortem eval new-case`", path=str(folder)
        ) from exc
    except json.JSONDecodeError as exc:
        raise InputError(
            f"gold.json is not valid JSON ({exc.msg})", path=str(gold_path), line=exc.lineno
        ) from exc
    inputs = sorted(
        p
        for p in folder.iterdir()
        if p.name != "gold.json" and not p.name.startswith((".", "_")) and (p.is_file() or p.is_dir())
    )
    return Case(name=folder.name, folder=folder, inputs=inputs, gold=gold)


def load_cases(root: Path) -> list[Case]:
    """Every case folder under ``root`` (or ``root`` itself when it holds a gold.json)."""
    if (root / "gold.json").exists():
        return [load_case(root)]
    if not root.is_dir():
        raise InputError("not a folder of cases", path=str(root))
    return [load_case(p) for p in sorted(root.iterdir()) if (p / "gold.json").exists()]
