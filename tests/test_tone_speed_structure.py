"""The prefilter behind the fast tone rules: gates are current and never hide a match."""

from __future__ import annotations

from pathlib import Path

from _tone_helpers import BLAMEFUL, BLAMELESS
from conftest import SHARED_DATA

import assistant.tone.rules as rules
from assistant.jsonl import read_jsonl
from assistant.tone.gate import literal_gate
from assistant.tone.gates_build import rule_patterns, table_source


def test_precomputed_gate_table_matches_the_rule_patterns() -> None:
    table = Path(rules.__file__).with_name("gates_table.py").read_text(encoding="utf-8")
    assert table == table_source(rule_patterns()), "run: python -m assistant.tone.gates_build"


def test_gate_literal_occurs_in_every_match() -> None:
    texts = BLAMEFUL + BLAMELESS
    dev = Path(SHARED_DATA) / "tone" / "dev.jsonl"
    if dev.exists():
        texts += [item["text"] for item in read_jsonl(dev)]
    for rule in rules._table().rules:
        gate = literal_gate(rule.pattern)
        assert gate == rule.gate
        if gate is None:
            continue
        for text in texts:
            if rule.regex.search(text):
                assert any(w in text.lower() for w in gate), (rule.pattern[:60], text)


def test_gated_checker_finds_what_running_every_rule_finds() -> None:
    everything = list(rules._table().rules)
    for text in BLAMEFUL + BLAMELESS:
        gated = rules.check_sentence(text)
        original = rules._candidates
        try:
            rules._candidates = lambda low: everything  # type: ignore[assignment]
            full = rules.check_sentence(text)
        finally:
            rules._candidates = original  # type: ignore[assignment]
        assert gated == full, text


def test_public_tone_names_still_import() -> None:
    from assistant.tone import CATEGORIES, ToneFinding, check_text, check_text_llm, rewrite_text

    assert callable(check_text) and callable(rewrite_text) and callable(check_text_llm)
    assert len(CATEGORIES) == 9
    assert {"start", "end", "text", "category", "explanation", "suggestion"} <= set(ToneFinding.model_fields)
