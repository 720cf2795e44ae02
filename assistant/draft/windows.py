"""Hierarchical drafting for incidents larger than the window: summarise time windows, then draft from them.

Each window's full sources go to the model once, with a request for a short summary and the events
a postmortem needs, by event id. Code keeps only ids that belong to the window and takes their times
from the events, so a summary cannot move or invent a time. A window whose call fails for good is
replaced by a deterministic digest (its first and last people lines), and the provenance says so.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.domain import Event, SourceKind
from assistant.draft.budget import event_line, pack
from assistant.draft.tokens import TokenCounter
from assistant.errors import ProviderError
from assistant.llm.base import Message, Provider, StructuredRequest


class WindowEvent(BaseModel):
    """One event the model picked from a window, in one factual sentence."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="the id of one event from this window's sources, e.g. E012; never invent one")
    what: str = Field(
        description="what happened, in one short factual sentence (no blame, no interpretation)"
    )


class WindowSummary(BaseModel):
    """What the model returns for one time window."""

    model_config = ConfigDict(extra="forbid")

    summary: str = Field(
        description="what happened in this window in at most 5 sentences: symptoms, changes, actions, decisions, "
        "findings and causes ruled out; cite event ids in brackets like [E012]; numbers exactly as the sources state them"
    )
    events: list[WindowEvent] = Field(
        default_factory=list,
        description="at most 10 events a postmortem timeline needs from this window: changes, alerts, detection, "
        "actions, mitigation, resolution, hypotheses ruled out",
    )


@dataclass
class Window:
    """One time window of the incident and, once summarised, its text for the section prompts."""

    index: int
    events: list[Event]
    text: str = ""
    how: str = "pending"

    @property
    def span(self) -> str:
        """The window's time range and first and last event ids, for the prompt."""
        a, b = self.events[0], self.events[-1]
        return f"{a.time.isoformat(timespec='seconds')} to {b.time.isoformat(timespec='seconds')} ({a.id}-{b.id})"


def window_request(window: Window, total: int, sources: str, system: str) -> StructuredRequest[WindowSummary]:
    """The summary request for one window (rendered from ``prompts/window.j2``)."""
    from assistant.draft.prompts import get_registry

    user = get_registry().render(
        "_window", sources=sources, index=window.index, total=total, span=window.span
    )
    return StructuredRequest(
        messages=[Message("system", system), Message("user", user)],
        schema=WindowSummary,
        purpose="draft.window",
    )


def render(window: Window, out: WindowSummary, total: int, *, max_chars: int) -> str:
    """The window's summary as the section prompts show it; only ids of this window survive."""
    by_id = {e.id: e for e in window.events}
    lines = [
        f"Window {window.index} of {total}, {window.span}, summarised by the model from its full sources:"
    ]
    lines.append(out.summary.strip().replace("\n", " ")[:max_chars])
    for item in out.events[:10]:
        event = by_id.get(item.id.strip().strip("[]"))
        if event is not None:
            lines.append(
                f"- [{event.id} {event.time.isoformat(timespec='seconds')}] {item.what.strip()[:200]}"
            )
    return "\n".join(lines)


def digest(window: Window, total: int, counter: TokenCounter, budget: int) -> str:
    """A model-free stand-in for a window: its people lines from both ends, as many as ``budget`` allows."""
    people = [e for e in window.events if e.source != SourceKind.log] or window.events
    head = f"Window {window.index} of {total}, {window.span} (not summarised; first and last lines):"
    chosen: list[Event] = []
    used = counter.count(head)
    order = [people[i // 2] if i % 2 == 0 else people[-1 - i // 2] for i in range(len(people))]
    for e in order:
        cost = counter.count(event_line(e, max_chars=300)) + 1
        if e in chosen or used + cost > budget:
            continue
        chosen.append(e)
        used += cost
    chosen.sort(key=lambda e: (e.time, e.id))
    return "\n".join([head, *(event_line(e, max_chars=300) for e in chosen)])


def summarise(
    windows: list[Window],
    provider: Provider,
    *,
    counter: TokenCounter,
    window_budget: int,
    summary_budget: int,
    system: str,
    workers: int = 4,
    forced: set[str] | None = None,
    marks: dict[str, str] | None = None,
) -> None:
    """Fill each window's ``text`` from the model (or from ``digest`` when its call fails)."""
    total = len(windows)

    def one(w: Window) -> None:
        packed = pack(w.events, window_budget, counter, forced=forced or set(), marks=marks)
        sources = packed.text if packed.fits else digest(w, total, counter, window_budget)
        try:
            out = provider.generate(window_request(w, total, sources, system))
            w.text, w.how = render(w, out, total, max_chars=summary_budget * 3), "summarised"
        except (ProviderError, ValidationError) as exc:
            w.text = digest(w, total, counter, summary_budget)
            w.how = f"digest after {type(exc).__name__}"

    run: Callable[[Window], None] = one
    with ThreadPoolExecutor(max_workers=max(1, min(workers, total)), thread_name_prefix="window") as pool:
        list(pool.map(run, windows))
