"""From rule verdicts to findings: offsets, line and column, and the sentence rewrite.

Kept apart from the package's entry points so the LLM pass (``tone.llm``) and the checker share it.
``ToneFinding`` (pydantic) is imported only when there is something to report: clean text stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.tone.rewrite import rewrite_sentence
from assistant.tone.rules import SentenceVerdict

if TYPE_CHECKING:
    from assistant.tone.findings import ToneFinding


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
            out.append(
                ToneFinding(
                    start=start,
                    end=end,
                    text=text[start:end],
                    category=h.category,  # type: ignore[arg-type]
                    explanation=h.explanation,
                    suggestion=suggestion,
                    sentence_start=v.sentence.start,
                    sentence_end=v.sentence.end,
                    line=line,
                    col=col,
                    confidence=h.confidence,
                )
            )
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
