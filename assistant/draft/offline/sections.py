"""The offline drafter's sections, written deterministically from ``Facts`` in neutral wording.

Sections follow the event roles (see ``draft.facts`` and ``draft.causes``): the summary names a cause
only when a finding supports it; lessons say what the roles show (a late or people-reported detection,
the step that ended the impact, the finding that explained it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from pydantic import BaseModel

from assistant.domain import Event, is_bot
from assistant.draft import prose
from assistant.draft import schema as s
from assistant.draft.analysis import Facts, clean, impersonal
from assistant.draft.causes import content_words, fact_part
from assistant.draft.onset import onset_errors
from assistant.roles import role_of
from assistant.tone.guard import is_blameful

_KEY_LABEL = {
    "start": "Impact began",
    "detected": "Detected",
    "mitigated": "Mitigated",
    "resolved": "Resolved",
}


def _hm(f: Facts, t: datetime | None) -> str:
    return prose.hm(t, prose.local_offset(f.timeline))


def _dur(seconds: float | None) -> str | None:
    return prose.dur(seconds)


def _ev(f: Facts, key: str) -> Event | None:
    i = getattr(f.timeline.key_events, key)
    return f.timeline.event(i) if i else None


_POD = re.compile(r"^(?:[a-z][\w-]*-[0-9a-f]{6,10}-[a-z0-9]{5}\s+(?:[a-z][\w-]*\s+)?)")
_REPEAT = re.compile(r"\s*\[x(\d+) until [^\]]*\]\s*$")


def _log_text(text: str) -> str:
    """A log line as a timeline description: no pod hash prefix or traceback; condensed repeats as "first of N"."""
    m = _REPEAT.search(text)
    t = _REPEAT.sub("", text)
    t = re.split(r"\s*Traceback \(most recent call last\)", t, maxsplit=1)[0]
    t = _POD.sub("", t.strip())
    t = clean(t, 160)
    return f"first of {m.group(1)}: {t}" if m else t


def _describe(e: Event, key: str | None = None, people: tuple[str, ...] = ()) -> str:
    raw = impersonal(e.text) if is_bot(e) else e.text
    text = _log_text(raw) if e.source.value == "log" else clean(raw, 220)
    # Same text as analyse() checked, so the tone checker's answer is cached.
    if e.source.value in ("chat", "note") and is_blameful(raw, people):
        text = fact_part(text) or "(message left out: it assigns blame)"
    if e.source.value == "alert":
        text = f"Alert: {text}"
    if key:
        text = f"{_KEY_LABEL[key]}: {text}"
    return text


def _severity(value: str | None) -> s.Severity:
    levels: dict[str | None, s.Severity] = {"SEV1": "SEV1", "SEV2": "SEV2", "SEV3": "SEV3", "SEV4": "SEV4"}
    return levels.get(value, "unknown")


def metadata(f: Facts) -> s.MetadataDraft:
    """Title, severity, dates and status from the timeline's key times and sources."""
    kt = f.timeline.key_times
    end = kt.resolved or kt.mitigated
    return s.MetadataDraft(
        title=prose.title(f) or "Incident postmortem",
        severity=_severity(f.severity),
        status="draft",
        date=kt.start.astimezone(UTC).date().isoformat() if kt.start else None,
        duration=_dur((end - kt.start).total_seconds()) if end and kt.start else None,
        services=f.services,
    )


def summary(f: Facts) -> s.SummaryDraft:
    """Two to four sentences from the facts: what broke and when, detection, mitigation, cause."""
    kt, m = f.timeline.key_times, f.timeline.metrics
    parts: list[str] = []
    refs: list[str] = []
    start, det, mit, res = (_ev(f, k) for k in ("start", "detected", "mitigated", "resolved"))
    subject = prose.subject(f)
    end = kt.mitigated or kt.resolved
    if kt.start and end:
        parts.append(
            f"{subject}: impact lasted {_dur((end - kt.start).total_seconds())}, "
            f"from {_hm(f, kt.start)} to {_hm(f, end)}."
        )
    elif kt.start:
        parts.append(f"{subject}: impact began at {_hm(f, kt.start)}.")
    refs += [e.id for e in (start,) if e]
    if det:
        ttd = _dur(m.time_to_detect_s)
        parts.append(
            f"It was detected at {_hm(f, kt.detected)} {prose.detection_how(det)}"
            f"{f', {ttd} after the start' if ttd else ''}."
        )
        refs.append(det.id)
    if mit:
        # Quote no step that carries its own clock time (it may be local) or a redaction placeholder.
        steps = [x for x in f.mitigation if not re.search(r"\b\d{1,2}:\d{2}\b|<[A-Z]+_\d+>", x[0])]
        step = steps[-1] if steps else None
        how = (
            f" after this step: {prose.short(f.usable[step[1]].text)}" if step and step[1] in f.usable else ""
        )
        tail = f"; the incident was resolved at {_hm(f, kt.resolved)}" if res else ""
        parts.append(f"Mitigation took effect at {_hm(f, kt.mitigated)}{how}{tail}.")
        refs += [mit.id] + ([step[1]] if step else []) + ([res.id] if res else [])
    elif res:
        parts.append(f"The incident was resolved at {_hm(f, kt.resolved)}.")
        refs.append(res.id)
    found = supporting_finding(f)
    if found is not None:
        parts.append(f"Most likely cause according to the sources: {prose.short(f.causes[0][0], 200)}.")
        refs += list(dict.fromkeys([f.causes[0][1], found]))
    elif parts:
        parts.append("The cause is not established by a finding in the sources yet; see open questions.")
    if not parts:
        parts.append("The sources do not establish when the incident started or ended; see open questions.")
    return s.SummaryDraft(summary=" ".join(parts), refs=refs)


def supporting_finding(f: Facts) -> str | None:
    """The id of a finding that backs the top cause: the cause itself, or a finding sharing its subject."""
    if not f.causes:
        return None
    text, top = f.causes[0]
    if role_of(f.timeline, top) == "finding":
        return top
    words = content_words(text)
    return next(
        (
            e.id
            for e in f.timeline.events
            if e.id in f.usable
            and role_of(f.timeline, e.id) == "finding"
            and len(words & content_words(e.text)) >= 3
        ),
        None,
    )


def impact(f: Facts) -> s.ImpactDraft:
    """Impact from impact statements, figures and the impact window."""
    kt = f.timeline.key_times
    window = ""
    end = kt.mitigated or kt.resolved
    if kt.start and end:
        window = (
            f"Impact lasted {_dur((end - kt.start).total_seconds())}, from {_hm(f, kt.start)} "
            f"to {_hm(f, end)}, when mitigation took effect."
        )
        if kt.mitigated and kt.resolved and kt.resolved > kt.mitigated:
            window += f" The incident was declared resolved at {_hm(f, kt.resolved)}."
    figures = [s.CitedText(text=t, refs=[i]) for t, i in f.figures]
    text = window or "The sources do not state when the impact began and ended."
    if not figures:
        text += " No impact figures were found in the sources."
    return s.ImpactDraft(summary=text, figures=figures)


def timeline(f: Facts) -> s.TimelineDraft:
    """The key moments of the merged timeline, each citing its event."""
    keys = {v: k for k, v in f.timeline.key_events.model_dump().items() if v}
    groups: list[list[Event]] = []
    for i in f.selected:
        e = f.usable[i]
        g = next((g for g in groups[-4:] if _same_happening(g, e, keys)), None)
        if g is None:
            groups.append([e])
        else:
            g.append(e)
    entries = []
    for g in groups:
        # One entry per happening: the key event's (or the most informative) description, every ref.
        lead = next((e for e in g if e.id in keys), None) or max(g, key=_informative)
        entries.append(
            s.TimelineEntryDraft(
                refs=[lead.id] + [e.id for e in g if e is not lead],
                description=_describe(lead, keys.get(lead.id), f.people),
                time=lead.time.isoformat(),
            )
        )
    return s.TimelineDraft(entries=entries)


def _bare(text: str) -> str:
    return re.sub(r"^\(mentioned at [^)]*\)\s*|^\d{1,2}:\d{2}(?::\d{2})?\s*", "", text).strip().lower()


def _same_happening(group: list[Event], e: Event, keys: dict[str, str]) -> bool:
    """A chat message, a notes line and a "(mentioned at ...)" echo of one moment, within 90 seconds."""
    if e.id in keys and any(x.id in keys for x in group):
        return False  # two key moments stay two entries
    for x in group:
        if abs((x.time - e.time).total_seconds()) > 90:
            continue
        a, b = _bare(x.text), _bare(e.text)
        if a == b or (min(len(a), len(b)) >= 20 and (a in b or b in a)):
            return True
        if _alert_named(x, b) or _alert_named(e, a):
            return True
        echo = x.text.startswith("(mentioned at") or e.text.startswith("(mentioned at")
        wa, wb = _tokens(a), _tokens(b)
        shared = len(wa & wb)
        if (
            (x.source != e.source or echo)
            and wa
            and wb
            and (
                (shared >= 3 and shared / min(len(wa), len(wb)) >= 0.33)
                or (shared >= 2 and shared / min(len(wa), len(wb)) >= 0.5)
            )
        ):
            return True
    return False


def _tokens(text: str) -> set[str]:
    """Identifiers and content words (versions and change ids included; clock times and bare numbers not)."""
    toks = set(re.findall(r"[a-z0-9][a-z0-9_.\-/]{2,}", text.lower()))
    return {t.rstrip(".") for t in toks if not re.fullmatch(r"[\d:.,]+z?", t)} & content_words(text) | {
        t for t in toks if re.fullmatch(r"v?\d+\.\d+(?:\.\d+)?|[a-z]+-\d+", t)
    }


def _alert_named(alert: Event, other_text: str) -> bool:
    """A chat or notes line naming an alert that fired in the same minute is that alert's echo."""
    if alert.source.value != "alert":
        return False
    name = str(alert.attrs.get("alert") or "")
    return len(name) >= 6 and name.lower() in other_text


def _informative(e: Event) -> tuple[int, int, int]:
    """Prefer the source's own words over echoes, then chat/notes over logs, then more detail."""
    echo = e.text.startswith("(mentioned at")
    return (
        0 if echo else 1,
        {"chat": 2, "note": 2, "alert": 1}.get(e.source.value, 0),
        min(len(e.text), 200),
    )


def detection(f: Facts) -> s.DetectionDraft:
    """How and when the incident was detected, and the detection gap."""
    kt, det = f.timeline.key_times, _ev(f, "detected")
    if not det:
        return s.DetectionDraft(
            text="The sources do not show when or how the incident was detected.", refs=[]
        )
    text = f"The incident was detected at {_hm(f, kt.detected)} {prose.detection_how(det)}."
    if det.source.value != "alert":
        text += f" First report: {prose.short(det.text, 180)}."
    ttd = _dur(f.timeline.metrics.time_to_detect_s)
    if ttd:
        text += f" That was {ttd} after the impact began."
    refs = [det.id]
    if f.early_alerts:
        names = sorted({str(e.attrs.get("alert") or clean(e.text, 60)) for e in f.early_alerts})[:4]
        text += f" Earlier signals fired before detection without reaching responders: {', '.join(names)}."
        refs += [e.id for e in f.early_alerts[:4]]
    return s.DetectionDraft(text=text, refs=refs)


def response(f: Facts) -> s.ResponseDraft:
    """Mitigation and resolution steps in time order."""
    kt = f.timeline.key_times
    bits = []
    if f.ruled_out:
        bits.append(f"Responders investigated and ruled out {len(f.ruled_out)} hypothesis(es) along the way.")
    if kt.mitigated:
        bits.append(f"Mitigation took effect at {_hm(f, kt.mitigated)}.")
    if kt.resolved:
        bits.append(f"The incident was declared resolved at {_hm(f, kt.resolved)}.")
    mit = [s.CitedText(text=t, refs=[i]) for t, i in f.mitigation]
    res = [s.CitedText(text=t, refs=[i]) for t, i in f.resolution]
    return s.ResponseDraft(
        summary=" ".join(bits) or "The sources do not describe the response.", mitigation=mit, resolution=res
    )


def root_cause(f: Facts) -> s.RootCauseDraft:
    """Root cause from the best causal statements; trigger is the change that set it off, if any."""
    start = _ev(f, "start")
    trig = f.trigger
    if f.causes:
        best = f.causes[:2] if len(f.causes) > 1 and len(f.causes[0][0]) < 160 else f.causes[:1]
        text = " ".join(t for t, _ in best)
        refs = [i for _, i in best]
        if trig is not None and trig.id not in refs:
            text += f" It followed this change: {prose.short(trig.text, 200)}."
            refs.append(trig.id)
        used = set(refs)
        text = f"According to the sources: {text}"
    else:
        text, refs, used = "Not established: no causal statement was found in the sources.", [], set()
    for err in onset_errors(f.timeline):
        # The failing component and its error text, from the log templates that began with the impact.
        text += f' In the logs, from the start of the impact, {err.component} logged "{err.text}".'
        refs.append(err.event_id)
    rc = s.CitedText(text=text, refs=refs)
    if trig is not None:
        trigger = s.CitedText(text=f"Triggering change: {prose.short(trig.text, 200)}.", refs=[trig.id])
    elif start:
        trigger = s.CitedText(text=f"First sign of the fault: {clean(start.text, 200)}", refs=[start.id])
    else:
        trigger = None
    factors = [s.CitedText(text=t, refs=[i]) for t, i in f.causes if i not in used][:5]
    factors += [
        s.CitedText(
            text=f"Alert fired before detection without paging anyone: {clean(e.text, 160)}", refs=[e.id]
        )
        for e in f.early_alerts[:3]
    ]
    ruled = [s.CitedText(text=t, refs=[i]) for t, i in f.ruled_out[:8]]
    return s.RootCauseDraft(root_cause=rc, trigger=trigger, contributing_factors=factors, ruled_out=ruled)


def lessons(f: Facts) -> s.LessonsDraft:
    """What went well, what went wrong and where we got lucky, from roles and metrics."""
    m = f.timeline.metrics
    well, wrong = [], []
    mit = _ev(f, "mitigated")
    if mit and m.time_to_mitigate_s is not None and m.time_to_detect_s is not None:
        gap = _dur(m.time_to_mitigate_s - m.time_to_detect_s)
        well.append(
            s.CitedText(
                text=f"Mitigation took effect {gap} after detection: {clean(mit.text, 140)}", refs=[mit.id]
            )
        )
    well += [s.CitedText(text=t, refs=[i]) for t, i in f.well]
    det = _ev(f, "detected")
    if m.time_to_detect_s and m.time_to_detect_s > 300:
        wrong.append(
            s.CitedText(
                text=f"Detection came {_dur(m.time_to_detect_s)} after the impact began.",
                refs=[det.id] if det else [],
            )
        )
    if det is not None and role_of(f.timeline, det.id) == "report":
        wrong.append(
            s.CitedText(
                text="The incident was reported by people (customers, support, partners or colleagues) "
                "before monitoring reached the responders.",
                refs=[det.id],
            )
        )
    if f.early_alerts:
        wrong.append(
            s.CitedText(
                text="Alerting signals existed before detection but did not reach responders.",
                refs=[f.early_alerts[0].id],
            )
        )
    if len(f.ruled_out) >= 2:
        wrong.append(
            s.CitedText(
                text=f"{len(f.ruled_out)} hypotheses were checked and ruled out before the cause was found.",
                refs=[f.ruled_out[0][1]],
            )
        )
    lucky = [s.CitedText(text=t, refs=[i]) for t, i in f.lucky[:4]]
    return s.LessonsDraft(went_well=well, went_wrong=wrong, lucky=lucky)


def action_items(f: Facts) -> s.ActionItemsDraft:
    """Action items from the follow-up role, owners only as the sources name them."""
    from assistant.draft.actions import action_items as _items

    return _items(f)


_UNSURE = 0.5  # key times chosen below this confidence are put to the responders


def open_questions(f: Facts) -> s.OpenQuestionsDraft:
    """Questions the sources leave open, including uncertain key times."""
    kt = f.timeline.key_times
    qs = [
        f"The sources do not establish when the incident was {k if k != 'start' else 'started'}; when was it?"
        for k in ("start", "detected", "mitigated", "resolved")
        if getattr(kt, k) is None
    ]
    for k, c in f.timeline.key_candidates.items():
        if getattr(kt, k, None) is not None and c.confidence < _UNSURE and c.candidates:
            alts = ", ".join(f"{_hm(f, a.time)} ({a.why})" for a in c.candidates[:2])
            qs.append(f"The {k} time {_hm(f, c.time)} is uncertain ({c.why}); was it {alts} instead?")
    if f.severity_basis and f.severity_basis != "stated":
        qs.append(
            f"Severity {f.severity} was {f.severity_basis}, not stated by responders: is that the right severity?"
        )
    elif f.severity == "unknown":
        qs.append("The sources state no severity and the alerts carry none: what severity was this incident?")
    if not f.causes:
        qs.append("No causal statement was found in the sources: what was the root cause?")
    elif len(f.causes) > 2:
        qs.append(
            f"The sources contain {len(f.causes)} causal statements; which one is the root cause and which are contributing factors?"
        )
    if not f.figures:
        qs.append("No impact figures were found: how many users, requests or orders were affected?")
    items = action_items(f).items
    if any(i.owner is None for i in items):
        qs.append(
            f"{sum(i.owner is None for i in items)} action item(s) have no owner in the sources: who owns them?"
        )
    if not f.lucky:
        qs.append("Where did we get lucky? The sources do not say; discuss in the review.")
    return s.OpenQuestionsDraft(questions=qs)


def supporting_information(f: Facts) -> s.SupportingInfoDraft:
    """Sources, coverage and condensed log templates behind the draft."""
    tl = f.timeline
    items = (
        [s.CitedText(text=f"Sources: {', '.join(tl.sources)} ({len(tl.events)} timeline events).", refs=[])]
        if tl.sources
        else []
    )
    items += [s.CitedText(text=n, refs=[]) for n in tl.findings[:8]]
    for name, info in list(tl.clock.items())[:8]:
        skew = f", clock skew {info.skew_s:+.0f}s corrected" if info.skew_s else ""
        items.append(
            s.CitedText(
                text=f"Clock of {name}: UTC offset {info.offset} ({info.how}){skew}.", refs=info.evidence[:3]
            )
        )
    links = [
        e
        for e in f.usable.values()
        if re.search(r"https?://\S+|\b(?:dashboard|runbook|CHG-\d+|PR #\d+|#\d{3,})", e.text)
    ]
    items += [s.CitedText(text=clean(e.text, 200), refs=[e.id]) for e in links[:6]]
    return s.SupportingInfoDraft(items=items)


WRITERS: dict[str, Callable[[Facts], BaseModel]] = {
    "metadata": metadata,
    "summary": summary,
    "impact": impact,
    "timeline": timeline,
    "detection": detection,
    "response": response,
    "root_cause": root_cause,
    "lessons": lessons,
    "action_items": action_items,
    "open_questions": open_questions,
    "supporting_information": supporting_information,
}
