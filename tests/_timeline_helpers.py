"""Builders for timeline tests: parsed records made by hand, the way the parsers would emit them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from assistant.domain import InputProblem, ParsedSource, RawRecord, RawTime, SourceKind, SourceRef


@dataclass
class Bundle:
    """Stands in for ingest's IngestResult (sources + problems)."""

    sources: list[ParsedSource]
    problems: list[InputProblem] = field(default_factory=list)


def rec(
    when: datetime,
    kind: str,
    text: str,
    file: str,
    line: int,
    *,
    actor: str | None = None,
    has_date: bool = True,
    **attrs: Any,
) -> RawRecord:
    """One parsed record; naive ``when`` means the source stated no zone."""
    return RawRecord(
        time=RawTime(value=when, has_date=has_date),
        kind=SourceKind(kind),
        actor=actor,
        text=text,
        ref=SourceRef(file=file, line=line),
        attrs=attrs,
    )


def tod(hh: int, mm: int, ss: int = 0) -> datetime:
    """A time-of-day stamp on the parsers' placeholder date."""
    return datetime(1900, 1, 1, hh, mm, ss)


def source(path: str, kind: str, records: list[RawRecord], **kw: Any) -> ParsedSource:
    """A ParsedSource of one kind."""
    return ParsedSource(
        path=path, format=kw.pop("format", "test"), kind=SourceKind(kind), records=records, **kw
    )


def chat(
    path: str, lines: list[tuple[datetime, str, str]], *, has_date: bool = False, **kw: Any
) -> ParsedSource:
    """A chat source from (time, actor, text); bots are actors ending in 'bot' or named like pagers."""
    recs = [
        rec(
            t,
            "chat",
            text,
            path,
            i + 2,
            actor=who,
            has_date=has_date,
            bot=who.lower().endswith("bot") or who.lower() in ("alertmanager", "pagerduty"),
        )
        for i, (t, who, text) in enumerate(lines)
    ]
    return source(path, "chat", recs, **kw)
