"""What every section prompt is given: facts computed by code, labelled hints, and the redacted sources, within a token budget.

Redaction happens here, before any text can reach a prompt, for every provider (offline too), so
that nothing the drafter writes can carry a secret that the redactor knows how to find.

The sources are sized to the model's window (``POSTMORTEM_CONTEXT_TOKENS``, else the model family's
published window): see ``budget.py`` for what enters first, and ``windows.py`` for incidents whose
people lines alone do not fit (drafted hierarchically). ``DraftContext.report`` records what the
model saw, condensed or left out; the draft carries it in ``provenance.context``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.domain import Event, SourceKind, Timeline
from assistant.draft.budget import event_line, pack, windows
from assistant.draft.hints import BLAME_MARK, candidate_lines, clock_lines, hint_lines, key_time_lines
from assistant.draft.schema import SECTION_ORDER, ContextReport
from assistant.draft.tokens import TokenCounter, context_window, get_counter
from assistant.draft.windows import Window, digest, head
from assistant.redact import Redactor, timeline_names

if TYPE_CHECKING:
    from assistant.draft.analysis import Facts

__all__ = ["Budget", "DraftContext", "build_context", "event_line", "format_sources", "incident_query"]

SECTION_OUTPUT_TOKENS = 1024  # room left for one section's JSON answer
SINGLE_OUTPUT_TOKENS = 4096  # room for every section in one answer
MARGIN = 0.05  # share of the window kept free for tokenizer differences (estimates, chat templates)
HINT_SHARE = 0.06  # labelled hints take at most this share of the window (the sources come first)
CANDIDATES_SHOWN = 3  # key-time candidates per key in the prompts (code's best and two runner-ups)
ANCHOR_SHARE = 0.25
WINDOW_SUMMARY_TOKENS = 300  # a window summary may say this much; a second level condenses if they overflow  # hierarchical: share of the sources budget for verbatim key lines


@dataclass(frozen=True)
class Budget:
    """The model's window and how to count tokens in it."""

    window_tokens: int
    counter: TokenCounter
    output_tokens: int = SECTION_OUTPUT_TOKENS
    single: bool = False  # all sections in one call: every instruction and a larger answer

    @classmethod
    def from_settings(cls, settings: Any, *, model: str | None = None, single: bool = False) -> Budget:
        """``POSTMORTEM_CONTEXT_TOKENS`` or the model family's window, counted with the best tokenizer at hand."""
        name = model or settings.model
        window = settings.context_tokens or context_window(name)
        counter = get_counter(settings.tokenizer, name)
        return cls(window, counter, SINGLE_OUTPUT_TOKENS if single else SECTION_OUTPUT_TOKENS, single)


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
    facts: list[str] = field(default_factory=list)  # clock facts: constant for the whole draft
    candidates: list[str] = field(default_factory=list)  # key-time candidates, each with its evidence
    decided: list[str] = field(default_factory=list)  # key times and durations once the picks are checked
    zone_setting: str | None = None
    hints: list[str] = field(default_factory=list)
    sources_note: str = ""
    windows: list[Window] = field(default_factory=list)
    shown: list[Window] = field(
        default_factory=list
    )  # what the sections see: windows, or parts of a higher level
    report: ContextReport | None = None
    sources_budget: int = 0
    counter: TokenCounter | None = None
    window_budget: int = 0  # hierarchical: sources tokens of one window-summary request
    analysis: Facts | None = None  # the deterministic analysis (shared with the offline drafter)
    marks: dict[str, str] = field(
        default_factory=dict
    )  # event id -> label put before its text (blameful lines)

    def restore(self, text: str) -> str:
        """Aliases back to names for the human reader; secrets stay redacted."""
        if self.redactor is None or not self.aliased:
            return text
        return str(self.redactor.restore_aliases(text))

    def set_timeline(self, timeline: Timeline) -> None:
        """Replace the timeline after the key times were decided; restate the key times and durations."""
        self.timeline = timeline
        self.decided = key_time_lines(timeline, zone_setting=self.zone_setting)
        if self.analysis is not None:
            self.analysis.timeline = timeline

    def pick_vars(self) -> dict[str, Any]:
        """The variables of the key-time request: the shared context, then the candidates after the sources."""
        return {**self.prompt_vars(), "candidates": self.candidates, "decided": []}

    def prompt_vars(self) -> dict[str, Any]:
        """The variables ``_context.j2`` renders: identical for every section of one draft."""
        return {
            "facts": self.facts,
            "candidates": [],  # only the key-time request lists them (``pick_vars``)
            "decided": self.decided,
            "hints": self.hints,
            "similar": [_match_view(m) for m in self.similar],
            "sources": self.sources_text,
            "sources_note": self.sources_note,
        }


def format_sources(timeline: Timeline, *, budget: int = 30_000, counter: TokenCounter | None = None) -> str:
    """Every event, one per line, packed into ``budget`` tokens (see ``budget.pack``)."""
    from assistant.draft.tokens import EstimateCounter

    packed = pack(timeline.events, budget, counter or EstimateCounter(), forced=_key_ids(timeline))
    return packed.text if packed.fits else "\n".join(event_line(e) for e in timeline.events)


def make_redactor(timeline: Timeline, *, alias_names: bool) -> tuple[Redactor, bool]:
    """A ``Redactor`` that knows the people of this incident (aliased when ``alias_names``)."""
    return Redactor.from_settings(alias_names=alias_names, names=timeline_names(timeline)), alias_names


def build_context(
    timeline: Timeline,
    *,
    alias_names: bool,
    library: Any | None = None,
    k: int = 5,
    budget: Budget | None = None,
) -> DraftContext:
    """Redact the timeline, compute facts and hints, fit the sources to the budget, fetch similar incidents."""
    from assistant.config import get_settings

    redactor, aliased = make_redactor(timeline, alias_names=alias_names)
    redacted = redactor.redact_timeline(timeline)
    budget = budget or Budget.from_settings(get_settings())
    from assistant.draft.facts import analyse

    ctx = DraftContext(timeline=redacted, sources_text="", redactor=redactor, redacted=True, aliased=aliased)
    ctx.similar, ctx.library_note = _similar(redacted, library, k)
    settings = get_settings()
    ctx.zone_setting = settings.team_timezone
    ctx.facts = clock_lines(redacted, zone_setting=ctx.zone_setting)
    ctx.candidates = candidate_lines(redacted, zone_setting=ctx.zone_setting, per_key=CANDIDATES_SHOWN)
    ctx.decided = key_time_lines(redacted, zone_setting=ctx.zone_setting)
    ctx.analysis = analyse(redacted)
    ctx.hints = _within(hint_lines(ctx.analysis), int(budget.window_tokens * HINT_SHARE), budget.counter)
    ctx.marks = {i: BLAME_MARK for i in ctx.analysis.blameful}
    fit_sources(ctx, budget)
    return ctx


def fit_sources(ctx: DraftContext, budget: Budget) -> None:
    """Pack the sources into what the window leaves; fall back to time windows when people lines overflow."""
    tl = ctx.timeline
    counter = ctx.counter = budget.counter
    fixed = _fixed_tokens(ctx, counter, single=budget.single)
    room = int(budget.window_tokens * (1 - MARGIN)) - fixed - budget.output_tokens
    room = max(room, 256)
    ctx.sources_budget = room
    packed = pack(tl.events, room, counter, forced=_key_ids(tl), marks=ctx.marks)
    report = ContextReport(
        window_tokens=budget.window_tokens,
        calls="single" if budget.single else "sections",
        tokenizer=counter.name,
        mode="full",
        events_total=len(tl.events),
    )
    if packed.fits:
        ctx.sources_text = packed.text
        report.mode = "packed" if packed.omitted_ids else "full"
        report.sources_tokens = packed.tokens
        report.events_in_prompt = packed.included
        report.log_runs_grouped = packed.grouped
        report.omitted_event_ids = packed.omitted_ids
        if packed.omitted_ids:
            report.notes.append(
                f"{len(packed.omitted_ids)} log events left out for length (named in the prompt)"
            )
    else:
        ctx.window_budget = _window_room(budget)
        ctx.windows = [
            Window(i + 1, evs) for i, evs in enumerate(windows(tl.events, ctx.window_budget, counter))
        ]
        report.mode = "hierarchical"
        report.notes.append(
            f"people's lines alone need ~{packed.tokens} tokens, more than the {room} the window leaves: "
            f"drafted from {len(ctx.windows)} time-window summaries"
        )
        assemble_windows(ctx, counter)
    ctx.report = report


def summarise_windows(ctx: DraftContext, provider: Any, *, workers: int = 4) -> None:
    """Hierarchical drafts: have the model summarise each time window, then rebuild the sources from them.

    When the summaries together exceed what the section prompts leave, they are summarised again
    (``windows.condense``, summaries of summaries with their event ids) until they fit.
    """
    from assistant.draft.prompts import get_registry
    from assistant.draft.windows import condense, summarise

    if not ctx.windows or ctx.report is None:
        return
    counter = ctx.counter or get_counter(None, None)
    n = len(ctx.windows)
    allowed = int(ctx.sources_budget * (1 - ANCHOR_SHARE))
    per_window = max(60, allowed // n, min(WINDOW_SUMMARY_TOKENS, allowed))
    system = get_registry().render("system")
    room = ctx.window_budget or ctx.sources_budget
    summarise(
        ctx.windows,
        provider,
        counter=counter,
        window_budget=room,
        summary_budget=per_window,
        system=system,
        workers=workers,
        forced=_key_ids(ctx.timeline),
        marks=ctx.marks,
    )
    ctx.shown = condense(
        ctx.windows, provider, counter=counter, room=room, fits=allowed, system=system, workers=workers
    )
    levels = max(w.level for w in ctx.shown)
    if levels > 1:
        ctx.report.notes.append(
            f"the {n} window summaries exceed the room left for sources: summarised again over {levels - 1} "
            f"level(s) into {len(ctx.shown)} part(s), event ids kept"
        )
    assemble_windows(ctx, counter)


def assemble_windows(ctx: DraftContext, counter: TokenCounter) -> None:
    """Sources of a hierarchical draft: every window's summary (or digest), then as many verbatim lines as fit.

    Verbatim lines enter by priority: key events, the last people line, alerts, then people lines
    taken in turn from each window, so what room the summaries leave is spread over the incident.
    """
    n = len(ctx.windows)
    anchors_min = int(ctx.sources_budget * ANCHOR_SHARE)
    allowed = ctx.sources_budget - anchors_min
    for w in ctx.windows:
        if not w.text:
            w.text, w.how = digest(w, n, counter, max(20, allowed // max(n, 1))), "digest (no model call)"
    shown = ctx.shown or ctx.windows
    per_window = max(20, allowed // max(len(shown), 1))
    texts = [head(w.text, per_window, counter) for w in shown]
    dropped = _drop_middle(texts, allowed, counter)
    summaries = "\n\n".join(t for t in texts if t)
    if dropped and ctx.report is not None:
        ctx.report.notes.append(
            f"{dropped} of {len(shown)} window summaries left out for length (the first and last are kept); "
            "a larger POSTMORTEM_CONTEXT_TOKENS keeps them all"
        )
    room = max(anchors_min, ctx.sources_budget - counter.count(summaries) - 20)
    anchors = _anchors(ctx.timeline, counter, room, ctx.windows)
    ctx.sources_text = "\n".join(["Lines quoted verbatim:", *anchors, "", summaries])
    parts = f"{len(shown)} parts summarising " if shown is not ctx.windows else ""
    ctx.sources_note = (
        f"This incident is longer than the model's window: the sources are {len(anchors)} of its lines verbatim "
        f"and {parts}{n} consecutive time windows, each summarised with the ids of its events. Cite those ids."
    )
    if ctx.report is not None:
        ctx.report.windows = [f"window {w.index}: {w.span}: {w.how}" for w in ctx.windows]
        ctx.report.windows += [
            f"level {w.level} part {w.index}: windows {w.parts[0]}-{w.parts[-1]}: {w.how}"
            for w in shown
            if w.level > 1
        ]
        ctx.report.sources_tokens = counter.count(ctx.sources_text)
        ctx.report.events_in_prompt = len(anchors)


def _drop_middle(texts: list[str], budget: int, counter: TokenCounter) -> int:
    """Blank window texts from the middle outwards until the rest fit ``budget``; the first and last stay."""
    costs = [counter.count(t) + 2 for t in texts]
    total = sum(costs)
    order = sorted(range(1, len(texts) - 1), key=lambda i: abs(i - (len(texts) - 1) / 2))
    dropped = 0
    for i in order:
        if total <= budget:
            break
        total -= costs[i]
        texts[i] = ""
        dropped += 1
    return dropped


def _anchors(tl: Timeline, counter: TokenCounter, budget: int, parts: list[Window]) -> list[str]:
    """Verbatim lines within ``budget`` tokens, in time order (priority in ``assemble_windows``)."""
    keys = _key_ids(tl, runner_ups=False)  # room is scarce here: the picks' lines, not every candidate's
    people = [e for e in tl.events if e.source != SourceKind.log]
    order: list[Event] = [e for e in tl.events if e.id in keys]
    order += people[-1:] + [e for e in people if e.source == SourceKind.alert]
    per_window = [[e for e in w.events if e.source != SourceKind.log] for w in parts]
    longest = max((len(p) for p in per_window), default=0)
    order += [p[i] for i in range(longest) for p in per_window if i < len(p)]
    chosen: dict[str, Event] = {}
    used = 0
    for e in order:
        if e.id in chosen:
            continue
        cost = counter.count(event_line(e, max_chars=400)) + 1
        if used + cost > budget:
            continue
        chosen[e.id] = e
        used += cost
    return [event_line(e, max_chars=400) for e in sorted(chosen.values(), key=lambda e: (e.time, e.id))]


def _window_room(budget: Budget) -> int:
    """Sources tokens one window-summary request can carry: its prompt is short and its answer small."""
    from assistant.draft.prompts import get_registry

    reg = get_registry()
    fixed = budget.counter.count(reg.render("system")) + budget.counter.count(
        reg.render("_window", sources="", index=99, total=99, span="x" * 80, level=2)
    )
    return max(256, int(budget.window_tokens * (1 - MARGIN)) - fixed - 40 - SECTION_OUTPUT_TOKENS)


def _within(lines: list[str], budget: int, counter: TokenCounter) -> list[str]:
    """The hint lines that fit ``budget`` tokens, taken in turn from each kind so every kind is heard."""
    kinds: dict[str, list[str]] = {}
    for line in lines:
        kinds.setdefault(line.split(" [", 1)[0].split(" (", 1)[0], []).append(line)
    order = [
        ls[i]
        for i in range(max((len(v) for v in kinds.values()), default=0))
        for ls in kinds.values()
        if i < len(ls)
    ]
    kept: set[str] = set()
    used = 0
    for line in order:
        cost = counter.count(line) + 2
        if used + cost <= budget:
            kept.add(line)
            used += cost
    return [line for line in lines if line in kept]


def _key_ids(tl: Timeline, *, runner_ups: bool = True) -> set[str]:
    """Key events and (with ``runner_ups``) their listed candidates: their lines reach the prompt as evidence."""
    ids = {i for i in tl.key_events.model_dump().values() if i}
    if runner_ups:
        ids |= {
            c.event_id for ch in tl.key_candidates.values() for c in ch.candidates[: CANDIDATES_SHOWN - 1]
        }
    return ids


def _fixed_tokens(ctx: DraftContext, counter: TokenCounter, *, single: bool = False) -> int:
    """Tokens of the system prompt plus the longest section prompt (or the single-call prompt) without sources."""
    from assistant.draft.prompts import get_registry
    from assistant.draft.single import instructions

    reg = get_registry()
    variables = {**ctx.prompt_vars(), "sources": "", "max_entries": 60}
    variables["sources_note"] = "x" * 300  # a hierarchical draft adds a note of about this size
    if single:
        longest = (
            counter.count(reg.render("_context", **variables) + instructions(SECTION_ORDER, variables)) + 30
        )
    else:
        longest = max(counter.count(reg.render(name, **variables)) for name in SECTION_ORDER)
        pick = {**ctx.pick_vars(), "sources": "", "sources_note": variables["sources_note"]}
        longest = max(longest, counter.count(reg.render("key_times", **pick)))
    return counter.count(reg.render("system")) + longest + 40  # message framing of chat templates


def _match_view(match: Any) -> dict[str, Any]:
    get = match.get if isinstance(match, dict) else lambda k, d=None: getattr(match, k, d)
    return {"id": get("id", "?"), "title": get("title"), "why": get("why")}


def _similar(timeline: Timeline, library: Any | None, k: int) -> tuple[list[Any], str | None]:
    lib = library if library is not None else _configured_library()
    if lib is None:
        return [], "no library of past postmortems configured"
    try:
        return list(lib.similar(incident_query(timeline), k=k)), None
    except Exception as exc:  # noqa: BLE001 — optional context (chromadb, onnxruntime raise their own types): a broken index must not lose the draft; the reason goes into the draft
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
    except Exception:  # noqa: BLE001 — chromadb raises its own types; an unreadable library only costs the similar-incidents list
        return None
