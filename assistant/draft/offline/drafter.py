"""The deterministic drafter: no model; each section written from the timeline's ``Facts``.

It is not a provider: the pipeline calls it directly, for every section when no model is chosen
(``--provider offline``) and for a section whose model call failed for good. It drafts from the
same redacted timeline the prompts show, read once per draft (``facts.analyse``).
"""

from __future__ import annotations

from pydantic import BaseModel

from assistant.domain import Timeline
from assistant.draft.analysis import Facts
from assistant.draft.facts import analyse
from assistant.draft.offline.sections import WRITERS
from assistant.draft.schema import SECTION_MODELS, SECTION_ORDER
from assistant.errors import PromptError

OFFLINE = "offline"
"""The name a draft records for sections this drafter wrote (``provenance``, ``SectionStatus``)."""


class OfflineDrafter:
    """Grounded, blameless sections for one timeline; never leaves the machine."""

    name = OFFLINE

    def __init__(self, facts: Facts) -> None:
        """Draft from ``facts``, the deterministic analysis of one timeline."""
        self.facts = facts

    @classmethod
    def for_timeline(cls, timeline: Timeline) -> OfflineDrafter:
        """A drafter for ``timeline`` (the pipeline passes the analysis it already made)."""
        return cls(analyse(timeline))

    def section(self, name: str) -> BaseModel:
        """Section ``name``, validated as its schema."""
        writer = WRITERS.get(name)
        if writer is None:
            raise PromptError(f"unknown section {name!r}; choose from {', '.join(SECTION_ORDER)}")
        return SECTION_MODELS[name].model_validate(writer(self.facts).model_dump())
