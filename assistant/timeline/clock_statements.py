"""What responders say about a host's clock: "`date` on web-3 says 09:12:40, my laptop 09:16:05",
"that host runs ~3m25s slow", "db-02's clock is about 4 min behind", "web-3 shows 09:12 (it's 09:16)".

Pure reading of messages into ``ClockStatement``s; the timeline decides which log lines they cover
(``assistant.timeline.placement``). Seconds are positive when the host's clock runs ahead, the same
sign as measured skew.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from assistant.domain import SourceRef

_HOST = r"(?<![\w.\-])(?P<host>`?(?=[A-Za-z][A-Za-z0-9_.\-]*\d)[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*`?)"
_T = r"(?<![\d:])(?P<{n}h>[01]?\d|2[0-3]):(?P<{n}m>[0-5]\d)(?::(?P<{n}s>[0-5]\d))?(?![\d:])"
_DUR = (
    r"(?P<dur>~?\s*(?:about|around|roughly|approx\.?|some|over|almost|nearly)?\s*~?"
    r"(?:\d+(?:\.\d+)?\s*(?:h|hrs?|hours?)\s*)?(?:\d+(?:\.\d+)?\s*(?:m|mins?|minutes?)\s*)?"
    r"(?:\d+(?:\.\d+)?\s*(?:s|secs?|seconds?))?)"
)
_DIRECTION = r"(?P<dir>slow|behind|late|fast|ahead|early)"
# "web-3 runs ~3m25s slow", "db-02's clock is about 4 min behind", "clock on db-02 is 240s behind"
_OFFSET = re.compile(
    rf"(?:{_HOST}(?:'s|’s)?\s+(?:system\s+)?(?:clock|time)?|(?:clock|time)\s+on\s+{_HOST.replace('host', 'host2')}|"
    rf"(?P<pron>that\s+(?:host|box|node|machine|server)|its\s+clock|the\s+(?:host|box|node)'?s?\s+clock))"
    rf"[^.;\n]{{0,24}}?\b(?:runs?|is|'s|was|has\s+been|drifted|drifts)\s+{_DUR}\s*{_DIRECTION}\b",
    re.IGNORECASE,
)
# "`date` on web-3 says 09:12:40, my laptop 09:16:05"; "web-3 shows 09:12:40 (real 09:16:05)"
_READING = re.compile(
    rf"(?:`?date`?\s+(?:on|at|from)\s+{_HOST}|{_HOST.replace('host', 'host2')}(?:'s)?(?:\s+(?:clock|date))?)?"
    rf"[^\n]{{0,20}}?\b(?:says|shows|prints|reports|reads|returns|gives|is\s+at)\s+{_T.format(n='a')}"
    rf"(?:[^\d\n]{{0,40}}?{_T.format(n='b')})?",
    re.IGNORECASE,
)
# A pasted `date` run on a host: "$ ssh web-3 date\nWed Mar  4 09:12:40 UTC 2026", "root@web-3:~# date\n..."
_SSH_DATE = re.compile(
    rf"(?:ssh\s+(?:\S+@)?{_HOST}\s+['\"]?date|@{_HOST.replace('host', 'host2')}[^\s$#]*\s*[$#]\s*date)\b[^\n]*\n"
    rf"(?:[^\n]*\n){{0,2}}?[^\n]*?{_T.format(n='a')}",
)
_NOT_HOSTS = frozenset({"http2", "ipv4", "ipv6", "utf8", "s3", "ec2", "p99", "p95", "p50", "5xx", "4xx"})


@dataclass(frozen=True)
class ClockStatement:
    """A host's clock error as a responder stated it, and where."""

    host: str | None  # None: "that host" — the caller resolves it from the conversation
    seconds: float
    ref: SourceRef
    text: str


def _duration(s: str) -> float | None:
    total = 0.0
    found = False
    for num, unit in re.findall(
        r"(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])", s, re.I
    ):
        found = True
        u = unit[0].lower()
        total += float(num) * (3600 if u == "h" else 60 if u == "m" else 1)
    return total if found and total > 0 else None


def _secs(m: re.Match[str], n: str) -> int:
    return int(m.group(f"{n}h")) * 3600 + int(m.group(f"{n}m")) * 60 + int(m.group(f"{n}s") or 0)


def _host(m: re.Match[str]) -> str | None:
    h = m.group("host") or m.groupdict().get("host2")
    if not h:
        return None
    h = h.strip("`")
    return None if h.lower() in _NOT_HOSTS else h


def read_statements(text: str, ref: SourceRef, said_at: datetime | None) -> list[ClockStatement]:
    """Clock statements in one message; ``said_at`` (the message's own, trusted time) is the
    reference when a host's reading is given without a second clock."""
    out: list[ClockStatement] = []
    for m in _OFFSET.finditer(text):
        secs = _duration(m.group("dur"))
        if secs is None or secs > 86400:
            continue
        sign = -1 if m.group("dir").lower() in ("slow", "behind", "late") else 1
        out.append(ClockStatement(_host(m), sign * secs, ref, m.group(0).strip()))
    if out:
        return out
    for m in [*_SSH_DATE.finditer(text), *_READING.finditer(text)]:
        host = _host(m)
        if host is None and not re.search(r"`?date`?|clock", m.group(0), re.I):
            continue
        host_reading = _secs(m, "a")
        if m.groupdict().get("bh"):
            ref_reading = _secs(m, "b")
        elif said_at is not None:
            ref_reading = said_at.hour * 3600 + said_at.minute * 60 + said_at.second
        else:
            continue
        diff = (host_reading - ref_reading + 43200) % 86400 - 43200
        if not m.groupdict().get("bh") and abs(diff) >= 1800:
            # The host may print another zone than the chat shows: only the part beyond whole half hours is skew.
            diff -= round(diff / 1800) * 1800
        if diff == 0 or abs(diff) > 6 * 3600:
            continue
        out.append(ClockStatement(host, float(diff), ref, m.group(0).strip()))
        if m.re is _SSH_DATE:
            break  # the same paste also matches the looser reading pattern
    return out


_HOST_MENTION = re.compile(_HOST)


def hosts_mentioned(text: str) -> list[str]:
    """Host-like names in a message (web-3, db-02, pricing-03), for resolving "that host"."""
    return [
        h.strip("`")
        for h in (m.group("host") for m in _HOST_MENTION.finditer(text))
        if h.strip("`").lower() not in _NOT_HOSTS
    ]


__all__ = ["ClockStatement", "hosts_mentioned", "read_statements"]
