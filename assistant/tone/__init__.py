"""Blame tone checker: find blameful language, explain it, propose blameless rewrites.

``check_text`` and ``rewrite_text`` are deterministic rules (the offline default);
``check_text_llm`` lets a provider judge the flagged and unsure sentences and write rewrites.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.tone.categories import CATEGORIES, Category
from assistant.tone.rewrite import rewrite_sentence
from assistant.tone.rules import FLAG_AT, SentenceVerdict, check_sentences

if TYPE_CHECKING:
    from assistant.llm.base import Provider
    from assistant.tone.findings import ToneFinding


def __getattr__(name: str) -> Any:
    # ToneFinding is a pydantic model; importing pydantic costs ~0.1 s, so clean text and
    # `postmortem lint` on clean files never pay for it.
    if name == "ToneFinding":
        from assistant.tone.findings import ToneFinding

        return ToneFinding
    raise AttributeError(f"module 'assistant.tone' has no attribute {name!r}")

__all__ = ["CATEGORIES", "Category", "ToneFinding", "check_text", "check_text_llm", "findings_for", "rewrite_text"]


def check_text(text: str) -> list[ToneFinding]:
    """Blame findings in ``text`` (rules only), in text order; [] when the text is blameless."""
    return findings_for(text, check_sentences(text))


def rewrite_text(text: str) -> tuple[str, list[ToneFinding]]:
    """``text`` with every flagged sentence replaced by its blameless rewrite, and the findings."""
    findings = check_text(text)
    return apply_rewrites(text, findings), findings


def check_text_llm(text: str, provider: Provider) -> list[ToneFinding]:
    """Rules first, then ``provider`` judges flagged and unsure sentences and rewrites them."""
    from assistant.tone.llm import judge_with_llm

    return judge_with_llm(text, check_sentences(text), provider)


def findings_for(text: str, verdicts: list[SentenceVerdict]) -> list[ToneFinding]:
    """Turn flagged rule hits into findings with offsets, line/col and the sentence rewrite."""
    out: list[ToneFinding] = []
    if not any(v.flagged for v in verdicts):
        return out
    from assistant.tone.findings import ToneFinding

    for v in verdicts:
        flagged = v.flagged
        if not flagged:
            continue
        suggestion = rewrite_sentence(v.sentence.text, v.hits)
        for h in flagged:
            start = v.sentence.start + h.start
            end = v.sentence.start + h.end
            line, col = line_col(text, start)
            out.append(ToneFinding(
                start=start, end=end, text=text[start:end], category=h.category,  # type: ignore[arg-type]
                explanation=h.explanation, suggestion=suggestion, sentence_start=v.sentence.start,
                sentence_end=v.sentence.end, line=line, col=col, confidence=h.confidence,
            ))
    return out


def apply_rewrites(text: str, findings: list[ToneFinding]) -> str:
    """Replace each flagged sentence (once) by its finding's suggestion."""
    by_sentence: dict[tuple[int, int], str] = {}
    for f in findings:
        by_sentence.setdefault((f.sentence_start, f.sentence_end), f.suggestion)
    out = text
    for (s, e), suggestion in sorted(by_sentence.items(), reverse=True):
        out = out[:s] + suggestion + out[e:]
    return out


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


FLAG_THRESHOLD = FLAG_AT
