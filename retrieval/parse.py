"""Read one past postmortem: Markdown (with or without YAML front matter), plain text, or a JSON draft.

Every format becomes a :class:`ParsedPostmortem` split into sections. The doc id is the front
matter (or JSON) ``id``, else the file stem.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from assistant.draft.schema import PART_TITLES, SECTION_TITLES
from assistant.errors import MalformedInputError
from assistant.retrieval.models import ParsedPostmortem, Section
from assistant.retrieval.recurrence import extract_action_items, items_from_draft

SUFFIXES = (".md", ".markdown", ".txt", ".text", ".json")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
# Plain-text headings: "Root cause:" alone on a line, or a short Title Case / UPPER line.
_TEXT_HEADING = re.compile(r"^([A-Z][A-Za-z /&()'-]{2,48}):?\s*$")
# Keys of the JSON drafts this project writes, in reading order, with the heading they get (the
# draft's own titles: ``draft.schema``). Published library files use the first seven.
DRAFT_SECTIONS: tuple[tuple[str, str], ...] = tuple(
    (key, SECTION_TITLES.get(key) or PART_TITLES[key])
    for key in (
        "summary",
        "impact",
        "detection",
        "response",
        "root_cause",
        "contributing_factors",
        "lessons",
        "timeline",
        "open_questions",
    )
)


def parse_file(path: Path, *, text: str | None = None) -> ParsedPostmortem:
    """Parse one file by its suffix (``.json`` → draft, ``.txt`` → plain text, else Markdown)."""
    if text is None:
        text = path.read_text(encoding="utf-8", errors="replace")
    suffix = path.suffix.lower()
    if suffix == ".json":
        return parse_draft_json(text, path=path)
    if suffix in (".txt", ".text") and not FRONT_MATTER.match(text):
        return parse_plain_text(text, path=path)
    return parse_markdown(text, path=path)


def parse_markdown(text: str, *, path: Path) -> ParsedPostmortem:
    """Markdown: optional YAML front matter, then sections split at ATX or setext headings."""
    meta: dict[str, Any] = {}
    body_line = 1
    m = FRONT_MATTER.match(text)
    if m:
        meta = _yaml(m.group(1), path)
        body_line = text[: m.end()].count("\n") + 1
        text = text[m.end() :]
    lines = text.splitlines()
    sections: list[Section] = []
    heading, start = "", body_line
    buf: list[str] = []
    title = str(meta.get("title") or "").strip()
    i = 0
    while i < len(lines):
        line = lines[i]
        h = _HEADING.match(line)
        setext = (
            i + 1 < len(lines)
            and line.strip()
            and _SETEXT.match(lines[i + 1])
            and not line.startswith(("-", "|"))
        )
        if h or setext:
            name = h.group(2).strip() if h else line.strip()
            level = len(h.group(1)) if h else (1 if lines[i + 1].startswith("=") else 2)
            _flush(sections, heading, buf, start)
            if level == 1 and (not title or name.strip().lower() == title.lower()):
                title = title or name
                heading = ""  # the title heading opens no section; text under it is the summary
            else:
                heading = name
            buf, start = [], body_line + i + 1
            i += 1 if h else 2
            continue
        buf.append(line)
        i += 1
    _flush(sections, heading, buf, start)
    return _build(meta, title, sections, path)


def parse_plain_text(text: str, *, path: Path) -> ParsedPostmortem:
    """Plain text: the first line is the title; short 'Heading:' lines open sections."""
    lines = text.splitlines()
    first = next((n for n, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return _build({}, "", [], path)
    title = lines[first].strip().rstrip(":")
    sections: list[Section] = []
    heading, start = "", first + 2
    buf: list[str] = []
    for n in range(first + 1, len(lines)):
        line = lines[n]
        stripped = line.strip()
        prev_blank = n == 0 or not lines[n - 1].strip()
        hm = _TEXT_HEADING.match(stripped)
        if hm and (stripped.endswith(":") or (prev_blank and len(stripped.split()) <= 5)):
            _flush(sections, heading, buf, start)
            heading, buf, start = hm.group(1).strip(), [], n + 2
            continue
        if (
            stripped.lower().startswith(("root cause:", "impact:", "summary:", "resolution:"))
            and ":" in stripped
        ):
            _flush(sections, heading, buf, start)
            head, rest = stripped.split(":", 1)
            heading, buf, start = head.strip(), [rest.strip()], n + 1
            continue
        buf.append(line)
    _flush(sections, heading, buf, start)
    return _build({}, title, sections, path)


def parse_draft_json(text: str, *, path: Path) -> ParsedPostmortem:
    """A JSON draft written by this project (title, summary, root_cause, action_items, ...)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(
            f"not valid JSON at line {exc.lineno} column {exc.colno} ({exc.msg}); fix or re-export the draft",
            path=str(path),
            line=exc.lineno,
        ) from exc
    if not isinstance(data, dict) or not any(k in data for k in ("title", "summary", "root_cause")):
        raise MalformedInputError(
            "JSON is not a postmortem draft (expected keys such as title, summary, root_cause)",
            path=str(path),
        )
    sections = []
    for key, heading in DRAFT_SECTIONS:
        body = _flatten(data.get(key))
        if body.strip():
            sections.append(Section(heading=heading, text=body.strip()))
    items = data.get("action_items") or []
    if items:
        lines = [f"- {_flatten(it.get('description') if isinstance(it, dict) else it)}" for it in items]
        sections.append(Section(heading="Action items", text="\n".join(lines)))
    meta = {k: data.get(k) for k in ("id", "title", "date", "severity", "services", "categories", "url")}
    if not meta.get("date") and isinstance(data.get("key_times"), dict):
        meta["date"] = str(data["key_times"].get("start") or "")[:10] or None
    doc = _build(meta, str(data.get("title") or ""), sections, path, scan_items=False)
    doc.action_items = items_from_draft(items, doc_id=doc.id)
    return doc


def _build(
    meta: dict[str, Any], title: str, sections: list[Section], path: Path, *, scan_items: bool = True
) -> ParsedPostmortem:
    doc_id = str(meta.get("id") or "").strip() or path.stem
    date = meta.get("date")
    doc = ParsedPostmortem(
        id=doc_id,
        title=(title or str(meta.get("title") or "") or path.stem).strip(),
        path=str(path),
        date=str(date)[:10] if date else None,
        severity=str(meta["severity"]) if meta.get("severity") not in (None, "") else None,
        services=_str_list(meta.get("services")),
        categories=_str_list(meta.get("categories")),
        url=str(meta["url"]) if meta.get("url") else None,
        company=str(meta["company"]) if meta.get("company") else None,
        sections=sections,
    )
    if scan_items:
        doc.action_items = extract_action_items(sections, doc_id=doc_id)
    return doc


def _flush(sections: list[Section], heading: str, buf: list[str], start: int) -> None:
    body = "\n".join(buf).strip()
    if body or heading:
        sections.append(Section(heading=heading or "Summary", text=body, line=start))


def _yaml(block: str, path: Path) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        # People write "title: Outage: DB down" unquoted; read such blocks as plain "key: value" lines.
        data = _loose_front_matter(block)
        if not data:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            raise MalformedInputError(
                f"front matter is not valid YAML ({exc}); quote values that contain ': '",
                path=str(path),
                line=line,
            ) from exc
    return data if isinstance(data, dict) else {}


def _loose_front_matter(block: str) -> dict[str, Any]:
    """'key: value' lines, '[a, b]' and '- item' lists; the rest of a line after the first ': ' is the value."""
    data: dict[str, Any] = {}
    key = None
    for line in block.splitlines():
        item = re.match(r"^\s+-\s+(.*)$", line)
        if item and key is not None:
            if not isinstance(data.get(key), list):
                data[key] = []
            data[key].append(item.group(1).strip().strip("'\""))
            continue
        kv = re.match(r"^([A-Za-z_][\w-]*):\s*(.*)$", line)
        if not kv:
            continue
        key, value = kv.group(1), kv.group(2).strip()
        if value.startswith("[") and value.endswith("]"):
            data[key] = [v.strip().strip("'\"") for v in value[1:-1].split(",") if v.strip()]
        else:
            data[key] = value.strip("'\"") if value else None
    return data


def _str_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in re.split(r"[,;]", value) if v.strip()]
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value)]


def _flatten(value: Any) -> str:
    """Any JSON value as readable text (lists one per line, dicts as 'key: value')."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(_flatten(v) for v in value)
    if isinstance(value, dict):
        if "description" in value:
            return _flatten(value["description"])
        return "\n".join(
            f"{k}: {_flatten(v)}" for k, v in value.items() if k not in ("refs",) and _flatten(v)
        )
    return str(value)


def draft_query_text(draft: dict[str, Any]) -> str:
    """The text of a JSON draft that describes the incident (title, summary, cause, impact), as a query."""
    keys = ("title", "summary", "root_cause", "contributing_factors", "impact", "detection")
    return "\n".join(_flatten(draft.get(k)) for k in keys if draft.get(k)).strip()
