"""Render a ``Postmortem`` as Markdown (sections in document order) or as its public JSON."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from assistant.draft.fallback import footer_note
from assistant.draft.schema import Postmortem, Statement


def to_json(pm: Postmortem) -> dict[str, Any]:
    """The public JSON shape (ISO-8601 times with offsets)."""
    return pm.model_dump(mode="json")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _refs(st: Statement) -> str:
    return f" _({', '.join(st.refs)})_" if st.refs else ""


def _items(items: list[Statement], empty: str) -> list[str]:
    return [f"- {st.text}{_refs(st)}" for st in items] or [f"_{empty}_"]


def _dur(seconds: float | None) -> str:
    if seconds is None:
        return "unknown"
    m = round(seconds / 60)
    return f"{m // 60}h{m % 60:02d}m" if m >= 60 else f"{m} min"


def to_markdown(pm: Postmortem) -> str:
    """Markdown for people: metadata, summary, impact, timeline table with sources, ... open questions."""
    out: list[str] = [f"# {pm.title}", ""]
    out += [
        f"- **Severity:** {pm.severity}",
        f"- **Status:** {pm.status}",
        f"- **Date:** {pm.date or 'unknown'}",
        f"- **Duration:** {pm.duration or 'unknown'}",
        f"- **Services:** {', '.join(pm.services) or 'unknown'}",
        f"- **Authors:** {', '.join(pm.authors) or 'to be filled in'}",
        "",
        "## Summary",
        "",
        pm.summary or "_Not drafted._",
        "",
        "## Impact",
        "",
        pm.impact.summary or "_Not drafted._",
        "",
        *_items(pm.impact.figures, "No impact figures in the sources."),
        "",
        "### Key times",
        "",
        "| moment | time (UTC) |",
        "|---|---|",
    ]
    for name, value in pm.key_times.model_dump().items():
        out.append(f"| {name} | {_utc(value) if value else 'unknown'} |")
    m = pm.metrics
    out += [
        "",
        f"Time to detect: {_dur(m.time_to_detect_s)} · to mitigate: {_dur(m.time_to_mitigate_s)} · "
        f"to resolve: {_dur(m.time_to_resolve_s)}",
        "",
        "## Timeline",
        "",
        "| time (UTC) | event | source |",
        "|---|---|---|",
    ]
    for e in pm.timeline:
        key = f"**{e.key}** " if e.key else ""
        out.append(f"| {_utc(e.time)} | {key}{_cell(e.description)} | {_cell(', '.join(e.refs))} |")
    if not pm.timeline:
        out.append("| | _no timeline entries_ | |")
    out += ["", "## Detection", "", (pm.detection.text or "_Not drafted._") + _refs(pm.detection), ""]
    out += ["## Response and recovery", "", pm.response.summary or "_Not drafted._", "", "**Mitigation**", ""]
    out += _items(pm.response.mitigation, "none recorded")
    out += ["", "**Resolution**", "", *_items(pm.response.resolution, "none recorded"), ""]
    out += ["## Root cause", "", (pm.root_cause.text or "_Not established._") + _refs(pm.root_cause), ""]
    if pm.trigger:
        out += [f"**Trigger:** {pm.trigger.text}{_refs(pm.trigger)}", ""]
    out += ["**Contributing factors**", "", *_items(pm.contributing_factors, "none identified"), ""]
    if pm.ruled_out:
        out += ["**Hypotheses ruled out**", "", *_items(pm.ruled_out, ""), ""]
    out += [
        "## Lessons learned",
        "",
        "**What went well**",
        "",
        *_items(pm.lessons.went_well, "nothing recorded"),
    ]
    out += ["", "**What went wrong**", "", *_items(pm.lessons.went_wrong, "nothing recorded")]
    out += ["", "**Where we got lucky**", "", *_items(pm.lessons.lucky, "nothing recorded"), ""]
    out += [
        "## Action items",
        "",
        "| action | owner | due | priority | kind | source |",
        "|---|---|---|---|---|---|",
    ]
    for a in pm.action_items:
        out.append(
            f"| {_cell(a.description)} | {a.owner or '?'} | {a.due or '-'} | {a.priority} | {a.kind} | {_cell(', '.join(a.refs))} |"
        )
    out += ["", "## Open questions", "", *([f"- {q}" for q in pm.open_questions] or ["_none_"]), ""]
    out += ["## Supporting information", "", *_items(pm.supporting_information, "none"), ""]
    if pm.similar_incidents:
        out += ["### Similar past incidents", ""]
        for s in pm.similar_incidents:
            why = f" — {s.why}" if s.why else ""
            out.append(f"- {s.title or s.id} ({s.id}){why}")
            out += [f"  - seen before: {x}" for x in s.seen_before]
        out.append("")
    p = pm.provenance
    note = footer_note(pm)
    lead = (
        note[0].upper() + note[1:] if note else f"Drafted by {p.provider}{f' ({p.model})' if p.model else ''}"
    )
    out += [
        "---",
        f"_{lead}; prompts "
        f"{', '.join(sorted(p.prompt_versions.values()))}; {p.repairs} grounding repair(s); "
        f"{len(pm.tone_findings)} tone rewrite(s)._",
        "",
    ]
    return "\n".join(out)


def _utc(t: datetime) -> str:
    """A time for people: UTC, to the second (JSON keeps the ISO form with its offset)."""
    return t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%SZ")
