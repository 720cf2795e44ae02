"""Rank causal statements from chat and notes: the offline drafter's root cause, trigger and factors.

General cues only: causal phrases ("because", "caused by", "turns out", arrows in notes, ...),
technical detail, and timing (conclusions late in the response outrank early hypotheses).
Hypotheses the sources later rule out are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.domain import Event
from assistant.draft.blame import is_blameful

if TYPE_CHECKING:
    from assistant.draft.facts import Facts

_STRONG = re.compile(
    r"\b(root[- ]?cause|RCA:|turns? out|found it|caused by|the cause|culprit|that'?s why|that is why|triggered by|"
    r"was the trigger|the reason|explains (?:it|why|the)|which (?:meant|means)|so that'?s)\b",
    re.I,
)
_MEDIUM = re.compile(
    r"(\bbecause\b|\bdue to\b|\bbc\b|\bb/c\b|\bsince the\b|\bso (?:\w+ ){0,3}(?:can'?t|couldn'?t|could not|cannot|"
    r"won'?t|never|stopped|no longer)\b|(?:->|=>)(?!\s*(?:\d|\w+\s*$))|\bgot (?:dropped|removed|deleted|lost|replaced)\b|"
    r"\bwhen the \w+ (?:was|were|got)\b|\bwas meant for\b|\bwithdrew\b|\bonly (?:checks|has|looks)\b|"
    r"\bnever (?:released|closed|renewed|removed)\b|\bholds? (?:a|the|every|all)\b|\bexhaust\w*\b|\bleak\w*\b|"
    r"\bexpired\b|\brequires?\b|\bis required\b|\bmissing\b|\bwithout (?:a|any)\b|"
    r"\bre-?appl(?:ied|ies)\b|\bdoesn'?t stick\b|\bnot in (?:our|the)\b|\bno alert\b)",
    re.I,
)
_HEDGE = re.compile(
    r"(\?\s*$|\?\s|\b(maybe|could (?:it )?be|might|possibly|perhaps|wonder|any chance|guess|suspect|what if|"
    r"i think|not sure|probably|hypothesis|calling it now)\b)",
    re.I,
)
_RULED_OUT = re.compile(
    r"\b(not it|ruled out|rule (?:that|it) out|red herring|prob(?:ably)? not|unrelated|not related|not the cause|"
    r"isn'?t the cause|wasn'?t the cause|is fine|are fine|looks? (?:fine|normal|healthy|ok)|(?:is|are|all) healthy|"
    r"(?:is|are) normal|no correlation|nope|can'?t be|isn'?t it|wasn'?t it|not (?:the|a) (?:problem|issue)|"
    r"rules? out|crossing it off|nothing to do with|all green)\b",
    re.I,
)
# Lines that are about what to do next, talk to customers, or impact figures: not causes.
_NOT_CAUSE = re.compile(
    r"(\bwe should\b|\bTODO\b|\baction items?\b|\bfollow[- ]?ups?\b|\blet'?s (?:make sure|collect)\b|\bstatus page\b|"
    r"\btell (?:them|customers|the)\b|\bpostmortem\b|^\s*\"|\bimpact:|\bnumbers:|\bwe'?ll rotate\b|\bplease don'?t\b|"
    r"\bdon'?t paste\b|\bpasted\b|\bcreds?\b|\bwe need\b|\bneed to\b|👏|🙄|\bbrilliant\b|\bgenius\b|\bgreat job\b)",
    re.I,
)
_FIGURE = re.compile(r"~?\d[\d,.]*\s?(?:%|k\b|x\b|ms\b|min\b|GB\b)|\b\d[\d,.]*\s+(?:\w+\s+)?(?:users?|customers?|requests?|orders?|viewers?|partners?|tickets?|merchants?)", re.I)
_TECH = re.compile(r"\b(?:[A-Za-z]+[-_.][A-Za-z0-9][\w.\-]*|[a-z]+[A-Z]\w+|[A-Z]{2,}[a-z]*\w*|\w*\d\w*)\b")
_CHANGE = re.compile(
    r"\b(commit(?:ted)?|deploy(?:ed|ment)?|merged?|rolled out|roll(?:ed)? to|pushed|applied|changed|"
    r"upgrad(?:e|ed)|migrat(?:ed|ion)|config(?:uration)? change|CHG-\d+|PR #?\d+|release[ds]?|flag)\b",
    re.I,
)
_ADDRESS = re.compile(r"^(?:(?:ok|okay|so|yeah|yes|right|ah|hm+|and|also|here)[,.!:]?\s+)+|^@?[a-z][\w.\-]{1,20}:\s+(?=\S)", re.I)
_LEAD_CUE = re.compile(r"^.*?\b(?:root[- ]?cause|RCA|found it|turns? out)\b\s*(?:is|was|:|,|-|that)?\s*", re.I)


@dataclass
class Cause:
    """One causal statement with its score and the event it came from."""

    text: str
    event: Event
    score: float


def content_words(text: str) -> set[str]:
    """Lower-case content words of ``text`` (for comparing statements)."""
    return {w for w in re.findall(r"[a-z][a-z0-9_.\-]{3,}", text.lower()) if w not in _STOP}


def tidy(text: str, limit: int = 260) -> str:
    """A chat line as a sentence: chatter and addressing removed, capitalised, full stop."""
    from assistant.draft.facts import clean

    t = clean(text, 400)
    t = re.sub(r"^\(mentioned at [^)]*\)\s*", "", t)
    t = re.sub(r"^(?:\d{1,2}:\d{2}(?::\d{2}|:\dx)?Z?\s*(?:\([^)]*\)\s*)?)+", "", t)
    if _STRONG.search(t) and re.search(r"\b(root[- ]?cause|RCA|found it|turns? out)\b", t, re.I):
        rest = _LEAD_CUE.sub("", t, count=1)
        if len(rest) >= 20:
            t = rest
    for _ in range(3):
        t2 = _ADDRESS.sub("", t).strip()
        if t2 == t:
            break
        t = t2
    t = clean(t, limit).rstrip(" ,;:-")
    if not t:
        return t
    t = t[0].upper() + t[1:]
    return t if t.endswith((".", "!", "…", ")", '"')) else t + "."


def rank(f: Facts) -> list[Cause]:
    """Causal statements, best first; fills ``f.ruled_out`` as a side effect."""
    kt = f.timeline.key_times
    ruled: list[set[str]] = []
    for e in f.usable.values():
        if e.source.value in ("chat", "note") and _RULED_OUT.search(e.text):
            f.ruled_out.append((e.text, e.id))
            ruled.append(content_words(e.text))
    start, end = kt.detected or kt.start, kt.resolved or kt.mitigated
    out: list[Cause] = []
    for e in f.usable.values():
        t = e.text
        if e.source.value not in ("chat", "note") or e.attrs.get("bot") or len(t) < 20:
            continue
        if _HEDGE.search(t) or _RULED_OUT.search(t) or _NOT_CAUSE.search(t):
            continue
        if len(_FIGURE.findall(t)) >= 3:
            continue  # an impact summary, not a cause
        strong, medium = len(_STRONG.findall(t)), len(_MEDIUM.findall(t))
        if not strong and not medium:
            continue
        words = content_words(t)
        # A causal claim about a subject the sources rule out elsewhere is a discarded hypothesis.
        if any(len(words & rw) >= 3 for rw in ruled):
            continue
        score = 10.0 * min(strong, 2) + 2.5 * min(medium, 3) + 0.8 * min(len(set(_TECH.findall(t))), 6)
        if start and end and end > start:
            pos = (e.time - start).total_seconds() / (end - start).total_seconds()
            # Conclusions come late in the response; early lines are usually hypotheses.
            score += 3.0 * min(pos, 1.0) if pos >= 0 else (0.0 if strong else -3.0)
        if e.source.value == "note":
            score += 1.5
        if len(t) > 350:
            score -= 2
        out.append(Cause(tidy(t), e, score))
    out.sort(key=lambda c: -c.score)
    # Keep one statement per subject: a later near-duplicate (chat and notes) adds nothing.
    kept: list[Cause] = []
    for c in out:
        if len(kept) >= 8:
            break
        w = content_words(c.text)
        if any(w and len(w & content_words(k.text)) / len(w | content_words(k.text)) >= 0.5 for k in kept):
            continue
        if is_blameful(c.event.text):
            continue  # never quote a blameful line, even as a cause
        kept.append(c)
    return kept


def trigger(f: Facts, causes: list[Cause]) -> Event | None:
    """The change that set the fault off: a change statement just before the start, or one the causes name.

    A change the sources rule out (shares an identifier or several words with a ruled-out line) is skipped.
    """
    start = f.timeline.key_times.start
    if start is None:
        return None
    ruled_ids = {x for t, _ in f.ruled_out for x in _IDENT.findall(t)}
    ruled_words = [content_words(t) for t, _ in f.ruled_out]
    cause_words = set().union(*(content_words(c.text) for c in causes[:3])) if causes else set()
    best: tuple[float, Event] | None = None
    for e in f.usable.values():
        gap = (start - e.time).total_seconds()
        if not -120 <= gap <= 6 * 3600 or not _CHANGE.search(e.text) or _HEDGE.search(e.text):
            continue
        if _RULED_OUT.search(e.text) or e.source.value == "alert" or _NOT_CAUSE.search(e.text):
            continue
        if set(_IDENT.findall(e.text)) & ruled_ids or any(len(content_words(e.text) & rw) >= 3 for rw in ruled_words):
            continue
        tied = len(content_words(e.text) & cause_words)
        if gap > 600 and tied < 2:
            continue  # long before the start and not named by the causes: context, not the trigger
        score = 4.0 - gap / 3600 + 0.5 * min(len(set(_TECH.findall(e.text))), 6) + tied
        score += 2 if e.source.value in ("chat", "note") else 0
        if best is None or score > best[0]:
            best = (score, e)
    return best[1] if best else None


_IDENT = re.compile(r"\b(?:CHG-\d+|PR ?#?\d+|v?\d+\.\d+\.\d+)\b", re.I)


_STOP = frozenset(
    ["that", "this", "with", "from", "have", "been", "were", "they", "them", "then", "than", "there", "their",
     "what", "when", "which", "while", "would", "could", "should", "about", "into", "just", "like", "also",
     "still", "only", "some", "more", "because", "root", "cause", "caused", "turns", "looks", "fine", "healthy",
     "think", "here", "it's", "that's", "again"]
)
