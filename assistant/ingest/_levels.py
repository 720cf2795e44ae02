"""Log level vocabulary: names, numbers and letters → debug|info|warning|error|critical (one place)."""

from __future__ import annotations

from typing import Any

LEVELS: dict[str, str] = {
    "trace": "debug", "debug": "debug", "dbg": "debug", "verbose": "debug", "info": "info",
    "information": "info", "informational": "info", "notice": "info", "warn": "warning", "warning": "warning",
    "error": "error", "err": "error", "severe": "error", "crit": "critical", "critical": "critical",
    "fatal": "critical", "alert": "critical", "emerg": "critical", "emergency": "critical", "panic": "critical",
}
# pino/bunyan numbers
PINO_LEVELS = {10: "debug", 20: "debug", 30: "info", 40: "warning", 50: "error", 60: "critical"}
# One-letter levels (Android logcat, glog/klog): used only where a file shows them in a fixed column.
LETTER_LEVELS = {"V": "debug", "D": "debug", "I": "info", "W": "warning", "E": "error", "F": "critical",
                 "A": "critical"}
# syslog severities 0-7 (journald PRIORITY)
SYSLOG_SEVERITY = {0: "critical", 1: "critical", 2: "critical", 3: "error", 4: "warning", 5: "info", 6: "info",
                   7: "debug"}


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
