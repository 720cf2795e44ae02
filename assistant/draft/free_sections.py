"""A team template's sections in drafting: which sections to draft, guidance, and free sections.

Sections of ours a template shows are drafted as usual, with the guidance under their headings
added to their prompts (``prompts/_guidance.j2``). A *free* section (a heading none of ours covers)
gets its own request (``prompts/free_section.j2``) whose instruction is its guidance. The offline
drafter answers it with the source events whose role fits the heading (``team_templates.roles``),
and says plainly when nothing fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assistant.draft.schema import SECTION_ORDER, CitedText, FreeSectionDraft, TemplateHeading, TemplateRef
from assistant.llm.base import Message, StructuredRequest

FREE_PREFIX = "free:"
TO_BE_WRITTEN = "No source material for this section; to be written."
MAX_ITEMS = 8  # source events listed in an offline free section


def free_key(position: int) -> str:
    """The drafting name of the free section at ``position`` in the template's headings."""
    return f"{FREE_PREFIX}{position}"


def free_position(name: str) -> int | None:
    """The heading position of a free section's drafting name, or None for one of our sections."""
    return int(name[len(FREE_PREFIX) :]) if name.startswith(FREE_PREFIX) else None


def free_headings(template: TemplateRef) -> list[tuple[int, TemplateHeading]]:
    """Free headings to draft: a heading that only groups deeper ones and has no guidance is not one."""
    return [
        (n, h) for n, h in enumerate(template.headings) if h.part is None and (h.guidance or not h.container)
    ]


def planned_sections(template: TemplateRef | None) -> list[str]:
    """The drafting sections a template needs, in our order, then its free sections (all without one)."""
    if template is None:
        return list(SECTION_ORDER)
    from assistant.team_templates import sections_for

    needed = sections_for({h.part for h in template.headings if h.part}) | {"metadata"}
    return [s for s in SECTION_ORDER if s in needed] + [free_key(n) for n, _ in free_headings(template)]


def guidance_notes(template: TemplateRef | None, section: str) -> list[tuple[str, str]]:
    """(heading, guidance) of every heading this drafting section fills that carries guidance."""
    if template is None:
        return []
    from assistant.team_templates import PART_BY_KEY

    return [
        (h.heading, h.guidance)
        for h in template.headings
        if h.part and h.guidance and PART_BY_KEY[h.part].section == section
    ]


def free_request(name: str, ctx: Any, template: TemplateRef, max_entries: int) -> StructuredRequest[Any]:
    """The request for one free section: system rules, then the shared context and its guidance."""
    from assistant.draft.prompts import get_registry

    position = free_position(name)
    assert position is not None
    heading = template.headings[position]
    reg = get_registry()
    user = reg.render(
        "free_section",
        **ctx.prompt_vars(),
        max_entries=max_entries,
        heading=heading.heading,
        guidance=heading.guidance,
    )
    return StructuredRequest(
        messages=[Message("system", reg.render("system")), Message("user", user)],
        schema=FreeSectionDraft,
        purpose="draft.free_section",
    )


def write_offline(facts: Any, heading: TemplateHeading) -> FreeSectionDraft:
    """The offline answer: source events whose role fits the heading, or a plain 'to be written'."""
    from assistant.draft.analysis import clean
    from assistant.draft.causes import fact_part
    from assistant.errors import LibraryError
    from assistant.roles import role_of
    from assistant.team_templates.roles import roles_for
    from assistant.tone.guard import is_blameful

    try:
        roles = [r for r, _ in roles_for(heading.heading, heading.guidance)]
    except LibraryError:  # no embedding model installed: nothing can be matched by meaning
        roles = []
    tl = facts.timeline
    items: list[CitedText] = []
    for e in tl.events:
        if len(items) >= MAX_ITEMS or role_of(tl, e.id) not in roles:
            continue
        text = clean(e.text, 220)
        if e.source.value in ("chat", "note") and is_blameful(e.text):
            text = fact_part(text)
        if text:
            items.append(CitedText(text=text, refs=[e.id]))
    if not items:
        return FreeSectionDraft(text=TO_BE_WRITTEN)
    read_as = ", ".join(r.replace("_", " ") for r in roles)
    return FreeSectionDraft(
        text=f"What the sources hold for this section (events read as {read_as}):", items=items
    )


def versions_for(sections: Sequence[str], template: TemplateRef | None) -> dict[str, str]:
    """Prompt versions a template adds to a draft: the free-section prompt and the guidance partial."""
    from assistant.draft.prompts import get_registry

    reg = get_registry()
    out: dict[str, str] = {}
    if any(free_position(s) is not None for s in sections):
        out["free_section"] = reg.version("free_section")
    if template is not None and any(guidance_notes(template, s) for s in sections):
        out["_guidance"] = reg.version("_guidance")
    return out
