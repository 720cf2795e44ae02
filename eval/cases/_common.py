"""Shared helpers for the generated generalisation cases (deterministic: fixed seeds, fixed dates)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any


def utc(s: str) -> datetime:
    """'2026-04-14T16:52:05' (UTC) as an aware datetime."""
    return datetime.fromisoformat(s).replace(tzinfo=UTC)


def iso(t: datetime) -> str:
    """UTC ISO-8601 with a Z, second precision."""
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_ms(t: datetime) -> str:
    """UTC ISO-8601 with milliseconds and a Z."""
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def epoch_ms(t: datetime) -> int:
    return round(t.timestamp() * 1000)


def steps(start: datetime, end: datetime, every_s: float) -> list[datetime]:
    """Times from start (inclusive) to end (exclusive) every ``every_s`` seconds."""
    out, t = [], start
    while t < end:
        out.append(t)
        t += timedelta(seconds=every_s)
    return out


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def write_json(folder: Path, name: str, obj: Any) -> None:
    write(folder, name, json.dumps(obj, indent=2, ensure_ascii=False))


def ampm(t: datetime) -> str:
    """'10:07 AM' style clock time."""
    return t.strftime("%I:%M %p").lstrip("0")
