"""Rank causal statements from chat and notes: the offline drafter's root cause, trigger and factors.

Roles decide what can be a cause: findings and mechanism statements, never a mitigation step taken
during the response, a recovery or resolution, an action item or an impact line; the trigger is
a change event. Cue phrases ("because", "caused by", arrows in notes, ...) and timing (conclusions
late in the response outrank early hypotheses) rank what is left. Hypotheses the sources later rule
out are left out, and listed as ruled out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain import Event, KeyTimes, Timeline
from assistant.draft.analysis import Facts, clean, sentence_pieces
from assistant.draft.confirm import confirmed_ids
from assistant.draft.headings import event_section, labelled
from assistant.roles import SURE, role_of
from assistant.roles.features import FEATURE_NAMES, cues
from assistant.tone.guard import is_blameful, quick_blameful
from assistant.vocabulary import CONTENT_STOP_WORDS, HEDGE, PEOPLE_FIGURE

_STRONG = re.compile(
    r"\b(root[- ]?cause|RCA:|turns? out|found it|caused by|the cause|culprit|that'?s why|that is why|triggered by|"
    r"was the trigger|the reason|explains (?:it|why|the)|which (?:meant|means)|so that'?s|"
    # The same cues in the other languages responders write in (de, es, pt, fr, nl; ja below).
    r"die ursache|ursache ist|deshalb|darum|daher|la causa|por eso|el problema (?:es|era)|a causa é|"
    r"o problema (?:é|era)|por isso|la cause|c'est pour ça|de oorzaak|daarom)\b|原因は|のせいで|が原因",
    re.I,
)
_MEDIUM = re.compile(
    r"(\bbecause\b|\bdue to\b|\bbc\b|\bb/c\b|\bsince the\b|\bso (?:\w+ ){0,3}(?:can'?t|couldn'?t|could not|cannot|"
    r"won'?t|never|stopped|no longer)\b|(?:->|=>|→|⇒)(?!\s*(?:\d|[A-Za-z]+\s*(?:$|[.!,;](?:\s|$))))|\bgot (?:dropped|removed|deleted|lost|replaced)\b|"
    r"\bwhen the \w+ (?:was|were|got)\b|\bwas meant for\b|\bwithdrew\b|\bonly (?:checks|has|looks)\b|"
    r"\bnever (?:released|closed|renewed|removed)\b|\bholds? (?:a|the|every|all)\b|\bexhaust\w*\b|\bleak\w*\b|"
    r"\bexpired\b|\brequires?\b|\bis required\b|\bmissing\b|\bwithout (?:a|any)\b|"
    r"\bre-?appl(?:ied|ies)\b|\bdoesn'?t stick\b|\bnot in (?:our|the)\b|"
    # Consequence connectives: "X fails, so every retry doubles Y", "leads to", "resulting in".
    r"[,;.]\s+so\s+(?:every|each|all|the|it|its|they|we|no|nothing|any|that|this|those)\b|\blead(?:s|ing)? to\b|"
    r"\bled to\b|\bresult(?:s|ed|ing)? in\b|\bweil\b|\bwegen\b|\bporque\b|\bdebido a\b|\bparce que\b|"
    r"\bomdat\b|ため)",
    re.I,
)
_RULED_OUT = re.compile(
    r"\b(not it|ruled out|rule (?:that|it) out|red herring|prob(?:ably)? not|unrelated|not related|not the cause|"
    r"isn'?t the cause|wasn'?t the cause|is fine|are fine|looks? (?:fine|normal|healthy|ok)|(?:is|are|all) healthy|"
    r"(?:is|are) normal|no correlation|nope|can'?t be|isn'?t it|wasn'?t it|not (?:the|a) (?:problem|issue)|"
    r"rules? out|crossing it off|nothing to do with|all green|not (?:\w+ ){1,2}either|nowhere near|"
    r"but (?:that'?s|it'?s|it was|those are)(?: \w+){1,4} only)\b",
    re.I,
)
# Lines that are about what to do next, talk to customers, or impact figures: not causes.
_NOT_CAUSE = re.compile(
    r"(\bwe should\b|\bTODO\b|\baction items?\b|\bfollow[- ]?ups?\b|\blet'?s (?:make sure|collect)\b|\bstatus page\b|"
    r"\btell (?:them|customers|the)\b|\bpostmortem\b|^\s*\"|\bimpact:|\bnumbers:|\bwe'?ll rotate\b|\bplease don'?t\b|"
    r"\bdon'?t paste\b|\bpasted\b|\bshould\b|\bcreds?\b|\bwe need\b|\bneed to\b|\bhot-?fix\b|\bfix(?: plan)?:|\bworkaround\b|\bplan:)",
    re.I,
)
# Mechanism: something in the system changed state and that produced the failure (X replaced/dropped/
# expired/exhausted -> Y). Symptom: what was observed (counts falling, errors seen, "no alert").
_MECHANISM = re.compile(
    r"\b(replac\w+|rotat(?:ed|ion)|renam\w+|chang(?:ed|es)|dropped(?! (?:to|from|by|off)\b)|got (?:dropped|removed|deleted|replaced|wiped)|"
    r"remov(?:ed|es)|overwr\w+|re-?appl\w+|expir\w+|exhaust\w+|evict\w+|withdr[eaw]\w*|leak\w*|fill(?:ed|s) up|"
    r"(?:is|was|were) full\b(?! of)|ran out|out of (?:memory|disk|space)|misconfigur\w+|holds?|held|keeps? (?:a|the)|"
    r"still (?:has|uses|points|caches|serves|had|used)|cached|stale|only (?:\w+s|has|had|checks)\b|never (?:\w+ed|touched)|"
    r"no longer|(?:doesn'?t|does not|didn'?t|did not|won'?t|can'?t|cannot) (?:refetch|renew|retry|release|reconnect|"
    r"handle|stick|match|resolve|close)\w*|(?:by|done by) hand|manual(?:ly)?|not on (?:the|our)|"
    r"terminates? on|(?:meant|intended) for|instead of|wrong (?:file|env\w*|cluster|region|value)|defaults? (?:is|to)|"
    r"requeue\w*|went down|(?:is|was) down|regenerat\w+|re-?generat\w+|generated|(?:set|capped|limited) (?:to|at))\b",
    re.I,
)
_SYMPTOM = re.compile(
    r"(\b\d[\d,.]*\s*(?:->|→|=>)\s*\d|\bno alert\b|\b(?:rcvd|received|seeing|we see|I see|shows?|showing|spik\w*|"
    r"dropping|climbing|rising|growing|increas\w+|error rate|5xx|4\d\d rate|timeouts?|failing|failures?|crashloop\w*|"
    r"is down|went down|alerts?:|paged|firing)\b|^\s*\$\s|\berror:|verify error)",
    re.I,
)
# "1) resize back ... 2) change policy ...": options being weighed, not a finding.
_OPTIONS = re.compile(r"(?:^|\s)(?:1[).]|option (?:a|1)\b).*(?:\s2[).]|option (?:b|2)\b)", re.I)
# A line that addresses someone ("@ana ...", "pieter: your ...") is talk to a person, not a cause statement.
_ADDRESSED = re.compile(
    r"(?:^|\s)@[A-Za-z][\w.\-]+|^[a-z][\w.\-]{1,20}:\s+(?:your?|can you|pls|please|could you)\b|\byour (?:new|change|commit|pr|config)\b",
    re.I,
)
_EXC = re.compile(r"\b[A-Z]\w+(?:Error|Exception|Warning)\b")
_SORRY = re.compile(
    r"\b(sorry|my bad|oops|ugh|I didn'?t (?:realize|know|notice|check|think)|mea culpa)\b", re.I
)
_WHY = re.compile(
    r"\bwhy (?:is|was|are|were|did|didn'?t|does|doesn'?t|do|would|wouldn'?t|isn'?t|wasn'?t|hasn'?t|has)\b[^?]*\?",
    re.I,
)
_TECH = re.compile(r"\b(?:[A-Za-z]+[-_.][A-Za-z0-9][\w.\-]*|[a-z]+[A-Z]\w+|[A-Z]{2,}[a-z]*\w*|\w*\d\w*)\b")
_ADDRESS = re.compile(
    r"^(?:(?:ok|okay|so|yeah|yes|right|ah|hm+|and|also|here)[,.!:]?\s+)+|^@?[a-z][\w.\-]{1,20}:\s+(?=\S)",
    re.I,
)
_LEAD_CUE = re.compile(
    r"^.*?\b(?:root[- ]?cause|RCA|found it|turns? out)\b\s*(?:is|was|:|,|-|that)?\s*", re.I
)


@dataclass
class Cause:
    """One causal statement with its score and the event it came from."""

    text: str
    event: Event
    score: float


def content_words(text: str) -> set[str]:
    """Lower-case content words of ``text`` (for comparing statements)."""
    return {w for w in re.findall(r"[a-z][a-z0-9_.\-]{3,}", text.lower()) if w not in CONTENT_STOP_WORDS}


def tidy(text: str, limit: int = 260) -> str:
    """A chat line as a sentence: chatter and addressing removed, capitalised, full stop."""
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


# Roles that are never the root cause (issue 11: not a mitigation step, action item or impact line),
# and the roles that only say the response worked (never the cause once the incident is detected).
_NEVER_CAUSE = frozenset(("mitigation", "action_item", "impact"))
_OUTCOME = frozenset(("recovery", "resolution"))
_NOT_RULING = frozenset(("finding", "recovery", "action_item", "impact"))
_ROLE_SURE = 0.6
_NEGATION = FEATURE_NAMES.index("negation")


def effective_role(f: Facts, e: Event, *, sure: float = SURE) -> str | None:
    """The event's role, with one correction from time: a sure action before the impact began is the
    change that set it off, not a mitigation ("commit on edge-02 ... dropped the aggregates term")."""
    role = role_of(f.timeline, e.id, sure=sure)
    start = f.timeline.key_times.start
    if (
        role == "mitigation"
        and start is not None
        and e.time <= start
        and role_of(f.timeline, e.id, sure=_ROLE_SURE)
    ):
        return "change"
    return role


def rank(f: Facts) -> list[Cause]:
    """Causal statements, best first; fills ``f.ruled_out`` as a side effect."""
    ruled = _rule_out(f)
    kt = f.timeline.key_times
    answers = _why_answers(f)
    names = actor_names(f.timeline)
    out: list[Cause] = []
    # Blameful lines are read too: their neutral fact sentences (``fact_part``) can still state the cause.
    lines = [
        e
        for e in f.timeline.events
        if (e.id in f.usable or (e.id in f.blameful and e.source.value in ("chat", "note")))
        and e.source.value in ("chat", "note")
        and not e.attrs.get("bot")
        and not _ADDRESSED.search(e.text)
    ]
    agreed = confirmed_ids(f.timeline, [e for e in lines if e.source.value == "chat"])
    for e in lines:
        t = fact_part(e.text)
        section = event_section(e)
        if section is not None:
            stated = _sectioned(e, t, section, ruled)
            if stated is not None:
                out.append(Cause(tidy(depersonalise(stated[0], names), _LONG), e, stated[1]))
            continue
        role = effective_role(f, e, sure=_ROLE_SURE)
        if role in _NEVER_CAUSE or (role in _OUTCOME and kt.detected and e.time > kt.detected):
            continue  # a step taken, a recovery, a follow-up or an impact line is not the cause
        finding = role_of(f.timeline, e.id, sure=_FINDING_SURE) == "finding"
        if not _claims_a_cause(t, e, answers, ruled, confirmed=e.id in agreed, finding=finding):
            continue
        score = _score(t, e, role, f.timeline.key_times, answers) + (_CONFIRMED if e.id in agreed else 0.0)
        out.append(Cause(tidy(depersonalise(t, names), _LONG), e, score))
    return _distinct([c for c in sorted(out, key=lambda c: -c.score) if c.score >= 1.0], f.people)


# What a line's place in the notes says: under "Root cause" it is the responders' conclusion (it outranks
# any chat line); under "Contributing factors" it is a condition (kept, ranked below the findings).
_SECTION_SCORE = {"cause": 30.0, "factors": 1.5}
_FINDING_SURE = 0.7  # a finding this sure counts as a causal statement without a cue phrase
_CONFIRMED = 4.0  # someone agreed, or a fix on its subject followed
_LONG = 480  # a mechanism often takes a chain of clauses ("A -> B -> C"): keep more of it than a quote


def _sectioned(e: Event, t: str, section: str, ruled: list[set[str]]) -> tuple[str, float] | None:
    """A notes line under a cause or factors heading (or opening with such a label) as (statement, score)."""
    if section not in _SECTION_SCORE:
        return None
    text = t or clean(e.text, 400)
    found = labelled(text)
    if found is not None:
        text = found[1]
    if len(text) < 15 or e.text.rstrip().endswith(("?", "？")):
        return None
    words = content_words(text)
    if any(len(words & rw) >= 3 for rw in ruled):
        return None
    return text, _SECTION_SCORE[section]


def _rule_out(f: Facts) -> list[set[str]]:
    """Fill ``f.ruled_out`` with the hypotheses the sources discard; their content words, for matching."""
    ruled: list[set[str]] = []
    tl = f.timeline
    for e in f.usable.values():
        # Discarding causes stays with the cue phrases: the classifier's ruled_out role (even at 0.7)
        # discarded true causes that share its words on the dev cases. A cue phrase counts unless the
        # line reads as a finding, recovery, follow-up or impact.
        if e.source.value not in ("chat", "note"):
            continue
        if event_section(e) == "ruled_out":
            f.ruled_out.append((e.text, e.id))  # listed under a "Ruled out" heading
            ruled.append(content_words(e.text))
        elif event_section(e) is not None:
            continue  # a line under a cause or factors heading is a conclusion, whatever its wording
        elif _RULED_OUT.search(e.text) and role_of(tl, e.id) not in _NOT_RULING:
            f.ruled_out.append((e.text, e.id))
            ruled.append(content_words(e.text))
        elif role_of(tl, e.id, sure=_ROLE_SURE) == "ruled_out" and cues(e.text)[_NEGATION]:
            f.ruled_out.append((e.text, e.id))  # listed as ruled out; too unsure to discard causes by
    return ruled


def _claims_a_cause(
    t: str,
    e: Event,
    answers: set[str],
    ruled: list[set[str]],
    *,
    confirmed: bool = False,
    finding: bool = False,
) -> bool:
    """True when the fact sentences ``t`` state a cause: a causal cue or a mechanism, not hedged (unless
    others confirmed it: "I think I have it: ..." answered with "matches what I see") or ruled out."""
    if len(t) < 20 or _OPTIONS.search(t):
        return False
    if (HEDGE.search(t) and not confirmed) or _RULED_OUT.search(t) or _NOT_CAUSE.search(t):
        return False
    if len(PEOPLE_FIGURE.findall(t)) >= 3:
        return False  # an impact summary, not a cause
    mech = len(_MECHANISM.findall(t))
    tech = len(set(_TECH.findall(t)))
    evidence = (
        bool(_EXC.search(t)) and tech >= 3
    )  # "every crash is UnicodeEncodeError: ...": the failing mechanism
    if (
        not finding  # the classifier is sure it is a finding: it needs no English cue word
        and not _STRONG.search(t)
        and not _MEDIUM.search(t)
        and not evidence
        and not (mech >= 2 or (mech and (tech >= 2 or e.id in answers or e.source.value == "note")))
    ):
        return False
    # A causal claim about a subject the sources rule out elsewhere is a discarded hypothesis; one that
    # others confirmed stands (the agreeing reply often rules out something else in the same breath).
    words = content_words(t)
    return confirmed or not any(len(words & rw) >= 3 for rw in ruled)


def _score(t: str, e: Event, role: str | None, kt: KeyTimes, answers: set[str]) -> float:
    """How strongly ``t`` states the root cause: cue strength, mechanism, place in the response, role."""
    strong, medium = len(_STRONG.findall(t)), len(_MEDIUM.findall(t))
    mech = len(_MECHANISM.findall(t))
    tech = len(set(_TECH.findall(t)))
    score = 10.0 * min(strong, 2) + 2.5 * min(medium, 3) + 0.8 * min(tech, 6)
    score += 3.0 * min(mech, 2)
    before = kt.start is not None and e.time < kt.start  # before impact: a condition, not a symptom
    if _SYMPTOM.search(t) and not strong and not before:
        # An observation (counts falling, errors seen) loses to a line that explains the mechanism;
        # one naming the exception type is evidence of the mechanism, so it loses less.
        score -= 4.0 if mech else (3.0 if _EXC.search(t) else 7.0)
    if role == "finding":
        score += 3.0  # the classifier reads it as a finding or mechanism statement
    if e.id in answers:
        score += 2.5  # the answer to a "why ...?" question is usually an explanation
    return score + _timing(e, kt, strong or mech) - (2 if len(t) > 350 else 0)


def _timing(e: Event, kt: KeyTimes, explains: int) -> float:
    """Notes gain (written up after the fact); chat lines gain the later they come in the response."""
    if e.source.value == "note":
        return 3.0  # notes are written up after the fact: their time is the event's, not the insight's
    start, end = kt.detected or kt.start, kt.resolved or kt.mitigated
    if not (start and end and end > start):
        return 0.0
    pos = (e.time - start).total_seconds() / (end - start).total_seconds()
    # Conclusions come late in the response; early lines are usually hypotheses.
    return 3.0 * min(pos, 1.0) if pos >= 0 else (0.0 if explains else -3.0)


def _distinct(ranked: list[Cause], people: tuple[str, ...] = ()) -> list[Cause]:
    """Up to eight causes, one per subject (a later near-duplicate adds nothing), never a blameful one."""
    kept: list[Cause] = []
    for c in ranked:
        if len(kept) >= 8:
            break
        w = content_words(c.text)
        if any(w and len(w & content_words(k.text)) / len(w | content_words(k.text)) >= 0.5 for k in kept):
            continue
        if is_blameful(c.text, people):
            continue  # never quote blame, even as a cause (``fact_part`` already dropped blameful sentences)
        kept.append(c)
    return kept


_BUT = re.compile(r"\s+(?=\bbut\b)")  # "X, but Y": each side is judged on its own


def fact_part(text: str) -> str:
    """The neutral fact sentences of a chat line: apologies, blame, questions and requests dropped."""
    parts = [clause for sentence in sentence_pieces(text) for clause in _BUT.split(sentence)]
    kept = [
        p
        for p in parts
        if p
        and len(p.split()) >= 3
        and not _SORRY.search(p)
        and "?" not in p
        and not re.search(r"\b(?:can|could) you\b", p, re.I)
        and not quick_blameful(p)  # the full tone checker runs later, only on the statements kept
    ]
    return " ".join(kept).strip()


_DOER_VERB = (
    r"(?:commit\w*|push\w*|merg\w*|deploy\w*|chang\w*|appl\w*|ran|did|made|rolled|restart\w*|edit\w*|ship\w*)"
)


def actor_names(tl: Timeline) -> list[str]:
    """People who speak in the sources: full handles (``pieter.v``) and full names (``Grace Nakamura``)."""
    return sorted(
        {e.actor for e in tl.events if e.actor and e.source.value in ("chat", "note") and len(e.actor) >= 3},
        key=len,
        reverse=True,
    )


def depersonalise(text: str, names: list[str]) -> str:
    """Describe the system, not the person: ``pieter.v committed X`` -> ``committed X``, ``by @dave.k`` dropped."""
    for name in names:
        first = re.split(r"[.\s_]", name)[0]
        for n in [name, first] if len(first) >= 3 and first != name else [name]:
            q = re.escape(n)
            text = re.sub(
                rf",?\s*(?:(?:approved|reviewed|merged|committed|pushed|deployed|done) )?by @?{q}\b",
                "",
                text,
                flags=re.I,
            )
            text = re.sub(rf"\s*\(@?{q}\)", "", text, flags=re.I)
            text = re.sub(rf"(?:@{q}|\b{q})(?:'s)?\s+(?={_DOER_VERB}\b)", "", text, flags=re.I)
            if n == name:
                text = re.sub(rf"@?\b{q}\b(?:'s)?", "an engineer", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _why_answers(f: Facts) -> set[str]:
    """Chat lines that answer a "why ...?" question: the first two replies from others within five minutes."""
    lines = sorted((e for e in f.timeline.events if e.source.value == "chat"), key=lambda e: e.time)
    out: set[str] = set()
    for n, q in enumerate(lines):
        if not _WHY.search(q.text):
            continue
        got = 0
        for a in lines[n + 1 : n + 8]:
            if (a.time - q.time).total_seconds() > 300 or got >= 2:
                break
            if a.actor != q.actor and len(a.text) >= 25 and not a.text.rstrip().endswith("?"):
                out.add(a.id)
                got += 1
    return out


def trigger(f: Facts, causes: list[Cause]) -> Event | None:
    """The change that set the fault off: a change event (by role) just before the start, or one the causes name.

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
        if (
            not -120 <= gap <= 6 * 3600
            or effective_role(f, e, sure=_ROLE_SURE) != "change"
            or HEDGE.search(e.text)
        ):
            continue
        if _RULED_OUT.search(e.text) or e.source.value == "alert" or _NOT_CAUSE.search(e.text):
            continue
        if e.source.value == "log" and (
            role_of(f.timeline, e.id, sure=_LOG_TRIGGER_SURE) != "change"
            or int(e.attrs.get("count", 1) or 1) > 1
        ):
            continue  # a routine log line (a start-up, a repeated "sent email") is no trigger: a change happens once
        if set(_IDENT.findall(e.text)) & ruled_ids or any(
            len(content_words(e.text) & rw) >= 3 for rw in ruled_words
        ):
            continue
        tied = len(content_words(e.text) & cause_words)
        if gap > 600 and tied < 2:
            continue  # long before the start and not named by the causes: context, not the trigger
        score = 4.0 - gap / 3600 + 0.5 * min(len(set(_TECH.findall(e.text))), 6) + tied
        score += 2 if e.source.value in ("chat", "note") else 0
        if best is None or score > best[0]:
            best = (score, e)
    return best[1] if best else None


_LOG_TRIGGER_SURE = 0.8
_IDENT = re.compile(r"\b(?:CHG-\d+|PR ?#?\d+|v?\d+\.\d+\.\d+)\b", re.I)
