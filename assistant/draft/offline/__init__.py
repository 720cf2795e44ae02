"""Drafting without a model: ``OfflineDrafter`` writes every section deterministically (``sections``)."""

from __future__ import annotations

from assistant.draft.offline.drafter import OFFLINE, OfflineDrafter

__all__ = ["OFFLINE", "OfflineDrafter"]
