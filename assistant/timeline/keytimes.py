"""Signals the key-time procedure reads: symptoms in logs, bots, paging, the error-rate onset, stated times.


The decisions (which event marks start, detection, mitigation, resolution) live in
``assistant.roles.keytimes``; they read event roles, not cue lists.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta
from typing import Any

from assistant.domain import Event, SourceRef, is_bot
from assistant.ingest._levels import ERROR_LEVEL_VALUES, WARNING_LEVEL_VALUES
from assistant.vocabulary import ALERT_DONE_STATES, ALERT_UPDATE_STATES, NOTICE_STATES, RESOLVED_ECHO

_PAGER = re.compile(
    r"\b(pagerduty|opsgenie|pd-bot|incident #?\d+ triggered|triggered #?\d+|\[triggered\])", re.I
)
_FIRING = re.compile(r"\b(firing|triggered|alerting)\b", re.I)
_PAGING_SEVERITY = frozenset(
    ("page", "critical", "crit", "high", "p1", "p2", "sev1", "sev2", "error", "major")
)
# Pager systems route these as low-urgency notifications: no one is woken. Opsgenie names P3 "Moderate"
# and P4 "Low"; the usual on-call policy pages for P1/P2 (critical, high) only, and SEV3 is "minor" on
# the SEV scales. On the dev sets, P3 read as a page had made a third party's latency alert or a
# warning the detection (cases-2 key .458 -> .542, cases-8 .458 -> .5 with P3 quiet; none lost).
_QUIET_SEVERITY = frozenset(
    ("p3", "p4", "p5", "low", "info", "informational", "sev3", "sev4", "sev5", "minor", "warning")
)
# A relay says the severity as a field ("severity: warning") or, as Alertmanager and Grafana chat
# templates render it, as a label set off in brackets after the name ("[FIRING] DiskHigh (warning)").
_NON_PAGING = re.compile(
    r"severity[=:\s]*\"?(?:warning|warn|info|low|none)\b|[(\[]\s*(?:"
    + "|".join(sorted(_QUIET_SEVERITY | {"warn"}, key=len, reverse=True))
    + r")\s*[)\]]",
    re.I,
)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|`[^`]*`")
# "since 14:05" and its words in the languages our users write; French, Québec and Brazilian
# teams write the time 15h25 (the French typographic convention), so "h" separates hours too.
_MENTIONED = re.compile(
    r"(?:\bat|~|\baround|\bsince|\bseit|\bum|\bdesde(?: las?)?|\ba las?|\bàs|\bdesde as|\bdepuis|\bvers|"
    r"\bdès|(?<!\w)à|\bsinds|\bom|\brond|\bdalle|\balle|\bverso|\bod|\bokoło|\bkolem|\bsedan|\bsiden|\bsejak|\bpukul|\btừ|\blúc)\s*"
    r"([01]?\d|2[0-3])[:h]([0-5]\d)(?::([0-5]\d))?\b"
)


_SYMPTOM_WORDS = re.compile(
    r"\b(errors?|exceptions?|fail(ed|ure|ing|s)?|fatal|panic|timed? ?out|timeouts?|refused|denied|unauthori[sz]ed|"
    r"forbidden|unknown|unavailable|unreachable|evict(ed|ions?)?|oom\w*|out of memory|crash\w*|exceeded|"
    r"no space|not[ _]found|(?<![\d.])(401|403|5\d\d)(?![\d.]))\b",
    re.I,
)
_ERRORISH_LEVELS = ERROR_LEVEL_VALUES | WARNING_LEVEL_VALUES  # error, warning or worse


def is_symptom(level: str | None, text: str) -> bool:
    """A log line that can mark the incident's onset: error/warn level, else error-ish words."""
    if level and str(level).strip().lower() in _ERRORISH_LEVELS:
        return True
    return bool(_SYMPTOM_WORDS.search(text[:400]))


def symptom_times(condenser: Any) -> list[tuple[datetime, SourceRef]]:
    """Time and ref of every line whose template is a symptom (per template, so cheap on big logs)."""
    out: list[tuple[datetime, SourceRef]] = []
    for key, g in condenser.groups.items():
        if not (g.level == "error" or is_symptom(key[1], g.template)):
            continue
        for it in g.items:
            out.extend([(it[0], it[1])] * (it[3] if len(it) > 3 else 1))
    return out


def is_paging_alert(e: Event, *, any_state: bool = False) -> bool:
    """An alert that pages someone (severity, pager system or receiver); resolved ones only with any_state."""
    status = str(e.attrs.get("status") or "").lower()
    if not any_state and (status in ALERT_DONE_STATES or status in ALERT_UPDATE_STATES):
        return False
    if status in NOTICE_STATES or str(e.attrs.get("state") or "").lower() in NOTICE_STATES:
        return False  # a provider's status page tells the world; it pages nobody here
    sev = str(e.attrs.get("severity") or "").lower()
    system = str(e.attrs.get("system") or "").lower()
    if system in ("pagerduty", "opsgenie"):
        return sev not in _QUIET_SEVERITY and str(e.attrs.get("urgency") or "").lower() != "low"
    return sev in _PAGING_SEVERITY or (not sev and "page" in str(e.attrs.get("receiver") or "").lower())


def is_pager(e: Event) -> bool:
    """A post by or about a pager system (PagerDuty, Opsgenie, 'incident #12 triggered')."""
    return bool(
        _PAGER.search(e.text)
        or (e.actor and _PAGER.search(e.actor))
        or str(e.attrs.get("system") or "") in ("pagerduty", "opsgenie")
    )


def is_page_echo(e: Event) -> bool:
    """A bot's chat post that relays a page (pager name, 'triggered', 'firing'), not a warning or a resolve."""
    text = _QUOTED.sub("", e.text) if not is_bot(e) else e.text
    if not is_bot(e) or _NON_PAGING.search(text) or RESOLVED_ECHO.search(text):
        return False
    return bool(_PAGER.search(text) or (e.actor and _PAGER.search(e.actor)) or _FIRING.search(text))


def error_onset(
    errors: list[datetime],
    detected: datetime,
    since: datetime | None = None,
    *,
    lookback: timedelta = timedelta(hours=12),
    recent: timedelta | None = None,
) -> datetime | None:
    """Where the error rate jumped before detection: the Poisson change point of the error lines.

    The run from the change point to detection must be denser than everything before it (back to
    ``since``, the start of the logs), so a low background of errors does not pull the start back.
    ``lookback`` is how far before detection the onset may lie (days for failures people found);
    ``recent`` how close to detection the last error must be for the run to be this incident's
    (default: lookback / 24, at least 30 min; a nightly job failing needs about a day).
    """
    end = detected + timedelta(minutes=1)
    pts = sorted(t for t in errors if detected - lookback <= t <= end)
    if not pts or detected - pts[-1] > (recent or max(timedelta(minutes=30), lookback / 24)):
        return None
    t0 = min(since or pts[0], pts[0])
    n = len(pts)
    best: tuple[float, datetime] | None = None
    for k in range(n):
        if k and pts[k] == pts[k - 1]:
            continue
        n_in, t_in = n - k, max(1.0, (end - pts[k]).total_seconds())
        n_out, t_out = k, max(1.0, (pts[k] - t0).total_seconds())
        if n_out and n_out / t_out >= n_in / t_in:
            continue
        ll = n_in * math.log(n_in / t_in) + (n_out * math.log(n_out / t_out) if n_out else 0.0)
        if best is None or ll > best[0]:
            best = (ll, pts[k])
    return best[1] if best else None


def error_offset(errors: list[datetime], after: datetime, until: datetime) -> datetime | None:
    """Where the error rate fell back: the last error of the dense run that starts at ``after``.

    The mirror of ``error_onset``: a two-rate Poisson change point over the errors in
    [after, until]; the run before the split must be denser than the rest (a quiet tail, or none).
    None when there are too few errors to tell (< 5) or the rate never falls.
    """
    pts = sorted(t for t in errors if after <= t <= until)
    if len(pts) < 5:
        return None
    n = len(pts)
    total = max(1.0, (until - after).total_seconds())
    best: tuple[float, datetime] | None = None
    for k in range(1, n + 1):
        if k < n and pts[k] == pts[k - 1]:
            continue
        t_in = max(1.0, (pts[k - 1] - after).total_seconds())
        t_out = max(1.0, total - t_in)
        n_in, n_out = k, n - k
        if n_out and n_out / t_out >= n_in / t_in:
            continue
        ll = n_in * math.log(n_in / t_in) + (n_out * math.log(n_out / t_out) if n_out else 0.0)
        if best is None or ll > best[0]:
            best = (ll, pts[k - 1])
    return best[1] if best else None


def mentioned_time(e: Event) -> datetime:
    """'mitigated at 14:27' → 14:27 on the message's day and clock (2:27 read as 14:27 when that is
    within the two hours before the message); else the message time."""
    found = list(_MENTIONED.finditer(e.text))
    if not found:
        return e.time
    m = found[-1]
    hour = int(m.group(1))
    # A 12-hour clock ("as of ~3:46" posted at 15:55) reads as the afternoon when that is the recent one.
    for h in (hour, hour + 12) if hour < 12 else (hour,):
        t = e.time.replace(hour=h, minute=int(m.group(2)), second=int(m.group(3) or 0), microsecond=0)
        if timedelta(0) <= e.time - t <= timedelta(hours=2):
            return t
    return e.time
