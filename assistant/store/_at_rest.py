"""Drafts stored with secrets and personal data redacted (``POSTMORTEM_STORE_REDACTED=1``)."""

from __future__ import annotations

from typing import Any

# Keys whose values are times, ids, file references or numbers: never redacted (a date is not PII).
_KEEP = frozenset({"time", "recorded_time", "key_times", "metrics", "refs", "event_ids", "id", "ids", "provenance",
                   "key_events", "clock", "created", "updated", "severity", "matches"})  # fmt: skip


def redact_tree(value: Any, key: str = "", *, redactor: Any = None) -> Any:
    """A copy of a JSON tree whose strings pass the redactor, except under keys in ``_KEEP``."""
    if redactor is None:
        from assistant.redact import Redactor

        redactor = Redactor.from_settings()
    if key in _KEEP:
        return value
    if isinstance(value, str):
        return redactor.redact(value)
    if isinstance(value, dict):
        return {k: redact_tree(v, k, redactor=redactor) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_tree(v, key, redactor=redactor) for v in value]
    return value
