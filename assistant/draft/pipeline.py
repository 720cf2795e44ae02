"""Draft a postmortem from a timeline: redact, retrieve, draft sections concurrently, check, assemble.

With no provider (``--provider offline``) every section comes from the deterministic drafter
(``draft.offline``). A section whose model call fails for good is drafted by it instead; the draft
records it in ``provenance.fallbacks`` and ``provenance.sections``. Sections already drafted are kept.
Which provider, if any, is the caller's choice (``assistant.llm.provider_from_settings``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any

from pydantic import BaseModel, ValidationError

from assistant.config import get_settings
from assistant.domain import Timeline
from assistant.draft.assemble import assemble
from assistant.draft.clip import clip_long_events
from assistant.draft.context import Budget, DraftContext, build_context, summarise_windows
from assistant.draft.fallback import describe_failure
from assistant.draft.keypick import Decision, ask, pick_request
from assistant.draft.offline import OFFLINE, OfflineDrafter
from assistant.draft.prompts import get_registry
from assistant.draft.schema import SECTION_MODELS, SECTION_ORDER, Postmortem, SectionStatus
from assistant.draft.single import single_request, use_single
from assistant.errors import PromptError, ProviderError
from assistant.llm.base import Message, Provider, StructuredRequest

SectionCallback = Callable[[str, BaseModel], None]
MAX_TIMELINE_ENTRIES = 60


def build_request(name: str, ctx: DraftContext) -> StructuredRequest[Any]:
    """The structured request for one section: system rules + the section prompt with the delimited sources."""
    if name not in SECTION_MODELS:
        raise PromptError(f"unknown section {name!r}; choose from {', '.join(SECTION_ORDER)}")
    reg = get_registry()
    user = reg.render(name, **ctx.prompt_vars(), max_entries=MAX_TIMELINE_ENTRIES)
    return StructuredRequest(
        messages=[Message("system", reg.render("system")), Message("user", user)],
        schema=SECTION_MODELS[name],
        purpose=f"draft.{name}",
    )


def prompt_versions(sections: Sequence[str]) -> dict[str, str]:
    """The template versions a draft of these sections uses."""
    reg = get_registry()
    versions = {"system": reg.version("system"), "_context": reg.version("_context")}
    versions.update({name: reg.version(name) for name in sections})
    return versions


def draft_postmortem(
    timeline: Timeline,
    *,
    provider: Provider | None = None,
    library: Any | None = None,
    on_section: SectionCallback | None = None,
    sections: Sequence[str] | None = None,
) -> Postmortem:
    """Draft every section (or ``sections``) of a postmortem for ``timeline``.

    ``provider`` is the model to ask; None drafts every section with the deterministic drafter.
    """
    settings = get_settings()
    timeline = clip_long_events(timeline)
    has_model = provider is not None
    model = provider.model if provider is not None else None
    alias = settings.alias_names if settings.alias_names is not None else bool(provider and provider.remote)
    budget = Budget.from_settings(settings, model=model)
    single = use_single(settings.draft_calls, budget.window_tokens, has_model=has_model)
    if single:
        budget = Budget.from_settings(settings, model=model, single=True)
    ctx = build_context(timeline, alias_names=alias, library=library, budget=budget)
    if ctx.windows and provider is not None:
        summarise_windows(ctx, provider, workers=settings.llm_concurrency)
    timeline, picks = _key_times(ctx, provider, timeline)
    wanted = [s for s in SECTION_ORDER if sections is None or s in sections]
    unknown = [s for s in (sections or ()) if s not in SECTION_MODELS]
    if unknown:
        raise PromptError(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTION_ORDER)}")
    versions = prompt_versions(wanted)
    offline = (
        OfflineDrafter(ctx.analysis)
        if ctx.analysis is not None
        else OfflineDrafter.for_timeline(ctx.timeline)
    )
    drafted: dict[str, BaseModel] = {}
    status: dict[str, SectionStatus] = {}

    def run(name: str) -> tuple[str, BaseModel, SectionStatus]:
        if provider is None:
            return name, offline.section(name), SectionStatus(provider=OFFLINE, prompt_version=versions[name])
        try:
            out = provider.generate(build_request(name, ctx))
            return name, out, SectionStatus(provider=provider.name, prompt_version=versions[name])
        except (ProviderError, ValidationError) as exc:
            # The model failed for good: keep the draft complete with the deterministic drafter.
            why = f"{type(exc).__name__}: {str(exc)[:300]}"
            reason, check = describe_failure(exc)
            return (
                name,
                offline.section(name),
                SectionStatus(
                    provider=OFFLINE,
                    prompt_version=versions[name],
                    status="fallback",
                    error=why,
                    reason=reason,
                    settings=check,
                ),
            )

    workers = max(1, min(settings.llm_concurrency, len(wanted)))
    if provider is not None and ctx.report is not None and ctx.report.calls == "single":
        drafted, status = _draft_all(wanted, ctx, provider, offline, versions)
        for name in wanted:
            if on_section:
                on_section(name, drafted[name])
    elif provider is None or workers == 1:
        results = (run(name) for name in wanted)
        for name, out, st in results:
            drafted[name], status[name] = out, st
            if on_section:
                on_section(name, out)
    else:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="draft") as pool:
            futures = [pool.submit(run, name) for name in wanted]
            for fut in as_completed(futures):
                name, out, st = fut.result()
                drafted[name], status[name] = out, st
                if on_section:
                    on_section(name, out)
    pm = assemble(
        timeline=timeline,
        ctx=ctx,
        drafted=drafted,
        status=status,
        provider=provider,
        versions=versions,
    )
    pm.provenance.context = ctx.report
    _record_picks(pm, picks)
    return pm


def _key_times(
    ctx: DraftContext, provider: Provider | None, timeline: Timeline
) -> tuple[Timeline, list[str]]:
    """With a model: ``timeline`` with the key times it picked and code checked, and the notes on each."""
    if provider is None or provider.name == OFFLINE:  # a wrapped offline drafter cannot pick
        return timeline, []
    decision = pick_key_times(ctx, provider)
    return decision.apply(timeline), decision.notes


def _record_picks(pm: Postmortem, picks: list[str]) -> None:
    pm.provenance.key_time_picks = picks
    if picks:
        pm.provenance.prompt_versions["key_times"] = get_registry().version("key_times")


def pick_key_times(ctx: DraftContext, provider: Provider) -> Decision:
    """Ask the model to pick each key time by event id; code checks the picks and restates the durations."""
    reg = get_registry()
    user = reg.render("key_times", **ctx.pick_vars())
    decision = ask(provider, pick_request(user, reg.render("system")), ctx.timeline)
    ctx.set_timeline(decision.apply(ctx.timeline))
    return decision


def _draft_all(
    sections: Sequence[str],
    ctx: DraftContext,
    provider: Provider,
    offline: OfflineDrafter,
    versions: dict[str, str],
) -> tuple[dict[str, BaseModel], dict[str, SectionStatus]]:
    """Draft ``sections`` in one call; if it fails for good, every section comes from the offline drafter."""
    variables = {**ctx.prompt_vars(), "max_entries": MAX_TIMELINE_ENTRIES}
    request = single_request(sections, variables)
    drafted: dict[str, BaseModel] = {}
    status: dict[str, SectionStatus] = {}
    try:
        out = provider.generate(request)
        for name in sections:
            drafted[name] = getattr(out, name)
            status[name] = SectionStatus(provider=provider.name, prompt_version=versions[name])
    except (ProviderError, ValidationError) as exc:
        why = f"{type(exc).__name__} (single call): {str(exc)[:300]}"
        for name in sections:
            drafted[name] = offline.section(name)
            status[name] = SectionStatus(
                provider=offline.name, prompt_version=versions[name], status="fallback", error=why
            )
    return drafted, status
