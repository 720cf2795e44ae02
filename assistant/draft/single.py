"""Single-call drafting: every section in one structured answer, for small local models.

Eleven section calls re-read the same sources eleven times; a local model without a prompt cache
pays that each time. One call with every section's instruction after the shared context costs one
read. Chosen by ``POSTMORTEM_DRAFT_CALLS=single``, or by ``auto`` when the window is 16k tokens or less.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, create_model

from assistant.draft.schema import SECTION_MODELS
from assistant.llm.base import Message, StructuredRequest

AUTO_SINGLE_MAX_WINDOW = 16_384


def use_single(setting: str, window_tokens: int, *, has_model: bool) -> bool:
    """Whether to draft in one call: the setting, or ``auto`` on windows of 16k tokens or less."""
    if not has_model:
        return False
    if setting == "auto":
        return window_tokens <= AUTO_SINGLE_MAX_WINDOW
    return setting == "single"


@lru_cache(maxsize=16)
def all_sections_model(sections: tuple[str, ...]) -> type[BaseModel]:
    """One schema holding every requested section's schema as a field."""
    fields: dict[str, Any] = {name: (SECTION_MODELS[name], ...) for name in sections}
    model: type[BaseModel] = create_model("AllSectionsDraft", __config__=ConfigDict(extra="forbid"), **fields)
    return model


def instructions(sections: Sequence[str], variables: dict[str, Any]) -> str:
    """Each section's instruction, as its own template states it after the shared context."""
    from assistant.draft.prompts import get_registry

    reg = get_registry()
    shared = reg.render("_context", **variables)
    parts = []
    for name in sections:
        text = reg.render(name, **variables)
        parts.append(text[len(shared) :].strip() if text.startswith(shared.rstrip("\n")) else text)
    return "\n\n".join(parts)


def single_request(sections: Sequence[str], variables: dict[str, Any]) -> StructuredRequest[Any]:
    """One request for every section: the shared context, then all instructions, one field per section."""
    from assistant.draft.prompts import get_registry

    reg = get_registry()
    user = (
        reg.render("_context", **variables)
        + "\nWrite every section below in one answer, one field per section.\n\n"
        + instructions(sections, variables)
        + "\n"
    )
    return StructuredRequest(
        messages=[Message("system", reg.render("system")), Message("user", user)],
        schema=all_sections_model(tuple(sections)),
        purpose="draft.all_sections",
    )
