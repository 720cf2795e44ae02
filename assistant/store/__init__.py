"""One data layer for drafts, reviews, comments, edit history and action items.

SQLAlchemy 2 models (``models``), Alembic migrations (``migrations/``), SQLite in the data
directory by default and PostgreSQL when ``POSTMORTEM_DATABASE_URL`` is set (``database``).
"""

from assistant.store.database import Database, normalise_url
from assistant.store.drafts import DraftRecord, DraftStore

__all__ = ["Database", "DraftRecord", "DraftStore", "normalise_url"]
