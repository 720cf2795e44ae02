"""Exports of a draft (the postmortem JSON dict): Markdown, JSON, and a Jira CSV of its action items.

Markdown and JSON go through ``assistant.draft.render`` when the draft validates against the
``Postmortem`` schema; an edited draft that no longer does still exports, through a plain renderer here.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from assistant.draft import render
from assistant.draft.schema import PART_TITLES, SECTION_TITLES, Postmortem
from assistant.export.trackers import items_from_draft, jira_csv
from assistant.ui.sections import SECTIONS, TABLES, field_text


def to_json_text(draft: dict[str, Any]) -> str:
    """The draft as indented JSON (the ``Postmortem`` schema's keys)."""
    try:
        data = render.to_json(Postmortem.model_validate(draft))
    except ValidationError:  # an edited or partial draft: export what the user has
        data = draft
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)


def to_markdown(draft: dict[str, Any]) -> str:
    """The draft as Markdown, in the order of the postmortem sections."""
    try:
        return render.to_markdown(Postmortem.model_validate(draft))
    except ValidationError:  # an edited or partial draft: render it here
        return plain_markdown(draft)


def plain_markdown(draft: dict[str, Any]) -> str:
    """A dependency-free Markdown rendering of a draft dict."""
    out: list[str] = [f"# {draft.get('title') or 'Postmortem'}", ""]
    if draft.get("severity"):
        out += [f"**Severity:** {draft['severity']}", ""]
    kt = draft.get("key_times") or {}
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
            _timeline_md(draft, out)
    _actions_md(draft, out)
    similar = draft.get("similar_incidents") or []
    if similar:
        out += ["## Similar incidents", ""]
        for m in similar:
            if isinstance(m, dict):
                out.append(f"- {m.get('title') or m.get('id')} — {m.get('why', '')}".rstrip(" —"))
            else:
                out.append(f"- {m}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _cell(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return str(value if value is not None else "").replace("|", "\\|").replace("\n", " ")


def _timeline_md(draft: dict[str, Any], out: list[str]) -> None:
    rows = draft.get("timeline") or []
    out += [
        f"## {SECTION_TITLES['timeline']}",
        "",
        "| time | what happened | sources |",
        "| --- | --- | --- |",
    ]
    for r in rows:
        if isinstance(r, dict):
            out.append(f"| {_cell(r.get('time'))} | {_cell(r.get('description'))} | {_cell(r.get('refs'))} |")
    out.append("")


def _actions_md(draft: dict[str, Any], out: list[str]) -> None:
    rows = draft.get("action_items") or []
    cols = TABLES["action_items"]
    out += [
        f"## {SECTION_TITLES['action_items']}",
        "",
        "| " + " | ".join(cols) + " |",
        "|" + " --- |" * len(cols),
    ]
    for r in rows:
        if isinstance(r, dict):
            out.append("| " + " | ".join(_cell(r.get(c)) for c in cols) + " |")
    out.append("")


def action_items_csv(draft: dict[str, Any]) -> str:
    """The draft's action items as a CSV for Jira's importer (``assistant.export.trackers``)."""
    return jira_csv(items_from_draft(draft))
