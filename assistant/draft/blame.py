"""Blame guard for drafting: the tone checker's rules, plus a small rule set.

Drafts use the tone rules without the semantic (embedding) stage: it costs a model load and a
forward pass per line, which the offline draft's one-second budget cannot carry, and its false
positives would drop factual lines. The UI and ``postmortem lint`` run the full checker.

The offline drafter never copies a line this flags; the assembled draft passes every text
through ``rewrite`` (``assistant.tone.rewrite_text`` when it exists).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Why a rule list at all: blameful lines must never be copied even before the tone module exists,
# and a second opinion is cheap. These are phrasing patterns, not names.
_BLAME = re.compile(
    r"\b(should(?:'ve| have)|shouldn't have|human error|(?:his|her|their|your|'s) fault|fault of|to blame|"
    r"(?:be|get|got|getting) fired|ashamed|"
    r"incompetent|careless|sloppy|idiot\w*|stupid|dumb|junior mistake|cowboy\w*|garbage|"
    r"who (?:merged|pushed|approved|wrote|did)|whoever|how did \w+ (?:approve|miss|merge)|"
    r"screw(?:ed)? up|messed up|(?-i:AGAIN)|(?:second|third) time this (?:week|month)|classic|their fault|on (?:the )?\w+ team then|"
    r"forgot to|didn't bother|ddos(?:ing)? us|lol\b|"
    # Sarcasm and team-as-culprit phrasing: praise words used as digs, "why do we even let them".
    r"(?:brilliant|great|genius|stellar|amazing|fantastic|awesome) (?:planning|work|job|move|idea|call|timing)\b.*[👏🙄🤦]|"
    r"[👏🙄🤦]|why do we (?:even )?(?:let|allow|trust) (?:them|him|her|those)|let (?:them|him|her) near|"
    r"\b\w+ team(?:'s)? (?:\w+ ){0,3}(?:nukes?|nuked|broke|breaks|trashe[sd]|wreck\w*|kill(?:s|ed))\b|"
    r"without (?:a|any) heads[- ]up\b.*(?:again|brilliant|thanks|great|👏|!)|(?:their|his|her|your) (?:mess|mistake|screw-?up))",
    re.IGNORECASE,
)


@dataclass
class BlameFinding:
    category: str
    explanation: str
    suggestion: str


def quick_blameful(text: str) -> bool:
    """The built-in rules only (cheap): a first screen before the full tone checker."""
    return bool(_BLAME.search(text))


def people_of(tl: Any) -> tuple[str, ...]:
    """The incident's participants (chat and note actors), for the tone check's parse stage."""
    return tuple(sorted({e.actor for e in tl.events if getattr(e, "actor", None)}))


@lru_cache(maxsize=4096)
def is_blameful(text: str, people: tuple[str, ...] = ()) -> bool:
    """True when ``text`` blames people (tone rules and parse, or the built-in rules).

    ``people`` are the incident's participants: the parse recognises them as persons, so
    "jonas's change took the API down" is blame even when no dictionary knows the name.
    """
    if _BLAME.search(text):
        return True
    check = _tone("check_text")
    if check is not None:
        try:
            return bool(check(text, semantic=False, syntax=True, people=people))
        except Exception:  # a tone-checker bug must not stop drafting; the rules above still apply
            return False
    return False


def rewrite(text: str, *, full: bool = True, people: tuple[str, ...] = ()) -> tuple[str, list[BlameFinding]]:
    """``text`` with blameful sentences rewritten (tone module) or removed (built-in rules).

    ``full=False`` skips the tone module and applies only the built-in rules. ``people`` are the
    incident's participants, known to the tone check's parse stage.
    """
    if not text:
        return text, []
    fn = _tone("rewrite_text") if full else None
    findings: list[BlameFinding] = []
    if fn is not None:
        try:
            new, raw = fn(text, semantic=False, syntax=True, people=people)
            for f in raw:
                findings.append(
                    BlameFinding(
                        category=str(getattr(f, "category", "blame")),
                        explanation=str(getattr(f, "explanation", "")),
                        suggestion=str(getattr(f, "suggestion", "")),
                    )
                )
            text = new
        except Exception:  # fall through to the built-in guard
            pass
    if _BLAME.search(text):
        kept = []
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if _BLAME.search(sentence):
                findings.append(
                    BlameFinding(
                        category="blame",
                        explanation="sentence attributes fault to people; removed from the draft",
                        suggestion="",
                    )
                )
            else:
                kept.append(sentence)
        text = " ".join(kept)
    return text, findings


def _tone(name: str) -> Any:
    import assistant.tone as tone  # light: rules compile on first use

    return getattr(tone, name)
