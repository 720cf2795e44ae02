"""The CI gate: compare summary figures with ``eval/thresholds.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

THRESHOLDS = Path(__file__).with_name("thresholds.yaml")


def load_thresholds(path: Path = THRESHOLDS) -> dict[str, Any]:
    """The thresholds file as a dict."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def check(area: str, figures: Mapping[str, float], thresholds: Mapping[str, Any]) -> list[str]:
    """Failures of ``figures`` against the ``area`` thresholds, as readable lines (empty: pass)."""
    rules = thresholds.get(area) or {}
    fails = []
    for name, floor in (rules.get("min") or {}).items():
        value = figures.get(name)
        if value is None or value < floor:
            fails.append(f"{area}: {name} = {value} is under the threshold {floor}")
    for name, ceiling in (rules.get("max") or {}).items():
        value = figures.get(name)
        if value is None or value > ceiling:
            fails.append(f"{area}: {name} = {value} is over the threshold {ceiling}")
    for better, worse in rules.get("beats") or []:
        a, b = figures.get(better), figures.get(worse)
        if a is None or b is None or a <= b:
            fails.append(f"{area}: {better} = {a} does not beat {worse} = {b}")
    return fails
