"""Postmortem Assistant: from incident material to a blameless postmortem draft.

Public API (lazy, so ``import assistant`` stays fast)::

    from assistant import build_timeline, draft_postmortem, check_tone
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "build_timeline": ("assistant.timeline", "build_timeline"),
    "draft_postmortem": ("assistant.draft.pipeline", "draft_postmortem"),
    "check_tone": ("assistant.tone", "check_text"),
    "redact_text": ("assistant.redact", "redact_text"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(name)
