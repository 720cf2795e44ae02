"""Slack: a channel export (JSON list of messages) and a whole workspace export (zip or folder)."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any

from assistant.domain import ParsedSource, RawRecord, SourceKind
from assistant.ingest._json import JsonDoc
from assistant.ingest._records import raw_time, record

_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]+))?>")
_CHANNEL = re.compile(r"<#[CG][A-Z0-9]+\|([^>]+)>")
_SPECIAL = re.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>")
_LINK = re.compile(r"<((?:https?|mailto):[^>|]+)(?:\|([^>]+))?>")


def looks_like_messages(value: Any) -> bool:
    """A JSON list whose items look like Slack messages (ts + text or type=message)."""
    if not isinstance(value, list) or not value:
        return False
    probe = [v for v in value[:50] if isinstance(v, dict)]
    hits = sum(1 for v in probe if "ts" in v and ("text" in v or v.get("type") == "message"))
    return bool(probe) and hits >= max(1, len(probe) * 0.6)


def user_names(users: Any) -> dict[str, str]:
    """users.json → {user id: handle}."""
    out: dict[str, str] = {}
    if isinstance(users, list):
        for u in users:
            if isinstance(u, dict) and u.get("id"):
                prof = u.get("profile") or {}
                name = (
                    u.get("name") or prof.get("display_name") or prof.get("real_name") or u.get("real_name")
                )
                if name:
                    out[str(u["id"])] = str(name)
    return out


def _actor(msg: dict[str, Any], users: dict[str, str]) -> str | None:
    prof = msg.get("user_profile") or {}
    uid = msg.get("user")
    return (
        msg.get("user_name")
        or (users.get(uid) if uid else None)
        or prof.get("display_name")
        or prof.get("real_name")
        or prof.get("name")
        or uid
    )


def clean_text(text: str, users: dict[str, str]) -> str:
    """Resolve <@U…> mentions, channel and link markup, and HTML entities."""
    if "<" in text:
        text = _MENTION.sub(lambda m: "@" + (users.get(m.group(1)) or m.group(2) or m.group(1)), text)
        text = _CHANNEL.sub(r"#\1", text)
        text = _SPECIAL.sub(r"@\1", text)
        text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    return html.unescape(text) if "&" in text else text


def _ts(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(float(value), tz=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _text_of(msg: dict[str, Any]) -> str:
    text = msg.get("text") or ""
    if not text:
        # Bot posts often carry their content only in attachments/blocks.
        parts = []
        for att in msg.get("attachments") or []:
            if isinstance(att, dict):
                parts += [str(att[k]) for k in ("pretext", "title", "text", "fallback") if att.get(k)]
        text = "\n".join(dict.fromkeys(parts))
    files = [f.get("name") or f.get("title") for f in msg.get("files") or [] if isinstance(f, dict)]
    if files:
        text = (text + "\n" if text else "") + "[files: " + ", ".join(str(f) for f in files if f) + "]"
    return text


def parse_messages(
    doc: JsonDoc, name: str, *, users: dict[str, str] | None = None, channel: str | None = None
) -> ParsedSource:
    """Records from a Slack channel export list."""
    users = dict(users or {})
    for m in doc.value:  # names known from the messages themselves resolve mentions too
        if isinstance(m, dict) and m.get("user") and m.get("user_name"):
            users.setdefault(str(m["user"]), str(m["user_name"]))
    records: list[RawRecord] = []
    warnings: list[str] = []
    for i, msg in enumerate(doc.value):
        line = doc.item_lines[i] if i < len(doc.item_lines) else 0
        if not isinstance(msg, dict):
            continue
        when = _ts(msg.get("ts"))
        if when is None:
            warnings.append(f"{name}:{line}: message without a usable 'ts' skipped")
            continue
        subtype = msg.get("subtype")
        bot = subtype == "bot_message" or (bool(msg.get("bot_id")) and not msg.get("user_profile"))
        actor = msg.get("username") if bot and msg.get("username") else _actor(msg, users)
        if bot and not actor:
            actor = (msg.get("bot_profile") or {}).get("name") or msg.get("bot_id")
        attrs: dict[str, Any] = {"bot": bool(bot), "subtype": subtype, "ts": msg.get("ts")}
        if msg.get("thread_ts"):
            attrs["thread_ts"] = msg["thread_ts"]
            attrs["reply"] = msg["thread_ts"] != msg.get("ts")
        if msg.get("reply_count"):
            attrs["reply_count"] = msg["reply_count"]
        if msg.get("edited"):
            attrs["edited"] = True
            edited = _ts((msg["edited"] or {}).get("ts")) if isinstance(msg["edited"], dict) else None
            if edited:
                attrs["edited_at"] = edited.isoformat()
        if channel:
            attrs["channel"] = channel
        prof = msg.get("user_profile") or {}
        if prof.get("real_name"):
            attrs["real_name"] = prof["real_name"]
        text = clean_text(_text_of(msg), users)
        if subtype in ("channel_join", "group_join"):
            text = f"{actor} joined the channel"
        records.append(record(raw_time(when), SourceKind.chat, text, name, line, actor=actor, attrs=attrs))
    return ParsedSource(
        path=name, format="slack-export", kind=SourceKind.chat, records=records, warnings=warnings
    )
