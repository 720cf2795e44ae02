"""The engine calls the UI makes, each turning a missing or failing piece into a clear message.

Everything heavy is imported inside the functions, so ``ui.handlers`` imports fast and a piece of
the engine that is not installed yet degrades one feature instead of the whole app.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assistant.config import Settings
from assistant.domain import Timeline


class Unavailable(Exception):
    """A part of the engine the UI needs is not installed or not working; the message says which."""


def _need(module: str, what: str, *attrs: str) -> Any:
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        raise Unavailable(f"{what} is not available ({module}: {exc}).") from exc
    missing = [a for a in attrs if not hasattr(mod, a)]
    if missing:
        raise Unavailable(f"{what} is not available yet ({module} has no {', '.join(missing)}).")
    return mod


def ingest(pasted: str, files: Sequence[str | Path], *, max_bytes: int) -> Any:
    """Read pasted text and uploaded files into one ``IngestResult`` (problems, never exceptions)."""
    mod = _need("assistant.ingest", "Reading input (assistant.ingest)", "read_sources", "read_text")
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
            update={"sources": [*first.sources, *extra.sources], "problems": [*first.problems, *extra.problems]}
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
    mod = _need("assistant.timeline", "The timeline builder (assistant.timeline)", "build_timeline")
    return mod.build_timeline(ingested, tz=tz, date=on_date)


def provider_choices(settings: Settings) -> list[str]:
    """Providers the user can pick: offline always; openai when an endpoint or key is configured."""
    choices = ["offline"]
    if settings.openai_base_url or settings.openai_api_key:
        choices.append("openai")
    return choices


def get_provider(name: str | None, settings: Settings) -> Any:
    """The provider by name (offline when none)."""
    mod = _need("assistant.llm", "LLM providers (assistant.llm)")
    if hasattr(mod, "get_provider"):
        return mod.get_provider(name or "offline", settings=settings)
    if (name or "offline") == "offline":
        return _need("assistant.llm.offline", "The offline drafter (assistant.llm.offline)").OfflineProvider()
    raise Unavailable(f"The {name!r} provider is not available yet (assistant.llm.get_provider).")


_LIB_LOCK = threading.Lock()
_LIBS: dict[str, Any] = {}


def open_library(settings: Settings) -> Any:
    """The library of past postmortems for this data directory (opened once per process)."""
    mod = _need("retrieval.library", "The postmortem library (retrieval.library)", "Library")
    key = f"{settings.home}|{settings.chroma_host}|{settings.library_collection}"
    with _LIB_LOCK:
        if key not in _LIBS:
            _LIBS[key] = mod.Library.open(settings)
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
        self._library = library
        self._matches = matches

    def similar(self, text: str, k: int = 5) -> list[Any]:
        return self._matches[:k]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._library, name)


def draft(
    timeline: Timeline,
    *,
    provider: Any,
    library: Any,
    on_section: Callable[[str, BaseModel], None] | None = None,
    sections: Sequence[str] | None = None,
) -> Any:
    """Run the drafting pipeline; returns a ``Postmortem``."""
    mod = _need("assistant.draft.pipeline", "The drafting engine (assistant.draft.pipeline)", "draft_postmortem")
    return mod.draft_postmortem(
        timeline, provider=provider, library=library, on_section=on_section, sections=sections
    )


def check_tone(text: str) -> list[Any]:
    """Tone findings (``ToneFinding``) for a text; [] for empty text."""
    if not text.strip():
        return []
    mod = _need("assistant.tone", "The tone checker (assistant.tone)", "check_text")
    return list(mod.check_text(text))


def rewrite_tone(text: str) -> str:
    """The text with every flagged sentence replaced by its blameless rewrite."""
    if not text.strip():
        return text
    mod = _need("assistant.tone", "The tone checker (assistant.tone)", "rewrite_text")
    new_text, _ = mod.rewrite_text(text)
    return str(new_text)


def to_json_dict(pm: Any) -> dict[str, Any]:
    """A Postmortem as its public JSON dict."""
    from assistant.draft import render

    return dict(render.to_json(pm))
