"""Draft a postmortem from a timeline: redact, retrieve, draft sections concurrently, check, assemble.

A section whose model call fails for good is drafted by the offline provider instead; the draft
records it in ``provenance.fallbacks`` and ``provenance.sections``. Sections already drafted are kept.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any

from pydantic import BaseModel, ValidationError

from assistant.domain import Timeline
from assistant.draft.context import Budget, DraftContext, build_context, summarise_windows
from assistant.draft.keypick import Decision, ask, pick_request
from assistant.draft.prompts import get_registry
from assistant.draft.schema import SECTION_MODELS, SECTION_ORDER, Postmortem, SectionStatus
from assistant.draft.single import draft_all, use_single
from assistant.errors import PromptError, ProviderError
from assistant.llm.base import Message, Provider, StructuredRequest

SectionCallback = Callable[[str, BaseModel], None]
MAX_TIMELINE_ENTRIES = 60


def build_request(name: str, ctx: DraftContext, shared: dict[str, Any]) -> StructuredRequest[Any]:
    """The structured request for one section: system rules + the section prompt with the delimited sources."""
    if name not in SECTION_MODELS:
        raise PromptError(f"unknown section {name!r}; choose from {', '.join(SECTION_ORDER)}")
    reg = get_registry()
    tl = ctx.timeline
    user = reg.render(name, **ctx.prompt_vars(), max_entries=MAX_TIMELINE_ENTRIES)
    return StructuredRequest(
        messages=[Message("system", reg.render("system")), Message("user", user)],
        schema=SECTION_MODELS[name],
        purpose=f"draft.{name}",
        context={"section": name, "timeline": tl, "similar": ctx.similar, "shared": shared},
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
    """Draft every section (or ``sections``) of a postmortem for ``timeline``."""
    from assistant.config import get_settings
    from assistant.draft.assemble import assemble
    from assistant.draft.clip import clip_long_events
    from assistant.llm.offline import OfflineProvider

    settings = get_settings()
    timeline = clip_long_events(timeline)
    provider = provider or _default_provider(settings)
    offline = provider if isinstance(provider, OfflineProvider) else OfflineProvider()
    alias = settings.alias_names if settings.alias_names is not None else bool(provider.remote)
    budget = Budget.from_settings(settings, model=provider.model)
    single = use_single(settings.draft_calls, budget.window_tokens, has_model=provider is not offline)
    if single:
        budget = Budget.from_settings(settings, model=provider.model, single=True)
    ctx = build_context(timeline, alias_names=alias, library=library, budget=budget)
    if ctx.windows and provider is not offline:
        summarise_windows(ctx, provider, workers=settings.llm_concurrency)
    picks: list[str] = []
    if provider is not offline and provider.name != offline.name:  # a wrapped offline drafter cannot pick
        decision = pick_key_times(ctx, provider)
        timeline, picks = decision.apply(timeline), decision.notes
    wanted = [s for s in SECTION_ORDER if sections is None or s in sections]
    unknown = [s for s in (sections or ()) if s not in SECTION_MODELS]
    if unknown:
        raise PromptError(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTION_ORDER)}")
    versions = prompt_versions(wanted)
    shared: dict[str, Any] = {"lock": threading.Lock(), "offline_facts": ctx.analysis}
    drafted: dict[str, BaseModel] = {}
    status: dict[str, SectionStatus] = {}

    def run(name: str) -> tuple[str, BaseModel, SectionStatus]:
        request = build_request(name, ctx, shared)
        try:
            out = provider.generate(request)
            return name, out, SectionStatus(provider=provider.name, prompt_version=versions[name])
        except (ProviderError, ValidationError) as exc:
            # The model failed for good: keep the draft complete with the deterministic drafter.
            from assistant.draft.fallback import describe_failure

            out = offline.generate(request)
            why = f"{type(exc).__name__}: {str(exc)[:300]}"
            reason, check = describe_failure(exc)
            return (
                name,
                out,
                SectionStatus(
                    provider=offline.name,
                    prompt_version=versions[name],
                    status="fallback",
                    error=why,
                    reason=reason,
                    settings=check,
                ),
            )

    workers = max(1, min(settings.llm_concurrency, len(wanted)))
    if ctx.report is not None and ctx.report.calls == "single":
        drafted, status = draft_all(wanted, ctx, provider, offline, versions, shared)
        for name in wanted:
            if on_section:
                on_section(name, drafted[name])
    elif provider is offline or workers == 1:
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
    pm.provenance.key_time_picks = picks
    if picks:
        pm.provenance.prompt_versions["key_times"] = get_registry().version("key_times")
    return pm


def pick_key_times(ctx: DraftContext, provider: Provider) -> Decision:
    """Ask the model to pick each key time by event id; code checks the picks and restates the durations."""
    reg = get_registry()
    user = reg.render("key_times", **ctx.pick_vars())
    decision = ask(provider, pick_request(user, reg.render("system")), ctx.timeline)
    ctx.set_timeline(decision.apply(ctx.timeline))
    return decision


def _default_provider(settings: Any) -> Provider:
    from assistant.llm import get_provider

    return get_provider(settings=settings)
