"""A record placed on the UTC axis, and how one file's clock was read: the types that placement
(``placement``) and the clock corrections (``stated``, ``cause``) share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from assistant.domain import RawRecord, SourceRef


@dataclass
class Placed:
    """A record with its resolved, aware time (``recorded`` keeps the original when corrected)."""

    time: datetime
    rec: RawRecord
    path: str
    recorded: datetime | None = None


@dataclass
class SourceClock:
    """How one file's clock was read; evidence as source refs (the timeline maps them to event ids)."""

    offset: str
    zone: str | None
    how: str
    skew_s: float = 0.0
    evidence: list[SourceRef] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dated: str = ""  # where stamps without a year or date took it (coverage), "" when none needed one
