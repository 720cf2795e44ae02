"""Hierarchical drafting for incidents larger than the window: summarise time windows, then draft from them.

Each window's full sources go to the model once, with a request for a short summary and the events
a postmortem needs, by event id. Code keeps only ids that belong to the window and takes their times
from the events, so a summary cannot move or invent a time. A window whose call fails for good is
replaced by a deterministic digest (its first and last people lines), and the provenance says so.

When the window summaries together still exceed the room the section prompts leave, they are
summarised again (``condense``): consecutive summaries are grouped into parts that fit one request,
and each part is summarised with the ids of its windows' events kept, level after level, until the
summaries fit. The incident's end is never dropped to make room.
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
    level: int = 1  # 2 and up: a summary of the summaries of ``parts``
    parts: tuple[int, ...] = ()  # the level-1 windows this one covers (level 2 and up)

    @property
    def label(self) -> str:
        """How the prompts name it: ``Window`` or ``Part (level 2, windows 1-4)``."""
        if self.level == 1:
            return "Window"
        return f"Part (level {self.level}, windows {self.parts[0]}-{self.parts[-1]})"

    @property
    def span(self) -> str:
        """The window's time range and first and last event ids, for the prompt."""
        a, b = self.events[0], self.events[-1]
        return f"{a.time.isoformat(timespec='seconds')} to {b.time.isoformat(timespec='seconds')} ({a.id}-{b.id})"


def window_request(window: Window, total: int, sources: str, system: str) -> StructuredRequest[WindowSummary]:
    """The summary request for one window (rendered from ``prompts/window.j2``)."""
    from assistant.draft.prompts import get_registry

    user = get_registry().render(
        "_window", sources=sources, index=window.index, total=total, span=window.span, level=window.level
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
        f"{window.label} {window.index} of {total}, {window.span}, summarised by the model from "
        + ("its full sources:" if window.level == 1 else "the summaries of its windows:")
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


def condense(
    shown: list[Window],
    provider: Provider,
    *,
    counter: TokenCounter,
    room: int,
    fits: int,
    system: str,
    workers: int = 4,
    max_levels: int = 4,
) -> list[Window]:
    """Summaries of summaries: group consecutive texts into parts of at most ``room`` tokens and
    summarise each part, level by level, until all texts together fit ``fits`` tokens.

    Every part keeps the events of its windows, so ids cited in a summary stay checkable; a part
    whose call fails keeps its windows' texts cut to its share, and says so.
    """
    level = max((w.level for w in shown), default=1)
    while len(shown) > 1 and level < max_levels and sum(counter.count(w.text) + 2 for w in shown) > fits:
        level += 1
        groups = _groups(shown, counter, room)
        total = len(groups)
        per_part = max(60, fits // total)
        parts = [
            Window(
                index=i + 1,
                events=[e for w in g for e in w.events],
                level=level,
                parts=tuple(p for w in g for p in (w.parts or (w.index,))),
            )
            for i, g in enumerate(groups)
        ]

        def one(pair: tuple[Window, list[Window]], total: int = total, per_part: int = per_part) -> None:
            part, group = pair
            share = max(40, room // len(group))
            sources = "\n\n".join(head(w.text, share, counter) for w in group)
            try:
                out = provider.generate(window_request(part, total, sources, system))
                part.text, part.how = render(part, out, total, max_chars=per_part * 3), "summarised"
            except (ProviderError, ValidationError) as exc:
                cut = max(20, per_part // len(group))
                part.text = "\n".join(head(w.text, cut, counter) for w in group)
                part.how = f"windows cut to fit after {type(exc).__name__}"

        with ThreadPoolExecutor(max_workers=max(1, min(workers, total)), thread_name_prefix="window") as pool:
            list(pool.map(one, zip(parts, groups, strict=True)))
        shown = parts
    return shown


def _groups(shown: list[Window], counter: TokenCounter, room: int) -> list[list[Window]]:
    """Consecutive windows, as many per group as fit ``room`` tokens; at least two per group."""
    groups: list[list[Window]] = [[]]
    used = 0
    for w in shown:
        cost = counter.count(w.text) + 2
        if len(groups[-1]) >= 2 and used + cost > room:
            groups.append([])
            used = 0
        groups[-1].append(w)
        used += cost
    if len(groups) > 1 and len(groups[-1]) == 1:  # a lone last window joins its neighbours
        lone = groups.pop()
        groups[-1] += lone
    return groups


def head(text: str, budget: int, counter: TokenCounter) -> str:
    """The first lines of ``text`` within ``budget`` tokens (a window's header and summary come first)."""
    out: list[str] = []
    used = 0
    for line in text.split("\n"):
        cost = counter.count(line) + 1
        if used + cost > budget:
            if not out or len(out) == 1:
                out.append(line[: max(40, budget * 2)] + " …")
            break
        out.append(line)
        used += cost
    return "\n".join(out)
