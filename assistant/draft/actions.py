"""Action items for the offline drafter: follow-ups stated in chat and notes, with owners where stated.

A line is an action item when it carries an action cue ("we should", "TODO", "AI:", "need to", "let's
make sure", an imperative verb, ...) or continues a burst of follow-ups after such a line or after a call
for follow-ups. Predictions ("should be done by 17:00") and status lines are not actions. Structure
counts too: a bulleted or numbered list posted once impact has stopped is a list of follow-ups in any
language ("pendientes:", "- trace は emptyDir に移す"), unless it recaps times or figures.
"""

from __future__ import annotations

import re
from datetime import timedelta

from assistant.domain import Event
from assistant.draft import schema as s
from assistant.draft.analysis import Facts, clean, sentence_pieces
from assistant.roles import role_of
from assistant.tone.guard import is_blameful
from assistant.vocabulary import FIGURE, FOLLOW_UP_CALL, LIST_MARKER, word_count

# A name: one token, or an alias like "Responder B" (names are aliased for remote providers).
_NAME = r"((?:Responder [A-Z]{1,2})|[A-Za-z][\w.\-]{1,30})"
_OWNER_PATTERNS = (
    re.compile(r"@" + _NAME + r" (?:will|to|can you|pls|please)\b", re.I),
    re.compile(r"\bowner:\s*@?" + _NAME, re.I),
    re.compile(r"\(\s*@?" + _NAME + r"\s*\)(?=\s*(?:$|[—–-]\s))", re.I),
    re.compile(r"\b(?:assign(?:ed)? to|->)\s*@?" + _NAME + r"\s*$", re.I),
    re.compile(r"\s[—–]\s*@?" + _NAME + r"\s*$", re.I),
)
# Words in brackets after a notes follow-up that are not owners: "(done)", "(draft)", "(product?)".
_NOT_OWNER = frozenset(
    (
        "done",
        "draft",
        "wip",
        "todo",
        "tbd",
        "tbc",
        "later",
        "maybe",
        "optional",
        "ongoing",
        "pending",
        "blocked",
        "urgent",
        "asap",
        "soon",
        "high",
        "low",
        "medium",
        "ok",
        "fixed",
        "open",
        "closed",
        "all",
        "team",
        "us",
        "me",
        "someone",
        "anyone",
        "nobody",
        "owner",
        "next",
        "now",
        "idea",
    )
)
_SELF = re.compile(r"\b(I'll|I will|I can|for me|on me|I'll take)\b", re.I)
_LEAD = re.compile(
    r"^(?:(?:also|and|ok|so|plus|\+1)[,:]?\s+)*(?:TODO(?: for me)?:?|AI:|action items?:?|follow[- ]?ups?:?|"
    r"we should(?: also)?|let'?s make sure(?: that)?|we need to|make sure(?: that)?|I'll|I will)\s*",
    re.I,
)
_DUE = re.compile(
    r"\b(by (?:mon|tues|wednes|thurs|fri|satur|sun)day|by (?:eod|end of (?:day|week|month|quarter|sprint))|"
    r"on (?:mon|tues|wednes|thurs|fri)day|next (?:week|sprint|month)|by \d{4}-\d{2}-\d{2})\b",
    re.I,
)
_KINDS: tuple[tuple[s.ActionKind, re.Pattern[str]], ...] = (
    (
        "detect",
        re.compile(
            r"\b(alert\w*|pag(?:e|ing)|monitor\w*|dashboard\w*|annotat\w*|probe|detect\w*|notify|observab\w*|metric\w*)\b",
            re.I,
        ),
    ),
    (
        "process",
        re.compile(
            r"\b(calendar|template|review|approv\w*|label|runbook|process|reminder|heads up|training|"
            r"document\w*|change (?:calendar|freeze)|freeze|policy|coupon|contact|communicat\w*|group owned|paste)\b",
            re.I,
        ),
    ),
    (
        "mitigate",
        re.compile(
            r"\b(limit\w*|timeout\w*|ttl|dlq|dlx|dead.letter|circuit|fallback|retry|backoff|override|"
            r"rollback|revert|canary|health ?checks?|pool|isolat\w*|throttl\w*)\b",
            re.I,
        ),
    ),
)


def _known(name: str, people: set[str]) -> bool:
    """An owner must be someone in the sources (or a redaction alias), not a word in brackets."""
    n = name.lower()
    return n.startswith("responder ") or n in people


def _people(f: Facts) -> set[str]:
    out: set[str] = set()
    for e in f.timeline.events:
        if e.actor and e.source.value in ("chat", "note"):
            a = e.actor.lower()
            out |= {a, re.split(r"[.\s_]", a)[0]}
    return out


# ", Kestrel would've been fine with notice": hindsight rationale after the task, never part of it.
_RATIONALE = re.compile(r",\s+(?:\w+\s+)?(?:would(?:'ve| have)|could(?:'ve| have))\b")


def _task_sentences(text: str) -> str:
    """Only the sentences that carry the follow-up: "We're ok. one partner left. TODO: X" -> "TODO: X"."""
    parts = sentence_pieces(text, ends=".!")
    if len(parts) < 2:
        return _RATIONALE.split(text, maxsplit=1)[0]
    cued = [
        i
        for i, p in enumerate(parts)
        if (_CUE.search(p) or _TASKY.search(p)) and not _NOT_ACTION.search(p) and not _STATUS.search(p)
    ]
    if not cued:
        return text
    keep = [parts[cued[0]]]
    for p in parts[cued[0] + 1 :]:
        if not _TASKY.search(p) or _NOT_ACTION.search(p) or re.match(r"\s*I(?:'d| bet| think)\b", p, re.I):
            break  # "I bet there are more like this": the rationale, not part of the task
        keep.append(p)
    return _RATIONALE.split(" ".join(keep), maxsplit=1)[0]


def _plain_name(name: str, e: Event) -> bool:
    """In a notes follow-up list, "(erik)" names the owner even when erik never spoke in the channel."""
    return bool(e.attrs.get("section")) and name.isalpha() and name.islower() and name not in _NOT_OWNER


# List entries: a list marker (vocabulary.LIST_MARKER), "1." / "1)" and task boxes.
_ENTRY = re.compile(rf"^\s*(?:{LIST_MARKER}|\d+[.)]|\[[ xX]?\])\s+")


def after_call_heading(text: str) -> str:
    """The lines after a heading line that calls for follow-ups ("À suivre :", "Action items:"), where a
    message recaps the incident first and lists what to do below; the whole text when it has none."""
    lines = text.splitlines()
    for n in range(len(lines) - 2, -1, -1):
        ln = lines[n].strip()
        if ln.endswith((":", "：")) and word_count(ln) <= 6 and _CALL.search(ln):
            return "\n".join(lines[n + 1 :])
    return text


def entries(e: Event) -> list[str]:
    """The follow-ups one message lists: each line of a multi-line message (numbered, bulleted or plain
    lines, "also: ..." continuations) is its own item; a one-line message is one item."""
    lines = [
        ln.strip()
        for ln in after_call_heading(e.text).splitlines()
        if word_count(ln) >= 4 and (_ENTRY.match(ln) or _CUE.search(ln) or _TASKY.search(ln))
    ]
    if len(lines) < 2:
        return [e.text]
    return [_ENTRY.sub("", ln) for ln in lines]


def _action(e: Event, people: set[str] | None = None, text: str | None = None) -> s.ActionItemDraft | None:
    raw = _task_sentences(clean(e.text if text is None else text, 300))
    raw = _ENTRY.sub("", _PREFIX.sub("", raw))
    owner = None
    for p in _OWNER_PATTERNS:
        m = p.search(raw)
        if m and (
            people is None
            or _known(m.group(1), people)
            or (p is _OWNER_PATTERNS[2] and _plain_name(m.group(1), e))
        ):
            owner = m.group(1)
            raw = (raw[: m.start()] + raw[m.end() :]).strip() if p is not _OWNER_PATTERNS[0] else raw
            break
    if owner is None and _SELF.search(e.text) and e.actor:
        owner = e.actor
    if re.search(r"\bfollow[- ]?ups?\b", raw, re.I) and len(raw.split()) < 8:
        return None  # a call for follow-ups, not one
    desc = _LEAD.sub("", raw).strip(" .,:;-")
    desc = re.sub(r"^(?:to|that)\s+", "", desc)
    # "Alert on X. it's basically always a bug": keep the action, drop the chat rationale after it.
    first = re.split(
        r"(?<=[.!])\s+(?=[a-z])|,\s+(?:otherwise|so that|because|would(?:'ve| have)?|\w+ would(?:'ve| have)?)\b",
        desc,
        maxsplit=1,
    )[0]
    if len(first) >= 20:
        desc = first.rstrip(" .")
    if len(desc) < 12:
        return None
    desc = desc[0].upper() + desc[1:]
    kind: s.ActionKind = next((k for k, rx in _KINDS if rx.search(desc)), "prevent")
    due = _DUE.search(e.text)
    priority: s.Priority = "high" if kind in ("prevent", "detect") else "medium"
    return s.ActionItemDraft(
        description=desc,
        owner=owner,
        due=due.group(1) if due else None,
        priority=priority,
        kind=kind,
        refs=[e.id],
    )


# Chatter in front of a follow-up: "+1.", "while we wait:", "(mentioned at 14:05)".
_PREFIX = re.compile(
    r"^(?:\s*(?:\(mentioned at [^)]*\)|\+1[.!,]?|while we wait:|meanwhile:|also[,:]?|and|plus|ok(?:ay)?[,.]?|so)\s+)+",
    re.I,
)
_CUE = re.compile(
    r"(\bwe (?:should|must|need to|have to|will|'ll)\b|\bwe'll\b|\bTODO\b|\baction items?:|^\s*AI:|\bfollow[- ]?ups?:|"
    r"\blet'?s make sure\b|\bmake sure\b|\bneeds? to\b|\bmust\b|\b(?:open|file|create|raise) a ticket\b|\bI'll\b|\bI will\b|"
    r"\b(?:should|needs?) (?:be |get |go |have |page|alert|block|add|move|use|show|run|include|require|templat)|"
    r"^\s*(?:[-*]\s*)?(?:(?:and|also|plus|then)\s+)?(?:alert|page|add|rotate|fix|set|use|make|require|template|"
    r"move|run|revert|remove|document|write|create|enable|disable|limit|cap|block|introduce|automate|"
    r"audit|inventory|review|replace|monitor|configure|split|migrate|never|always|stop)\b)",
    re.I | re.M,
)
# Predictions and status reports use the same modal verbs but are not things to do.
_NOT_ACTION = re.compile(
    r"(\bshould (?:be )?(?:done|fine|ok|okay|good|back|finished|complete|over|clear|drained|stable)\b|"
    r"\bshould have\b|\bwill (?:be )?(?:done|back|finish|drain|recover|catch up)\b|\bI'll (?:draft|run|take|be)\b|"
    r"\b(?:postmortem|retro)\b|\bresolving\b|\bthanks\b|\bdon'?t celebrate\b|\bplease don'?t\b|"
    r"\b(?:I'll|I will|I can) (?:send|tell|keep|post|update|let|ping|check|look|write|share|grab|go|get back|draft|own the doc|"
    r"page|call|watch|monitor the|stay|hand)\b|\bgoing back to\b|\bcareful\b|\bthat would\b|\bcollecting\b|"
    r"\bthat'?s the (?:plaintext|password|key|token)\b|\bnot a (?:team|person)\b)",
    re.I,
)
_CALL = FOLLOW_UP_CALL
# Cues that mark a follow-up even in the middle of the response; the others count only once mitigated
# (before that, "I'll ..." and "we need to ..." are usually tasks of the response itself).
_STRONG_CUE = re.compile(
    r"(\bwe should\b|\bTODO\b|\baction items?:|^\s*AI:|\bfollow[- ]?ups?:|\blet'?s make sure\b|"
    r"\b(?:open|file|create|raise) a ticket\b|\blonger term\b|\bnext time\b)",
    re.I | re.M,
)
# Status reports and narration inside a burst of follow-ups: past tense, counts, quotes of customer messages.
_STATUS = re.compile(
    r"(^\s*[\"“]|\b(?:was|were|sent|noted|is now|count is|fwiw|nobody|ignoring|didn'?t|wasn'?t|sorry|"
    r"already|since|again|would|going back)\b)",
    re.I,
)
# A line continuing a burst of follow-ups still has to name something to do.
_TASKY = re.compile(
    r"\b(add|alert|page|make|move|use|set|fix|rotate|revoke|document|review|require|run|test|check|audit|limit|cap|"
    r"block|build|create|write|remove|replace|migrate|automate|monitor|template|needs?|should|must|have to|ticket|"
    r"enable|disable|split|introduce|announce|publish|refetch|lint|canary|backfill|drop|revert|pin|gate|freeze|frozen|"
    r"include|go(?:es)? (?:into|through|to)|give|get)\b",
    re.I,
)
_CHATTER = re.compile(r"^\s*(?:\+1|👍|ok|okay|thx|thanks|ty|agreed|yes|yep|same|nice|lol)\b", re.I)


# "action item: rotate the key" is an item; "action items below, add yours" or "先整理 action items，大家補："
# calls for them.
_ITEM_AFTER_CALL = re.compile(r"\s*[:：]\s*\S+(?:\s+\S+){2,}")


def _pause_after_replies(gaps: list[timedelta], gap: timedelta) -> bool:
    """The replies to a call came in a run (three or more); a pause four times their usual gap, and
    over ten minutes, ends it: what follows is the incident going on, not more follow-ups."""
    if len(gaps) < 3:
        return False
    usual = sorted(gaps)[len(gaps) // 2]
    return gap > max(timedelta(minutes=10), 4 * usual)


_SENTENCE_END = re.compile(r"[.!?。！？]\s|\n")


def _sentence_at(text: str, pos: int) -> str:
    """The sentence of ``text`` that holds ``pos`` ("… fallback'te kalıyoruz. bu arada aksiyonları toplayalım")."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, pos)), default=0)
    end = next((m.start() + 1 for m in _SENTENCE_END.finditer(text, pos)), len(text))
    return text[start:end]


_ROLE_SURE = 0.5
_THREAD_GAP = timedelta(minutes=30)  # replies to a call for follow-ups trickle in over half an hour
_NOT_ITEM = frozenset(("mitigation", "impact", "chatter", "recovery", "symptom"))


_RECAP = re.compile(r"^\s*(?:~\s*)?\d{1,2}[:.h]\d{2}\b|^\s*[~≈]?\d[\d,.]*\s*%?\s")


def _follow_up_list(text: str) -> bool:
    """A bulleted or numbered list (or one bullet line of a list pasted line by line) whose entries are
    not a recap: no entry starts with a clock time or a figure."""
    lines = [ln for ln in after_call_heading(text).splitlines() if ln.strip()]
    items = [ln for ln in lines if _ENTRY.match(ln)]
    # a heading line or two ("resolved, thanks all" / "action items na start:") may open the list
    if not items or len(items) < len(lines) - 2 or (len(lines) > 1 and len(items) < 2):
        return False
    entries = [_ENTRY.sub("", ln) for ln in items]
    figures = sum(1 for x in entries if FIGURE.search(x))
    return (
        not any(_RECAP.match(x) for x in entries)
        and all(len(x.split()) >= 2 for x in entries)
        and figures * 2 < len(entries) + (len(entries) == 1)  # an impact recap lists figures
    )


def candidates(f: Facts) -> list[Event]:
    """Chat and notes lines that state a follow-up, in time order."""
    kt = f.timeline.key_times
    after = kt.mitigated or kt.detected or kt.start
    # Lines left out as blameful still count when their task sentences are clean (checked below).
    pool = [e for e in f.timeline.events if e.id in f.usable or e.id in f.blameful]
    # A tracker's own record of a ticket closing is no one's words.
    lines = [
        e
        for e in pool
        if e.source.value in ("chat", "note")
        and not e.attrs.get("bot")
        and not e.attrs.get("ticket_resolved")
    ]
    lines.sort(key=lambda e: e.time)
    out: list[Event] = []
    last: Event | None = None
    thread = False  # a call for follow-ups ("add yours below") opened a thread: its replies are items
    replies: list[timedelta] = []  # the gaps between the thread's replies so far
    for e in lines:
        t = e.text
        if (
            thread
            and last is not None
            and (e.time - last.time > _THREAD_GAP or _pause_after_replies(replies, e.time - last.time))
        ):
            thread = False
            replies = []
        role = role_of(f.timeline, e.id, sure=_ROLE_SURE)
        cued = bool(_CUE.search(t)) and not _NOT_ACTION.search(t) and not re.match(r"\s*[\"“]", t)
        # The classifier's action-item role counts as a cue (it reads other languages and phrasings);
        # a line it reads as a step taken, an impact figure or chatter is not a follow-up unless strongly cued.
        cued = (
            (cued and role not in _NOT_ITEM)
            or (role == "action_item" and not _NOT_ACTION.search(t))
            or (cued and bool(_STRONG_CUE.search(t)))
        )
        # A bullet under a notes "follow-ups:" heading is an action item without a cue word.
        cued = cued or (e.source.value == "note" and bool(e.attrs.get("section")) and not _CHATTER.search(t))
        # A list someone posts once impact has stopped ("pendientes:\n1. …", "- trace は emptyDir に移す")
        # is what to do next, in any language; a recap of times or figures is not.
        # A list under a heading that calls for follow-ups ("À suivre :") is one whenever it is posted.
        listed = after_call_heading(t) != t and _follow_up_list(t)
        cued = (
            cued
            or listed
            or (after is not None and e.time >= after and role not in _NOT_ITEM and _follow_up_list(t))
        )
        if (
            cued
            and after is not None
            and e.time < after
            and not _STRONG_CUE.search(t)
            and not e.attrs.get("section")
            and not listed
        ):
            cued = False
        # A burst of follow-ups: lines right after a cued item or a call for follow-ups count too.
        burst = (
            last is not None
            and e.time - last.time <= (_THREAD_GAP if thread else timedelta(minutes=4))
            and (after is None or e.time >= after)
            and word_count(t) >= 5
            and not _CHATTER.search(t)
            and not _NOT_ACTION.search(t)
            and not t.rstrip().endswith("?")
            # Replies to a call for follow-ups give their reason in the same breath ("... was a trap").
            and (thread or not _STATUS.search(t))
            and (thread or not re.match(r"\s*(?:it'?s|that'?s|this is|we'?re|I'?m|going)\b", t, re.I))
        )
        if (
            (call := _CALL.search(t))
            and word_count(call_sentence := _sentence_at(t, call.start())) < 12
            and not t[t.index(call_sentence) + len(call_sentence) :].strip()  # nothing said after it
            and (not cued or not _ITEM_AFTER_CALL.match(t, call.end()))
        ):
            last = e  # "let's collect follow-ups": opens a burst, is not an item itself
            thread = True
            replies = []
            continue
        # Judge the task itself: a blameful aside next to a real follow-up is dropped with the rationale.
        if (cued or burst) and not is_blameful(_PREFIX.sub("", _task_sentences(clean(t, 300))), f.people):
            out.append(e)
            if thread and last is not None:
                replies.append(e.time - last.time)
            # Only a clear follow-up (or a line continuing a burst) keeps the burst going.
            last = e if (burst or _STRONG_CUE.search(t)) else last
    return out


def action_items(f: Facts) -> s.ActionItemsDraft:
    """Follow-ups as action items, near-duplicates merged (chat and notes often repeat one)."""
    items: list[s.ActionItemDraft] = []
    words: list[set[str]] = []
    people = _people(f)
    # Notes follow-up lists come last: they are terse restatements, so chat's wording wins and they add owners.
    found = [
        (e, text)
        for e in sorted(candidates(f), key=lambda e: bool(e.attrs.get("untimed")))
        for text in entries(e)
    ]
    for e, text in found:
        item = _action(e, people, text)
        if item is None:
            continue
        w = set(re.findall(r"[a-z0-9]{3,}", item.description.lower()))
        terse = bool(e.attrs.get("untimed"))
        dup = next(
            (
                n
                for n, o in enumerate(words)
                if w
                and (
                    len(w & o) / len(w | o) >= 0.5
                    or (terse and len(w & o) >= 2 and len(w & o) / len(w) >= 0.6)
                )
            ),
            None,
        )
        if dup is not None:
            # Same follow-up said twice (chat and notes): keep one, fill a missing owner.
            if items[dup].owner is None and item.owner:
                items[dup].owner = item.owner
            items[dup].refs = [*items[dup].refs, *item.refs]
            continue
        items.append(item)
        words.append(w)
    return s.ActionItemsDraft(items=items[:20])
