"""Exports of a ``WorkingDraft``: Markdown, JSON, and a Jira CSV of its action items.

Markdown and JSON go through ``assistant.draft.render`` once the draft is drafted and every edit in it
validates; a draft still being made, or holding edits kept as typed, exports through a plain renderer
here that shows what the draft holds, those edits included.
"""

from __future__ import annotations

import json

from assistant.draft import render
from assistant.draft.schema import PART_TITLES, SECTION_TITLES
from assistant.draft.working import WorkingDraft, to_json
from assistant.export.trackers import items_from_draft, jira_csv
from assistant.ui.sections import SECTIONS, TABLES, field_text, table_rows


def to_json_text(draft: WorkingDraft) -> str:
    """The draft as indented JSON: the public ``Postmortem`` JSON once complete, else what the draft holds."""
    data = render.to_json(draft.postmortem) if _complete(draft) else to_json(draft)
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)


def to_markdown(draft: WorkingDraft) -> str:
    """The draft as Markdown, in the order of the postmortem sections."""
    return render.to_markdown(draft.postmortem) if _complete(draft) else plain_markdown(draft)


def _complete(draft: WorkingDraft) -> bool:
    """Drafted, with every edit valid: the full renderer applies; else the plain one shows what there is."""
    return draft.drafted and not draft.pending


def plain_markdown(draft: WorkingDraft) -> str:
    """A plain Markdown rendering of the keys a draft holds, edits kept as typed included."""
    held = to_json(draft)
    out: list[str] = [f"# {held.get('title') or 'Postmortem'}", ""]
    if held.get("severity"):
        out += [f"**Severity:** {held['severity']}", ""]
    kt = held.get("key_times") or {}
    if any(kt.values()):
        out += [f"## {PART_TITLES['key_times']}", "", "| moment | time |", "| --- | --- |"]
        out += [f"| {k} | {v or '—'} |" for k, v in kt.items()]
        out.append("")
    for section in SECTIONS:
        if section.name == "metadata":
            continue
        out += [f"## {section.label}", ""]
        for f in section.fields:
            text = field_text(draft, f)
            if len(section.fields) > 1 and text:
                out += [f"**{f.label}**", ""]
            if text:
                out += [text, ""]
        if section.name == "summary":
            _table_md(draft, "timeline", ["time", "what happened", "sources"], out)
    _table_md(draft, "action_items", TABLES["action_items"], out)
    similar = draft.postmortem.similar_incidents
    if similar:
        out += ["## Similar incidents", ""]
        out += [f"- {m.title or m.id} — {m.why or ''}".rstrip(" —") for m in similar]
        out.append("")
    _unplaced_md(draft, out)
    return "\n".join(out).rstrip() + "\n"


def _unplaced_md(draft: WorkingDraft, out: list[str]) -> None:
    """Stored values that fit no editor part (kept from an older draft), so nothing is left out."""
    shown = {f.path for s in SECTIONS for f in s.fields} | {f"table:{k}" for k in TABLES}
    rest = [p for p in draft.pending.values() if p.target not in shown]
    if rest:
        out += ["## Kept as typed, not valid yet", ""]
        out += [f"- **{p.target}** ({p.error}): `{p.text}`" for p in rest]
        out.append("")


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _table_md(draft: WorkingDraft, key: str, header: list[str], out: list[str]) -> None:
    out += [f"## {SECTION_TITLES[key]}", "", "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table_rows(draft, key)]
    out.append("")


def action_items_csv(draft: WorkingDraft) -> str:
    """The draft's action items as a CSV for Jira's importer (``assistant.export.trackers``)."""
    return jira_csv(items_from_draft(to_json(draft)))
