"""Log files: ISO-8601 lines (also pod-prefixed, stern), syslog RFC 3164/5424, JSON lines,
nginx/Apache access logs. Lines without a timestamp (tracebacks) fold into the previous record.

One generic line parser: it tries the matcher that worked on the previous line first, so a
uniform file costs one regex match per line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any

from assistant.domain import Coverage, ParsedSource, RawRecord, SourceKind
from assistant.ingest._levels import level_in_text
from assistant.ingest._records import PLACEHOLDER_DATE, PLACEHOLDER_YEAR, raw_time, record
from assistant.ingest._tz import MONTHS
from assistant.ingest.jsonlog import epoch_time as epoch_time  # re-exported: alerts, k8s
from assistant.ingest.jsonlog import iso_time, json_fields, json_time
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
_EMBED_YEAR = re.compile(
    r"\b\d{1,2}/(?P<mon>[A-Z][a-z]{2})/(?P<y>(?:19|20)\d{2})\b|\b(?P<y2>(?:19|20)\d{2})-(?P<m2>\d{2})-\d{2}"
)
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
# One parsed log line, with its continuation lines folded into the text.
LogLine = tuple[int, datetime, bool, str, str | None, str | None, str | None]
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
    if line[:1] != "{":
        return None
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    if not isinstance(obj, dict):
        return None
    t, lvl, text, host, svc = json_fields(obj)
    dt = json_time(t)
    if dt is None:
        return None
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
    lvl = "error" if code >= 500 else "warning" if code >= 400 else "info"
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


def infer_syslog_year(sample: str) -> int | None:
    """A year written elsewhere in an RFC 3164 log (HAProxy's [14/Sep/2025:...]), or None."""
    first = next((m for ln in sample.split("\n", 200)[:200] if (m := SYSLOG_3164.match(ln))), None)
    if not first:
        return None
    mon = MONTHS[first.group("mon").lower()]
    for m in _EMBED_YEAR.finditer(sample):
        if m.group("y") and MONTHS.get(m.group("mon").lower()) == mon:
            return int(m.group("y"))
        if m.group("y2") and int(m.group("m2")) == mon:
            return int(m.group("y2"))
    return None


def scan_log(
    lines: Iterable[str], *, sample: str = "", stats: dict[str, Any] | None = None
) -> Iterator[LogLine]:
    """Plain tuples (line, time, has_date, text, level, host, service) for each log record.

    The file's layout is learned from the sample (``ingest.layout``, ``ingest.header``); the fixed
    matchers serve only when they read more of the sample (access logs keep their status-aware text).
    ``stats`` (optional) receives counts, the lines read, folded, skipped and dropped, and why.
    """
    reader = learn_reader(sample)
    old, old_share = _old_score(sample)
    if reader.layouts is not None and (
        reader.share > old_share or (reader.share >= old_share and old not in _STRUCTURED)
    ):
        return _scan_layout(lines, reader, sample, stats)
    return _scan_matchers(lines, sample, stats)


_COMPOSE_SUFFIX = re.compile(r"[-_]\d+$")
_PRI = re.compile(r"^\s*<\d{1,3}>\d?\s*")  # syslog priority (and RFC 5424 version)
# Fixed matchers that read fields a layout cannot (status codes, structured data): kept when they read as much.
_STRUCTURED = frozenset(("access-log", "syslog-5424", "jsonl"))


def learn_reader(sample: str) -> LogReader:
    """The learned reader of a file from its sample text."""
    return LogReader.learn(sample.split("\n")[:300])


def _scan_layout(
    lines: Iterable[str], reader: LogReader, sample: str, stats: dict[str, Any] | None
) -> Iterator[LogLine]:
    """Records read with the learned layout; continuation lines fold into the record above."""
    layouts = reader.layouts
    assert layouts is not None
    row = reader.row
    split = reader.header.split
    match = layouts.match
    year: int | None = None
    year_seen = False  # a stamp without a year was met; the year comes from the sample when it shows one
    no_year = 0
    cur: LogLine | None = None
    fold: list[str] = []
    n = dropped = skipped = first_skipped = last_month = blank = folded = json_n = text_n = 0
    unreadable: list[int] = []
    for n, line in enumerate(lines, start=1):
        if not line or line.isspace():
            blank += 1
            continue
        if ("\x00" in line or "\ufffd" in line) and _unreadable(line):
            unreadable.append(n)
            continue
        if line[0] == "{":
            r = row(n, line)
            if r.kind != "record" or r.time is None:
                parts = None
            else:
                json_n += 1
                parts = (r.time, True, r.text, r.level, r.host, r.service)
        else:
            st = match(line)
            if st is None:
                parts = None
            else:
                text_n += 1
                rest = line[st.end :].strip(" \t,;")
                lvl, comp, _msg = split(rest)
                when = st.when
                if not st.has_year:
                    no_year += 1
                    if not year_seen:
                        year_seen = True
                        year = infer_year(sample, when.month)
                    if year is not None:
                        if last_month == 12 and when.month == 1:
                            year += 1  # the log crossed New Year
                        last_month = when.month
                        when = when.replace(year=year)
                host = None
                if st.start > 1 and (pre := _PRI.sub("", line[: st.start]).strip(" \t|[(<\"'-")):
                    # "api-1  | 2026-…" (compose), "pod container 2026-…" (stern): the source's name
                    host = pre.split()[0].strip("[]|:")
                    comp = comp or service_of_pod(host) or _COMPOSE_SUFFIX.sub("", host)
                p = _from_rest(when, st.has_date, rest, host, comp)
                parts = (p[0], p[1], p[2], lvl or p[3], p[4], p[5]) if lvl else p
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
            yield (cur if not fold else (*cur[:3], cur[3] + "\n" + "\n".join(fold), *cur[4:]))  # type: ignore[misc]
            fold = []
        dt, has_date, text, lvl, host, svc = parts
        cur = (n, dt, has_date, text, lvl, host, svc)
    if cur is not None:
        yield (cur if not fold else (*cur[:3], cur[3] + "\n" + "\n".join(fold), *cur[4:]))  # type: ignore[misc]
    if stats is not None:
        counts = {"jsonl": json_n, "log-layout": text_n}
        stats.update(
            counts=counts,
            skipped=skipped,
            first_skipped=first_skipped,
            dropped=dropped,
            year=year,
            lines=n,
            blank=blank,
            folded=folded,
            why=reader.describe(),
            unreadable=len(unreadable),
            unreadable_lines=unreadable[:50],
            year_missing=bool(no_year) and year is None,
        )


def _unreadable(line: str) -> bool:
    """A line of binary garbage or mostly undecodable bytes (NULs, replacement characters)."""
    bad = line.count("\x00") + line.count("\ufffd")
    return bad * 4 >= len(line) or line.count("\x00") > 2


def choose_parser(sample: str) -> tuple[str, Callable[[str, int | None], _Parts | None]] | None:
    """The learned-layout line parser for a sample, when it reads the sample as well as the fixed matchers.

    For callers that parse lines one at a time out of order (the large-log path): no year roll-over.
    """
    reader = learn_reader(sample)
    old, old_share = _old_score(sample)
    if reader.layouts is None or not (
        reader.share > old_share or (reader.share >= old_share and old not in _STRUCTURED)
    ):
        return None
    match, split = reader.layouts.match, reader.header.split
    years: dict[int, int | None] = {}

    def parse(line: str, _year: int | None = None) -> _Parts | None:
        if line[:1] == "{":
            r = reader.row(0, line)
            return (r.time, True, r.text, r.level, r.host, r.service) if r.time is not None else None
        st = match(line)
        if st is None:
            return None
        rest = line[st.end :].strip(" \t,;")
        lvl, comp, _ = split(rest)
        when = st.when
        if not st.has_year:
            if when.month not in years:
                years[when.month] = infer_year(sample, when.month)
            y = years[when.month]
            if y is not None:
                when = when.replace(year=y)
        p = _from_rest(when, st.has_date, rest, None, comp)
        return (p[0], p[1], p[2], lvl or p[3], p[4], p[5]) if lvl else p

    return "log-layout", parse


def infer_year(sample: str, month: int) -> int | None:
    """A year written beside the same month elsewhere in the sample of a log whose stamps have none."""
    for m in _EMBED_YEAR.finditer(sample):
        if m.group("y") and MONTHS.get(m.group("mon").lower()) == month:
            return int(m.group("y"))
        if m.group("y2") and int(m.group("m2")) == month:
            return int(m.group("y2"))
    return None


def _scan_matchers(lines: Iterable[str], sample: str, stats: dict[str, Any] | None) -> Iterator[LogLine]:
    """The fixed matchers (kept for files a learned layout reads worse, e.g. access logs)."""
    order = guess_order(sample)
    year = infer_syslog_year(sample) if order[0] == "syslog-3164" else None
    counts = dict.fromkeys(order, 0)
    matchers = [MATCHERS[k] for k in order]
    cur: LogLine | None = None
    fold: list[str] = []
    dropped = skipped = first_skipped = last_month = 0
    n = blank = 0
    unreadable: list[int] = []
    for n, line in enumerate(lines, start=1):
        if not line or line.isspace():
            blank += 1
            continue
        if ("\x00" in line or "\ufffd" in line) and _unreadable(line):
            unreadable.append(n)
            continue
        parts = None
        if line[0] == "{" and (parts := _m_json(line, year)) is not None:
            counts["jsonl"] += 1
        for i, f in enumerate(matchers if parts is None else ()):
            parts = f(line, year)
            if parts is not None:
                key = order[i]
                counts[key] += 1
                if i:  # most files are uniform: try this matcher first next time
                    order.insert(0, order.pop(i))
                    matchers.insert(0, matchers.pop(i))
                break
        if parts is None:
            if cur is None:
                skipped += 1
                first_skipped = first_skipped or n
            elif len(fold) < MAX_FOLD:
                fold.append(line.rstrip())
            else:
                dropped += 1
            continue
        if cur is not None:
            yield (cur if not fold else (*cur[:3], cur[3] + "\n" + "\n".join(fold), *cur[4:]))  # type: ignore[misc]
            fold = []
        dt, has_date, text, lvl, host, svc = parts
        if year is not None and order[0] == "syslog-3164":
            if last_month == 12 and dt.month == 1:
                year += 1  # the log crossed New Year
                dt = dt.replace(year=year)
            last_month = dt.month
        cur = (n, dt, has_date, text, lvl, host, svc)
    if cur is not None:
        yield (cur if not fold else (*cur[:3], cur[3] + "\n" + "\n".join(fold), *cur[4:]))  # type: ignore[misc]
    if stats is not None:
        stats.update(
            counts=counts,
            skipped=skipped,
            first_skipped=first_skipped,
            dropped=dropped,
            year=year,
            lines=n,
            blank=blank,
            why=f"fixed matcher {order[0]} read the most sample lines",
            unreadable=len(unreadable),
            unreadable_lines=unreadable[:50],
        )


def parse_log(lines: Iterable[str], name: str, *, sample: str = "") -> ParsedSource:
    """Records from a log file, one per log record; the matcher order adapts to the file.

    Logs of ``LARGE_BYTES`` or more take the large-log path instead (``ingest.large_log``: a few
    weighted sample lines per line shape and minute); the timeline condenses both the same way.
    """
    stats: dict[str, Any] = {}
    rows = list(scan_log(lines, sample=sample, stats=stats))
    return source_from_rows(rows, stats, name, sample=sample)


def source_from_rows(
    rows: list[tuple[Any, ...]], stats: dict[str, Any], name: str, *, sample: str = ""
) -> ParsedSource:
    """The parsed source for scanned rows (or large-log samples, which carry weight and varying)."""
    records: list[RawRecord] = []
    append = records.append
    kind = SourceKind.log
    # 3164 stamps have no year; scan_log uses PLACEHOLDER_YEAR unless the file shows one.
    year_missing = infer_syslog_year(sample) is None
    if stats.get("year_missing") is not None:
        year_missing = bool(stats["year_missing"])
    for n, dt, has_date, text, lvl, host, svc, *more in rows:
        attrs: dict[str, Any] = {}
        if more:  # large-log sample: (weight, varying)
            if more[0] != 1:
                attrs["weight"] = more[0]
            if more[1]:
                attrs["varying"] = True
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
