"""The offline provider: no model; answers each draft section deterministically from ``request.context``.

It needs ``request.context["timeline"]`` (the redacted ``Timeline``) and a section name
(``context["section"]`` or the schema). Analysis is done once per draft and shared through
``context["shared"]`` when the pipeline provides it.
"""

from __future__ import annotations

import threading
from typing import Any

from assistant.domain import Timeline
from assistant.errors import ProviderError
from assistant.llm.base import StructuredRequest, T, Usage


class OfflineProvider:
    """Deterministic drafter: grounded, blameless, useful; never leaves the machine."""

    name = "offline"
    model: str | None = None
    remote = False

    def __init__(self) -> None:
        self.usage = Usage()
        self._lock = threading.Lock()

    def generate(self, request: StructuredRequest[T]) -> T:
        """Return the section named by the request, written from its timeline."""
        from assistant.draft.offline_sections import WRITERS
        from assistant.draft.schema import SECTION_MODELS

        heading = request.context.get("free_heading")
        if heading is not None:  # a free section of a team's template
            from assistant.draft.free_sections import write_offline

            facts = self._facts(request.context["timeline"], request.context.get("shared"))
            with self._lock:
                self.usage.calls += 1
            return request.schema.model_validate(write_offline(facts, heading).model_dump())
        section = request.context.get("section") or next(
            (n for n, m in SECTION_MODELS.items() if m is request.schema), None
        )
        if section not in WRITERS:
            raise ProviderError(
                f"offline provider cannot answer {request.purpose!r}: no drafter for schema {request.schema.__name__}"
            )
        timeline = request.context.get("timeline")
        if not isinstance(timeline, Timeline):
            raise ProviderError(f"offline provider needs context['timeline'] for {request.purpose!r}")
        facts = self._facts(timeline, request.context.get("shared"))
        with self._lock:
            self.usage.calls += 1
        out = WRITERS[section](facts)
        return request.schema.model_validate(out.model_dump())

    def _facts(self, timeline: Timeline, shared: dict[str, Any] | None) -> Any:
        from assistant.draft.facts import analyse

        if shared is None:
            return analyse(timeline)
        lock = shared.setdefault("lock", self._lock)
        with lock:
            facts = shared.get("offline_facts")
            if facts is None or facts.timeline is not timeline:
                facts = shared["offline_facts"] = analyse(timeline)
        return facts
