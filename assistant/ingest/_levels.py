"""Log level vocabulary: names, numbers and letters → debug|info|warning|error|critical (one place)."""

from __future__ import annotations

import re
from typing import Any

# Monolog's level names (Laravel, Symfony), upper case as it writes them after the channel:
# "production.ERROR:". A chat name never ends ".ERROR".
MONOLOG_LEVELS: tuple[str, ...] = (
    "DEBUG",
    "INFO",
    "NOTICE",
    "WARNING",
    "ERROR",
    "CRITICAL",
    "ALERT",
    "EMERGENCY",
)

LEVELS: dict[str, str] = {
    "trace": "debug",
    "debug": "debug",
    "dbg": "debug",
    "verbose": "debug",
    "info": "info",
    "information": "info",
    "informational": "info",
    "notice": "info",
    "warn": "warning",
    "warning": "warning",
    "error": "error",
    "err": "error",
    "severe": "error",
    "crit": "critical",
    "critical": "critical",
    "fatal": "critical",
    "alert": "critical",
    "emerg": "critical",
    "emergency": "critical",
    "panic": "critical",
    "log": "info",  # PostgreSQL's routine severity
    # PostgreSQL error_severity (csvlog, stderr): DEBUG1-5 below INFO
    **{f"debug{n}": "debug" for n in range(1, 6)},
    # Windows Event Viewer level names as localized exports write them (Verbose, Information, Warning,
    # Error, Critical) in German, French, Spanish, Portuguese and Japanese
    "ausführlich": "debug",
    "informationen": "info",
    "warnung": "warning",
    "fehler": "error",
    "kritisch": "critical",
    "commentaires": "debug",
    "avertissement": "warning",
    "erreur": "error",
    "critique": "critical",
    "detallado": "debug",
    "información": "info",
    "advertencia": "warning",
    "crítico": "critical",
    "detalhado": "debug",
    "informações": "info",
    "aviso": "warning",
    "erro": "error",
    "詳細": "debug",
    "情報": "info",
    "警告": "warning",
    "エラー": "error",
    "重大": "critical",
}
# pino/bunyan numbers
PINO_LEVELS = {10: "debug", 20: "debug", 30: "info", 40: "warning", 50: "error", 60: "critical"}
# Raw level values (names, and pino numbers as text) that mean error or worse, and warning.
ERROR_LEVEL_VALUES = frozenset(
    [k for k, v in LEVELS.items() if v in ("error", "critical")]
    + [str(n) for n, v in PINO_LEVELS.items() if v in ("error", "critical")]
)
WARNING_LEVEL_VALUES = frozenset(
    [k for k, v in LEVELS.items() if v == "warning"]
    + [str(n) for n, v in PINO_LEVELS.items() if v == "warning"]
)
# One-letter levels (Android logcat, glog/klog): used only where a file shows them in a fixed column.
LETTER_LEVELS = {
    "V": "debug",
    "D": "debug",
    "I": "info",
    "W": "warning",
    "E": "error",
    "F": "critical",
    "A": "critical",
}
# One-symbol levels: Redis writes ``.`` debug, ``-`` verbose, ``*`` notice, ``#`` warning after the stamp
# (redis.conf ``loglevel``; server.c); used only where a file shows them in a fixed column.
SYMBOL_LEVELS = {".": "debug", "-": "debug", "*": "info", "#": "warning"}
# syslog severities 0-7 (journald PRIORITY)
SYSLOG_SEVERITY = {
    0: "critical",
    1: "critical",
    2: "critical",
    3: "error",
    4: "warning",
    5: "info",
    6: "info",
    7: "debug",
}


def level_of(raw: Any) -> str | None:
    """Normalise a level name or pino number ('WARN', 40) to debug|info|warning|error|critical."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int | float):
        return PINO_LEVELS.get(int(raw))
    s = str(raw).strip().lower()
    if s.isdigit():
        return PINO_LEVELS.get(int(s))
    return LEVELS.get(s)


_LEVEL = re.compile(
    r"(?i:\b(?:level|lvl|severity|loglevel)=\"?(\w+))|(?i:\[(trace|debug|info|notice|warn|warning|error|err|"
    r"crit|critical|fatal|alert|emerg)\])|\b(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRIT|CRITICAL|"
    r"FATAL|SEVERE|ALERT|EMERG|PANIC)\b"
)
# The status after a quoted request line; a proxy writes "-" for a method it never parsed (Envoy's
# "- - HTTP/1.1" 400 DPE on a downstream protocol error).
_HTTP_STATUS = re.compile(r'"(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|CONNECT|-) [^"]*" (\d{3})\b')
# HAProxy's HTTP log: the status code follows the timers TR/Tw/Tc/Tr/Ta (Tq/Tw/Tc/Tr/Tt before 1.8;
# -1 when a phase did not happen, "+" before Ta with "option logasap").
_TIMERS_STATUS = re.compile(r" -?\d+/-?\d+/-?\d+/-?\d+/\+?-?\d+ (\d{3}) ")


def level_in_text(msg: str) -> str | None:
    """A level written in a line's text (``level=warn``, ``[error]``, ``ERROR``) or its HTTP status."""
    m = _LEVEL.search(msg, 0, 100)
    if m:
        return LEVELS.get((m.group(1) or m.group(2) or m.group(3)).lower())
    code = access_status(msg)
    return status_level(code) if code is not None else None


def access_status(msg: str) -> int | None:
    """The HTTP status of an access-log line, where its format puts it (after the quoted request line,
    after HAProxy's timers); None for other lines."""
    m = _HTTP_STATUS.search(msg) or _TIMERS_STATUS.search(msg)
    return int(m.group(1)) if m else None


def status_level(code: int) -> str:
    """The level an HTTP status stands for: 5xx error, 4xx warning, anything else info."""
    return "error" if code >= 500 else "warning" if code >= 400 else "info"
