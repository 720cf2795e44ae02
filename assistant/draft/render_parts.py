"""The Markdown body of each part of a postmortem, shared by our own layout and a team's template.

A part's body is the lines under its heading (without the heading). A part made of pieces (impact
with its key times, root cause with its trigger, lessons with what went well ...) leaves out the
pieces a template shows under headings of their own (``shown``), so nothing is printed twice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from assistant.draft.schema import PART_TITLES, FreeSection, Postmortem, Statement

Body = Callable[[Postmortem, frozenset[str]], list[str]]
NOT_DRAFTED = "_Not drafted._"


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def refs(st: Statement) -> str:
    """The statement's source references as an italic suffix ('' when it has none)."""
    return f" _({', '.join(st.refs)})_" if st.refs else ""


def items(statements: list[Statement], empty: str) -> list[str]:
    """One bullet per statement with its references; ``empty`` in italics when there are none."""
    return [f"- {st.text}{refs(st)}" for st in statements] or [f"_{empty}_"]


def dur(seconds: float | None) -> str:
    """A duration for people: '42 min' or '1h37m'."""
    if seconds is None:
        return "unknown"
    m = round(seconds / 60)
    return f"{m // 60}h{m % 60:02d}m" if m >= 60 else f"{m} min"


def utc(t: datetime) -> str:
    """A time for people: UTC, to the second (JSON keeps the ISO form with its offset)."""
    return t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%SZ")


def _summary(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    return [pm.summary or NOT_DRAFTED]


def _key_times(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    out = ["| moment | time (UTC) |", "|---|---|"]
    for name, value in pm.key_times.model_dump().items():
        out.append(f"| {name} | {utc(value) if value else 'unknown'} |")
    m = pm.metrics
    return [*out, "", f"Time to detect: {dur(m.time_to_detect_s)} · to mitigate: {dur(m.time_to_mitigate_s)} · "
            f"to resolve: {dur(m.time_to_resolve_s)}"]  # fmt: skip


def _impact(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    out = [
        pm.impact.summary or NOT_DRAFTED,
        "",
        *items(pm.impact.figures, "No impact figures in the sources."),
    ]
    if "key_times" not in shown:
        out += ["", f"### {PART_TITLES['key_times']}", "", *_key_times(pm, shown)]
    return out


def _timeline(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    out = ["| time (UTC) | event | source |", "|---|---|---|"]
    for e in pm.timeline:
        key = f"**{e.key}** " if e.key else ""
        out.append(f"| {utc(e.time)} | {key}{cell(e.description)} | {cell(', '.join(e.refs))} |")
    return out if pm.timeline else [*out, "| | _no timeline entries_ | |"]


def _detection(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    return [(pm.detection.text or NOT_DRAFTED) + refs(pm.detection)]


def _mitigation(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    return items(pm.response.mitigation, "none recorded")


def _resolution(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    return items(pm.response.resolution, "none recorded")


def _response(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    out = [pm.response.summary or NOT_DRAFTED]
    if "mitigation" not in shown:
        out += ["", f"**{PART_TITLES['mitigation']}**", "", *_mitigation(pm, shown)]
    if "resolution" not in shown:
        out += ["", f"**{PART_TITLES['resolution']}**", "", *_resolution(pm, shown)]
    return out


def _trigger(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    return [f"{pm.trigger.text}{refs(pm.trigger)}" if pm.trigger else "_Not established._"]


def _contributing(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    return items(pm.contributing_factors, "none identified")


def _ruled_out(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    return items(pm.ruled_out, "none recorded")


def _root_cause(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    out = [(pm.root_cause.text or "_Not established._") + refs(pm.root_cause), ""]
    if pm.trigger and "trigger" not in shown:
        out += [f"**{PART_TITLES['trigger']}:** {pm.trigger.text}{refs(pm.trigger)}", ""]
    if "contributing_factors" not in shown:
        out += [f"**{PART_TITLES['contributing_factors']}**", "", *_contributing(pm, shown), ""]
    if pm.ruled_out and "ruled_out" not in shown:
        out += [f"**{PART_TITLES['ruled_out']}**", "", *items(pm.ruled_out, ""), ""]
    return out[:-1]


def _went_well(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    return items(pm.lessons.went_well, "nothing recorded")


def _went_wrong(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    return items(pm.lessons.went_wrong, "nothing recorded")


def _lucky(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    return items(pm.lessons.lucky, "nothing recorded")


def _lessons(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    out: list[str] = []
    for key, body in (("went_well", _went_well), ("went_wrong", _went_wrong), ("lucky", _lucky)):
        if key not in shown:
            out += ["", f"**{PART_TITLES[key]}**", "", *body(pm, shown)]
    return out[1:]


def _actions(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    out = ["| action | owner | due | priority | kind | source |", "|---|---|---|---|---|---|"]
    for a in pm.action_items:
        out.append(f"| {cell(a.description)} | {a.owner or '?'} | {a.due or '-'} | {a.priority} | {a.kind} | "
                   f"{cell(', '.join(a.refs))} |")  # fmt: skip
    return out


def _questions(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    return [f"- {q}" for q in pm.open_questions] or ["_none_"]


def _similar(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    out: list[str] = []
    for s in pm.similar_incidents:
        why = f" — {s.why}" if s.why else ""
        out.append(f"- {s.title or s.id} ({s.id}){why}")
        out += [f"  - seen before: {x}" for x in s.seen_before]
    return out or ["_none found in the library_"]


def _supporting(pm: Postmortem, shown: frozenset[str]) -> list[str]:
    out = items(pm.supporting_information, "none")
    if pm.similar_incidents and "similar_incidents" not in shown:
        out += ["", f"### {PART_TITLES['similar_incidents']}", "", *_similar(pm, shown)]
    return out


PART_BODIES: dict[str, Body] = {
    "summary": _summary,
    "impact": _impact,
    "key_times": _key_times,
    "timeline": _timeline,
    "detection": _detection,
    "response": _response,
    "mitigation": _mitigation,
    "resolution": _resolution,
    "root_cause": _root_cause,
    "trigger": _trigger,
    "contributing_factors": _contributing,
    "ruled_out": _ruled_out,
    "lessons": _lessons,
    "went_well": _went_well,
    "went_wrong": _went_wrong,
    "lucky": _lucky,
    "action_items": _actions,
    "open_questions": _questions,
    "supporting_information": _supporting,
    "similar_incidents": _similar,
}


def free_body(section: FreeSection) -> list[str]:
    """A free section: its text, then its cited statements; 'to be written' in italics when empty."""
    if section.to_be_written:
        return [f"_{section.text}_"]
    out = [section.text] if section.text else []
    if section.items:
        out += ([""] if out else []) + items(section.items, "")
    return out
