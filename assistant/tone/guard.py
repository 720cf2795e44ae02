"""The drafting guard: the tone rules, plus a stricter phrasing screen for text a draft may quote.

Drafts use the tone rules without the semantic (embedding) stage: it costs a model load and a
forward pass per line, which the offline draft's one-second budget cannot carry, and its false
positives would drop factual lines. The UI and ``postmortem lint`` run the full checker.

The phrasing screen (``_BLAME``) is stricter than the tone rules on purpose: a draft must never
quote blame bait ("who merged ...", sarcasm, emoji digs), while lint must not flag plain lines.
Dropping it for the tone rules alone changes 12 of the 17 dev drafts (``eval/cases`` and the shared
incidents), and blame bait such as "who merged an endpoint that ..., come on" comes back into six;
folding it into the tone rules would change lint and the tone figures. So it stays a separate,
draft-only layer, in the tone package beside the rules it adds to.

The offline drafter never copies a line this flags; the assembled draft passes every text
through ``rewrite``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from assistant.tone import check_text, rewrite_text
from assistant.tone.sentences import split_sentences

# Phrasing patterns, not names.
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
    """One blameful phrasing the draft screen found, why, and a blameless suggestion."""

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
    return bool(check_text(text, semantic=False, syntax=True, people=people))


def rewrite(text: str, *, full: bool = True, people: tuple[str, ...] = ()) -> tuple[str, list[BlameFinding]]:
    """``text`` with blameful sentences rewritten (tone rules and parse), then those the phrasing screen flags removed.

    ``full=False`` skips the tone rules and applies only the phrasing screen. ``people`` are the
    incident's participants, known to the tone check's parse stage.
    """
    if not text:
        return text, []
    findings: list[BlameFinding] = []
    if full:
        text, raw = rewrite_text(text, semantic=False, syntax=True, people=people)
        findings += [BlameFinding(f.category, f.explanation, f.suggestion) for f in raw]
    if _BLAME.search(text):
        kept = []
        for sentence in (s.text for s in split_sentences(text)):
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
