"""Log reading quality through the public ``postmortem logs FILE --json`` verb, raw lines in.

Two labelled layouts are understood:

- Loghub-2k: ``X_2k.log`` beside ``X_2k.log_structured_corrected.csv`` (``LineId``, ``EventId``);
  every line is a record with a ground-truth template.
- Our own sets: ``NAME.log`` beside ``NAME.truth.jsonl`` with one object per physical line,
  ``{"line", "time" (UTC ISO or null), "record" (1-based logical record), "template"}``; continuation
  lines carry ``time: null`` and the record of the line they belong to.

Figures per file: lines the verb answered, **timed** (lines whose truth carries a time and whose
output time is that instant, to the millisecond), and **grouping accuracy** (Loghub's GA: a line is
right when the set of lines sharing its predicted template equals the set sharing its true one),
computed over records' first lines.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.jsonl import jsonl_rows


@dataclass
class LogFileScore:
    """Figures for one labelled log file."""

    name: str
    lines: int
    answered: int
    timed: float
    grouping_accuracy: float


@dataclass
class _Truth:
    times: dict[int, datetime | None]
    groups: dict[int, str]  # first line of each record -> its true template


def _loghub_truth(log: Path) -> _Truth | None:
    labels = log.with_name(log.name + "_structured_corrected.csv")
    if not labels.exists():
        return None
    csv.field_size_limit(10**9)
    with labels.open(newline="", encoding="utf-8") as fh:
        groups = {int(r["LineId"]): r["EventId"] for r in csv.DictReader(fh)}
    return _Truth(times={}, groups=groups)


def _jsonl_truth(log: Path) -> _Truth | None:
    path = log.with_suffix(".truth.jsonl")
    if not path.exists():
        return None
    times: dict[int, datetime | None] = {}
    groups: dict[int, str] = {}
    seen_records: set[Any] = set()
    for _, row in jsonl_rows(path.read_text(encoding="utf-8"), str(path), shape='{"line", "time", ...}'):
        line = int(row["line"])
        times[line] = _instant(row.get("time"))
        if row.get("record") not in seen_records:
            seen_records.add(row.get("record"))
            if row.get("template") is not None:
                groups[line] = str(row["template"])
    return _Truth(times=times, groups=groups)


def _instant(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _run_verb(log: Path) -> dict[int, dict[str, object]]:
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "logs", str(log), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    answered: dict[int, dict[str, object]] = {}
    for raw in out.stdout.splitlines():
        try:
            row = json.loads(raw)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict) and isinstance(row.get("line"), int):
            answered[row["line"]] = row
    return answered


def grouping_accuracy(truth: dict[int, str], predicted: dict[int, str]) -> float:
    """Loghub's GA over the lines in ``truth`` (a line missing from ``predicted`` is its own group)."""
    pred_groups: dict[str, set[int]] = defaultdict(set)
    true_groups: dict[str, set[int]] = defaultdict(set)
    for line, label in truth.items():
        pred_groups[predicted.get(line, f"missing-{line}")].add(line)
        true_groups[label].add(line)
    right = sum(
        1 for line in truth if pred_groups[predicted.get(line, f"missing-{line}")] == true_groups[truth[line]]
    )
    return right / len(truth) if truth else 0.0


def score_file(log: Path) -> LogFileScore | None:
    """Score one labelled log file, or None when it has no labels beside it."""
    truth = _loghub_truth(log) or _jsonl_truth(log)
    if truth is None:
        return None
    answered = _run_verb(log)
    predicted = {line: str(row.get("template_id")) for line, row in answered.items()}
    timed_lines = [line for line, moment in truth.times.items() if moment is not None]
    if timed_lines:
        timed_ok = sum(
            1 for line in timed_lines if _same_instant(answered.get(line, {}).get("time"), truth.times[line])
        )
        timed = timed_ok / len(timed_lines)
    else:  # Loghub labels carry no parsed times: a line counts when the verb gave it one
        timed = sum(1 for line in truth.groups if answered.get(line, {}).get("time")) / max(
            1, len(truth.groups)
        )
    lines = max(len(truth.times), len(truth.groups))
    return LogFileScore(log.name, lines, len(answered), timed, grouping_accuracy(truth.groups, predicted))


def _same_instant(value: object, expected: datetime | None) -> bool:
    got = _instant(value)
    return got is not None and expected is not None and abs((got - expected).total_seconds()) < 0.001


def score_folder(folder: Path) -> list[LogFileScore]:
    """Score every labelled log file in ``folder``."""
    scores = [score_file(p) for p in sorted(folder.glob("*.log"))]
    return [s for s in scores if s is not None]
