"""Render a ``Postmortem`` as Markdown (our section order, or a team template's) or as its public JSON."""

from __future__ import annotations

from typing import Any

from assistant.draft.fallback import footer_note
from assistant.draft.render_parts import PART_BODIES, free_body
from assistant.draft.schema import SECTION_ORDER, SECTION_TITLES, Postmortem, TemplateRef


def to_json(pm: Postmortem) -> dict[str, Any]:
    """The public JSON shape (ISO-8601 times with offsets)."""
    return pm.model_dump(mode="json")


# Our own layout: (heading, part) in document order; the metadata is the header, not a section.
DEFAULT_LAYOUT: tuple[tuple[str, str], ...] = tuple(
    (SECTION_TITLES[part], part) for part in SECTION_ORDER if part != "metadata"
)


def _header(pm: Postmortem) -> list[str]:
    return [
        f"# {pm.title}",
        "",
        f"- **Severity:** {pm.severity}",
        f"- **Status:** {pm.status}",
        f"- **Date:** {pm.date or 'unknown'}",
        f"- **Duration:** {pm.duration or 'unknown'}",
        f"- **Services:** {', '.join(pm.services) or 'unknown'}",
        f"- **Authors:** {', '.join(pm.authors) or 'to be filled in'}",
        "",
    ]


def _footer(pm: Postmortem) -> list[str]:
    p = pm.provenance
    note = footer_note(pm)
    lead = (
        note[0].upper() + note[1:] if note else f"Drafted by {p.provider}{f' ({p.model})' if p.model else ''}"
    )
    template = f"; template {pm.template.label}" if pm.template else ""
    return [
        "---",
        f"_{lead}; prompts "
        f"{', '.join(sorted(p.prompt_versions.values()))}; {p.repairs} grounding repair(s); "
        f"{len(pm.tone_findings)} tone rewrite(s){template}._",
        "",
    ]


def to_markdown(pm: Postmortem) -> str:
    """Markdown for people: our sections in our order, or the team template's headings in its order."""
    if pm.template is not None:
        return _with_template(pm, pm.template)
    out = _header(pm)
    for heading, part in DEFAULT_LAYOUT:
        out += [f"## {heading}", "", *PART_BODIES[part](pm, frozenset()), ""]
    return "\n".join(out + _footer(pm))


def _with_template(pm: Postmortem, template: TemplateRef) -> str:
    """The template's headings, levels and order; under each, the part it shows or its free section."""
    shown = frozenset(h.part for h in template.headings if h.part)
    free = {f.position: f for f in pm.free_sections}
    out = _header(pm)
    for n, h in enumerate(template.headings):
        if h.part:
            body = PART_BODIES[h.part](pm, shown)
        elif n in free:
            body = free_body(free[n])
        else:
            body = []  # a heading that only groups the ones below it
        if h.container and all(not line.strip() for line in body):
            body = []
        out += [f"{'#' * h.level} {h.heading}", "", *body, *([""] if body else [])]
    return "\n".join(out + _footer(pm))
