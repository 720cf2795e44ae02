"""The UI's drafts store: :mod:`assistant.store` (SQLite by default, PostgreSQL when configured).

Kept as the name the UI modules import; the store itself lives in ``assistant/store/``.
"""

from __future__ import annotations

from assistant.store.drafts import DraftRecord, DraftStore

__all__ = ["DraftRecord", "DraftStore"]
