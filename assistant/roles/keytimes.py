"""Key times from event roles, by a written decision procedure; each with confidence, support and runner-ups.

detected   The first of: a paging alert firing, a bot relaying a page, a person reporting trouble
           (role ``report``: customers, support's ticket count, a partner's call relayed, a colleague
           noticing) that something corroborates (a page within the hour, another person describing
           trouble within the hour after, or log errors in the day before); uncorroborated reports (a
           "heads up" the day before) are runner-ups. A person describing a symptom only when there is
           none of these. Warnings that page nobody are not detection (nor a pager's low-priority
           incident, P4/P5, nor a provider's status-page notice). A remark that names a quiet alert's
           problem ("the export is late again") is about that alert, not corroborated by an unrelated
           page. An urgent ticket opened is a report; a routine one is not relied on. When nothing is sure, a report
           the classifier only leans to (>= SURE) that is corroborated detects at confidence <= 0.35,
           with a question to the responders.
start      The earliest of: the error-rate change point of the logs before detection (``error_onset``;
           looking back 12 h when an alert detected it, 14 days when people did, since silent
           failures run for days, with the last error up to 26 h before a person's report since a
           nightly job fails once a day), a paging alert's own start within 2 h before detection, and
           a time a person states the trouble began ("it started dropping around 7:34").
           Otherwise detection itself. Third-party outages start at our first failing requests,
           which is what the logs' change point finds (the provider's status page comes later).
resolved   Declarations after the last relapse and after mitigation: a person declaring resolution
           (role ``resolution``) or an incident tool posting it resolved (a bot's closing message that
           is not an alert relay). Chosen: the first about as strong as the strongest, strength being
           the classifier's confidence plus a closing word ("resolved", "geschlossen", "resuelto",
           "encerrado", "解決", "復旧"); a declaration people kept mitigating after, before a later one,
           is premature and only a runner-up, as are those a relapse undid (``false_recovery``). After
           a relapse, declarations count only from the first recovery sign on ("I called it fixed too
           early", said while impact is back, declares nothing). A declaration the classifier only
           leans to (>= 0.25) counts when a closing word backs it ("cierro el incidente"); a person's
           sentence naming the incident itself (its id, "INC-482", or the word for it) with a closing
           word declares it whatever role the classifier read ("Zamykam INC-482 jako rozwiązany";
           not as a question, a condition, "not closed yet" or "holding the incident open"). A comment
           closing a ticket closes that ticket (often a customer's report): it counts only when the
           channel and the incident tool declare nothing. Else the pager's incident resolving, else
           the last alert resolving.
mitigated  Between detection and resolution: a person saying it is mitigated; else where the log error
           rate falls back (``error_offset``, after the last relapse) when a person's recovery sign
           made after someone acted follows within 30 min or there is no sign at all, unless a person's recovery sign states an earlier
           time ("120/120 running since 22:58"); else the first recovery sign not undone by a relapse:
           a person observing recovery (role ``recovery``), the detecting alert resolving, or a
           person saying it is mitigated. A manual workaround (a file sent by hand, a job marked
           successful) is a ``mitigation`` action like any other; what counts is the recovery after it.
relapse    Impact returning resets mitigation, so with two impact windows mitigated is when impact
           finally stopped: a paging alert firing again after it resolved, or firing once every page had
           resolved; a person's relapse corroborated by certainty, log errors resuming after a quiet
           spell, or another person; a report of trouble with errors resuming after someone declared it
           resolved in so many words (a re-open). A time the message states ("since 22:58") wins over
           when it was posted. Without any recovery sign, resolution stands in (confidence halved).
No detection at all: start is the first log error; mitigation and resolution are still read after it.
Unknown    Where no event qualifies the key is None and ``question`` asks the responders.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from assistant.domain import (
    Event,
    EventRole,
    KeyCandidate,
    KeyChoice,
    KeyEvents,
    KeyTimes,
    SourceKind,
    SourceRef,
    is_bot,
)
from assistant.roles import SURE
from assistant.roles.assign import machine_line
from assistant.roles.features import looks_like_alert, says_done
from assistant.timeline.keytimes import (
    error_offset,
    error_onset,
    is_pager,
    is_paging_alert,
    mentioned_time,
)
from assistant.tone.sentences import split_sentences
from assistant.vocabulary import DONE_CUE, INCIDENT_REF, STOP_WORDS

_MITIGATED = re.compile(r"\b(mitigated|mitigiert|mitigado|mitigada|mitigação)\b|緩和", re.I)
_NOT = re.compile(
    r"\b(not|isn'?t|until|once|before|if|when|nicht|no|não)\s+(yet\s+)?(mitigated|mitigiert|mitigado)", re.I
)
# A declaration made on a condition ("if the disk stays flat for an hour I'll resolve it", "…なら resolved
# にします", "wenn es hält, schließen wir") is a plan, not a declaration.
_CONDITIONAL = re.compile(
    r"\b(?:if|once|unless|as soon as|wenn|sobald|falls|si|cuando|quando|se|lorsque|dès que|als)\b|"
    r"(?:なら|たら|れば)(?:\s|、|,|[a-zA-Z])",
    re.I,
)
_SYMPTOM_SURE = 0.6
_REPORT_SURE = 0.5
_RELAPSE_SURE = 0.8
_DONE_CUE = 0.3  # a declaration with a closing word outranks one the embedding alone calls resolution
_MAX_CANDIDATES = 4
_UNSURE = 0.5  # a top role below this leaves room for the runner-up
# Words that tie a stated time to the start of the trouble, in the languages our users write ("since"
# is not one: "back since 2:44" dates a recovery).
_BEGAN = re.compile(
    r"\b(start(?:ed|s|ing)?|began|begun|beginning|first (?:error|failure|seen)|angefangen|begann|"
    r"empez[óo]|comenz[óo]|começou|commencé)\b|始ま",
    re.I,
)
_LEAN = 0.25  # a role the classifier leans to, that a cue has to back
_WEAK = 0.35  # the most a detection the classifier only leans to can be worth
_LONE = " (nothing corroborates it)"
QUESTIONS = {
    "start": "When did the impact begin? No log error onset, alert or report marks it.",
    "detected": "How was the incident noticed? No paging alert, page or report of trouble was found.",
    "detected_weak": "Is this how the incident was noticed? The message reads only weakly as a report of "
    "trouble; pick the event that marks detection if it is another.",
    "mitigated": "When did the impact stop? No recovery was observed in the sources.",
    "resolved": "When was the incident declared resolved? No declaration or alert resolution was found.",
}

Found = tuple[Event, float, str]


def _human(e: Event) -> bool:
    return e.source in (SourceKind.chat, SourceKind.note) and not is_bot(e) and not machine_line(e)


def _role(roles: dict[str, EventRole], e: Event) -> EventRole | None:
    return roles.get(e.id)


def _has(roles: dict[str, EventRole], e: Event, *names: str, sure: float = SURE) -> float:
    r = roles.get(e.id)
    return r.confidence if r is not None and r.role in names and r.confidence >= sure else 0.0


def _detections(
    events: list[Event],
    roles: dict[str, EventRole],
    err_times: list[datetime] | None = None,
    *,
    report_sure: float = _REPORT_SURE,
    symptom_sure: float = _SYMPTOM_SURE,
) -> list[Found]:
    """Pages and reports in time order (a person describing a symptom only when there is neither);
    reports nothing corroborates (a lone "heads up" the day before, a remark hours from any other
    sign) come last, as runner-ups."""
    found: list[Found] = []
    noticed: list[Found] = []
    for e in events:
        r = _role(roles, e)
        if r is None:
            continue
        if r.role == "alert_firing" and r.paging and e.source == SourceKind.alert:
            found.append((e, 0.9, "a paging alert fires"))
        elif r.role == "alert_firing" and r.paging:
            found.append((e, 0.85, "a bot relays the page"))
        elif _human(e) and (c := _has(roles, e, "report", sure=report_sure)):
            found.append((e, min(0.9, 0.3 + c), "a person reports trouble"))
        elif _human(e) and (c := _has(roles, e, "symptom", sure=symptom_sure)):
            noticed.append((e, min(0.6, c), "a person describes a symptom"))
    errs = sorted(err_times or [])
    backed, lone = [], []
    for f in found if found else noticed:
        if "person" not in f[2] or _corroborated(events, roles, f[0], errs):
            backed.append(f)
        else:
            lone.append((f[0], f[1] * 0.5, f[2] + _LONE))
    return backed + lone + (noticed if found else [])


_WORD = re.compile(r"[^\W_][\w.-]*[^\W_]|[^\W_]")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _words(text: str) -> set[str]:
    """Content words, CamelCase names split ("CheckoutErrorRateHigh" names checkout and errors)."""
    words = _WORD.findall(_CAMEL.sub(" ", text).lower())
    return {w.rstrip("s") for w in words if len(w) > 2 and w not in STOP_WORDS and not w.isdigit()}


def _about_quiet_alert(events: list[Event], roles: dict[str, EventRole], e: Event, page: Event) -> bool:
    """A remark that names what a quiet alert (one that pages nobody) reported in the 12 h before it, and
    shares less with the page, is about that alert's problem ("the export is late again" after a
    low-priority "export finished late"), so the page does not corroborate it."""
    said = _words(e.text)
    near_page = len(said & _words(page.text))
    for o in events:
        r = _role(roles, o)
        if (
            o.source == SourceKind.alert
            and r is not None
            and r.role == "alert_firing"
            and not r.paging
            and timedelta(0) <= e.time - o.time <= timedelta(hours=12)
        ):
            shared = len(said & _words(o.text))
            if shared >= 2 and shared > near_page:
                return True
    return False


def _corroborated(events: list[Event], roles: dict[str, EventRole], e: Event, errs: list[datetime]) -> bool:
    """Another sign of trouble near a report: a page within the hour (unless the report names a quiet
    alert's problem instead), another person describing trouble within the hour after, or log errors in
    the day before (a silent failure found late)."""
    hour = timedelta(hours=1)
    pages = [
        o
        for o in events
        if abs(o.time - e.time) <= hour
        and (r := _role(roles, o)) is not None
        and r.role == "alert_firing"
        and r.paging
    ]
    if pages and all(_about_quiet_alert(events, roles, e, p) for p in pages):
        return False  # the page is another problem; the remark is about a quiet alert's
    # A page before the remark puts it inside the incident; a later page backs it only when the two
    # name something in common ("checkout errors?" and CheckoutErrorRateHigh; not "disk warnings on
    # ci-runner-04?" and a checkout page).
    if any(p.time <= e.time or _words(e.text) & _words(p.text) for p in pages):
        return True
    for o in events:
        if o.id == e.id or abs(o.time - e.time) > hour:
            continue
        r = _role(roles, o)
        if r is None:
            continue
        if (
            o.time > e.time
            and _human(o)
            and o.actor != e.actor
            and _has(roles, o, "symptom", "report", "relapse", sure=_REPORT_SURE)
            and _words(e.text) & _words(o.text)
        ):
            return True
    lo, hi = e.time - timedelta(days=1), e.time + timedelta(minutes=30)
    return sum(1 for t in errs if lo <= t <= hi) >= 3


def _choice(
    found: list[Found], pick: int = 0, *, time_of: Callable[[Event], datetime] | None = None
) -> KeyChoice:
    e, conf, why = found[pick]
    rest = [f for i, f in enumerate(found) if i != pick]
    seen: set[str] = {e.id}
    cands: list[KeyCandidate] = []
    for c in rest:
        if c[0].id in seen or len(cands) >= _MAX_CANDIDATES:
            continue
        seen.add(c[0].id)
        cands.append(
            KeyCandidate(event_id=c[0].id, time=(time_of or _t)(c[0]), confidence=round(c[1], 3), why=c[2])
        )
    return KeyChoice(
        event_id=e.id,
        time=(time_of or _t)(e),
        confidence=round(conf, 3),
        why=why,
        supporting=[e.id],
        candidates=cands,
    )


def _t(e: Event) -> datetime:
    return e.time


def _event_for(events: list[Event], when: datetime, ref: SourceRef | None) -> Event | None:
    if ref is not None:
        for e in events:
            if ref in e.refs:
                return e
    later = [e for e in events if e.time >= when]
    return later[0] if later else (events[-1] if events else None)


def _start(
    events: list[Event],
    errors: list[tuple[datetime, SourceRef]],
    det: Event,
    det_why: str,
    logs_since: datetime | None,
    roles: dict[str, EventRole],
) -> KeyChoice:
    people = "person" in det_why
    lookback = timedelta(days=14) if people else timedelta(hours=12)
    found: list[tuple[datetime, Found]] = []
    # Failures people find are often in nightly or hourly jobs: their last error can be a day old.
    recent = timedelta(hours=26) if people else None
    onset = error_onset([t for t, _ in errors], det.time, logs_since, lookback=lookback, recent=recent)
    if onset is not None and onset < det.time:
        ref = next((r for t, r in errors if t == onset), None)
        ev = _event_for(events, onset, ref)
        if ev is not None:
            found.append((onset, (ev, 0.8, "the log error rate jumps here (change point)")))
    for e in events:
        if e.time >= det.time:
            break
        if e.source == SourceKind.alert and is_paging_alert(e) and det.time - e.time <= timedelta(hours=2):
            found.append((e.time, (e, 0.75, "a paging alert's own start")))
            break
    # A person describing the trouble says when it began ("it started dropping around 7:34").
    for e in events:
        if e.time > det.time + timedelta(hours=2):
            break
        said = mentioned_time(e)
        if (
            said < det.time
            and said != e.time
            and _human(e)
            and _BEGAN.search(e.text)
            and (r := _role(roles, e)) is not None
            and r.role not in ("change", "mitigation", "action_item", "hypothesis", "ruled_out", "chatter")
        ):
            found.append((said, (e, 0.6, "a person says when it began")))
            break
    if not found:
        return KeyChoice(
            event_id=det.id,
            time=det.time,
            confidence=0.4,
            supporting=[det.id],
            why="no earlier sign in the logs or alerts: start taken at detection",
        )
    found.sort(key=lambda f: f[0])
    times = {f[1][0].id: f[0] for f in found}
    choice = _choice([f[1] for f in found], time_of=lambda e: times.get(e.id, e.time))
    choice.candidates.append(
        KeyCandidate(event_id=det.id, time=det.time, confidence=0.3, why="detection itself")
    )
    return choice


def _relapses(
    events: list[Event],
    roles: dict[str, EventRole],
    det: Event | None,
    errors: list[tuple[datetime, SourceRef]] | None = None,
) -> list[Event]:
    """Impact returning. Structure: a paging alert firing again after it resolved, or firing once every
    page had resolved (all clear, then a page). People: a relapse that something corroborates (the
    classifier very sure, log errors around it, or another person describing trouble within 15 min),
    or a report of trouble with log errors around it after someone declared it resolved in so many words
    (a re-open); a lone, unsure "again" is often a component churning."""
    err_times = sorted(t for t, _ in errors or [])
    out = []
    open_pages: set[str] = set()
    closed_pages: set[str] = set()
    declared = False
    for e in events:
        r = _role(roles, e)
        if r is None:
            continue
        name = str(e.attrs.get("alert") or "")
        if e.source == SourceKind.alert and name and r.paging:
            if r.role == "alert_resolved":
                open_pages.discard(name)
                closed_pages.add(name)
            elif r.role == "alert_firing":
                if name in closed_pages or (closed_pages and not open_pages):
                    out.append(e)
                open_pages.add(name)
        elif not _human(e):
            continue
        elif _relapse_said(events, roles, e, err_times) or (
            declared
            and _has(roles, e, "report", "symptom", sure=_SYMPTOM_SURE)
            and _errors_resume(err_times, e.time)
        ):
            out.append(e)
        if _has(roles, e, "resolution", "false_recovery", sure=0.5) and says_done(e.text):
            declared = True
    return out


def _relapse_said(
    events: list[Event], roles: dict[str, EventRole], e: Event, err_times: list[datetime]
) -> bool:
    c = _has(roles, e, "relapse")
    return bool(c) and (
        c >= _RELAPSE_SURE or _errors_resume(err_times, e.time) or _others_agree(events, roles, e)
    )


def _errors_resume(err_times: list[datetime], t: datetime) -> bool:
    """Log errors come back around ``t`` after a quiet spell (>= 10 min without one): impact returning,
    not the tail of the errors still running while people talk."""
    near = [x for x in err_times if t - timedelta(minutes=15) <= x <= t + timedelta(minutes=10)]
    if len(near) < 3:
        return False
    before = [x for x in err_times if x < near[0]]
    return not before or near[0] - before[-1] >= timedelta(minutes=10)


def _others_agree(events: list[Event], roles: dict[str, EventRole], e: Event) -> bool:
    near = timedelta(minutes=15)
    return any(
        o.id != e.id
        and o.actor != e.actor
        and _human(o)
        and abs(o.time - e.time) <= near
        and _has(roles, o, "relapse", "symptom", "report", sure=0.5)
        for o in events
    )


_INCIDENT_CLOSED = 0.6  # a person saying the incident itself is closed, in any wording the classifier misses


def _closes_the_incident(e: Event) -> bool:
    """A person's sentence that names the incident (its id, or the word for it) with a closing word,
    not as a question or a condition ("INC-0609 resolved: latency normal since 12:28", "closing
    INC-577 as resolved"; not "holding the incident open", "can we close the incident?")."""
    if not _human(e):
        return False
    for s in split_sentences(e.text):
        t = s.text
        done = DONE_CUE.search(t)
        if (
            done
            and INCIDENT_REF.search(t)
            and not t.rstrip().endswith(("?", "？"))
            and not _CONDITIONAL.search(t)
            and not _NOT_YET.search(t[max(0, done.start() - 25) : done.start()])  # "not closed yet"
            and not _KEPT_OPEN.search(t)
        ):
            return True
    return False


_NOT_YET = re.compile(
    r"\b(?:not|don'?t|won'?t|isn'?t|nicht|noch|no|todavía|ainda|pas|niet|nie|belum|chưa)\b|まだ|아직|还没|尚未",
    re.I,
)
_KEPT_OPEN = re.compile(r"\b(?:keep\w*|hold\w*|leav\w*)\b.{0,30}\bopen\b", re.I)


def _declaring(r: EventRole | None, e: Event) -> float | None:
    """How surely ``e`` declares the incident resolved, or None.

    After the last corroborated relapse a "false recovery" label (from an unconfirmed one) is void, so
    both count. The classifier reads English best: below SURE a closing word ("cierro el incidente") has
    to back it, and backed by one, a declaration it ranks second after a role that is not a step or its
    effect counts too ("インシデントをクローズします" read as a change first)."""
    if r is None:
        return None
    if _closes_the_incident(e):
        return max(_INCIDENT_CLOSED, r.confidence if r.role in ("resolution", "false_recovery") else 0.0)
    if r.role in ("resolution", "false_recovery"):
        conf = r.confidence
    elif r.runner_up == "resolution" and r.role not in ("mitigation", "recovery") and _human(e):
        conf = r.runner_up_confidence or 0.0
        return conf if conf >= _LEAN and says_done(e.text) else None
    else:
        return None
    if conf < SURE and not (conf >= _LEAN and says_done(e.text)):
        return None
    return conf


def _resolved(
    events: list[Event], roles: dict[str, EventRole], after: datetime, since: datetime
) -> tuple[KeyChoice | None, list[Found]]:
    """Declarations after ``after`` (the last relapse or the mitigation): the first about as strong as the
    strongest (classifier confidence, plus a closing word such as "resolved", "geschlossen", "解決"),
    skipping one that people kept working after (a mitigation or change before a later declaration)."""
    later = [e for e in events if e.time >= after]
    found: list[Found] = []
    weight: dict[str, float] = {}
    # A comment closing a ticket closes that ticket (often a customer's or a partner's report): it
    # declares the incident resolved only when the channel and the incident tool never do.
    on_ticket: list[Found] = []
    for e in later:
        conf = _declaring(_role(roles, e), e)
        if conf is None:
            continue
        if _human(e):
            if _CONDITIONAL.search(e.text):
                continue
            weight[e.id] = conf + (_DONE_CUE if says_done(e.text) else 0.0)
            if e.attrs.get("comment_on"):
                on_ticket.append((e, min(0.7, 0.2 + conf), "a ticket comment declares it resolved"))
                continue
            found.append((e, min(0.9, 0.3 + conf), "a person declares it resolved"))
        elif is_bot(e) and says_done(e.text) and not looks_like_alert(e.text) and conf >= 0.5:
            # An incident tool posting the incident resolved records a person's declaration; an alert
            # relay ("RESOLVED (High): …") only says one check went green.
            found.append((e, min(0.85, 0.2 + conf), "the incident tool records it resolved"))
            weight[e.id] = conf + _DONE_CUE
    found = found or on_ticket
    if found:
        acted = [e.time for e in later if _human(e) and _has(roles, e, "mitigation", "change", sure=0.5)]
        final = [
            f
            for i, f in enumerate(found)
            if not (i + 1 < len(found) and any(f[0].time < t < found[-1][0].time for t in acted))
        ]
        top = max(weight[f[0].id] for f in final)
        pick = next(f for f in final if weight[f[0].id] >= 0.85 * top)
        rest = [
            f if f in final else (f[0], f[1] * 0.5, "declared resolved, but work went on after it")
            for f in found
            if f is not pick
        ]
        found = [pick, *rest]
    false = [
        (e, 0.2, "declared resolved, but a relapse followed (false recovery)")
        for e in events
        if _has(roles, e, "false_recovery") and since <= e.time < after
    ]
    if not found:
        pager = [
            e for e in later if is_bot(e) and _has(roles, e, "resolution", "alert_resolved") and is_pager(e)
        ]
        alerts = [e for e in later if e.source == SourceKind.alert and _has(roles, e, "alert_resolved")]
        if pager:
            found.append((pager[0], 0.6, "the pager's incident resolves"))
        if alerts:
            found.append((alerts[-1], 0.45, "the last alert resolves"))
    if not found:
        return None, false
    return _choice(found + false), found


def _mitigated(
    events: list[Event],
    roles: dict[str, EventRole],
    det: Event,
    until: datetime | None,
    errors: list[tuple[datetime, SourceRef]],
) -> KeyChoice | None:
    window = [e for e in events if e.time >= det.time and (until is None or e.time <= until)]
    relapse_ids = {e.id for e in _relapses(window, roles, det, errors)}
    said: list[Found] = []
    signs: list[Found] = []
    early: list[Found] = []
    det_alert = det.attrs.get("alert")
    acted = False  # recovery signs before anyone acted are weaker (a dip, a misread graph)
    pages: set[str] = set()  # paging alerts open in the window
    for e in window:
        r = _role(roles, e)
        if r is None:
            continue
        alert_sign = _page_state(e, r, det_alert, pages)
        if e.id in relapse_ids:
            # Impact came back: only what follows counts. A person's explicit "mitigated" yields
            # only to a sure relapse or the alert firing again.
            if e.source == SourceKind.alert or r.confidence >= _RELAPSE_SURE:
                said = []
            signs, early = [], []
            continue
        if r.role in ("mitigation", "change") and r.confidence >= SURE and e.source != SourceKind.alert:
            acted = True
        if _human(e) and _MITIGATED.search(e.text) and not _NOT.search(e.text) and "?" not in e.text:
            said.append((e, 0.85, "a person says it is mitigated"))
        elif _human(e) and (c := _has(roles, e, "recovery")):
            (signs if acted else early).append(
                (
                    e,
                    min(0.85, 0.3 + c) * (1.0 if acted else 0.5),
                    "a person observes recovery" + ("" if acted else " (before any action)"),
                )
            )
        elif acted and _states_recovery(e, r, det.time):
            signs.append((e, 0.5, "a person states when it recovered"))
        elif alert_sign is not None:
            signs.append(alert_sign)
    # Without any action in the window every sign counts in time order (it recovered by itself).
    found = said + (signs + early if acted else sorted(signs + early, key=lambda f: f[0].time))
    since = max([det.time, *(e.time for e in window if e.id in relapse_ids)])
    end = error_offset([t for t, _ in errors], since, until or (window[-1].time if window else det.time))
    stated = [f for f in signs if f[0].source != SourceKind.alert and _stated(f[0], det.time) != f[0].time]
    if end is not None and not said and not (stated and _stated(stated[0][0], det.time) < end):
        # The logs show when the errors stopped: impact ended there. People's recovery signs that
        # follow it within 30 min support it; without one it stays a runner-up to them.
        ref = next((r for t, r in errors if t == end), None)
        ev = _event_for(events, end, ref)
        # Signs before anyone acted (a dip, a misread graph) do not back it.
        backed = [f for f in signs if timedelta(0) <= f[0].time - end <= timedelta(minutes=30)]
        if ev is not None and (backed or not found):
            choice = _choice(
                [(ev, 0.8 if backed else 0.55, "the log error rate falls back here"), *found],
                time_of=lambda e: end if e.id == ev.id else _stated(e, det.time),
            )
            choice.supporting += [f[0].id for f in backed[:3]]
            return choice
    if not found:
        return None
    return _choice(found, time_of=lambda e: _stated(e, det.time))


def _page_state(e: Event, r: EventRole, det_alert: object, pages: set[str]) -> Found | None:
    """Track the paging alerts open (``pages``, updated in place); the recovery sign an alert gives:
    the detecting alert resolving, or the last open page resolving."""
    name = str(e.attrs.get("alert") or "")
    if e.source != SourceKind.alert or not name:
        return None
    if r.paging and r.role == "alert_firing":
        pages.add(name)
        return None
    if r.role != "alert_resolved":
        return None
    was_open = name in pages
    pages.discard(name)
    if det_alert and name == det_alert:
        return (e, 0.7, "the detecting alert resolves")
    if r.paging and was_open and not pages:
        return (e, 0.6, "the last open page resolves")
    return None


def _states_recovery(e: Event, r: EventRole, not_before: datetime) -> bool:
    """ "120/120 pods running since 22:58": recovery is the classifier's second reading of an unsure
    message, and the time it states makes it specific."""
    return (
        _human(e)
        and r.runner_up == "recovery"
        and r.confidence < _UNSURE
        and _stated(e, not_before) != e.time
    )


def _stated(e: Event, not_before: datetime) -> datetime:
    if e.source == SourceKind.alert:
        return e.time
    t = mentioned_time(e)
    return t if t >= not_before else e.time


def find_key_times(
    events: list[Event],
    roles: dict[str, EventRole],
    errors: list[tuple[datetime, SourceRef]],
    *,
    logs_since: datetime | None = None,
) -> tuple[KeyTimes, KeyEvents, dict[str, KeyChoice]]:
    """The four key times, the event supporting each, and how each was chosen (see the module docstring)."""
    events = [e for e in events if not e.attrs.get("untimed")]  # follow-up bullets placed at a borrowed time
    kt, ke = KeyTimes(), KeyEvents()
    choices: dict[str, KeyChoice] = {}
    errs = [t for t, _ in errors]
    dets = _detections(events, roles, errs)
    weak = False
    if not dets:
        # Nothing sure: a report or symptom the classifier only leans to, if other evidence backs it.
        weak_dets = _detections(events, roles, errs, report_sure=SURE, symptom_sure=SURE)
        dets = [f for f in weak_dets if not f[2].endswith(_LONE)]
        weak = bool(dets)
    if not dets:
        if errors:
            first = min(errors, key=lambda x: x[0])
            ev = _event_for(events, first[0], first[1])
            if ev is not None:
                choices["start"] = KeyChoice(
                    event_id=ev.id,
                    time=first[0],
                    confidence=0.4,
                    supporting=[ev.id],
                    why="first error in the logs; nothing detected it",
                )
                # The end of the impact can still be read from the sources after the first error.
                _ends(events, roles, errors, ev, choices)
        for k in ("start", "detected", "mitigated", "resolved"):
            choices.setdefault(k, KeyChoice(question=QUESTIONS[k]))
        return _fill(kt, ke, choices)
    det_choice = _choice(dets)
    if weak:
        det_choice = det_choice.model_copy(
            update={
                "confidence": min(det_choice.confidence, _WEAK),
                "why": det_choice.why + " (weakly recognised, backed by other signs)",
                "question": QUESTIONS["detected_weak"],
            }
        )
    det = next(e for e, _, _ in dets if e.id == det_choice.event_id)
    choices["detected"] = det_choice
    choices["start"] = _start(events, errors, det, det_choice.why, logs_since, roles)
    _ends(events, roles, errors, det, choices)
    return _fill(kt, ke, choices)


def _ends(
    events: list[Event],
    roles: dict[str, EventRole],
    errors: list[tuple[datetime, SourceRef]],
    det: Event,
    choices: dict[str, KeyChoice],
) -> None:
    """Mitigation and resolution after ``det`` (detection, or the first error when nothing detected it)."""
    relapses = _relapses([e for e in events if e.time >= det.time], roles, det, errors)
    last_relapse = max((e.time for e in relapses), default=det.time)
    # Nothing is resolved before something recovered: after a relapse, declarations count from the
    # first recovery sign on (a person observing recovery, a page resolving); "I called it fixed too
    # early", said while impact is back, declares nothing.
    bound = last_relapse
    if relapses:
        bound = min(
            (
                e.time
                for e in events
                if e.time >= last_relapse
                and (r := _role(roles, e)) is not None
                and (
                    (_human(e) and r.role == "recovery" and r.confidence >= SURE)
                    or (e.source == SourceKind.alert and r.role == "alert_resolved" and r.paging)
                )
            ),
            default=last_relapse,
        )
    # Resolution follows mitigation: a first pass bounds the mitigation window, the second picks
    # the declaration made once impact had stopped.
    first_res, _ = _resolved(events, roles, bound, det.time)
    until = max(
        (
            e.time
            for e in events
            if _has(roles, e, "resolution", "false_recovery") and _human(e) and e.time >= bound
        ),
        default=None,
    )
    mit = _mitigated(events, roles, det, until, errors)
    res = first_res
    if mit is not None and mit.time is not None:
        res, _ = _resolved(events, roles, max(last_relapse, mit.time - timedelta(minutes=5)), det.time)
        res = res or first_res
    if res is not None:
        choices["resolved"] = res
    if mit is not None:
        choices["mitigated"] = mit
    elif res is not None:
        choices["mitigated"] = res.model_copy(
            update={
                "confidence": round(res.confidence / 2, 3),
                "why": "no recovery sign: resolution stands in",
            }
        )
    for k in ("mitigated", "resolved"):
        choices.setdefault(k, KeyChoice(question=QUESTIONS[k]))


def _fill(
    kt: KeyTimes, ke: KeyEvents, choices: dict[str, KeyChoice]
) -> tuple[KeyTimes, KeyEvents, dict[str, KeyChoice]]:
    for k, c in choices.items():
        setattr(kt, k, c.time)
        setattr(ke, k, c.event_id)
    return kt, ke, choices
