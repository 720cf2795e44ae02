"""Fast constructors for the domain objects parsers emit.

A million-line log makes a million records, and pydantic validation (or ``model_construct``)
costs several microseconds each. Parsers check their own fields (types below are enforced by
the signatures), so these helpers build the models directly; ``tests/test_ingest_records.py``
checks that the result equals a validated model.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from assistant.domain import RawRecord, RawTime, SourceKind, SourceRef

# Time-of-day only stamps ("[14:02]") carry this date; RawTime.has_date is False for them.
PLACEHOLDER_DATE = date(1900, 1, 1)
# Syslog RFC 3164 stamps have no year; they get this (leap) year and attrs["year_missing"]=True.
PLACEHOLDER_YEAR = 2000

_new = object.__new__
_set = object.__setattr__
_REC_FIELDS = frozenset(("time", "kind", "actor", "text", "ref", "attrs"))
_TIME_FIELDS = frozenset(("value", "has_date"))
_REF_FIELDS = frozenset(("file", "line"))


_M = TypeVar("_M", RawTime, SourceRef, RawRecord)


def _finish(obj: _M, data: dict[str, Any], fields: frozenset[str]) -> _M:
    _set(obj, "__dict__", data)
    _set(obj, "__pydantic_fields_set__", set(fields))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def raw_time(value: datetime, has_date: bool = True) -> RawTime:
    """A RawTime without validation (the caller passes a real datetime)."""
    return _finish(_new(RawTime), {"value": value, "has_date": has_date}, _TIME_FIELDS)


def source_ref(file: str, line: int) -> SourceRef:
    """A SourceRef without validation."""
    return _finish(_new(SourceRef), {"file": file, "line": line}, _REF_FIELDS)


def record(
    time: RawTime,
    kind: SourceKind,
    text: str,
    file: str,
    line: int,
    *,
    actor: str | None = None,
    attrs: Mapping[str, Any] | None = None,
) -> RawRecord:
    """A RawRecord without validation; ``file``/``line`` become its SourceRef."""
    data = {
        "time": time,
        "kind": kind,
        "actor": actor,
        "text": text,
        "ref": source_ref(file, line),
        "attrs": attrs if attrs is not None else {},
    }
    return _finish(_new(RawRecord), data, _REC_FIELDS)


def time_of_day(hour: int, minute: int, second: int = 0, microsecond: int = 0) -> RawTime:
    """A time-of-day only stamp on the placeholder date."""
    d = PLACEHOLDER_DATE
    return raw_time(datetime(d.year, d.month, d.day, hour, minute, second, microsecond), False)
