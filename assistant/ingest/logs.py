"""Log files: ISO-8601 lines (also pod-prefixed, stern), syslog RFC 3164/5424, JSON lines,
nginx/Apache access logs. Lines without a timestamp (tracebacks) fold into the previous record.

One generic line parser: it tries the matcher that worked on the previous line first, so a
uniform file costs one regex match per line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple

from assistant.domain import Coverage, ParsedSource, RawRecord, SourceKind
from assistant.ingest._levels import LETTER_LEVELS, level_in_text, status_level
from assistant.ingest._records import PLACEHOLDER_DATE, PLACEHOLDER_YEAR, raw_time, record
from assistant.ingest._tz import MONTHS
from assistant.ingest.header import glued_level, prefix_role
from assistant.ingest.jsonlog import epoch_time as epoch_time  # re-exported: alerts, k8s
from assistant.ingest.jsonlog import iso_time, json_fields, json_record
from assistant.ingest.stamp_dates import DateHint, Dater, hint_from_header, hint_from_name, hint_from_records
from assistant.ingest.textlog import LogReader

_ISO_TS = r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2}|\s?UTC\b)?"
# Up to three prefix tokens before the stamp: stern "pod container", "[pod-name]".
ISO_LINE = re.compile(
    rf"^(?P<pre>(?:\[[^\]\s]{{1,120}}\]\s+|[\w.\-:/]{{1,120}}\s+){{0,3}}?)\[?(?P<ts>{_ISO_TS})\]?\s*(?P<rest>.*)$"
)
SYSLOG_3164 = re.compile(
    r"^(?:<\d{1,3}>)?(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?P<day>[ \d]\d) "
    r"(?P<t>\d{2}:\d{2}:\d{2})(?:\.\d+)? (?P<host>\S+) (?P<rest>.*)$"
)
SYSLOG_5424 = re.compile(
    r"^<\d{1,3}>\d{1,2} (?P<ts>\S+) (?P<host>\S+) (?P<app>\S+) (?P<pid>\S+) (?P<msgid>\S+) "
    r"(?P<sd>-|(?:\[(?:[^\]\\]|\\.)*\])+)\s?(?P<rest>.*)$"
)
ACCESS = re.compile(
    r"^(?P<client>\S+) \S+ (?P<user>\S+) \[(?P<ts>\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2}(?:\.\d+)? [+-]\d{4})\] "
    r'"(?P<req>[^"]*)" (?P<status>\d{3}) (?P<size>\S+)(?: "(?P<ref>[^"]*)" "(?P<ua>[^"]*)")?'
)
TIME_ONLY = re.compile(r"^\[?(?P<t>\d{2}:\d{2}:\d{2})(?:[.,](?P<f>\d{1,6}))?\]?\s+(?P<rest>\S.*)$")
_HOSTPROG = re.compile(
    r"^(?P<host>[A-Za-z0-9][\w.\-]*) (?P<prog>[A-Za-z][\w.\-/]*)(?:\[(?P<pid>\d+)\])?: (?P<msg>.*)$"
)
_PROG = re.compile(r"^(?P<prog>[^\s:\[\]]+)(?:\[\d+\])?: ?(?P<msg>.*)$")
_POD = re.compile(r"\[([a-z0-9][a-z0-9.\-]*-[a-z0-9]{5,10})\]")
_POD_SUFFIX = re.compile(r"^(?P<svc>[a-z][a-z0-9\-]*?)(?:-[a-f0-9]{6,10})?-[a-z0-9]{5}$")
_LEVEL_WORDS = frozenset({"TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "ERR", "FATAL"})

MAX_FOLD = 60
# Logs this big (bytes) never get a record per line (see parse_log); about 50k typical lines.
LARGE_BYTES = 5_000_000


@lru_cache(maxsize=4096)
def service_of_pod(pod: str) -> str | None:
    """'orders-api-7d8f9b6c4-4wq2z' → 'orders-api'."""
    m = _POD_SUFFIX.match(pod)
    return m.group("svc") if m else None


_Parts = tuple[
    datetime, bool, str, str | None, str | None, str | None
]  # time, has_date, text, level, host, service


class LogLine(NamedTuple):
    """One parsed log line, with its continuation lines folded into the text."""

    line: int
    time: datetime
    has_date: bool
    text: str
    level: str | None
    host: str | None
    service: str | None


_ISO_FAST = re.compile(rf"^(?P<ts>{_ISO_TS})\]?\s*(?P<rest>.*)$")


def _from_rest(when: datetime, has_date: bool, rest: str, host: str | None, svc: str | None) -> _Parts:
    if rest[:1] == "{":
        try:
            obj = json.loads(rest)
        except ValueError:
            obj = None
        if isinstance(obj, dict):
            _, lvl, text, h, s = json_fields(obj)
            return when, has_date, text, lvl, host or h, svc or s
    if host is None and (m := _HOSTPROG.match(rest)) and m.group("host") not in _LEVEL_WORDS:
        host, svc, rest = m.group("host"), svc or m.group("prog"), m.group("msg")
    elif host is None and (m := _POD.search(rest, 0, 120)):
        host = m.group(1)
        svc = svc or service_of_pod(host)
    return when, has_date, rest, level_in_text(rest), host, svc


def _m_iso(line: str, year: int | None) -> _Parts | None:
    m = _ISO_FAST.match(line) if line[:1].isdigit() else None
    if m is None:
        m = ISO_LINE.match(line)
    if not m:
        return None
    dt = iso_time(m.group("ts").replace(",", "."))
    if dt is None:
        return None
    pre = m.group("pre").strip() if "pre" in m.re.groupindex else ""
    host = svc = None
    if pre:
        toks = pre.replace("[", " ").replace("]", " ").split()
        host = toks[0]
        svc = toks[1] if len(toks) > 1 else service_of_pod(host)
    return _from_rest(dt, True, m.group("rest"), host, svc)


def _m_json(line: str, year: int | None) -> _Parts | None:
    if line[:1] != "{" or (rec := json_record(line)) is None:
        return None
    dt, lvl, text, host, svc = rec
    return dt, True, text, lvl, host, svc


def _m_3164(line: str, year: int | None) -> _Parts | None:
    m = SYSLOG_3164.match(line)
    if not m:
        return None
    h, mi, s = (int(x) for x in m.group("t").split(":"))
    try:
        dt = datetime(year or PLACEHOLDER_YEAR, MONTHS[m.group("mon").lower()], int(m.group("day")), h, mi, s)
    except ValueError:
        return None
    rest, svc = m.group("rest"), None
    if pm := _PROG.match(rest):
        svc, rest = pm.group("prog"), pm.group("msg")
    when, _, text, lvl, _, s2 = _from_rest(dt, True, rest, m.group("host"), svc)
    return when, True, text, lvl, m.group("host"), svc or s2


def _m_5424(line: str, year: int | None) -> _Parts | None:
    m = SYSLOG_5424.match(line)
    if not m:
        return None
    dt = iso_time(m.group("ts"))
    if dt is None:
        return None
    host = None if m.group("host") == "-" else m.group("host")
    app = None if m.group("app") == "-" else m.group("app")
    rest = m.group("rest")
    if rest.startswith("\ufeff"):
        rest = rest[1:]
    return dt, True, rest, level_in_text(rest), host, app


def _m_access(line: str, year: int | None) -> _Parts | None:
    m = ACCESS.match(line)
    if not m:
        return None
    try:
        dt = datetime.strptime(
            m.group("ts").replace(".", " ").split(" ")[0] + " " + m.group("ts")[-5:], "%d/%b/%Y:%H:%M:%S %z"
        )
    except ValueError:
        return None
    code = int(m.group("status"))
    lvl = status_level(code)
    text = f"{m.group('req')} {code} {m.group('size')}"
    return dt, True, text, lvl, None, None


def _m_time_only(line: str, year: int | None) -> _Parts | None:
    m = TIME_ONLY.match(line)
    if not m:
        return None
    h, mi, s = (int(x) for x in m.group("t").split(":"))
    if h > 23 or mi > 59 or s > 59:
        return None
    us = int((m.group("f") or "0").ljust(6, "0"))
    d = PLACEHOLDER_DATE
    return _from_rest(datetime(d.year, d.month, d.day, h, mi, s, us), False, m.group("rest"), None, None)


MATCHERS: dict[str, Callable[[str, int | None], _Parts | None]] = {
    "jsonl": _m_json,
    "log-iso": _m_iso,
    "syslog-3164": _m_3164,
    "syslog-5424": _m_5424,
    "access-log": _m_access,
    "log-time": _m_time_only,
}


def date_hint(name: str, sample: str, reader: LogReader | None = None) -> DateHint | None:
    """What the material says about the year/date of a log whose stamps lack one (``ingest.stamp_dates``).

    A header line before the first record, then a full date written inside the records in the month
    of the first stamp, then the file name or its folders.
    """
    lines = [ln for ln in sample.split("\n")[:300] if ln.strip()]
    layouts = (reader or learn_reader(sample)).layouts
    first, month = len(lines), 0
    for i, ln in enumerate(lines):
        st = layouts.match(ln) if layouts is not None else None
        if st is not None:
            first, month = i, st.when.month if st.has_date else 0
            break
        if (m := SYSLOG_3164.match(ln)) or TIME_ONLY.match(ln):
            first, month = i, MONTHS[m.group("mon").lower()] if m else 0
            break
    hint = hint_from_header(lines[:first])
    if hint is None and month:
        hint = hint_from_records(lines[first:], month)
    return hint or hint_from_name(name)


def scan_log(
    lines: Iterable[str], *, sample: str = "", stats: dict[str, Any] | None = None, name: str = ""
) -> Iterator[LogLine]:
    """A ``LogLine`` (line, time, has_date, text, level, host, service) for each log record.

    The file's layout is learned from the sample (``ingest.layout``, ``ingest.header``); the fixed
    matchers serve only when they read more of the sample (access logs keep their status-aware text).
    ``stats`` (optional) receives counts, the lines read, folded, skipped and dropped, and why.
    Stamps without a year or date take them from what ``date_hint`` finds (``name`` is the file's).
    """
    reader = learn_reader(sample)
    old, old_share = _old_score(sample)
    if reader.layouts is not None and (
        reader.share > old_share or (reader.share >= old_share and old not in _STRUCTURED)
    ):
        return _scan_layout(lines, reader, sample, stats, name)
    return _scan_matchers(lines, sample, stats, name)


_COMPOSE_SUFFIX = re.compile(r"[-_]\d+$")
_PRI = re.compile(r"^\s*<\d{1,3}>\d?\s*")  # syslog priority (and RFC 5424 version)
# Fixed matchers that read fields a layout cannot (status codes, structured data): kept when they read as much.
_STRUCTURED = frozenset(("access-log", "syslog-5424", "jsonl"))


def learn_reader(sample: str) -> LogReader:
    """The learned reader of a file from its sample text."""
    return LogReader.learn(sample.split("\n")[:300])


def _scan_layout(
    lines: Iterable[str], reader: LogReader, sample: str, stats: dict[str, Any] | None, name: str
) -> Iterator[LogLine]:
    """Records read with the learned layout; continuation lines fold into the record above."""
    layouts = reader.layouts
    assert layouts is not None
    row = reader.row
    split = reader.header.split
    # CSV rows and symbol levels (csvlog, Redis): the record's text is the message column, not the row.
    message_only = reader.header.csv_cols is not None or reader.header.symbols
    match = layouts.match
    dater: Dater | None = None  # made at the first stamp without a year or date
    json_n = text_n = 0

    def parse(n: int, line: str) -> _Parts | None:
        nonlocal json_n, text_n, dater
        if line[0] == "{":
            r = row(n, line)
            if r.kind != "record" or r.time is None:
                return None
            json_n += 1
            return (r.time, True, r.text, r.level, r.host, r.service)
        st = match(line)
        if st is None:
            return None
        text_n += 1
        rest = line[st.end :]
        lvl, comp, msg = split(rest)
        rest = rest.strip(" \t,;")
        if message_only and msg:
            rest = msg
        when, has_date = st.when, st.has_date
        if not st.has_year:
            if dater is None:
                dater = Dater(date_hint(name, sample, reader))
            when, has_date, _ = dater.fill(when, has_date, False)
        host = None
        before = glued_level(line, st.start)  # a level written before the stamp is not a host
        lvl = before or lvl
        if st.start > 1 and not before and (pre := _PRI.sub("", line[: st.start]).strip(" \t|[(<\"'-")):
            if role := prefix_role(pre):  # Redis "1:M": the process role, no host
                comp = comp or role
            else:
                # "api-1  | 2026-…" (compose), "pod container 2026-…" (stern): the source's name
                host = pre.split()[0].strip("[]|:")
                comp = comp or service_of_pod(host) or _COMPOSE_SUFFIX.sub("", host)
        if message_only:  # the header is read: no host/program to find in the message
            return (when, has_date, rest, lvl or level_in_text(rest), host, comp)
        p = _from_rest(when, has_date, rest, host, comp)
        return (p[0], p[1], p[2], lvl or p[3], p[4], p[5]) if lvl else p

    counts = _ScanCounts()
    yield from _records(lines, parse, counts)
    if stats is not None:
        stats.update(
            counts={"jsonl": json_n, "log-layout": text_n},
            skipped=counts.skipped,
            first_skipped=counts.first_skipped,
            dropped=counts.dropped,
            lines=counts.lines,
            blank=counts.blank,
            folded=counts.folded,
            why=reader.describe(),
            unreadable=len(counts.unreadable),
            unreadable_lines=counts.unreadable[:50],
            year_missing=bool(dater and dater.missing),
            dated=dater.describe() if dater else "",
        )


@dataclass
class _ScanCounts:
    """What a scan did with the lines it did not turn into records."""

    lines: int = 0
    blank: int = 0
    skipped: int = 0
    first_skipped: int = 0
    dropped: int = 0
    folded: int = 0
    unreadable: list[int] = field(default_factory=list)


def _records(
    lines: Iterable[str], parse: Callable[[int, str], _Parts | None], counts: _ScanCounts
) -> Iterator[LogLine]:
    """One LogLine per parsed line; unparsed lines fold into the record above (up to MAX_FOLD)."""
    cur: LogLine | None = None
    fold: list[str] = []
    n = blank = skipped = first_skipped = dropped = folded = 0
    unreadable = counts.unreadable
    for n, line in enumerate(lines, start=1):
        if not line or line.isspace():
            blank += 1
            continue
        if ("\x00" in line or "\ufffd" in line) and _unreadable(line):
            unreadable.append(n)
            continue
        parts = parse(n, line)
        if parts is None:
            if cur is None:
                skipped += 1
                first_skipped = first_skipped or n
            elif len(fold) < MAX_FOLD:
                fold.append(line.rstrip())
                folded += 1
            else:
                dropped += 1
            continue
        if cur is not None:
            yield _with_fold(cur, fold)
            fold = []
        cur = LogLine(n, *parts)
    if cur is not None:
        yield _with_fold(cur, fold)
    counts.lines, counts.blank, counts.skipped = n, blank, skipped
    counts.first_skipped, counts.dropped, counts.folded = first_skipped, dropped, folded


def _with_fold(line: LogLine, fold: list[str]) -> LogLine:
    """The record with its continuation lines appended to its text."""
    return line._replace(text=line.text + "\n" + "\n".join(fold)) if fold else line


def _unreadable(line: str) -> bool:
    """A line of binary garbage or mostly undecodable bytes (NULs, replacement characters)."""
    bad = line.count("\x00") + line.count("\ufffd")
    return bad * 4 >= len(line) or line.count("\x00") > 2


def choose_parser(sample: str) -> tuple[str, Callable[[str, int | None], _Parts | None]] | None:
    """The learned-layout line parser for a sample, when it reads the sample as well as the fixed matchers.

    For callers that parse lines one at a time out of order (the large-log path): stamps without a
    year keep ``PLACEHOLDER_YEAR`` (without a date, ``has_date`` False) for the caller to fill in order.
    """
    reader = learn_reader(sample)
    old, old_share = _old_score(sample)
    if reader.layouts is None or not (
        reader.share > old_share or (reader.share >= old_share and old not in _STRUCTURED)
    ):
        return None
    match, split = reader.layouts.match, reader.header.split
    message_only = reader.header.csv_cols is not None or reader.header.symbols

    def parse(line: str, _year: int | None = None) -> _Parts | None:
        if line[:1] == "{":
            r = reader.row(0, line)
            return (r.time, True, r.text, r.level, r.host, r.service) if r.time is not None else None
        st = match(line)
        if st is None:
            return None
        rest = line[st.end :]
        lvl, comp, msg = split(rest)
        lvl = glued_level(line, st.start) or lvl
        if message_only and msg:
            return st.when, st.has_date, msg, lvl or level_in_text(msg), None, comp
        p = _from_rest(st.when, st.has_date, rest.strip(" \t,;"), None, comp)
        return (p[0], p[1], p[2], lvl or p[3], p[4], p[5]) if lvl else p

    return "log-layout", parse


def _scan_matchers(
    lines: Iterable[str], sample: str, stats: dict[str, Any] | None, name: str
) -> Iterator[LogLine]:
    """The fixed matchers (kept for files a learned layout reads worse, e.g. access logs)."""
    order = guess_order(sample)
    year = None
    dater: Dater | None = None  # made at the first stamp without a year (RFC 3164) or date
    hits = dict.fromkeys(order, 0)
    matchers = [MATCHERS[k] for k in order]

    def parse(n: int, line: str) -> _Parts | None:
        nonlocal dater
        parts = None
        if line[0] == "{" and (parts := _m_json(line, year)) is not None:
            hits["jsonl"] += 1
        for i, f in enumerate(matchers if parts is None else ()):
            parts = f(line, year)
            if parts is not None:
                key = order[i]
                hits[key] += 1
                if key == "syslog-3164" or not parts[1]:
                    if dater is None:
                        dater = Dater(date_hint(name, sample))
                    when, has_date, _ = dater.fill(parts[0], parts[1], False)
                    parts = (when, has_date, *parts[2:])
                if i:  # most files are uniform: try this matcher first next time
                    order.insert(0, order.pop(i))
                    matchers.insert(0, matchers.pop(i))
                break
        return parts

    counts = _ScanCounts()
    yield from _records(lines, parse, counts)
    if stats is not None:
        stats.update(
            counts=hits,
            skipped=counts.skipped,
            first_skipped=counts.first_skipped,
            dropped=counts.dropped,
            lines=counts.lines,
            blank=counts.blank,
            why=f"fixed matcher {order[0]} read the most sample lines",
            unreadable=len(counts.unreadable),
            unreadable_lines=counts.unreadable[:50],
            year_missing=bool(dater and dater.missing),
            dated=dater.describe() if dater else "",
        )


def parse_log(lines: Iterable[str], name: str, *, sample: str = "") -> ParsedSource:
    """Records from a log file, one per log record; the matcher order adapts to the file.

    Logs of ``LARGE_BYTES`` or more take the large-log path instead (``ingest.large_log``: a few
    weighted sample lines per line shape and minute); the timeline condenses both the same way.
    Stamps without a year or date take them from what the material says (``date_hint``).
    """
    stats: dict[str, Any] = {}
    rows = list(scan_log(lines, sample=sample, stats=stats, name=name))
    return source_from_rows(rows, stats, name, sample=sample)


# glog/klog's own header at the start of a message that a syslog or journal line wraps
# ("kubelet[2234]: I0908 15:50:01.547993    2234 scope.go:117] …"): its letter is the line's level.
_GLOG_HEAD = re.compile(r"([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{3,9}\s+\d+\s+[\w./-]+:\d+\]")


def source_from_rows(
    rows: Sequence[tuple[Any, ...]], stats: dict[str, Any], name: str, *, sample: str = ""
) -> ParsedSource:
    """The parsed source for scanned rows (or large-log samples, which carry weight and varying)."""
    records: list[RawRecord] = []
    append = records.append
    kind = SourceKind.log
    year_missing = bool(stats.get("year_missing"))
    for n, dt, has_date, text, lvl, host, svc, *more in rows:
        attrs: dict[str, Any] = {}
        if more:  # large-log sample: (weight, varying)
            if more[0] != 1:
                attrs["weight"] = more[0]
            if more[1]:
                attrs["varying"] = True
        if not lvl and (m := _GLOG_HEAD.match(text)):
            lvl = LETTER_LEVELS[m.group(1)]  # a glog/klog line inside a syslog or journal line
        if lvl:
            attrs["level"] = lvl
        if host:
            attrs["host"] = host
        if svc:
            attrs["service"] = svc
        if year_missing and dt.year == PLACEHOLDER_YEAR:
            attrs["year_missing"] = True
        append(record(raw_time(dt, has_date), kind, text, name, n, actor=svc or host, attrs=attrs))
    warnings: list[
        str
    ] = []  # lines not used are counted in ``cov.dropped``: each reaches the user once, from there
    cov = Coverage(
        file=name,
        format="",
        why=str(stats.get("why", "")),
        dated=str(stats.get("dated", "")),
        lines=int(stats.get("lines", 0)),
        blank=int(stats.get("blank", 0)),
    )
    cov.timed = sum(r.attrs.get("weight", 1) for r in records)
    if stats.get("skipped"):
        reason = f"no timestamp before the first record (first: line {stats['first_skipped']})"
        cov.drop(reason, stats["skipped"])
    if stats.get("dropped"):
        cov.drop(f"continuation lines beyond {MAX_FOLD} per record", stats["dropped"])
    if stats.get("unreadable"):
        lines_ = stats["unreadable_lines"]
        shown = ", ".join(map(str, lines_[:10])) + (" …" if len(lines_) > 10 else "")
        cov.drop(f"unreadable (binary or undecodable bytes; lines {shown})", stats["unreadable"])
    if not cov.lines:  # paths that do not count lines (large-log sampling): what is not timed was folded
        cov.lines = cov.timed + sum(cov.dropped.values())
    cov.untimed_kept = max(0, cov.lines - cov.blank - cov.timed - sum(cov.dropped.values()))
    counts = stats.get("counts") or {"log-iso": 0}
    fmt = max(counts, key=lambda k: counts[k]) if records else "log-iso"
    cov.format = fmt
    return ParsedSource.model_construct(
        path=name,
        format=fmt,
        kind=kind,
        records=records,
        stated_tz=None,
        stated_date=None,
        warnings=warnings,
        coverage=cov,
    )


def guess_order(sample: str) -> list[str]:
    """Matchers ordered by how many sample lines each parses (best first)."""
    lines = [ln for ln in sample.split("\n")[:300] if ln.strip()][:300]
    scores = {k: sum(1 for ln in lines if f(ln, None) is not None) for k, f in MATCHERS.items()}
    return sorted(MATCHERS, key=lambda k: -scores[k])


def _old_score(sample: str) -> tuple[str, float]:
    """The best log matcher for a sample and the share of non-empty lines it parses."""
    lines = [ln for ln in sample.split("\n")[:300] if ln.strip()][:300]
    if not lines:
        return "log-iso", 0.0
    best, score = "log-iso", 0
    for k, f in MATCHERS.items():
        s = sum(1 for ln in lines if f(ln, None) is not None)
        if s > score:
            best, score = k, s
    return best, score / len(lines)


def sample_score(sample: str) -> tuple[str, float]:
    """The best way to read a sample as a log ('log-layout' or a fixed matcher) and the share it reads."""
    best, share = _old_score(sample)
    reader = learn_reader(sample)
    if reader.share > share or (reader.share >= share > 0 and best not in _STRUCTURED):
        return ("jsonl" if reader.json_share > 0.5 else "log-layout"), reader.share
    return best, share
