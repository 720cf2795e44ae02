"""Deterministic reading of a timeline for the offline drafter: key moments, figures, causes, steps.

Event roles (``assistant.roles``) decide what a line is: which lines matter (``_ROLE_WEIGHT``), the
steps taken (mitigation and change roles), the impact figures (impact role), what helped. The few
cue patterns left are features the roles do not carry (numbers with units and hedges, from
``assistant.vocabulary``; "lucky"), never names from particular incidents. Blameful lines are skipped.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from assistant.domain import Event, Timeline, is_bot
from assistant.draft.analysis import Facts, clean, impersonal
from assistant.draft.causes import content_words, tidy
from assistant.roles import SURE, role_of
from assistant.tone.guard import is_blameful, people_of, quick_blameful
from assistant.vocabulary import FIGURE, HEDGE, PEOPLE_FIGURE

_LUCKY = re.compile(
    r"\b(lucky|luckily|fortunately|good thing|thankfully|could have been worse|by chance)\b", re.I
)
_SEV = re.compile(r"\bSEV[- ]?([0-4])\b|\bP([0-4])\b(?=.*\b(?:incident|sev|priority)\b)", re.I)


def analyse(tl: Timeline, *, max_entries: int = 50) -> Facts:
    """Read the timeline once; every offline section is written from the result."""
    from assistant.injection import looks_like_injection

    if tl.events and not tl.roles:
        # A timeline made without roles (stored before they existed, or built by hand): the
        # sections are written from roles, so give its events theirs once, in place.
        from assistant.roles.assign import assign_roles

        tl.roles.update(assign_roles(tl.events))
    f = Facts(timeline=tl, people=people_of(tl))
    for e in tl.events:
        if looks_like_injection(e.text):
            continue
        if e.source.value in ("chat", "note") and quick_blameful(e.text):
            f.blameful.add(e.id)
            continue
        f.usable[e.id] = e
    _score(f)
    # The full tone checker is slower: run it only on lines that could be quoted. A bot's notice is
    # checked as the timeline quotes it, without the person who triggered it (``impersonal``).
    for i, sc in f.scores.items():
        e = f.usable[i]
        if (
            e.source.value in ("chat", "note")
            and (sc >= 12 or _quotable(f, e))
            and is_blameful(impersonal(e.text) if is_bot(e) else e.text, f.people)
        ):
            del f.usable[i]
            f.blameful.add(i)
    f.scores = {i: sc for i, sc in f.scores.items() if i in f.usable}
    f.selected = _select(f, max_entries)
    _causes(f)
    _figures(f)
    _response(f)
    f.lucky = [
        (clean(e.text), e.id)
        for e in f.usable.values()
        if e.source.value in ("chat", "note") and _LUCKY.search(e.text)
    ]
    f.well = _what_helped(f)
    detected = tl.key_times.detected
    f.early_alerts = [
        e for e in tl.events if e.source.value == "alert" and detected and e.time < detected and _firing(e)
    ]
    f.severity, f.severity_basis = _severity(tl)
    f.services = _services(tl)
    return f


_PRIORITY = re.compile(r"^\s*(?:P|SEV|S)[- ]?([0-4])\s*$", re.I)


def _severity(tl: Timeline) -> tuple[str, str]:
    """A stated SEVn wins; else the alerts' priority (P1..P4) or severity/urgency (page/critical/high -> SEV2)."""
    sev = [
        m.group(1) or m.group(2)
        for e in tl.events
        if e.source.value != "log"
        for m in [_SEV.search(e.text)]
        if m
    ]
    if sev:
        return f"SEV{min(int(x) for x in sev if x is not None) or 1}", "stated"
    levels: list[int] = []
    for e in tl.events:
        if e.source.value != "alert":
            continue
        for key in ("priority", "severity", "urgency", "summary"):
            v = str(e.attrs.get(key) or "").strip().lower()
            m = _PRIORITY.match(v)
            if m:
                levels.append(max(1, int(m.group(1))))
            elif v in ("page", "critical", "crit", "high", "emergency", "error"):
                levels.append(2)
            elif v in ("warning", "warn", "low", "info", "medium"):
                levels.append(3)
        m = re.search(r"\b(?:severity|priority|urgency)[=:]\s*\"?(page|critical|high|P[1-4])\b", e.text, re.I)
        if m:
            g = m.group(1)
            levels.append(int(g[1]) if re.fullmatch(r"[Pp][1-4]", g) else 2)
    if levels:
        return f"SEV{min(levels)}", "inferred from the alerts' severity/priority"
    return "unknown", ""


def _quotable(f: Facts, e: Event) -> bool:
    """A line that could be quoted: any role but chatter, or a lucky break."""
    return role_of(f.timeline, e.id) not in (None, "chatter") or bool(_LUCKY.search(e.text))


def _firing(e: Event) -> bool:
    status = str(e.attrs.get("status", "")).lower()
    return status in ("", "firing", "triggered") or "firing" in e.text.lower() or "trigger" in e.text.lower()


def _score(f: Facts) -> None:
    tl = f.timeline
    keys = {v for v in tl.key_events.model_dump().values() if v}
    seen_alerts: set[tuple[str, str]] = set()
    seen_templates: set[str] = set()
    for e in tl.events:
        if e.id not in f.usable:
            continue
        t = e.text
        score = 0.0
        if e.id in keys:
            score += 100
        kind = e.source.value
        if kind == "alert":
            name = str(e.attrs.get("alert") or clean(t, 60))
            status = str(e.attrs.get("status", "")).lower()
            if (name, status) not in seen_alerts:
                seen_alerts.add((name, status))
                score += 30 if status in ("", "firing", "triggered") else 12
        elif kind in ("chat", "note"):
            score += _role_weight(tl, e) + (8 if e.attrs.get("bot") else 0)
            score += 4 * bool(re.search(r"\d", t))
            if len(t) < 25:
                score -= 8
            if kind == "note":
                score += 4
        else:
            template = re.sub(r"\d+", "#", t)[:60]
            level = str(e.attrs.get("level", "")).lower()
            first = template not in seen_templates
            seen_templates.add(template)
            if first:
                score += 6 * (level in ("error", "crit", "critical", "fatal", "alert", "emerg"))
                score += 3 * (level in ("warn", "warning")) + _log_role_weight(tl, e)
            elif (
                level in ("error", "crit", "critical", "fatal", "emerg")
                and int(e.attrs.get("count", 1) or 1) >= 5
            ):
                score += 6  # a new burst of an error already seen: the fault came back
            if int(e.attrs.get("count", 1) or 1) > 1:
                score += 3
        f.scores[e.id] = score


# How much a line's role makes it worth a timeline entry (a role below SURE counts in proportion).
_ROLE_WEIGHT = {
    "mitigation": 26,
    "resolution": 24,
    "change": 22,
    "finding": 22,
    "relapse": 22,
    "false_recovery": 22,
    "recovery": 20,
    "report": 16,
    "impact": 16,
    "symptom": 14,
    "alert_firing": 12,
    "alert_resolved": 10,
    "ruled_out": 8,
    "hypothesis": 2,
    "action_item": 0,
    "chatter": -4,
}
_LOG_ROLE_WEIGHT = {"change": 10, "mitigation": 10, "finding": 5, "recovery": 5}


def _log_role_weight(tl: Timeline, e: Event) -> float:
    """A log template's role weight in proportion to the classifier's confidence; none for a routine line
    (a scheduler's nightly "Executing <Task …>" the classifier reads as a change is not a happening)."""
    r = tl.roles.get(e.id)
    if r is None or r.confidence < SURE or _routine(e):
        return 0.0
    return _LOG_ROLE_WEIGHT.get(r.role, 0) * min(1.0, r.confidence / 0.6)


def _routine(e: Event) -> bool:
    """A template that recurs over half a day or more (a nightly job's steps): routine, not a happening."""
    first, last = e.attrs.get("first"), e.attrs.get("last")
    if int(e.attrs.get("count", 1) or 1) < 3 or not isinstance(first, str) or not isinstance(last, str):
        return False
    try:
        span = datetime.fromisoformat(last) - datetime.fromisoformat(first)
    except ValueError:
        return False
    return span >= timedelta(hours=12)


_ASKS = re.compile(r"[?？¿]")
_ASKING = 0.3  # the role classifier damps questions by the same factor


def _role_weight(tl: Timeline, e: Event) -> float:
    """The role's weight, in proportion to its confidence; damped for a message that asks something
    (a question states nothing, and a pointed one is often a dig rather than a happening)."""
    r = tl.roles.get(e.id)
    if r is None:
        return 0.0
    w = _ROLE_WEIGHT.get(r.role, 0)
    if w <= 0:
        return float(w)
    return w * min(1.0, r.confidence / 0.6) * (_ASKING if _ASKS.search(e.text) else 1.0)


def _select(f: Facts, cap: int) -> list[str]:
    keys = [v for v in f.timeline.key_events.model_dump().values() if v and v in f.usable]
    # Untimed notes follow-ups sit at a borrowed time: they are action items, not happenings.
    ranked = sorted(
        (i for i, sc in f.scores.items() if sc >= 12 and not f.usable[i].attrs.get("untimed")),
        key=lambda i: -f.scores[i],
    )
    chosen: list[str] = list(dict.fromkeys(keys))
    logs = 0
    for i in ranked:
        if len(chosen) >= cap:
            break
        if i in chosen:
            continue
        if f.usable[i].source.value == "log":
            if logs >= cap // 4:
                continue
            logs += 1
        chosen.append(i)
    order = {e.id: n for n, e in enumerate(f.timeline.events)}
    return sorted(chosen, key=lambda i: order[i])


def _causes(f: Facts) -> None:
    from assistant.draft import causes as c

    # A follow-up is never the cause or a contributing factor, however causal its wording
    # ("alert on X, we had 15 rebalances before anyone got paged"): what the action-item reader
    # takes as an item is left out, even when the classifier was unsure of its role.
    from assistant.draft.actions import candidates

    items = {e.id for e in candidates(f)}
    ranked = [x for x in c.rank(f) if x.event.id not in items]
    f.ruled_out = [(clean(t), i) for t, i in f.ruled_out]
    f.causes = [(x.text, x.event.id) for x in ranked]
    if not f.causes:
        _findings_as_causes(f, [content_words(t) for t, _ in f.ruled_out])
    f.trigger = c.trigger(f, ranked)


def _findings_as_causes(f: Facts, ruled_words: list[set[str]]) -> None:
    """No causal phrase in the sources: offer the surest findings made during the response."""
    kt = f.timeline.key_times
    cands = []
    for e in f.usable.values():
        r = f.timeline.roles.get(e.id)
        if e.source.value not in ("chat", "note") or r is None or r.role != "finding" or r.confidence < SURE:
            continue
        if (kt.detected and e.time < kt.detected) or (kt.mitigated and e.time > kt.mitigated):
            continue
        if HEDGE.search(e.text) or any(len(content_words(e.text) & rw) >= 2 for rw in ruled_words):
            continue
        cands.append((r.confidence, e))
    for _, e in sorted(cands, key=lambda c: -c[0])[:3]:
        f.causes.append((tidy(e.text), e.id))


def _figures(f: Facts) -> None:
    """Impact figures: impact statements (by role, or reports counting people) with a number and unit or a count."""
    seen: set[str] = set()
    for e in f.usable.values():
        t = e.text
        if e.source.value not in ("chat", "note"):
            continue
        role = role_of(f.timeline, e.id)
        # A report that counts affected people or their requests ("support says ~420 tenants
        # affected") states impact too, whichever of the two the classifier put first.
        if role != "impact" and not (role == "report" and PEOPLE_FIGURE.search(t)):
            continue
        if not FIGURE.search(t) or re.search(r"https?://|<SECRET|<EMAIL|<PHONE|<IP", t):
            continue
        c = clean(t, 260)
        key = re.sub(r"^\([^)]*\)\s*", "", c).lower()
        if key in seen:
            continue
        seen.add(key)
        f.figures.append((c, e.id))
    # Prefer lines with several figures (summaries of impact) and keep the list short.
    f.figures.sort(key=lambda x: -len(FIGURE.findall(x[0])))
    kept: list[tuple[str, str]] = []
    covered: set[str] = set()
    for text, i in f.figures:
        bare = re.sub(r"\b\d{1,2}:\d{2}(?::\d{2})?\b", " ", text)  # clock times are not figures
        nums = {n.replace(",", "") for n in re.findall(r"\d[\d,.]*\d|\d", bare)}
        if nums and nums <= covered:
            continue  # every figure already quoted by a fuller line (chat and notes repeat one summary)
        covered |= nums
        kept.append((text, i))
    f.figures = kept[:8]


def _response(f: Facts) -> None:
    """Steps taken, in time order: lines whose role is a mitigation action (or a change made during
    the response), never the trigger, an action item, an impact line, a guess, a question or chatter;
    split at the mitigation time."""
    tl = f.timeline
    kt = tl.key_times
    since = kt.detected or kt.start
    for e in f.usable.values():
        if e.source.value not in ("chat", "note") or e.attrs.get("untimed"):
            continue
        if role_of(tl, e.id) not in _STEP_ROLES or e.text.rstrip().endswith(("?", "？")):
            continue
        if (since and e.time < since) or (f.trigger is not None and e.id == f.trigger.id):
            continue
        if e.id in f.blameful or is_blameful(e.text, f.people):
            f.blameful.add(e.id)
            continue  # never list a blameful line as a step taken
        item = (clean(e.text), e.id)
        if kt.mitigated is None or e.time <= kt.mitigated:
            f.mitigation.append(item)
        else:
            f.resolution.append(item)
    f.mitigation = sorted(f.mitigation, key=lambda x: -f.scores.get(x[1], 0))[:6]
    f.resolution = sorted(f.resolution, key=lambda x: -f.scores.get(x[1], 0))[:6]
    order = {e.id: n for n, e in enumerate(f.timeline.events)}
    f.mitigation.sort(key=lambda x: order[x[1]])
    f.resolution.sort(key=lambda x: order[x[1]])


def _what_helped(f: Facts) -> list[tuple[str, str]]:
    """The last step taken before mitigation took effect, and the finding behind the root cause."""
    out: list[tuple[str, str]] = []
    if f.mitigation and f.timeline.key_times.mitigated:
        text, i = f.mitigation[-1]
        out.append((f"This step brought the impact to an end: {text}", i))
    finding = next((i for _, i in f.causes if role_of(f.timeline, i) == "finding"), None)
    e = f.timeline.event(finding) if finding is not None else None
    if e is not None:
        out.append((f"The finding that explained the failure: {clean(e.text)}", e.id))
    return out


_STEP_ROLES = frozenset(("mitigation", "change"))


def _services(tl: Timeline) -> list[str]:
    names: dict[str, int] = {}
    for e in tl.events:
        svc = e.attrs.get("service")
        if isinstance(svc, str) and svc and len(svc) < 40:
            names[svc] = names.get(svc, 0) + (3 if e.source.value == "alert" else 1)
    return [n for n, _ in sorted(names.items(), key=lambda x: -x[1])[:5]]
