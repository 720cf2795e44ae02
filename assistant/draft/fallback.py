"""A model failure is news: which sections fell back to the offline drafter, why, and what to check.

One place turns a provider failure into a short reason plus the settings a person should look at,
and turns a draft's provenance into the lines the CLI prints, the UI shows and the footer carries.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from assistant.draft.schema import SECTION_ORDER, Postmortem
from assistant.errors import InvalidModelOutputError, ProviderError, ProviderUnavailableError

_SETTING = re.compile(r"\b(?:OPENAI|POSTMORTEM|AZURE_OPENAI)_[A-Z_]+\b")
_MAX_REASON = 200


def describe_failure(exc: BaseException) -> tuple[str, list[str]]:
    """(one-line reason, settings to check) for a model call that failed for good."""
    text = " ".join(str(exc).split())
    settings = list(dict.fromkeys(_SETTING.findall(text)))
    if not settings:
        if isinstance(exc, ProviderUnavailableError):
            settings = ["OPENAI_BASE_URL", "POSTMORTEM_LLM_TIMEOUT_S"]
        elif isinstance(exc, InvalidModelOutputError | ValidationError):
            settings = ["POSTMORTEM_MODEL"]
        elif isinstance(exc, ProviderError):
            settings = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "POSTMORTEM_MODEL"]
    if isinstance(exc, ValidationError):
        text = f"the model's answer did not match the section's schema ({exc.error_count()} error(s))"
    # The advice sentences ("Check that ...", "Use a stronger ...") become the settings list.
    reason = re.split(r"(?<=[.;)])\s+(?=(?:Check|Use|check|see|Set|set|Raise|raise)\b)", text, maxsplit=1)[0]
    reason = reason.rstrip(" .;") or type(exc).__name__
    if len(reason) > _MAX_REASON:
        reason = reason[: _MAX_REASON - 1] + "…"
    return reason, settings


def fallback_sections(pm: Postmortem) -> dict[str, tuple[str, list[str]]]:
    """Section → (reason, settings) for every section the offline drafter wrote after a model failure."""
    out: dict[str, tuple[str, list[str]]] = {}
    order = {n: i for i, n in enumerate(SECTION_ORDER)}
    for name, st in sorted(pm.provenance.sections.items(), key=lambda kv: order.get(kv[0], len(order))):
        if st.status == "fallback":
            out[name] = (st.reason or st.error or "the model call failed", list(st.settings))
    return out


def fallback_line(section: str, reason: str, settings: list[str]) -> str:
    """One line for one section: what fell back, why, and the setting to check."""
    check = f"; check {', '.join(settings)}" if settings else ""
    return f"section {section} drafted offline after the model failed: {reason}{check}"


def fallback_lines(pm: Postmortem) -> list[str]:
    """One line per fallen-back section (empty when the model wrote every section)."""
    return [fallback_line(n, r, s) for n, (r, s) in fallback_sections(pm).items()]


def footer_note(pm: Postmortem) -> str | None:
    """The footer's lead when the model failed: 'drafted offline after the model failed: …'."""
    fb = fallback_sections(pm)
    if not fb:
        return None
    p = pm.provenance
    by_reason: dict[str, list[str]] = {}
    for name, (reason, _) in fb.items():
        by_reason.setdefault(reason, []).append(name)
    model = f"{p.provider}{f', {p.model}' if p.model else ''}"
    if len(fb) == len(p.sections) and len(by_reason) == 1:
        return (
            f"drafted offline after the model failed: {next(iter(by_reason))} (every section; model: {model})"
        )
    parts = [f"{', '.join(names)}: {reason}" for reason, names in by_reason.items()]
    return f"drafted by {model}; {len(fb)} section(s) drafted offline after the model failed: " + "; ".join(
        parts
    )
