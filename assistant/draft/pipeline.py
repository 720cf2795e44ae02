"""Draft a postmortem from a timeline: redact, retrieve, draft sections concurrently, check, assemble.

With no provider (``--provider offline``) every section comes from the deterministic drafter
(``draft.offline``). A section whose model call fails for good is drafted by it instead; the draft
records it in ``provenance.fallbacks`` and ``provenance.sections``. Sections already drafted are kept.
Which provider, if any, is the caller's choice (``assistant.llm.provider_from_settings``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any

from pydantic import BaseModel, ValidationError

from assistant.config import get_settings
from assistant.domain import Timeline
from assistant.draft.assemble import assemble
from assistant.draft.clip import clip_long_events
from assistant.draft.context import Budget, DraftContext, build_context, summarise_windows
from assistant.draft.fallback import describe_failure
from assistant.draft.free_sections import (
    free_position,
    free_request,
    guidance_notes,
    planned_sections,
    versions_for,
    write_offline,
)
from assistant.draft.keypick import Decision, ask, pick_request
from assistant.draft.offline import OFFLINE, OfflineDrafter
from assistant.draft.prompts import get_registry
from assistant.draft.schema import SECTION_MODELS, SECTION_ORDER, Postmortem, SectionStatus, TemplateRef
from assistant.draft.single import single_request, use_single
from assistant.errors import PromptError, ProviderError
from assistant.llm.base import Message, Provider, StructuredRequest

SectionCallback = Callable[[str, BaseModel], None]
MAX_TIMELINE_ENTRIES = 60


def build_request(
    name: str, ctx: DraftContext, template: TemplateRef | None = None
) -> StructuredRequest[Any]:
    """The structured request for one section: system rules + the section prompt with the delimited sources.

    With a team ``template``, the guidance under the headings this section fills follows the prompt,
    and a free section (``free:N``) gets its own prompt built from its heading and guidance.
    """
    if template is not None and free_position(name) is not None:
        return free_request(name, ctx, template, MAX_TIMELINE_ENTRIES)
    if name not in SECTION_MODELS:
        raise PromptError(f"unknown section {name!r}; choose from {', '.join(SECTION_ORDER)}")
    reg = get_registry()
    user = reg.render(name, **ctx.prompt_vars(), max_entries=MAX_TIMELINE_ENTRIES)
    if notes := guidance_notes(template, name):
        user += "\n" + reg.render("_guidance", notes=notes)
    return StructuredRequest(
        messages=[Message("system", reg.render("system")), Message("user", user)],
        schema=SECTION_MODELS[name],
        purpose=f"draft.{name}",
    )


def prompt_versions(sections: Sequence[str], template: TemplateRef | None = None) -> dict[str, str]:
    """The template versions a draft of these sections uses."""
    reg = get_registry()
    versions = {"system": reg.version("system"), "_context": reg.version("_context")}
    versions.update({name: reg.version(name) for name in sections if free_position(name) is None})
    versions.update(versions_for(sections, template))
    return versions


def draft_postmortem(
    timeline: Timeline,
    *,
    provider: Provider | None = None,
    library: Any | None = None,
    on_section: SectionCallback | None = None,
    sections: Sequence[str] | None = None,
    template: TemplateRef | None = None,
) -> Postmortem:
    """Draft every section (or ``sections``) of a postmortem for ``timeline``.

    ``provider`` is the model to ask; None drafts every section with the deterministic drafter.
    With a team ``template`` only the sections its headings show are drafted (plus metadata), each
    with the template's guidance, and its free sections too; the draft carries the template.
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
    wanted = _wanted(sections, template)
    versions = prompt_versions(wanted, template)
    offline = (
        OfflineDrafter(ctx.analysis)
        if ctx.analysis is not None
        else OfflineDrafter.for_timeline(ctx.timeline)
    )
    drafted: dict[str, BaseModel] = {}
    status: dict[str, SectionStatus] = {}

    def deterministic(name: str) -> BaseModel:
        position = free_position(name)
        if position is not None and template is not None:  # a free section of the team's template
            return write_offline(offline.facts, template.headings[position])
        return offline.section(name)

    def run(name: str) -> tuple[str, BaseModel, SectionStatus]:
        version = versions["free_section" if free_position(name) is not None else name]
        if provider is None:
            return name, deterministic(name), SectionStatus(provider=OFFLINE, prompt_version=version)
        try:
            out = provider.generate(build_request(name, ctx, template))
            return name, out, SectionStatus(provider=provider.name, prompt_version=version)
        except (ProviderError, ValidationError) as exc:
            # The model failed for good: keep the draft complete with the deterministic drafter.
            why = f"{type(exc).__name__}: {str(exc)[:300]}"
            reason, check = describe_failure(exc)
            return (
                name,
                deterministic(name),
                SectionStatus(
                    provider=OFFLINE,
                    prompt_version=version,
                    status="fallback",
                    error=why,
                    reason=reason,
                    settings=check,
                ),
            )

    workers = max(1, min(settings.llm_concurrency, len(wanted)))
    if provider is not None and ctx.report is not None and ctx.report.calls == "single":
        ours = [n for n in wanted if free_position(n) is None]
        one, states = _draft_all(ours, ctx, provider, offline, versions, template)
        _record(((n, one[n], states[n]) for n in ours), drafted, status, on_section)
        _record((run(n) for n in wanted if free_position(n) is not None), drafted, status, on_section)
    elif provider is None or workers == 1:
        _record((run(name) for name in wanted), drafted, status, on_section)
    else:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="draft") as pool:
            futures = [pool.submit(run, name) for name in wanted]
            _record((fut.result() for fut in as_completed(futures)), drafted, status, on_section)
    pm = assemble(
        timeline=timeline,
        ctx=ctx,
        drafted=drafted,
        status=status,
        provider=provider,
        versions=versions,
        template=template,
    )
    pm.provenance.context = ctx.report
    _record_picks(pm, picks)
    return pm


def _wanted(sections: Sequence[str] | None, template: TemplateRef | None) -> list[str]:
    """The sections to draft: the template's (or all of ours), limited to ``sections`` when given."""
    planned = planned_sections(template)
    wanted = [s for s in planned if sections is None or s in sections]
    wanted += [s for s in SECTION_ORDER if sections and s in sections and s not in planned]
    unknown = [s for s in (sections or ()) if s not in SECTION_MODELS and s not in planned]
    if unknown:
        raise PromptError(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(planned)}")
    return wanted


def _record(
    results: Iterable[tuple[str, BaseModel, SectionStatus]],
    drafted: dict[str, BaseModel],
    status: dict[str, SectionStatus],
    on_section: SectionCallback | None,
) -> None:
    """Keep each drafted section as it arrives and report it."""
    for name, out, st in results:
        drafted[name], status[name] = out, st
        if on_section:
            on_section(name, out)


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
    template: TemplateRef | None = None,
) -> tuple[dict[str, BaseModel], dict[str, SectionStatus]]:
    """Draft ``sections`` in one call; if it fails for good, every section comes from the offline drafter."""
    variables = {**ctx.prompt_vars(), "max_entries": MAX_TIMELINE_ENTRIES}
    request = single_request(sections, variables, template)
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
