"""Export (Markdown, JSON, Jira CSV, Confluence, Word) and publish (into the library) handlers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from assistant.export.confluence import to_confluence
from assistant.export.public import public_version
from assistant.export.word import write_docx
from assistant.ui import exporters, services
from assistant.ui.handlers import UiContext, _fail
from assistant.ui.views import View


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].strip("-") or "postmortem"


def export_files(ctx: UiContext, draft_id: str | None) -> View:
    """Write the open draft as Markdown, JSON, Jira CSV, Confluence, Word, and its public version."""
    rec = ctx.store.get(draft_id) if draft_id else None
    if rec is None:
        return {"exports": [], "notice": "⚠️ Nothing to export: draft an incident or open a draft first."}
    from assistant.datadir import private_dir

    folder = private_dir(ctx.export_dir / rec.id)  # inside the 0700 data directory, and private itself
    base = _slug(str(rec.draft.get("title") or rec.title))
    paths = [folder / f"{base}.md", folder / f"{base}.json", folder / f"{base}-action-items.csv",
             folder / f"{base}.confluence.xhtml", folder / f"{base}.docx", folder / f"{base}-public.md",
             folder / f"{base}-public.txt"]  # fmt: skip
    paths[0].write_text(exporters.to_markdown(rec.draft), encoding="utf-8")
    paths[1].write_text(exporters.to_json_text(rec.draft), encoding="utf-8")
    # utf-8-sig: Excel and Jira's importer both read the BOM as "this is UTF-8".
    paths[2].write_text(exporters.action_items_csv(rec.draft), encoding="utf-8-sig")
    paths[3].write_text(to_confluence(rec.draft), encoding="utf-8")
    write_docx(rec.draft, paths[4])
    public = public_version(rec.draft)  # customer-facing: no people, hosts, IPs or internal names
    paths[5].write_text(public.to_markdown(), encoding="utf-8")
    paths[6].write_text(public.to_text(), encoding="utf-8")
    return {"exports": [str(p) for p in paths], "notice": ""}


def publish(ctx: UiContext, draft_id: str | None) -> View:
    """Write the final postmortem into the library folder and index it for future similar searches."""
    rec = ctx.store.get(draft_id) if draft_id else None
    if rec is None:
        return {"publish": "⚠️ Nothing to publish: draft an incident or open a draft first."}
    if ctx.settings.review_required and rec.status != "published":
        return {
            "publish": "⚠️ This team publishes reviewed postmortems: submit it for review and publish it "
            "from the Review tab once someone else has approved it."
        }
    doc_id = f"{_slug(str(rec.draft.get('title') or rec.title))}-{rec.id[:6]}"
    markdown = _front_matter(doc_id, rec.draft) + exporters.to_markdown(rec.draft)
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


def _front_matter(doc_id: str, draft: dict[str, Any]) -> str:
    import json

    meta = {"id": doc_id, "title": draft.get("title") or doc_id, "date": draft.get("date"),
            "severity": draft.get("severity"), "services": draft.get("services") or []}  # fmt: skip
    # JSON values are valid YAML scalars, which keeps quoting right without a YAML dependency here.
    lines = [f"{k}: {json.dumps(v)}" for k, v in meta.items() if v not in (None, [], "")]
    return "---\n" + "\n".join(lines) + "\n---\n\n"
