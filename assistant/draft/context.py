"""What every section prompt is given: the redacted timeline as delimited data, key times, matches.

Redaction happens here, before any text can reach a prompt, for every provider (offline too), so
that nothing the drafter writes can carry a secret that the redactor knows how to find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant.domain import Event, Timeline
from assistant.redact import Redactor, timeline_names

# Neutralise anything in the data that could close our delimiter early.
_DELIM = re.compile(r"</?\s*sources\s*>", re.IGNORECASE)


@dataclass
class DraftContext:
    """The redacted facts a draft is written from."""

    timeline: Timeline
    sources_text: str
    similar: list[Any] = field(default_factory=list)
    redactor: Any | None = None
    redacted: bool = False
    aliased: bool = False
    library_note: str | None = None

    def restore(self, text: str) -> str:
        """Aliases back to names for the human reader; secrets stay redacted."""
        if self.redactor is None or not self.aliased:
            return text
        return str(self.redactor.restore_aliases(text))


def event_line(event: Event) -> str:
    """One source line as the prompts show it: ``[E012 2026-...+00:00 chat alice] text``."""
    text = _DELIM.sub("[sources-tag]", event.text).replace("\r", "").replace("\n", " ⏎ ")
    actor = (event.actor or "-").replace(" ", "_")
    return f"[{event.id} {event.time.isoformat()} {event.source.value} {actor}] {text}"


def format_sources(timeline: Timeline, *, max_chars: int = 120_000) -> str:
    """All events, one per line, capped so a prompt stays within a model's context."""
    lines: list[str] = []
    total = 0
    for event in timeline.events:
        line = event_line(event)
        if len(line) > 600:
            line = line[:600] + " …"
        total += len(line) + 1
        if total > max_chars:
            lines.append(f"[… {len(timeline.events) - len(lines)} more events omitted for length]")
            break
        lines.append(line)
    return "\n".join(lines)


def make_redactor(timeline: Timeline, *, alias_names: bool) -> tuple[Redactor, bool]:
    """A ``Redactor`` that knows the people of this incident (aliased when ``alias_names``)."""
    return Redactor(alias_names=alias_names, names=timeline_names(timeline)), alias_names


def build_context(
    timeline: Timeline, *, alias_names: bool, library: Any | None = None, k: int = 5
) -> DraftContext:
    """Redact the timeline, format it as delimited data and fetch similar incidents."""
    redactor, aliased = make_redactor(timeline, alias_names=alias_names)
    redacted = redactor.redact_timeline(timeline)
    ctx = DraftContext(
        timeline=redacted,
        sources_text=format_sources(redacted),
        redactor=redactor,
        redacted=True,
        aliased=aliased,
    )
    ctx.similar, ctx.library_note = _similar(redacted, library, k)
    return ctx


def _similar(timeline: Timeline, library: Any | None, k: int) -> tuple[list[Any], str | None]:
    lib = library if library is not None else _configured_library()
    if lib is None:
        return [], "no library of past postmortems configured"
    try:
        return list(lib.similar(incident_query(timeline), k=k)), None
    except Exception as exc:  # the library is optional context: a broken index must not lose the draft
        return [], f"library search failed: {exc}"


def incident_query(timeline: Timeline) -> str:
    """What to search the library with: the people-written events (alerts, chat, notes)."""
    return " ".join(e.text for e in timeline.events if e.source.value in ("alert", "chat", "note"))[:4000]


def _configured_library() -> Any | None:
    """Open the library only when one exists (keeps chromadb out of plain offline drafts)."""
    from assistant.config import get_settings

    settings = get_settings()
    if not settings.chroma_host and not (settings.chroma_dir.is_dir() and any(settings.chroma_dir.iterdir())):
        return None
    from assistant.retrieval.library import Library  # lazy: chromadb only when a library exists

    try:
        return Library.open(settings=settings)
    except Exception:  # an unreadable library only costs the similar-incidents list
        return None
