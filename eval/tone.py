"""Tone quality: precision/recall/F1 of the blameful label, hard-negative false positives, per-category recall."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.eval.metrics import PRF


@dataclass
class ToneReport:
    """Figures for one labelled tone set."""

    items: int = 0
    label: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    hard_negatives: int = 0
    hard_negative_fp: int = 0
    category_recall: dict[str, float] = field(default_factory=dict)
    fp_by_trap: dict[str, int] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def hard_negative_fp_rate(self) -> float:
        return self.hard_negative_fp / self.hard_negatives if self.hard_negatives else 0.0

    def summary(self) -> dict[str, float]:
        return {
            "items": self.items,
            "precision": round(self.label.precision, 3),
            "recall": round(self.label.recall, 3),
            "f1": round(self.label.f1, 3),
            "hard_negative_fp_rate": round(self.hard_negative_fp_rate, 3),
        }


def load_items(path: Path) -> list[dict[str, Any]]:
    """Read a JSONL tone set ({id, text, blameful, categories, hard_negative, ...})."""
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"not a JSON object ({exc.msg})", path=str(path), line=n) from exc
    return items


def evaluate_tone(path: Path) -> ToneReport:
    """Run the rule checker over every item and score it."""
    from assistant.tone import check_text

    items = load_items(path)
    tp = fp = fn = 0
    hits: dict[str, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    report = ToneReport(items=len(items))
    for item in items:
        findings = check_text(item["text"])
        predicted = bool(findings)
        gold = bool(item.get("blameful"))
        found_cats = {f.category for f in findings}
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
        for cat in item.get("categories") or []:
            totals[cat] += 1
            hits[cat] += cat in found_cats
        if item.get("hard_negative"):
            report.hard_negatives += 1
            if predicted:
                report.hard_negative_fp += 1
                report.fp_by_trap[item["hard_negative"]] = report.fp_by_trap.get(item["hard_negative"], 0) + 1
        if predicted != gold:
            report.misses.append({"id": item.get("id"), "text": item["text"], "gold": gold,
                                  "found": sorted(found_cats)})
    report.label = PRF(tp, fp, fn)
    report.category_recall = {c: round(hits[c] / totals[c], 3) for c in sorted(totals)}
    return report
