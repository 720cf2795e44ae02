"""MySQL / MariaDB slow query logs: one record per query, at its ``# Time:`` header.

The format (MySQL reference manual, "The Slow Query Log") writes each entry as comment headers
(``# Time:``, ``# User@Host:``, ``# Query_time: … Rows_examined: …``), a ``SET timestamp=…;`` line
and the statement. Read line by line, four lines in five carry no time, so the log readers took
it for notes. Each entry becomes one log record: its time (ISO with a zone since MySQL 5.7, else
``yymmdd hh:mm:ss`` server time), the client host as the service, and as text the query time, the
rows examined and the statement's opening. A slow query is not an error by itself: no level is set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from assistant.domain import ParsedSource, RawRecord, SourceKind
from assistant.ingest._records import raw_time, record
from assistant.ingest.jsonlog import iso_time

_TIME = re.compile(r"^# Time:\s+(?P<v>\S+(?:\s+\d{1,2}:\d{2}:\d{2})?)")
_USER_HOST = re.compile(r"^# User@Host:.*?@\s*(?P<host>[\w.\-]*)\s*\[(?P<ip>[^\]]*)\]")
_STATS = re.compile(r"^# Query_time:\s*(?P<q>[\d.]+).*?Rows_examined:\s*(?P<rows>\d+)")
_SET_TS = re.compile(r"^SET timestamp=\d+;\s*$", re.I)
_STATEMENT_CHARS = 300


def looks_like_slow_log(lines: list[str]) -> bool:
    """Entries headed by '# Time:' with '# Query_time:' statistics."""
    times = sum(1 for ln in lines if ln.startswith("# Time:"))
    stats = sum(1 for ln in lines if ln.startswith("# Query_time:"))
    return times >= 1 and stats >= 2


def _when(value: str) -> datetime | None:
    iso = iso_time(re.sub(r"Z$", "+00:00", value.strip()))
    if iso is not None:
        return iso
    try:  # MySQL 5.6 and MariaDB: "260209  7:50:39", server time, the hour space-padded
        return datetime.strptime(re.sub(r"\s+", " ", value.strip()), "%y%m%d %H:%M:%S")
    except ValueError:
        return None


@dataclass
class _Entry:
    when: datetime
    line: int
    host: str | None = None
    stats: str = ""
    sql: list[str] = field(default_factory=list)


def parse_slow_log(lines: list[str], name: str) -> ParsedSource:
    """One log record per slow query entry (entries in the same second share the last '# Time:')."""
    records: list[RawRecord] = []
    warnings: list[str] = []
    entry: _Entry | None = None

    def flush(e: _Entry | None) -> None:
        if e is None:
            return
        sql = " ".join(e.sql).strip()
        text = f"slow query{e.stats}: {sql[:_STATEMENT_CHARS]}" if sql else f"slow query{e.stats}"
        attrs = {"service": e.host} if e.host else {}
        records.append(
            record(raw_time(e.when), SourceKind.log, text, name, e.line, actor=e.host, attrs=attrs)
        )

    for n, raw in enumerate(lines, start=1):
        ln = raw.rstrip("\n")
        if m := _TIME.match(ln):
            flush(entry)
            when = _when(m.group("v"))
            entry = _Entry(when, n) if when is not None else None
            if when is None:
                warnings.append(f"{name}:{n}: slow-log time {m.group('v')!r} not readable; entry skipped")
        elif entry is None:
            continue  # the server's banner before the first entry
        elif m := _USER_HOST.match(ln):
            if entry.sql:  # MySQL writes '# Time:' once per second: a new entry in the same second
                flush(entry)
                entry = _Entry(entry.when, n)
            entry.host = m.group("host") or m.group("ip") or None
        elif m := _STATS.match(ln):
            entry.stats = f" ({float(m.group('q')):.1f} s, {m.group('rows')} rows examined)"
        elif not (ln.startswith("#") or _SET_TS.match(ln) or ln.lower().startswith("use ")):
            entry.sql.append(ln.strip())
    flush(entry)
    return ParsedSource(
        path=name, format="mysql-slow", kind=SourceKind.log, records=records, warnings=warnings
    )


__all__ = ["looks_like_slow_log", "parse_slow_log"]
