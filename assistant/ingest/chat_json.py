"""Chat exported as JSON by any tool: messages found by field names, plus Mattermost's bulk export.

A chat export is a list of messages (top level, or under ``messages``/``posts``/``value``) where
each has a time (``timestamp``, ``create_at``, ``createdDateTime``, ``date``), an author
(``author``, ``user``, ``from``, ``sender``; a string or an object with a name) and text
(``content``, ``message``, ``text``, ``body``). That covers DiscordChatExporter, Telegram, Teams
(Graph API), Rocket.Chat, Zulip and Google Chat (Takeout, whose ``created_date`` is spelled out in the
account's language: ``spelled_dates``) exports without one parser each. Mattermost's bulk export is
JSON lines (``{"type": "post", "post": {...}}``, replies nested under the post); its posts and
direct posts go through the same mapper. Slack exports keep their own parser (``slack.py``).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from assistant.domain import ParsedSource, RawRecord, SourceKind, is_bot_name
from assistant.ingest._records import raw_time, record
from assistant.ingest.jsonlog import epoch_time, iso_time
from assistant.ingest.spelled_dates import spelled_datetime

_LISTS = ("messages", "posts", "value", "items", "chat", "history")
_TIME = (
    "timestamp",
    "create_at",
    "createdDateTime",
    "created_at",
    "createdAt",
    "created_date",  # Google Chat (Takeout): spelled out in the account's language
    "date",
    "ts",
    "time",
    "sent_at",
    "date_unixtime",
    "origin_server_ts",  # Matrix (Element's room export): epoch milliseconds
    "originalarrivaltime",  # Skype (export's messages.json)
)
_AUTHOR = (
    "author",
    "creator",  # Google Chat (Takeout)
    "user",
    "from",
    "sender",
    "username",
    "user_name",
    "sender_full_name",
    "display_name",
    "u",
)
_NAME = ("nickname", "displayName", "display_name", "name", "username", "full_name")
_TEXT = ("content", "message", "text", "body", "msg")
_TAG = re.compile(r"<[^>]+>")
_MM_TYPES = frozenset(
    {"version", "team", "channel", "user", "post", "direct_channel", "direct_post", "emoji", "scheme"}
)


def _get(d: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        if k in d and d[k] not in (None, ""):
            return d[k]
    return None


def _time(v: Any) -> datetime | None:
    if isinstance(v, int | float) and not isinstance(v, bool) and v > 1e8:
        return epoch_time(float(v))
    if isinstance(v, str) and v:
        if re.fullmatch(r"\d{9,}(?:\.\d+)?", v):
            return epoch_time(float(v))
        return iso_time(v.replace("Z", "+00:00")) or spelled_datetime(v)
    return None


def _author(v: Any) -> tuple[str | None, bool]:
    if isinstance(v, str):
        return v, False
    if isinstance(v, dict):
        # Teams (Graph): ``from`` is an identity set, one of user, application (a connector or
        # bot) and device set.
        inner: dict[str, Any] = next(
            (x for x in (v.get("user"), v.get("application"), v.get("device")) if isinstance(x, dict)), v
        )
        name = _get(inner, _NAME)
        bot = bool(v.get("isBot") or v.get("bot") or v.get("is_bot") or v.get("application"))
        return (str(name) if name is not None else None), bot
    return None, False


def _text(v: Any) -> str | None:
    if isinstance(v, dict):  # Teams: body.content (HTML); Matrix: content.body
        v = v.get("content") or v.get("text") or v.get("body")
    if isinstance(v, list):  # Telegram: text as a list of strings and entity objects
        v = "".join(
            x if isinstance(x, str) else str(x.get("text", "")) for x in v if isinstance(x, str | dict)
        )
    if not isinstance(v, str):
        return None
    if "<" in v and ">" in v:
        v = _TAG.sub("", v.replace("<br>", "\n").replace("</p>", "\n"))
    return html.unescape(v).strip()


def skype_messages(value: Any) -> list[Any] | None:
    """Skype's export (messages.json): ``conversations[].MessageList[]``, every conversation's messages
    in file order; None for other documents."""
    if not isinstance(value, dict) or not isinstance(value.get("conversations"), list):
        return None
    out = [
        m
        for c in value["conversations"]
        if isinstance(c, dict) and isinstance(c.get("MessageList"), list)
        for m in c["MessageList"]
    ]
    return out or None


def messages_of(value: Any) -> list[Any] | None:
    """The message list of a JSON chat export, or None."""
    if (skype := skype_messages(value)) is not None:
        value = skype
    elif isinstance(value, dict):
        value = next((value[k] for k in _LISTS if isinstance(value.get(k), list)), None)
    if not isinstance(value, list) or not value:
        return None
    probe = [v for v in value[:50] if isinstance(v, dict)]
    hits = sum(
        1
        for v in probe
        if _time(_get(v, _TIME)) and _author(_get(v, _AUTHOR))[0] and _text(_get(v, _TEXT)) is not None
    )
    return value if probe and hits >= max(1, 0.6 * len(probe)) else None


def parse_chat_json(
    messages: list[Any], name: str, lines: list[int] | None = None, fmt: str = "chat-json"
) -> ParsedSource:
    """One chat record per message (and per nested reply)."""
    records: list[RawRecord] = []
    warnings: list[str] = []
    names = _matrix_names(messages)
    for i, m in enumerate(messages):
        line = lines[i] if lines and i < len(lines) else 1
        if not isinstance(m, dict):
            continue
        if names and m.get("sender") in names:
            m = {**m, "sender": names[m["sender"]]}
        _emit(m, line, name, records, warnings, parent=None)
    return ParsedSource(path=name, format=fmt, kind=SourceKind.chat, records=records, warnings=warnings)


def _matrix_names(messages: list[Any]) -> dict[str, str]:
    """Matrix user id -> display name, from the room's membership events ("@ana:example.org" -> "Ana")."""
    out: dict[str, str] = {}
    for m in messages:
        if isinstance(m, dict) and m.get("type") == "m.room.member" and isinstance(m.get("content"), dict):
            shown = m["content"].get("displayname")
            who = m.get("state_key") or m.get("sender")
            if isinstance(shown, str) and shown and isinstance(who, str):
                out[who] = shown
    return out


_PART_NAME = re.compile(r"<name>([^<]*)</name>")
_CALL_STATE = re.compile(r'<partlist[^>]*\btype="(\w+)"')


def _skype_notice(kind: str, content: str) -> str:
    """Skype's notice markup as a sentence: "call ended (Ayu Lestari, Rizky Pratama)", "AddMember"."""
    names = ", ".join(html.unescape(n) for n in _PART_NAME.findall(content))
    if kind == "Event/Call":
        state = m.group(1) if (m := _CALL_STATE.search(content)) else "event"
        return f"call {state}" + (f" ({names})" if names else "")
    return kind.split("/", 1)[1] + (f" ({names})" if names else "")


def _emit(
    m: dict[str, Any], line: int, name: str, records: list[RawRecord], warnings: list[str], parent: str | None
) -> None:
    when = _time(_get(m, _TIME))
    actor, bot = _author(_get(m, _AUTHOR))
    if isinstance(m.get("displayName"), str) and m["displayName"].strip() and isinstance(m.get("from"), str):
        # Skype: ``from`` is the account id ("8:live:.cid.3b7e…", "28:" for bots), displayName the person.
        actor, bot = m["displayName"].strip(), bot or m["from"].startswith("28:")
    text = _text(_get(m, _TEXT))
    kind = m.get("messagetype")
    notice = None
    if isinstance(kind, str) and kind.startswith(("Event/", "ThreadActivity/")) and isinstance(text, str):
        # Skype's own notices (a call started or ended, a member added): said in words, by no one.
        text = _skype_notice(kind, str(m.get("content") or ""))
        bot, notice = True, kind
    content = m.get("content")
    if isinstance(content, dict) and "msgtype" in content:  # Matrix: m.notice is what bots send
        bot = bot or content.get("msgtype") == "m.notice"
    if when is None:
        warnings.append(f"{name}:{line}: message without a readable time; skipped")
        return
    attrs: dict[str, Any] = {"bot": bot or is_bot_name(actor), "subtype": notice}
    if parent is not None:
        attrs["reply"] = True
        attrs["thread_parent"] = parent
    if m.get("timestampEdited") or m.get("edit_at") or m.get("edited") or m.get("lastEditedDateTime"):
        attrs["edited"] = True
    if text:
        records.append(record(raw_time(when), SourceKind.chat, text, name, line, actor=actor, attrs=attrs))
    for reply in m.get("replies") or []:
        if isinstance(reply, dict) and _get(reply, _TEXT) is not None:
            _emit(reply, line, name, records, warnings, parent=str(m.get("id") or when.isoformat()))


def mattermost_posts(lines: Iterable[str]) -> tuple[list[dict[str, Any]], list[int]] | None:
    """Posts of a Mattermost bulk export (JSON lines with a "type"), with their line numbers; else None."""
    posts: list[dict[str, Any]] = []
    at: list[int] = []
    seen_type = False
    for n, ln in enumerate(lines, start=1):
        s = ln.strip()
        if not s:
            continue
        try:
            obj = json.loads(s)
        except ValueError:
            return None
        if not isinstance(obj, dict) or obj.get("type") not in _MM_TYPES:
            return None
        seen_type = True
        kind = obj["type"]
        if kind in ("post", "direct_post") and isinstance(obj.get(kind), dict):
            posts.append(obj[kind])
            at.append(n)
    return (posts, at) if seen_type and posts else None


def looks_like_mattermost(sample: str) -> bool:
    """The first JSON line of the sample is a Mattermost bulk-export record."""
    first = next((ln for ln in sample.split("\n") if ln.strip()), "")
    try:
        obj = json.loads(first)
    except ValueError:
        return False
    return (
        isinstance(obj, dict)
        and obj.get("type") in _MM_TYPES
        and (obj["type"] != "version" or "version" in obj)
    )


__all__ = ["looks_like_mattermost", "mattermost_posts", "messages_of", "parse_chat_json"]
