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
        return [
            json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
    from _tone_helpers import BLAMEFUL, BLAMELESS

    texts: list[str] = BLAMEFUL + BLAMELESS
    return texts


def main() -> None:
    """Time the rules alone and the rules plus rewrites; print sentences per second."""
    texts = _sentences()
    n_sent = sum(text.count(". ") + 1 for text in texts)
    start = time.perf_counter()
    check_text(texts[0], semantic=False)
    first_ms = (time.perf_counter() - start) * 1000
    for (
        text
    ) in texts:  # warm-up (rules only): rules compile lazily, on the first sentence that passes their gate
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
    _bench_syntax(texts)
    _bench_corpus()
    print(f"tone first call (import done, rules not yet compiled): {first_ms:.1f} ms")
    print(
        f"tone rules: {rules:,.0f} sentences/s on the dev mix (goal 5,000/s); {clean_rate:,.0f}/s on clean "
        f"sentences; with findings and rewrites: {full:,.0f} sentences/s [{len(texts)} texts, ~{n_sent} sentences]"
    )
    if ok:
        print(
            f"tone rules+semantic: model load {load_s:.2f} s; {len(texts)} texts in one batch {batch_s:.2f} s "
            f"({n_sent / batch_s:,.0f} sentences/s, embeddings not cached)"
        )
    else:
        print("tone semantic stage unavailable (model/weights missing or POSTMORTEM_TONE_SEMANTIC=0)")


def _bench_syntax(texts: list[str]) -> None:
    """The parse stage alone: how many sentences pass its gate, and its rate on those."""
    from assistant.tone import syntax
    from assistant.tone.sentences import split_sentences

    cold = syntax._nlp is None
    start = time.perf_counter()
    if not syntax.available():
        print("tone parse stage unavailable (spaCy pipeline not installed)")
        return
    load_s = time.perf_counter() - start
    sents = [s.text for t in texts for s in split_sentences(t)]
    gated = [s for s in sents if syntax.worth_parsing(s)]
    start = time.perf_counter()
    syntax.analyse(gated)
    took = time.perf_counter() - start
    loaded = f"load {load_s:.2f} s" if cold else "loaded by the batch above"
    print(
        f"tone parse stage: {loaded}; {len(gated)}/{len(sents)} sentences pass the person+cause gate; "
        f"{len(gated) / max(took, 1e-9):,.0f} parsed sentences/s"
    )


def _bench_corpus() -> None:
    """`postmortem lint` over the public postmortems (goal: under 10 s), as a user runs it."""
    import subprocess

    corpus = ROOT.parent / "shared" / "data" / "postmortems" / "md"
    files = sorted(str(p) for p in corpus.glob("*.md"))
    if not files:
        print("tone corpus lint: ../shared/data/postmortems/md absent")
        return
    exe = Path(sys.executable).with_name("postmortem")
    start = time.perf_counter()
    run = subprocess.run([str(exe), "lint", *files], capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    found = sum(1 for line in run.stdout.splitlines() if not line.startswith(" "))
    print(f"tone corpus lint: {len(files)} postmortems in {took:.1f} s (goal under 10 s), {found} findings")


if __name__ == "__main__":
    main()
