"""The template picker: our own sections, a built-in template, or the team's own Markdown file.

The picker's value is a spec ``postmortem draft --template`` would take: '' (ours), a built-in name,
or the path of an uploaded template. Beside it, a preview shows each heading and what it will hold.
"""

from __future__ import annotations

from typing import Any

from assistant.draft.schema import TemplateRef
from assistant.errors import PostmortemError

OURS = ""
_OURS_LABEL = "Our own sections"


def choices() -> list[tuple[str, str]]:
    """(label, value) pairs: ours first, then the built-in templates."""
    from assistant.team_templates import builtin_names

    return [(_OURS_LABEL, OURS), *((name, name) for name in builtin_names())]


def resolve(spec: str | None) -> TemplateRef | None:
    """The template a picker value names (None: our own sections); ``InputError`` when it cannot be read."""
    spec = (spec or "").strip()
    if not spec:
        return None
    from assistant.team_templates import load_template

    return load_template(spec)


def preview(spec: str | None) -> str:
    """Markdown: each heading of the picked template and the part of the draft it will show."""
    try:
        t = resolve(spec)
    except PostmortemError as exc:
        return f"⚠️ {exc}"
    if t is None:
        return "_The draft uses our own sections and order._"
    rows = ["| heading | will hold |", "|---|---|"]
    from assistant.team_templates import holds

    for h in t.headings:
        rows.append(f"| {'&nbsp;' * 2 * (h.level - 2)}{h.heading} | {holds(h)} |")
    return f"**{t.name}** · `{t.sha256[:12]}`\n\n" + "\n".join(rows)


def add_picker(gr: Any) -> Any:
    """The picker (a dropdown, an upload and the preview); returns the dropdown, whose value is the spec."""
    with gr.Accordion("Template", open=False, elem_id="template-box"):
        with gr.Row():
            pick = gr.Dropdown(choices(), value=OURS, label="Template", allow_custom_value=True,
                               elem_id="template", scale=2)  # fmt: skip
            upload = gr.File(label="Or your team's template (.md)", file_types=[".md", ".markdown", ".txt"],
                             type="filepath", elem_id="template-file", height=90, scale=1)  # fmt: skip
        shown = gr.Markdown(preview(OURS), elem_id="template-preview")
    pick.change(preview, [pick], [shown], api_name="template_preview", show_progress="hidden")
    upload.upload(lambda path: path or OURS, [upload], [pick], api_name=False)
    return pick
