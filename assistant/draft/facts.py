"""Deterministic reading of a timeline for the offline drafter: key moments, figures, causes, follow-ups.

General cues only (verbs of action, result and finding; causal and ruling-out phrases; follow-up
markers; numbers with units), never names from particular incidents. Blameful lines are skipped.
"""

from __future__ import annotations

import re

from assistant.domain import Event, Timeline
from assistant.draft.analysis import Facts, clean
from assistant.draft.causes import CONTENT_STOP_WORDS, tidy
from assistant.roles import role_of
from assistant.tone.guard import is_blameful, quick_blameful

_ACTION = re.compile(
    r"\b(deploy\w*|roll(?:ed|ing)?[ -]?(?:back|out)\w*|rollback|revert\w*|restart\w*|scal(?:e|ed|ing)\b|"
    r"disabl\w*|enabl\w*|re-?enabl\w*|flip\w*|set to|=\s*(?:false|true|0|off)|rais(?:e|ed|ing)|bump\w*|"
    r"drain\w*|cordon\w*|remov\w*|purg\w*|reject\w*|appl(?:y|ied|ies)|merg(?:e|ed|ing)|promot\w*|"
    r"fail(?:ed)?[ -]?over|switch\w*|hotfix\w*|patch\w*|rotat\w*|push(?:ed|ing)?|issued|reload\w*|"
    r"overrid\w*|commit(?:ted)?|skip\w*|paus\w*|block\w*|shipped|released|renew\w*|order placed|"
    r"kill(?:ed|ing)?|delet\w*|mov(?:ed|ing) (?:traffic|to)|re-?rout\w*|isolat\w*|throttl\w*|limit(?:ed|ing))\b",
    re.I,
)
_RESULT = re.compile(
    r"\b(recover\w*|back to normal|back up|normal again|errors? (?:stop\w*|drop\w*|gone)|"
    r"dropping|subsid\w*|healthy|stable|flat|green|resolved|mitigated|caught up|catching up|succeed\w*|"
    r"flowing|draining|drained|clean|all clear|errors? (?:return|back|again)|back down|live|done|complete[ds]?|"
    r"finished|serving|in place|working again|still (?:failing|down|broken|erroring)|crash\w*|"
    r"is (?:down|up)|went (?:down|up))\b",
    re.I,
)
_FINDING = re.compile(
    r"\b(confirm(?:ed|s)?|identified|found|root cause|turns out|it'?s the|culprit|caused by|due to|because|"
    r"shows?|showing|expired|exhausted|withdrawn|partition(?:ed)?|leak(?:ing)?|crash(?:ing|es|ed)?)\b",
    re.I,
)
_DECISION = re.compile(
    r"\b(do it|do both|let'?s (?:do|go|roll|revert|drain|disable)|decision|go(?:ing)? with|plan:|decided)\b",
    re.I,
)
_REPORT = re.compile(
    r"\b(customers?|support|tickets?|emailed|complain\w*|report(?:ed|ing)|escalat\w*|pag(?:ed|e|ing)|incident #?\d+|triggered)\b",
    re.I,
)
_HEDGE = re.compile(
    r"(\?\s*$|\b(maybe|could (?:it )?be|might|possibly|perhaps|wonder|any chance|guess|suspect|what if|"
    r"i think|not sure|probably|symptom)\b)",
    re.I,
)
_RULED_OUT = re.compile(
    r"\b(not it|ruled out|rule (?:that|it) out|red herring|prob(?:ably)? not|unrelated|not related|not the cause|"
    r"is fine|are fine|looks? fine|(?:is|are|looks?|all) healthy|(?:is|looks?|are) normal|no (?:change|correlation)|nope|"
    r"can'?t be|isn'?t it|wasn'?t it|not (?:the|a) (?:problem|issue)|rules? out)\b",
    re.I,
)
_CAUSAL = re.compile(
    r"\b(caused by|root cause|turns out|because|due to|the cause|that'?s why|culprit|triggered by|so it'?s)\b",
    re.I,
)
_FOLLOWUP = re.compile(
    r"(\bwe should\b|\bTODO\b|\baction item|\bfollow[- ]?ups?\b|^\s*AI:|\blet'?s make sure\b|\bwe need to\b|\bneeds? to be\b|"
    r"\bmake sure\b|\bshould (?:page|alert|block|add|move|be|have a|use)\b|\bneed(?:s)? (?:a|an|to)\b|"
    r"^\s*(?:[-*]\s*)?(?:alert|page|add|rotate|fix|set|use|make|require|template|move|run|revert)\b)",
    re.I | re.M,
)
_FIGURE = re.compile(
    r"(~?\d[\d,.]*\s?(?:%|k\b|m\b|x\b)|[€$£]\s?\d[\d,.]*\s?[km]?|\b\d[\d,.]*\s?(?:ms|s|sec|min(?:ute)?s?|h|hours?)\b|"
    r"\b\d[\d,.]*\s+(?:\w+\s+){0,2}(?:users?|customers?|requests?|orders?|partners?|tenants?|merchants?|tickets?|"
    r"errors?|failures?|failed|checkouts?|searches|notifications?|messages?|sessions?|pods?|accounts?|"
    r"contacts?|chats?|authori[sz]ations?|auths?|transactions?|payments?|calls?|jobs?|stores?|escalations?))",
    re.I,
)
_IMPACT_WORD = re.compile(
    r"\b(impact\w*|affected|failed|failing|failures?|errors?|5xx|delayed|lost|unavailable|timeouts?|customers?|users?|"
    r"tickets?|refunds?|revenue|latency|p9\d|dropped|degraded|down|outage|backlog|stuck|contacts?)\b",
    re.I,
)
_LUCKY = re.compile(
    r"\b(lucky|luckily|fortunately|good thing|thankfully|could have been worse|by chance)\b", re.I
)
_WELL = re.compile(r"\b(good call|nice|worked|great|fast|quick(?:ly)?|smooth|thanks to)\b", re.I)
_SEV = re.compile(r"\bSEV[- ]?([0-4])\b|\bP([0-4])\b(?=.*\b(?:incident|sev|priority)\b)", re.I)


def analyse(tl: Timeline, *, max_entries: int = 50) -> Facts:
    """Read the timeline once; every offline section is written from the result."""
    from assistant.injection import looks_like_injection

    f = Facts(timeline=tl)
    for e in tl.events:
        if looks_like_injection(e.text):
            continue
        if e.source.value in ("chat", "note") and quick_blameful(e.text):
            f.blameful.add(e.id)
            continue
        f.usable[e.id] = e
    _score(f)
    # The full tone checker is slower: run it only on lines that could be quoted.
    for i, sc in f.scores.items():
        e = f.usable[i]
        if e.source.value in ("chat", "note") and (sc >= 12 or _quotable(e)) and is_blameful(e.text):
            del f.usable[i]
            f.blameful.add(i)
    f.scores = {i: sc for i, sc in f.scores.items() if i in f.usable}
    f.selected = _select(f, max_entries)
    _causes(f)
    _figures(f)
    _response(f)
    f.followups = [
        e for e in f.usable.values() if e.source.value in ("chat", "note") and _FOLLOWUP.search(e.text)
    ]
    f.lucky = [
        (clean(e.text), e.id)
        for e in f.usable.values()
        if e.source.value in ("chat", "note") and _LUCKY.search(e.text)
    ]
    f.well = [
        (clean(e.text), e.id)
        for e in f.usable.values()
        if e.source.value in ("chat", "note") and _WELL.search(e.text) and _ACTION.search(e.text)
    ][:3]
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


def _quotable(e: Event) -> bool:
    t = e.text
    return bool(
        _FOLLOWUP.search(t)
        or _CAUSAL.search(t)
        or _RULED_OUT.search(t)
        or _LUCKY.search(t)
        or (_FIGURE.search(t) and _IMPACT_WORD.search(t))
        or _ACTION.search(t)
    )


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
            bot = bool(e.attrs.get("bot"))
            score += (
                14 * bool(_ACTION.search(t)) + 12 * bool(_RESULT.search(t)) + 10 * bool(_FINDING.search(t))
            )
            score += 12 * bool(_DECISION.search(t)) + 6 * bool(_REPORT.search(t)) + (8 if bot else 0)
            score += 4 * bool(re.search(r"\d", t))
            if _HEDGE.search(t):
                score -= (
                    12 if re.search(r"\b(maybe|could|might|possibly|perhaps|guess|suspect)\b", t, re.I) else 6
                )
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
                score += 10 * bool(_ACTION.search(t)) + 6 * bool(
                    level in ("error", "crit", "critical", "fatal", "alert", "emerg")
                )
                score += 5 * bool(_FINDING.search(t)) + 3 * bool(level in ("warn", "warning"))
            elif (
                level in ("error", "crit", "critical", "fatal", "emerg")
                and int(e.attrs.get("count", 1) or 1) >= 5
            ):
                score += 6  # a new burst of an error already seen: the fault came back
            if int(e.attrs.get("count", 1) or 1) > 1:
                score += 3
        f.scores[e.id] = score


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

    ranked = c.rank(f)
    f.ruled_out = [(clean(t), i) for t, i in f.ruled_out]
    f.causes = [(x.text, x.event.id) for x in ranked]
    if not f.causes:
        _findings_as_causes(f, [_content_words(t) for t, _ in f.ruled_out])
    f.trigger = c.trigger(f, ranked)


_FOUND = re.compile(
    r"\b(identified|confirmed|found|shows?|the (?:problem|issue|bug) is|which raises|leak\w*|crash\w*|expired|"
    r"exhausted|raises|throws|holds?|never (?:renewed|released|closed))\b",
    re.I,
)


def _findings_as_causes(f: Facts, ruled_words: list[set[str]]) -> None:
    """No causal phrase in the sources: offer the strongest findings made during the response."""
    kt = f.timeline.key_times
    cands = []
    for e in f.usable.values():
        if e.source.value not in ("chat", "note") or _HEDGE.search(e.text) or _RULED_OUT.search(e.text):
            continue
        if (kt.detected and e.time < kt.detected) or (kt.mitigated and e.time > kt.mitigated):
            continue
        if _FOUND.search(e.text) and not any(len(_content_words(e.text) & rw) >= 2 for rw in ruled_words):
            cands.append((f.scores.get(e.id, 0) + 5 * len(_FOUND.findall(e.text)), e))
    for _, e in sorted(cands, key=lambda c: -c[0])[:3]:
        f.causes.append((tidy(e.text), e.id))


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z0-9_.\-]{3,}", text.lower()) if w not in _STOP}


_STOP = CONTENT_STOP_WORDS


# Quantities about who or what was hurt: people, requests, orders, money, failure shares, durations.
_IMPACT_FIG = re.compile(
    r"(\b\d[\d,.]*\s?[km]?\+?\s+(?:[\w/-]+\s+){0,3}(?:users?|customers?|requests?|orders?|partners?|tenants?|merchants?|"
    r"tickets?|checkouts?|searches|notifications?|contacts?|chats?|authori[sz]ations?|auths?|transactions?|payments?|"
    r"logins?|login attempts?|bookings?|viewers?|patients?|escalations?|integrations?|shipments?|labels?|invoices?|"
    r"messages?|calls?|sessions?|accounts?|exports?|jobs?|warehouses?|clinics?|stores?|sites?|"
    r"(?:failed|rejected|declined|delayed|lost|dropped|affected|logged out)\b)|"
    r"~?\d[\d,.]*\s?%\s+(?:of\s+)?(?:[\w/-]+\s+){0,4}(?:fail\w*|error\w*|5xx|declin\w*|reject\w*|timeouts?|traffic|requests?|"
    r"checkouts?|users?|customers?|searches|logins?)|(?:fail\w*|error rate|5xx|declin\w*|reject\w*)\s+(?:\w+\s+){0,3}(?:at|of|peak(?:ed)?(?: at)?)\s+~?\d[\d.]*\s?%|"
    r"[€$£]\s?\d[\d,.]*\s?[km]?|\b\d+h\d+m\b|\bup to \d|\b\d{1,2}:\d{2}\s*(?:-|–|to)\s*~?\d{1,2}:\d{2}\b)",
    re.I,
)
_NOT_FIGURE = re.compile(
    r"(\[(?:FIRING|RESOLVED|TRIGGERED)|\bfiring\b|\btriggered\b|\bPD\b|pagerduty|opsgenie|#\d{2,}|"
    r"\b(?:back (?:to|under|at)|baseline|dropping|recovered|healthy|normal|stuck on|terminating)\b)",
    re.I,
)


def _figures(f: Facts) -> None:
    seen: set[str] = set()
    for e in f.usable.values():
        if e.source.value not in ("chat", "note"):
            continue
        t = e.text
        if _HEDGE.search(t) or not _FIGURE.search(t) or not _IMPACT_WORD.search(t):
            continue
        # Impact lines only: not alert echoes, recovery status, response steps or follow-ups.
        if (
            not _IMPACT_FIG.search(t)
            or _FOLLOWUP.search(t)
            or (_NOT_FIGURE.search(t) and len(_IMPACT_FIG.findall(t)) < 2)
        ):
            continue
        if re.search(r"https?://|<SECRET|<EMAIL|<PHONE|<IP", t):
            continue
        c = clean(t, 260)
        key = re.sub(r"^\([^)]*\)\s*", "", c).lower()
        if key in seen:
            continue
        seen.add(key)
        f.figures.append((c, e.id))
    # Prefer lines with several figures (summaries of impact) and keep the list short.
    f.figures.sort(key=lambda x: -len(_FIGURE.findall(x[0])))
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
    """Steps taken, in order: lines whose role is a mitigation action (or a change made during the
    response), never an action item, an impact line, a guess or chatter; split at the mitigation time."""
    tl = f.timeline
    kt = tl.key_times
    for e in f.usable.values():
        if e.source.value not in ("chat", "note") or e.attrs.get("untimed"):
            continue
        role = role_of(tl, e.id)
        acting = role in _STEP_ROLES or (
            role is None and _ACTION.search(e.text) and not _HEDGE.search(e.text)
        )
        if (
            not acting
            or role in _NOT_STEP
            or _RULED_OUT.search(e.text)
            or (_FIGURE.search(e.text) and _IMPACT_WORD.search(e.text))
        ):
            continue  # status reports and figures belong to impact, not to the actions taken
        if kt.detected and e.time < kt.detected:
            continue
        if e.id in f.blameful or is_blameful(e.text):
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


_STEP_ROLES = frozenset(("mitigation", "change"))
_NOT_STEP = frozenset(("action_item", "impact", "hypothesis", "chatter", "report", "ruled_out"))


def _services(tl: Timeline) -> list[str]:
    names: dict[str, int] = {}
    for e in tl.events:
        svc = e.attrs.get("service")
        if isinstance(svc, str) and svc and len(svc) < 40:
            names[svc] = names.get(svc, 0) + (3 if e.source.value == "alert" else 1)
    return [n for n, _ in sorted(names.items(), key=lambda x: -x[1])[:5]]
