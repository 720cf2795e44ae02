"""The engine calls the UI makes.

Everything heavy is imported inside the functions, so ``assistant.ui.handlers`` imports fast; an
import error is a bug and fails loudly.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from assistant.config import Settings
from assistant.domain import Timeline

if TYPE_CHECKING:
    from assistant.llm.base import Provider


class Unavailable(Exception):
    """A part of the engine the UI needs is not installed or not working; the message says which."""


def ingest(pasted: str, files: Sequence[str | Path], *, max_bytes: int) -> Any:
    """Read pasted text and uploaded files into one ``IngestResult`` (problems, never exceptions)."""
    from assistant import ingest as mod

    results = []
    if files:
        result = mod.read_sources([str(f) for f in files], max_bytes=max_bytes)
        results.append(_short_names(result, [Path(f) for f in files]))
    if pasted.strip():
        results.append(mod.read_text(pasted, name="pasted.txt"))
    if not results:
        raise Unavailable("Nothing to draft from: paste chat, notes or logs, or upload files.")
    first = results[0]
    for extra in results[1:]:
        first = first.model_copy(
            update={
                "sources": [*first.sources, *extra.sources],
                "problems": [*first.problems, *extra.problems],
            }
        )
    return first


def _short_names(result: Any, files: list[Path]) -> Any:
    """Refs name uploads by their file name, not Gradio's temporary upload path."""
    names: dict[str, str] = {}
    for f in files:
        name, n = f.name, 2
        while name in names.values():
            name, n = f"{f.stem} ({n}){f.suffix}", n + 1
        names[str(f)] = name

    def short(path: str) -> str:
        for full, name in names.items():
            if path == full or path.startswith(full + "/"):
                return name + path[len(full) :]
        return path

    for src in result.sources:
        src.path = short(src.path)
        for rec in src.records:
            rec.ref.file = short(rec.ref.file)
    for problem in result.problems:
        problem.path = short(problem.path)
    return result


def build_timeline(ingested: Any, *, tz: str | None, on_date: date | None) -> Timeline:
    """The merged timeline of the ingested sources."""
    from assistant.timeline import build_timeline as build

    return build(ingested, tz=tz, date=on_date)


def provider_choices(settings: Settings) -> list[str]:
    """Providers the user can pick: offline always; openai when an endpoint or key is configured."""
    choices = ["offline"]
    if settings.openai_base_url or settings.openai_api_key:
        choices.append("openai")
    return choices


def get_provider(name: str | None, settings: Settings) -> Provider | None:
    """The provider by name; None for offline (no model), also when no name is given."""
    from assistant.llm import provider_from_settings

    return provider_from_settings(name or "offline", settings=settings)


_LIB_LOCK = threading.Lock()
_LIBS: dict[str, Any] = {}


def open_library(settings: Settings) -> Any:
    """The library of past postmortems for this data directory (opened once per process)."""
    from assistant.retrieval.library import Library

    key = f"{settings.home}|{settings.chroma_host}|{settings.library_collection}"
    with _LIB_LOCK:
        if key not in _LIBS:
            _LIBS[key] = Library.open(settings)
        return _LIBS[key]


def similar(library: Any, text: str, k: int = 5) -> list[Any]:
    """Similar past incidents (``Match`` objects)."""
    return list(library.similar(text, k=k))


def incident_query(tl: Timeline) -> str:
    """What to search the library with: the people-written events (as the drafting context does), redacted."""
    from assistant.draft.context import incident_query as query_of
    from assistant.redact import Redactor

    return str(Redactor().redact(query_of(tl)))  # a Chroma server may be remote: no secrets in the query


class CachedLibrary:
    """A library whose ``similar`` answers with matches already fetched for this incident.

    The UI fetches matches in their own visible stage; the drafting pipeline then reuses them
    instead of querying a second time. Everything else goes to the real library.
    """

    def __init__(self, library: Any, matches: list[Any]) -> None:
        """Wrap ``library`` with the matches already fetched for this incident."""
        self._library = library
        self._matches = matches

    def similar(self, text: str, k: int = 5) -> list[Any]:
        """The first ``k`` matches already fetched (``text`` is the same incident's)."""
        return self._matches[:k]

    def __getattr__(self, name: str) -> Any:
        """Everything else goes to the real library."""
        return getattr(self._library, name)


def draft(
    timeline: Timeline,
    *,
    provider: Any,
    library: Any,
    on_section: Callable[[str, BaseModel], None] | None = None,
    sections: Sequence[str] | None = None,
    template: Any = None,
) -> Any:
    """Run the drafting pipeline (to a team ``template`` when given); returns a ``Postmortem``."""
    from assistant.draft.pipeline import draft_postmortem

    return draft_postmortem(
        timeline,
        provider=provider,
        library=library,
        on_section=on_section,
        sections=sections,
        template=template,
    )


def check_tone(text: str) -> list[Any]:
    """Tone findings (``ToneFinding``) for a text; [] for empty text."""
    if not text.strip():
        return []
    from assistant.tone import check_text

    return list(check_text(text))


def rewrite_tone(text: str) -> str:
    """The text with every flagged sentence replaced by its blameless rewrite."""
    if not text.strip():
        return text
    from assistant.tone import rewrite_text

    new_text, _ = rewrite_text(text)
    return str(new_text)
