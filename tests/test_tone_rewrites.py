"""Blameless rewrites keep the facts: clean, same times and numbers, most system nouns kept."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import shared_dir

from assistant.jsonl import read_jsonl
from assistant.tone import check_text, rewrite_text
from assistant.tone.reframe import base_form, gerund

_NUM = re.compile(r"(?<![\d:])\d+(?::\d+)?(?![\dx])")  # "10x" is mockery, not a fact
_GENERIC = (
    "We are reviewing the conditions",
    "this needs a closer look at the conditions",
    "This incident warrants a review",
)
# Words that are blame, register or grammar, not the system facts a rewrite must keep.
_NOT_TECH = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "so",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "are",
        "this",
        "that",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "u",
        "his",
        "her",
        "their",
        "our",
        "my",
        "someone",
        "somebody",
        "anyone",
        "nobody",
        "people",
        "ppl",
        "team",
        "folks",
        "engineer",
        "engineers",
        "should",
        "could",
        "would",
        "have",
        "had",
        "has",
        "just",
        "really",
        "literally",
        "obviously",
        "clearly",
        "simply",
        "again",
        "lol",
        "lmao",
        "tbh",
        "ngl",
        "honestly",
        "predictably",
        "careless",
        "sloppy",
        "lazy",
        "reckless",
        "genius",
        "classic",
        "who",
        "whoever",
        "what",
        "why",
        "how",
        "not",
        "no",
        "all",
        "did",
        "do",
        "does",
        "one",
        "time",
        "only",
    ]
)


def _blameful_items() -> list[dict]:
    items = read_jsonl(shared_dir("tone") / "dev.jsonl")
    extra = Path(__file__).resolve().parents[1] / "eval" / "data" / "tone-extra.jsonl"
    if extra.exists():
        items += read_jsonl(extra)
    return [i for i in items if i["blameful"]]


def tech_words(text: str) -> set[str]:
    """Lower-case content words that look like system or technical nouns (not blame or grammar)."""
    words = set(re.findall(r"[^\W\d][\w.-]{2,}", text.lower()))
    return {w.strip(".-") for w in words if w not in _NOT_TECH and not w.endswith(("ly", "ed", "ing"))}


def test_every_blameful_rewrite_is_clean_and_keeps_times_numbers_and_system_words() -> None:
    generic = 0
    thin: list[tuple[str, str]] = []
    items = _blameful_items()
    for item in items:
        text = item["text"]
        new, findings = rewrite_text(text)
        assert findings, text
        # Rules-clean; the semantic stage still questions a few rewrites (see test_tone_semantic.py).
        assert check_text(new, semantic=False) == [], (text, new)
        for n in _NUM.findall(text):
            assert n in new, (text, new)
        if any(g in new for g in _GENERIC):
            generic += 1
            continue
        want = tech_words(text) & tech_words(item["rewrite"] or text)
        if want:
            kept = sum(1 for w in want if w in new.lower())
            if kept / len(want) < 0.6:
                thin.append((text, new))
    # A few words are the blame itself (the label "operator", the punished person's name or rota);
    # the bar is that nearly every rewrite keeps most system words.
    print(f"\nrewrites keeping < 60% of system words: {len(thin)}", *thin, sep="\n  ")
    assert len(thin) <= 0.1 * len(items), thin
    print(f"\ngeneric fallbacks: {generic}/{len(items)} = {generic / len(items):.1%}")
    # Was < 20% while reframings matched single dev items one to one; those were removed (issue 12)
    # and the generic reframing now carries the sentence's system words, times and numbers.
    assert generic / len(items) < 0.3


def test_counterfactual_becomes_a_fact_and_a_question() -> None:
    new, _ = rewrite_text(
        "The on-call engineer should have checked the queue depth before the failover at 02:10."
    )
    assert "did not check the queue depth before the failover at 02:10" in new
    assert new.rstrip().endswith("?")


def test_named_fault_makes_the_system_the_subject_and_asks_what_let_it_through() -> None:
    new, _ = rewrite_text("Marek broke prod with the migration at 14:02.")
    assert "Marek" not in new and new.lower().startswith("prod broke") and "migration at 14:02" in new
    assert new.endswith("?")


def test_why_didnt_anyone_becomes_a_process_question() -> None:
    new, _ = rewrite_text("why didn't anyone check the cert expiry before the holiday freeze")
    assert new == "What would have prompted checking the cert expiry before the holiday freeze?"


def test_the_generic_reframing_carries_times_numbers_and_system_words() -> None:
    new, findings = rewrite_text(
        "honestly the gateway folks are clueless, 3 outages on the k8s ingress since 02:00 lol"
    )
    assert findings and check_text(new, semantic=False) == []
    assert all(w in new for w in ("3", "k8s", "02:00"))


def test_rewrites_of_dev_extra_findings_are_clean_and_keep_numbers() -> None:
    for item in read_jsonl(shared_dir("tone") / "dev-extra.jsonl"):
        text = item["text"]
        new, findings = rewrite_text(text, semantic=False)
        if not findings:
            continue
        assert check_text(new, semantic=False) == [], (text, new)
        assert all(n in new for n in _NUM.findall(text)), (text, new)


def test_rewrites_of_parse_stage_findings_on_new_wording_are_clean_and_keep_numbers() -> None:
    written = Path(__file__).resolve().parents[1] / "eval" / "data" / "tone-i15-train.jsonl"
    rewritten = 0
    for item in read_jsonl(written):
        text = item["text"]
        new, findings = rewrite_text(text, semantic=False, syntax=True)
        if not findings:
            continue
        rewritten += 1
        assert check_text(new, semantic=False, syntax=True) == [], (text, new)
        assert all(n in new for n in _NUM.findall(text)), (text, new)
    assert rewritten >= 60


def test_verb_forms() -> None:
    assert [
        base_form(w) for w in ("checked", "escalated", "noticed", "caught", "renewed", "stopped", "verified")
    ] == ["check", "escalate", "notice", "catch", "renew", "stop", "verify"]
    assert [gerund(w) for w in ("check", "renew", "escalate", "see")] == [
        "checking",
        "renewing",
        "escalating",
        "seeing",
    ]
