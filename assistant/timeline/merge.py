"""Merging: one event per happening. An alert payload and its bot echo in chat become one event
carrying both references; identical lines from the same kind of source at the same moment too."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from assistant.domain import EventAttrs, SourceKind, SourceRef
from assistant.timeline.align import echoes, says_resolved, text_keys

_ECHO_ACTOR = re.compile(r"(bot\b|-bot|bot$|pagerduty|opsgenie|alertmanager|grafana|prometheus)", re.I)
_ECHO_WINDOW = timedelta(minutes=5)


@dataclass
class Item:
    """An event before ids are given out."""

    time: datetime
    source: SourceKind
    actor: str | None
    text: str
    refs: list[SourceRef]
    attrs: EventAttrs = field(default_factory=lambda: EventAttrs())
    recorded: datetime | None = None


def _is_echo(item: Item) -> bool:
    return item.source == SourceKind.chat and (
        bool(item.attrs.get("bot")) or bool(item.actor and _ECHO_ACTOR.search(item.actor))
    )


def _add_refs(target: Item, refs: list[SourceRef]) -> None:
    for r in refs:
        if r not in target.refs:
            target.refs.append(r)


def dedupe(items: list[Item]) -> list[Item]:
    """Fold chat echoes into the alert they repeat (same alert name / incident number, same
    firing-or-resolved state, within five minutes) and exact repeats into their first copy."""
    alerts = [i for i in items if i.source == SourceKind.alert]
    keyed = [
        (
            a,
            text_keys(a.text, a.attrs.get("alert"), a.attrs.get("incident")),
            str(a.attrs.get("status") or "").lower() == "resolved",
        )
        for a in alerts
    ]
    dropped: set[int] = set()
    for idx, item in enumerate(items):
        if not _is_echo(item):
            continue
        keys = text_keys(item.text)
        resolved = says_resolved(item.text)
        hits = [
            a
            for a, ak, ar in keyed
            if ar == resolved and abs(a.time - item.time) <= _ECHO_WINDOW and echoes(item.text, keys, ak)
        ]
        if not hits:
            continue
        # Several alerts in one echo ("[FIRING:3] A | B | C"): each keeps a reference to it.
        best: dict[str, Item] = {}
        for a in hits:
            name = a.attrs.get("alert") or a.text
            if name not in best or abs(a.time - item.time) < abs(best[name].time - item.time):
                best[name] = a
        for a in best.values():
            _add_refs(a, item.refs)
            a.attrs.setdefault("echoes", []).append(item.text)
        dropped.add(idx)
    seen: dict[tuple[SourceKind, datetime, str], Item] = {}
    out: list[Item] = []
    for idx, item in enumerate(items):
        if idx in dropped:
            continue
        key = (item.source, item.time, item.text)
        if key in seen:
            _add_refs(seen[key], item.refs)
            continue
        seen[key] = item
        out.append(item)
    return out


# "emailed support at 07:58", "PR #4821 merged 13:41", "committed at 14:06:31": a past happening
# reported later with its own time. Ranges and future plans ("by 10:30") are left alone.
_MENTION = re.compile(
    r"\b(?:at|around|since|merged|deployed|shipped|started|began|changed|committed|pushed|applied|"
    r"restarted|failed|fired|paged(?: me)?(?: at)?)\s*~?\s*([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?![\d:-])"
)


def mentioned_events(items: list[Item]) -> list[Item]:
    """Extra events at times people mention for past happenings (same reference, marked ``mentioned``)."""
    out: list[Item] = []
    for item in items:
        if item.source not in (SourceKind.chat, SourceKind.note) or _is_echo(item):
            continue
        for m in _MENTION.finditer(item.text):
            when = item.time.replace(
                hour=int(m.group(1)), minute=int(m.group(2)), second=int(m.group(3) or 0), microsecond=0
            )
            if not timedelta(minutes=2) <= item.time - when <= timedelta(hours=12):
                continue
            out.append(
                Item(
                    when,
                    item.source,
                    item.actor,
                    f"(mentioned at {item.time:%H:%M}) {item.text}",
                    list(item.refs),
                    {**item.attrs, "mentioned": True},
                    None,
                )
            )
    return out
