"""Turn a postmortem handed over for publishing (Markdown, or a JSON draft) into a library file."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

import yaml

from assistant.retrieval.parse import DRAFT_SECTIONS, FRONT_MATTER

_DRAFT_ORDER = DRAFT_SECTIONS[:7]  # the prose sections a library file carries


def slug(text: str) -> str:
    """A file-name-safe id from a title."""
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:60].rstrip("-")


def as_draft(value: str | dict[str, Any]) -> dict[str, Any] | None:
    """The JSON draft when ``value`` is one (a dict, or a string holding a JSON object), else None."""
    if isinstance(value, dict):
        return value
    text = value.strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return None
        return data if isinstance(data, dict) else None
    return None


def markdown_for_library(value: str | dict[str, Any], *, doc_id: str | None) -> tuple[str, str]:
    """(doc id, Markdown with front matter) for a Markdown string or a JSON draft."""
    draft = as_draft(value)
    if draft is not None:
        return _draft_markdown(draft, doc_id)
    text = str(value)
    meta: dict[str, Any] = {}
    body = text
    m = FRONT_MATTER.match(text)
    if m:
        loaded = yaml.safe_load(m.group(1))
        meta = loaded if isinstance(loaded, dict) else {}
        body = text[m.end() :]
    title = str(meta.get("title") or "")
    if not title:
        h = re.search(r"^#\s+(.+)$", body, re.M)
        title = h.group(1).strip() if h else ""
    final_id = doc_id or str(meta.get("id") or "") or _fallback_id(title)
    meta["id"] = final_id
    if title:
        meta.setdefault("title", title)
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True).strip()
    return final_id, f"---\n{front}\n---\n\n{body.lstrip()}"


def _draft_markdown(d: dict[str, Any], doc_id: str | None) -> tuple[str, str]:
    title = str(d.get("title") or "Untitled incident")
    final_id = doc_id or str(d.get("id") or "") or _fallback_id(title)
    raw_times = d.get("key_times")
    key_times: dict[str, Any] = raw_times if isinstance(raw_times, dict) else {}
    date = d.get("date") or str(key_times.get("start") or "")[:10] or None
    meta: dict[str, Any] = {"id": final_id, "title": title}
    for key, value in (("date", date), ("severity", d.get("severity")), ("services", d.get("services"))):
        if value:
            meta[key] = value
    lines = [
        "---",
        yaml.safe_dump(meta, sort_keys=False, allow_unicode=True).strip(),
        "---",
        "",
        f"# {title}",
        "",
    ]
    for key, heading in _DRAFT_ORDER:
        text = _text(d.get(key))
        if text.strip():
            lines += [f"## {heading}", "", text.strip(), ""]
    items = d.get("action_items") or []
    if items:
        lines += ["## Action items", ""]
        for it in items:
            if isinstance(it, dict):
                done = str(it.get("status") or "").lower() in ("done", "closed", "completed")
                extra = [str(it[k]) for k in ("owner", "due", "priority") if it.get(k)]
                suffix = f" ({', '.join(extra)})" if extra else ""
                lines.append(f"- [{'x' if done else ' '}] {_text(it.get('description'))}{suffix}")
            else:
                lines.append(f"- [ ] {it}")
        lines.append("")
    return final_id, "\n".join(lines)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(f"- {_text(v)}" for v in value if _text(v))
    if isinstance(value, dict):
        if "description" in value:
            return _text(value["description"])
        return "\n".join(f"**{k.replace('_', ' ')}**: {_text(v)}" for k, v in value.items() if _text(v))
    return str(value)


def _fallback_id(title: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return f"{slug(title) or 'postmortem'}-{stamp}"
