"""Benchmark: sentences per second for the rule-based tone checker (goal: at least 5,000/s).

Run: .venv/bin/python eval/bench/bench_tone.py   (uses ../shared/data/tone/dev.jsonl when present)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from assistant.tone import check_text, check_texts  # noqa: E402
from assistant.tone.rules import check_sentences  # noqa: E402


def _sentences() -> list[str]:
    dev = ROOT.parent / "shared" / "data" / "tone" / "dev.jsonl"
    if dev.exists():
        return [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    from _tone_helpers import BLAMEFUL, BLAMELESS

    return BLAMEFUL + BLAMELESS


def main() -> None:
    """Time the rules alone and the rules plus rewrites; print sentences per second."""
    texts = _sentences()
    n_sent = sum(text.count(". ") + 1 for text in texts)
    start = time.perf_counter()
    check_text(texts[0], semantic=False)
    first_ms = (time.perf_counter() - start) * 1000
    for text in texts:  # warm-up (rules only): rules compile lazily, on the first sentence that passes their gate
        check_text(text, semantic=False)
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            check_sentences(text)
    rules = rounds * n_sent / (time.perf_counter() - start)
    clean = [t for t in texts if not check_sentences(t)[0].flagged] * rounds
    start = time.perf_counter()
    for text in clean:
        check_sentences(text)
    clean_rate = len(clean) / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(5):
        for text in texts:
            check_text(text, semantic=False)
    full = 5 * n_sent / (time.perf_counter() - start)
    from assistant.tone import semantic

    start = time.perf_counter()
    ok = semantic.available()
    load_s = time.perf_counter() - start
    if ok:
        check_texts(texts[:1])  # session warm-up; the other texts' embeddings are still uncached
    start = time.perf_counter()
    check_texts(texts)
    batch_s = time.perf_counter() - start
    print(f"tone first call (import done, rules not yet compiled): {first_ms:.1f} ms")
    print(f"tone rules: {rules:,.0f} sentences/s on the dev mix (goal 5,000/s); {clean_rate:,.0f}/s on clean "
          f"sentences; with findings and rewrites: {full:,.0f} sentences/s [{len(texts)} texts, ~{n_sent} sentences]")
    if ok:
        print(f"tone rules+semantic: model load {load_s:.2f} s; {len(texts)} texts in one batch {batch_s:.2f} s "
              f"({n_sent / batch_s:,.0f} sentences/s, embeddings not cached)")
    else:
        print("tone semantic stage unavailable (model/weights missing or POSTMORTEM_TONE_SEMANTIC=0)")


if __name__ == "__main__":
    main()
