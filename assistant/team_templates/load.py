"""Find a template by built-in name or file, read it, and match its headings to our parts."""

from __future__ import annotations

import hashlib
from importlib.resources import files
from pathlib import Path

from assistant.draft.schema import TemplateHeading, TemplateRef
from assistant.errors import InputError
from assistant.team_templates.match import match_headings
from assistant.team_templates.parse import parse_headings

MAX_BYTES = 256 * 1024


def _builtin_dir() -> Path:
    return Path(str(files("assistant.team_templates") / "builtin"))


def builtin_names() -> list[str]:
    """The names of the templates shipped with the project (``google-sre``, ``minimal``, ...)."""
    return sorted(p.stem for p in _builtin_dir().glob("*.md"))


def from_text(text: str, *, name: str, source: str = "file", meaning: bool = True) -> TemplateRef:
    """A template from its Markdown: headings in order, guidance, and the part each heading shows."""
    headings = match_headings(parse_headings(text, where=name), meaning=meaning)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return TemplateRef(name=name, sha256=digest, source=source, text=text, headings=headings)  # type: ignore[arg-type]


def load_template(spec: str | Path, *, meaning: bool = True) -> TemplateRef:
    """A built-in template by name, or a template file; ``InputError`` says which names exist."""
    text_spec = str(spec)
    if text_spec in builtin_names():
        path = _builtin_dir() / f"{text_spec}.md"
        return from_text(path.read_text(encoding="utf-8"), name=text_spec, source="builtin", meaning=meaning)
    path = Path(spec)
    if not path.is_file():
        raise InputError(
            f"template {text_spec!r} is neither a file nor a built-in template; use a Markdown file or one "
            f"of: {', '.join(builtin_names())}"
        )
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"{path}: {path.stat().st_size} bytes; a template is a short list of headings")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8"
        ) from exc
    return from_text(text, name=path.name, meaning=meaning)


def holds(h: TemplateHeading) -> str:
    """What a heading will hold in the draft, for people: 'root cause (alias)', 'free section', ..."""
    if h.part:
        score = f" {h.score:.2f}" if h.matched_by == "meaning" and h.score is not None else ""
        return f"{h.part.replace('_', ' ')} ({h.matched_by}{score})"
    return "groups the headings below" if h.container and not h.guidance else "free section"
