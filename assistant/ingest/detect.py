"""Format detection from content (never from the file name)."""

from __future__ import annotations

import re
from typing import Any

from assistant.ingest import (
    alert_mail,
    alerts,
    alerts_csv,
    chat_csv,
    chat_json,
    chat_layout,
    email_thread,
    jsonlog,
    k8s,
    logs,
    slack,
    slowlog,
    tickets,
)
from assistant.ingest.chat_text import (
    _BARE_IRC,
    _BRACKET,
    _DATED,
    _DIVIDER,
    _NICK,
    _PASTE_HEAD,
    _T,
    _TEAMS_NAME,
)

# JSON document formats → (family, parser key)
JSON_FAMILIES = {
    "slack-export": "chat",
    "k8s-events-json": "log",
    "alerts": "alert",
    "alert-list": "alert",
    "chat-json": "chat",
    "log-records": "log",
    "tickets-json": "note",
}
# "[14/03/2026, 21:05:11] Alice: text" (WhatsApp), "[2026/03/05 14:09] Alice Chen" (Teams): a date the way
# people write it, bracketed with the time; log stamps put ISO dates or "04/Mar/2026:14:02:11" there.
_BRACKET_DATE = re.compile(
    rf"^\[(?:\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|\d{{4}}[/.]\d{{1,2}}[/.]\d{{1,2}}),?\s+(?P<t>{_T})\]\s*(?P<rest>.*)$"
)
_CHAT_HEAD = re.compile(r"^\s*(?:\[[^\]]{4,25}\]\s*\S|\d{1,2}:\d{2}(?::\d{2})?\s+<)")


def detect_json(value: Any) -> str | None:
    """'slack-export', 'k8s-events-json', 'alerts', 'slack-users' or None for a decoded document."""
    if slack.looks_like_messages(value):
        return "slack-export"
    if k8s.looks_like_events(value):
        return "k8s-events-json"
    if tickets.single_ticket(value) is not None:  # an issue has a state and a title, like an alert
        return "tickets-json"
    if alerts.system_of(value):
        return "alerts"
    # A list of incidents under a page's details: Statuspage's public API (/api/v2/incidents.json)
    if (
        isinstance(value, dict)
        and isinstance(value.get("incidents"), list)
        and alerts.system_of(value["incidents"])
    ):
        return "alert-list"
    if (
        isinstance(value, dict)
        and isinstance(value.get("messages"), list)
        and slack.looks_like_messages(value["messages"])
    ):
        return "slack-export"
    if chat_json.messages_of(value) is not None:  # other chat exports, by field names
        return "chat-json"
    # (logs) JSON log exports: CloudWatch Logs, CloudTrail {"Records": [...]}, Cloud Logging, journald lists
    if jsonlog.looks_like_log_records(value):
        return "log-records"
    # (notes) ticket exports from an API: Zendesk {"tickets": [...]}, Jira {"issues": [...]}, GitHub issues
    if tickets.json_tickets(value) is not None:
        return "tickets-json"
    return None


def _chat_share(lines: list[str]) -> tuple[float, bool]:
    """Share of lines that look like chat messages, and whether any has a speaker."""
    hits = 0
    speaker = False
    for ln in lines:
        s = ln.strip()
        m = _DATED.match(s) or _BRACKET.match(s) or _BARE_IRC.match(s)
        if m:
            rest = m.group("rest")
            if chat_layout.starts_with_level(rest):  # "INFO app.worker: ..." is a log line
                continue
            if (
                _NICK.match(rest)
                or re.match(r"^[^\s:<>][^:<>]{0,60}?:\s", rest)
                or "joined" in rest
                or rest.startswith("-!-")
            ):
                hits += 1
                speaker = True
            elif m.re is _BRACKET:
                hits += 1
                speaker = speaker or bool(_TEAMS_NAME.match(rest.strip()))
        elif _PASTE_HEAD.match(s):
            hits += 1
            speaker = True
        elif s.startswith(("--- Day changed", "--- Log opened", "-!-")) or _DIVIDER.match(s):
            hits += 1
    return (hits / len(lines) if lines else 0.0), speaker


def detect_text(sample: str) -> str | None:
    """'chat', a log matcher name, 'k8s-events', 'notes', or None for a text sample."""
    lines = [ln for ln in sample.split("\n")[:300] if ln.strip()]
    if not lines:
        return None
    if k8s.looks_like_events_text(lines):
        return "k8s-events"
    if slowlog.looks_like_slow_log(lines):  # MySQL / MariaDB slow query log
        return "mysql-slow"
    if alert_mail.looks_like_alert_mail(lines):  # Zabbix/Nagios/Icinga e-mails pasted as text
        return "alert-mail"
    if email_thread.looks_like_email_thread(lines):  # mbox, .eml, messages pasted with headers
        return "email"
    if alerts_csv.looks_like_alert_csv(sample):  # alert transitions (PagerDuty log entries, alert history)
        return "alert-csv"
    if tickets.looks_like_tickets(sample):  # Zendesk/Jira CSV exports
        return "tickets"
    if chat_csv.looks_like_chat_csv(sample):  # DiscordChatExporter and other chat CSVs
        return "chat-csv"
    chat, speaker = _chat_share(lines)
    best, log_share = logs.sample_score(sample)
    # --- chat layouts learned from the file (chat_layout; owned by the chat work) ---
    layout = chat_layout.learn(lines)
    if layout is not None and layout.heads / len(lines) >= 0.15:
        share = layout.heads / len(lines)
        inline_only = (
            all(sh[0] == "TN" and sh[1].endswith(":") for sh in layout.shapes) and not layout.name_then_time
        )
        name_first = layout.name_then_time or any(sh[0] == "NT" or sh[1] == "From" for sh in layout.shapes)
        # "[2026/03/05 14:09] Alice Chen" with the message below: a speaker line no log writes
        name_alone = any(
            sh[0] == "TN" and sh[2] and not sh[1].endswith(":") for sh in layout.shapes
        ) and not (speaker and chat >= 0.3)  # "[11:58 PM] Priya Kumar": the chat_text reader knows those
        # On a tie with the log reader, a bracketed date as people write it ("[14/03/2026, 21:05:11]") is chat
        dated = sum(1 for ln in lines if _BRACKET_DATE.match(ln.strip())) >= 0.5 * layout.heads
        # Every stamped line also reads as a log line; messages that talk ("anyone deploying?", "we",
        # "thanks") are people, which no log writes: then the speaker layout wins the tie.
        talk = share >= 0.3 and chat_layout.talk_share(lines, layout) >= 0.3
        # ... or when most speakers are people's display names ("Priya Nair"), in any language
        talk = talk or (share >= 0.3 and chat_layout.people_share(lines, layout) >= 0.5)
        irc = chat_layout.irc_prefixes(lines) >= max(2, 0.05 * len(lines))  # WeeChat's "@nick", "-->"
        wins = share > log_share or (share >= log_share and dated) or talk or irc
        if name_first or name_alone or (inline_only and not (speaker and chat >= 0.3) and wins):
            return "chat-layout"
    # --- end chat layouts ---
    # Chat stamps also parse as log lines ("2026-03-04 14:02:11 <bob> hi"); prefer chat when speakers show.
    if speaker and chat >= 0.3 and chat >= log_share * 0.8:
        return "chat"
    if log_share >= 0.3:
        return best
    if chat >= 0.3 and speaker:
        return "chat"
    from assistant.ingest.notes import time_mentions

    if time_mentions("\n".join(lines)) >= 1:
        return "notes"
    return None
