"""Roles for every event: the learned sentence classifier combined with structure.

Decision per event (first that applies):
1. Alerts: their state says it. firing/triggered -> ``alert_firing``, resolved/ok/closed ->
   ``alert_resolved``; ``paging`` from severity, receiver or pager system (a warning pages nobody).
2. Logs: a template at error/warn level or with failure words is a ``symptom``; other templates are
   classified like sentences (one embedding per distinct template, never per raw line).
3. Chat and notes: the classifier (MiniLM + cues). A bot's message that the classifier reads as an
   alert is a page echo when it names a pager or says firing (``paging`` set).
4. Afterwards, across events: a recovery or resolution that a later relapse undoes is a
   ``false_recovery`` (its original role is kept as the runner-up).
"""

from __future__ import annotations

import re
from typing import Any

from assistant.domain import Event, EventRole, SourceKind, is_bot
from assistant.roles import SURE, classifier, language
from assistant.timeline.keytimes import is_page_echo, is_paging_alert, is_symptom
from assistant.vocabulary import ALERT_DONE_STATES, ALERT_UPDATE_STATES

_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|`[^`]*`|^>.*$", re.M)
_TEXT_LIMIT = 300
_DIGITS = re.compile(r"\d+")
_KEY_VALUE = re.compile(r"\b[\w.]+=\S")
_MACHINE = re.compile(
    r"^\s*[\[{\"]\s*[\"{\w]|^\W{0,2}\d{4}-\d\d-\d\d[T ]\d\d:\d\d|^\W{0,2}(?:INFO|WARN\w*|ERROR|DEBUG)\b"
)
_FIRING_STATES = ("firing", "triggered", "alerting", "problem", "alarm", "active", "open")


def _alert_role(e: Event) -> EventRole:
    status = str(e.attrs.get("status") or "").lower()
    sev = str(e.attrs.get("severity") or "")
    evidence = [f"alert status={status or '?'}"] + ([f"severity={sev}"] if sev else [])
    if status in ALERT_DONE_STATES:
        return EventRole(
            role="alert_resolved",
            confidence=0.95,
            evidence=evidence,
            paging=is_paging_alert(e, any_state=True),
        )
    if status in ALERT_UPDATE_STATES:  # someone acknowledged or annotated an alert already firing
        return EventRole(role="chatter", confidence=0.6, evidence=evidence, runner_up="alert_firing")
    paging = is_paging_alert(e)
    return EventRole(
        role="alert_firing",
        confidence=0.95 if status in _FIRING_STATES else 0.7,
        evidence=[*evidence, "pages" if paging else "does not page"],
        paging=paging,
    )


# Ticket priorities that ask for action now (Jira, ServiceNow, Zendesk, Freshdesk, Linear wording).
_URGENT = re.compile(
    r"^(?:highest|high|urgent|critical|blocker|p[0-2]|sev[0-2]|[12]\b|1 - critical|2 - high)", re.I
)


def _priority(e: Event) -> tuple[str, bool]:
    """The ticket's priority as written, and whether it asks for action now."""
    prio = str(e.attrs.get("priority") or "")
    return prio, bool(_URGENT.match(prio.strip()))


def _ticket_role(e: Event) -> EventRole:
    """A ticket row is a person reporting trouble in writing: an urgent one is a report someone has to act
    on; a routine one is kept as a report the key-time procedure does not rely on."""
    prio, urgent = _priority(e)
    return EventRole(
        role="report",
        confidence=0.8 if urgent else 0.4,
        evidence=["a ticket opened" + (f", priority {prio}" if prio else "")],
        runner_up="chatter",
    )


def _ticket_resolved_role(e: Event) -> EventRole:
    """The tracker's resolved time of a ticket: for an urgent (incident) ticket, the resolution as the
    team recorded it; a routine ticket's closing says nothing about the incident."""
    prio, urgent = _priority(e)
    return EventRole(
        role="resolution" if urgent else "chatter",
        confidence=0.6 if urgent else 0.3,
        evidence=["the ticket's resolved time" + (f", priority {prio}" if prio else "")],
        runner_up="chatter" if urgent else "resolution",
    )


def machine_line(e: Event) -> bool:
    """Log output pasted into notes or chat (key=value pairs, a leading timestamp): read as a log template."""
    head = e.text[:200]
    return e.source == SourceKind.log or bool(_MACHINE.search(head)) or len(_KEY_VALUE.findall(head)) >= 2


def _text(e: Event) -> str:
    """What the classifier reads: quotes removed from people's lines; machine lines as templates
    (digits folded), so a 2,000-line paste costs one embedding per distinct shape."""
    if machine_line(e) or is_bot(e):
        text = str(e.attrs.get("template") or e.text) if e.source == SourceKind.log else e.text
        return _DIGITS.sub("0", text).strip()[:_TEXT_LIMIT]
    return _QUOTED.sub("", e.text).strip()[:_TEXT_LIMIT] or e.text[:_TEXT_LIMIT]


def assign_roles(events: list[Event]) -> dict[str, EventRole]:
    """Event id -> role for every event (see the module docstring for the procedure)."""
    out: dict[str, EventRole] = {}
    to_classify: list[Event] = []
    for e in events:
        if e.source == SourceKind.alert and not e.attrs.get("comment_on"):
            out[e.id] = _alert_role(e)  # (a note someone wrote on an alert is their words: classified below)
        elif machine_line(e) and is_symptom(e.attrs.get("level"), e.text):
            out[e.id] = EventRole(
                role="symptom",
                confidence=0.85,
                evidence=[f"log level={e.attrs.get('level') or '?'} or failure words"],
            )
        elif "ticket" in e.attrs and e.source == SourceKind.note:
            out[e.id] = _ticket_role(e)
        elif "ticket_resolved" in e.attrs and e.source == SourceKind.note:
            out[e.id] = _ticket_resolved_role(e)
        elif machine_line(e) and e.source != SourceKind.log:
            # Log output pasted into chat or notes: its errors count as symptoms above; the rest is
            # state, not worth one embedding per line (a 2,000-line paste would cost seconds).
            out[e.id] = EventRole(
                role="chatter", confidence=0.3, evidence=["machine output without failure words"]
            )
        else:
            to_classify.append(e)
    texts = [_text(e) for e in to_classify]
    unique = list(dict.fromkeys(texts))
    scored = classifier.message_probabilities(unique)
    if scored is None:
        for e in to_classify:
            out[e.id] = EventRole(role="chatter", confidence=0.0, evidence=["role classifier not available"])
        return out
    roles, probs = scored
    row = {t: i for i, t in enumerate(unique)}
    for e, t in zip(to_classify, texts, strict=True):
        out[e.id] = _classified(e, t, roles, probs[row[t]])
    mark_false_recoveries(events, out)
    return out


def _classified(e: Event, text: str, roles: tuple[str, ...], p: Any) -> EventRole:
    """The role the classifier gives ``text`` (what it read of ``e``), adjusted for machines and bots."""
    order = sorted(range(len(roles)), key=lambda i: -float(p[i]))
    best, second = roles[order[0]], roles[order[1]]
    conf, second_conf = float(p[order[0]]), float(p[order[1]])
    evidence = [f"classifier {best} {conf:.2f}, then {second} {float(p[order[1]]):.2f}"]
    if not classifier.readable(text):
        evidence.append(
            f"written in '{language.guess(text)}', a language the classifier was not trained on: "
            "its confidence is lowered"
        )
    if machine_line(e):
        evidence.append("machine output, read as a template")
        if best in (
            "alert_firing",
            "report",
            "relapse",
            "hypothesis",
            "ruled_out",
            "action_item",
            "resolution",
            "false_recovery",
            "impact",
        ):
            # Machine output states what happened; it does not report, guess, plan or declare.
            second, best, conf, second_conf = best, "chatter", min(conf, 0.5), conf
    paging: bool | None = None
    if is_bot(e):
        evidence.append("posted by a bot")
        if best in ("alert_firing", "symptom") and is_page_echo(e):
            best, paging, conf = "alert_firing", True, max(conf, 0.7)
        elif best in ("report", "hypothesis", "ruled_out", "finding", "action_item"):
            # A bot reports state; it does not report, guess or plan.
            second, best, conf, second_conf = best, "chatter", min(conf, 0.5), conf
    elif best in ("alert_firing", "alert_resolved"):
        # A person quoting an alert says the same as a symptom or a recovery.
        best = "symptom" if best == "alert_firing" else "recovery"
    return EventRole(
        role=best,
        confidence=round(conf, 3),
        evidence=evidence,
        runner_up=second,
        runner_up_confidence=round(second_conf, 3) if second != best else None,
        paging=paging,
    )


def mark_false_recoveries(events: list[Event], roles: dict[str, EventRole]) -> None:
    """A resolution or recovery by people that a later sure relapse undoes becomes ``false_recovery``."""
    relapses = [e.time for e in events if _is(roles, e, "relapse") and not is_bot(e) and not machine_line(e)]
    if not relapses:
        return
    last = max(relapses)
    for e in events:
        r = roles.get(e.id)
        if r is None or r.role != "resolution" or is_bot(e) or machine_line(e) or r.confidence < SURE:
            continue
        if e.time < last:
            roles[e.id] = r.model_copy(
                update={
                    "role": "false_recovery",
                    "runner_up": r.role,
                    "evidence": [*r.evidence, "a relapse follows it"],
                }
            )


def _is(roles: dict[str, EventRole], e: Event, role: str, sure: float = SURE) -> bool:
    r = roles.get(e.id)
    return r is not None and r.role == role and r.confidence >= sure
