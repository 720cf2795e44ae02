"""Editing the free sections of a team template (the headings none of our sections covers).

Up to ``SLOTS`` textboxes under the editor, shown only for a draft made to a template with free
sections, each labelled with its heading. A box holds the section's prose, then its cited
statements as ``- text [file:line]`` bullets (as the editor's other statement fields do). Saves go
through the same version check as every field (``base:free:<n>``); a refused save shows both texts.
"""

from __future__ import annotations

from typing import Any

from assistant.draft.schema import FreeSection
from assistant.draft.working import WorkingDraft
from assistant.errors import StaleSaveError
from assistant.review import history
from assistant.ui import drafts
from assistant.ui.conflicts import conflict_view, saved_view
from assistant.ui.sections import statements
from assistant.ui.views import View

SLOTS = 8  # free sections shown for editing; a template with more keeps the rest in the export only


def names() -> list[str]:
    """View names: each slot's text and its base version, and the box around them."""
    return [f"free:{n}" for n in range(SLOTS)] + [f"base:free:{n}" for n in range(SLOTS)] + ["free_box"]


def section_text(section: FreeSection) -> str:
    """A free section as the editor shows it: its prose, then its statements as bullets."""
    items = "\n".join(f"- {i.text}" + (f" [{', '.join(i.refs)}]" if i.refs else "") for i in section.items)
    return "\n\n".join(x for x in (section.text, items) if x)


def apply_text(section: FreeSection, edited: str) -> FreeSection:
    """Edited text into a free section: lines before the first bullet are prose, bullets statements."""
    lines = edited.splitlines()
    first = next((i for i, ln in enumerate(lines) if ln.strip()[:2] in ("- ", "* ")), len(lines))
    text = "\n".join(lines[:first]).strip()
    items = statements("\n".join(lines[first:]), section.items)
    return FreeSection.model_validate(
        {**section.model_dump(), "text": text, "items": items, "to_be_written": not (text or items)}
    )


def view(draft: WorkingDraft, version: int | None) -> View:
    """The slots for a draft: heading as label, text, base version; the box hidden without free sections."""
    sections = draft.postmortem.free_sections[:SLOTS]
    out: View = {"free_box": bool(sections)}
    for n in range(SLOTS):
        s = sections[n] if n < len(sections) else None
        out[f"free:{n}"] = (s.heading, section_text(s)) if s else None
        out[f"base:free:{n}"] = str(version) if s and version else ""
    return out


def save(ctx: Any, draft_id: str | None, slot: int, text: str, base: Any, user: str | None) -> View:
    """Save one free section from the version it was loaded at; a stale save returns the conflict."""
    loaded = drafts.load(ctx.store, draft_id)
    sections = loaded[1].postmortem.free_sections if loaded else []
    if loaded is None or slot >= len(sections):
        return {"saved": "⚠️ Not saved: this draft has no such template section"}
    rec = loaded[0]
    heading = sections[slot].heading or f"Section {slot + 1}"

    def read(d: WorkingDraft) -> str:
        free = d.postmortem.free_sections
        return section_text(free[slot]) if slot < len(free) else ""

    def apply(d: WorkingDraft) -> WorkingDraft:
        free = list(d.postmortem.free_sections)
        free[slot] = apply_text(free[slot], text or "")
        return d.revise(free_sections=free)

    try:
        base_version = int(str(base).strip()) if str(base or "").strip() else rec.version
        version = history.save_checked(ctx.store, rec.id, f"free:{slot}", heading, read, apply, text or "",
                                       base_version=base_version, user=user)  # fmt: skip
    except StaleSaveError as exc:
        return conflict_view(rec.id, exc, heading, {"free": slot, "heading": heading, "mine": exc.mine,
                                                    "theirs": exc.theirs, "current": exc.current})  # fmt: skip
    return saved_view(rec.id, f"base:free:{slot}", version)


def convert(gr: Any, name: str, value: Any) -> list[Any]:
    """Gradio updates for a slot (label, text, shown) or the box (shown)."""
    if name == "free_box":
        return [gr.update(visible=bool(value))]
    if value is None:
        return [gr.update(value="", visible=False)]
    label, text = value
    return [gr.update(label=label, value=text, visible=True)]


def add_components(gr: Any, outs: Any) -> list[Any]:
    """The slots and their hidden base versions; returns the slot textboxes."""
    boxes = []
    with gr.Group(visible=False, elem_id="free-box") as group:
        gr.Markdown("### Sections from your template")
        for n in range(SLOTS):
            tb = gr.Textbox(
                "", label=f"Section {n + 1}", lines=3, max_lines=30, visible=False, elem_id=f"free-{n}"
            )
            outs.add(f"free:{n}", tb)
            outs.add(f"base:free:{n}", gr.Textbox("", visible=False, elem_id=f"base-free-{n}"))
            boxes.append(tb)
    outs.add("free_box", group)
    return boxes
