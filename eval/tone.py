"""Tone quality: precision/recall/F1 of the blameful label, hard-negative false positives, per-category recall."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.eval.metrics import PRF
from assistant.jsonl import read_jsonl


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
        """Share of hard negatives (blameless text that looks blameful) that were flagged."""
        return self.hard_negative_fp / self.hard_negatives if self.hard_negatives else 0.0

    def summary(self) -> dict[str, float]:
        """The report's figures, rounded, for JSON and the gate."""
        return {
            "items": self.items,
            "precision": round(self.label.precision, 3),
            "recall": round(self.label.recall, 3),
            "f1": round(self.label.f1, 3),
            "hard_negative_fp_rate": round(self.hard_negative_fp_rate, 3),
        }


def load_items(path: Path) -> list[dict[str, Any]]:
    """Read a JSONL tone set ({id, text, blameful, categories, hard_negative, ...})."""
    return read_jsonl(path, shape='{"id", "text", "blameful", ...}')


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
            report.misses.append(
                {"id": item.get("id"), "text": item["text"], "gold": gold, "found": sorted(found_cats)}
            )
    report.label = PRF(tp, fp, fn)
    report.category_recall = {c: round(hits[c] / totals[c], 3) for c in sorted(totals)}
    return report


@dataclass
class Slice:
    """Counts for one slice (a register or a category) of a labelled tone set."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    hard_negatives: int = 0
    hard_negative_fp: int = 0

    def row(self, name: str) -> dict[str, Any]:
        """The slice as a table row: P, R, F1, hard-negative FP rate."""
        prf = PRF(self.tp, self.fp, self.fn)
        hn = self.hard_negative_fp / self.hard_negatives if self.hard_negatives else 0.0
        return {
            "slice": name,
            "precision": round(prf.precision, 3),
            "recall": round(prf.recall, 3),
            "f1": round(prf.f1, 3),
            "hn_fp": round(hn, 3),
            "hn": self.hard_negatives,
        }


def breakdown(path: Path) -> dict[str, list[dict[str, Any]]]:
    """P/R/F1/HN-FP overall, per register (item label) and per category (category label of each item)."""
    from assistant.tone import check_text
    from assistant.tone.categories import CATEGORIES

    overall, cats = Slice(), {c: Slice() for c in CATEGORIES}
    registers: defaultdict[str, Slice] = defaultdict(Slice)
    for item in load_items(path):
        found = {f.category for f in check_text(item["text"])}
        gold, pred, hard = bool(item.get("blameful")), bool(found), bool(item.get("hard_negative"))
        for s in (overall, registers[str(item.get("register"))]):
            s.tp += gold and pred
            s.fp += pred and not gold
            s.fn += gold and not pred
            s.hard_negatives += hard
            s.hard_negative_fp += hard and pred
        gold_cats = set(item.get("categories") or [])
        for c, s in cats.items():
            s.tp += c in gold_cats and c in found
            s.fp += c in found and c not in gold_cats
            s.fn += c in gold_cats and c not in found
            s.hard_negatives += hard
            s.hard_negative_fp += hard and c in found
    return {
        "overall": [overall.row("all")],
        "register": [s.row(r) for r, s in sorted(registers.items())],
        "category": [s.row(c) for c, s in cats.items()],
    }


def main() -> None:
    """Print the breakdown of one labelled tone set: `python -m eval.tone FILE.jsonl`."""
    import sys

    for name, rows in breakdown(Path(sys.argv[1])).items():
        print(f"== {name}")
        for r in rows:
            print(
                f"  {r['slice']:34s} P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} "
                f"HN-FP {r['hn_fp']:.3f} (of {r['hn']})"
            )


if __name__ == "__main__":
    main()
