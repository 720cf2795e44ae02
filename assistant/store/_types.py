"""Column types that behave the same on SQLite and PostgreSQL.

``UtcDateTime`` keeps timezone-aware datetimes: ``timestamptz`` on PostgreSQL, ISO-8601 text with
an offset on SQLite (the format the first drafts store wrote, so its files open unchanged, and
text that sorts in time order because every value is UTC with the same precision).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored in UTC; naive values are refused."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError(f"UtcDateTime needs a timezone-aware datetime, got {value!r}")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.isoformat(timespec="microseconds")
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        when: datetime = datetime.fromisoformat(value) if isinstance(value, str) else value
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when.astimezone(UTC)


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC (microsecond precision, as stored)."""
    return datetime.now(UTC)
