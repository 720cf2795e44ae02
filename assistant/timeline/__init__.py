"""The timeline stage: parsed sources → one ordered, source-linked, condensed timeline with key times.

Modules, in the order ``build_timeline`` runs them:

- ``placement``: every record on the UTC axis (zone per source, dates for times of day, skew),
  with ``align`` (offsets and skew inferred from shared events), ``stated`` and
  ``clock_statements`` (clock corrections responders state); zone reading is ``assistant.clock``,
  shared with ingest.
- ``condense``: logs into templates, counts and bursts.
- ``merge``: one event per happening (an alert and its chat echo become one event).
- ``keytimes``: the signals the key-time procedure reads (``assistant.roles.keytimes`` picks them).
- ``build``: the steps above in order, ids, metrics, clock info and problems.
- ``public_json``: the public ``postmortem timeline --json`` shape.

``from assistant.timeline import build_timeline`` is the entry point. The names load on first use,
so importing one module of the stage (``assistant.timeline.keytimes``, which the role classifier
reads) does not import the whole stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.timeline.build import build_timeline
    from assistant.timeline.public_json import timeline_to_json

__all__ = ["build_timeline", "timeline_to_json"]

_LAZY = {
    "build_timeline": "assistant.timeline.build",
    "timeline_to_json": "assistant.timeline.public_json",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'assistant.timeline' has no attribute {name!r}")
