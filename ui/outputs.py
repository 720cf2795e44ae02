"""Export (Markdown, JSON, Jira CSV, Confluence, Word) and publish (into the library) handlers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from assistant.draft.working import WorkingDraft, to_json
from assistant.errors import PostmortemError
from assistant.export.confluence import to_confluence
from assistant.export.public import public_version
from assistant.export.word import write_docx
from assistant.ui import drafts, exporters, services
from assistant.ui.handlers import UiContext, _fail
from assistant.ui.views import View


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].strip("-") or "postmortem"


def export_files(ctx: UiContext, draft_id: str | None) -> View:
    """Write the open draft as Markdown, JSON, Jira CSV, Confluence, Word, and its public version."""
    loaded = drafts.load(ctx.store, draft_id)
    if loaded is None:
        return {"exports": [], "notice": "⚠️ Nothing to export: draft an incident or open a draft first."}
    rec, draft = loaded
    data = to_json(draft)  # the exporters of assistant.export read the draft's JSON
    from assistant.datadir import private_dir

    folder = private_dir(ctx.export_dir / rec.id)  # inside the 0700 data directory, and private itself
    base = _slug(draft.postmortem.title or rec.title)
    paths = [folder / f"{base}.md", folder / f"{base}.json", folder / f"{base}-action-items.csv",
             folder / f"{base}.confluence.xhtml", folder / f"{base}.docx", folder / f"{base}-public.md",
             folder / f"{base}-public.txt"]  # fmt: skip
    paths[0].write_text(exporters.to_markdown(draft), encoding="utf-8")
    paths[1].write_text(exporters.to_json_text(draft), encoding="utf-8")
    # utf-8-sig: Excel and Jira's importer both read the BOM as "this is UTF-8".
    paths[2].write_text(exporters.action_items_csv(draft), encoding="utf-8-sig")
    paths[3].write_text(to_confluence(data), encoding="utf-8")
    write_docx(data, paths[4])
    # customer-facing: no people, hosts, IPs or internal names; written by the draft's model when it had one
    public = public_version(data, provider=_draft_model(ctx, rec.inputs.get("provider")))
    paths[5].write_text(public.to_markdown(), encoding="utf-8")
    paths[6].write_text(public.to_text(), encoding="utf-8")
    failed = public.drafted_by.startswith("rules (the model failed")
    return {
        "exports": [str(p) for p in paths],
        "notice": f"⚠️ Public version: {public.drafted_by}" if failed else "",
    }


def _draft_model(ctx: UiContext, name: Any) -> Any:
    """The model provider the draft was made with, or None (offline, or not configured any more)."""
    if not name or name == "offline":
        return None
    try:
        return services.get_provider(str(name), ctx.settings)
    except PostmortemError:  # not configured here any more: the rule-based public version stands
        return None


def publish(ctx: UiContext, draft_id: str | None) -> View:
    """Write the final postmortem into the library folder and index it for future similar searches."""
    loaded = drafts.load(ctx.store, draft_id)
    if loaded is None:
        return {"publish": "⚠️ Nothing to publish: draft an incident or open a draft first."}
    rec, draft = loaded
    if ctx.settings.review_required and rec.status != "published":
        return {
            "publish": "⚠️ This team publishes reviewed postmortems: submit it for review and publish it "
            "from the Review tab once someone else has approved it."
        }
    doc_id = f"{_slug(draft.postmortem.title or rec.title)}-{rec.id[:6]}"
    markdown = _front_matter(doc_id, draft) + exporters.to_markdown(draft)
    try:
        library = services.open_library(ctx.settings)
        doc_id = library.add_postmortem(markdown, id=doc_id)  # writes into settings.library_dir, then indexes
        ctx.store.set_library_id(rec.id, doc_id)  # its open action items show beside later similar incidents
    except Exception as exc:  # noqa: BLE001 — the UI turns every failure into a notice (STYLE 5)
        return {"publish": _fail(exc)}
    lib_dir: Path = ctx.settings.library_dir
    return {
        "publish": f"✅ Published as `{doc_id}` into the library ({lib_dir}); the next similar incident will find it."
    }


def _front_matter(doc_id: str, draft: WorkingDraft) -> str:
    import json

    held = to_json(draft)  # only what the draft holds: a severity nobody set is left out
    meta = {"id": doc_id, "title": held.get("title") or doc_id, "date": held.get("date"),
            "severity": held.get("severity"), "services": held.get("services") or []}  # fmt: skip
    # JSON values are valid YAML scalars, which keeps quoting right without a YAML dependency here.
    lines = [f"{k}: {json.dumps(v)}" for k, v in meta.items() if v not in (None, [], "")]
    return "---\n" + "\n".join(lines) + "\n---\n\n"
