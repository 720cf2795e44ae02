"""Chat JSON exports read by field names (Discord, Teams, Telegram) and Mattermost bulk export JSONL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from _ingest_helpers import parse_one

from assistant.domain import SourceKind


def test_discord_chat_exporter_json(tmp_path: Path) -> None:
    doc = {
        "guild": {"name": "ops"},
        "channel": {"name": "incident"},
        "messages": [
            {
                "id": "1",
                "type": "Default",
                "timestamp": "2026-03-04T15:02:00.123+01:00",
                "timestampEdited": None,
                "content": "shipping 2.31.0",
                "author": {"id": "9", "name": "mira.k", "nickname": "Mira", "isBot": False},
            },
            {
                "id": "2",
                "type": "Default",
                "timestamp": "2026-03-04T15:18:00+01:00",
                "timestampEdited": None,
                "content": "[P2] lag high",
                "author": {"id": "8", "name": "Datadog", "isBot": True},
            },
        ],
    }
    src = parse_one(tmp_path, "discord.json", json.dumps(doc))
    assert (src.format, src.kind) == ("chat-json", SourceKind.chat)
    first, second = src.records
    assert first.actor == "Mira" and first.time.value == datetime(
        2026, 3, 4, 15, 2, 0, 123000, tzinfo=timezone(timedelta(hours=1))
    )
    assert second.attrs["bot"] is True


def test_teams_graph_messages_with_html_bodies(tmp_path: Path) -> None:
    doc = {
        "value": [
            {
                "id": "1",
                "createdDateTime": "2026-02-10T09:41:05Z",
                "lastEditedDateTime": None,
                "from": {"user": {"displayName": "Priya Nair"}},
                "body": {"contentType": "html", "content": "<p>applying &amp; watching</p>"},
            }
        ]
    }
    (r,) = parse_one(tmp_path, "teams.json", json.dumps(doc)).records
    assert (r.actor, r.text) == ("Priya Nair", "applying & watching")
    assert r.time.value == datetime(2026, 2, 10, 9, 41, 5, tzinfo=UTC)


def test_teams_graph_connector_posts_and_system_events_do_not_hide_the_chat(tmp_path: Path) -> None:
    # Graph's ``from`` is an identity set: a connector posts as ``application``, a system event has none.
    people = [
        {
            "createdDateTime": f"2026-02-10T09:4{i}:05Z",
            "from": {"user": {"displayName": "Priya Nair"}, "application": None},
            "body": {"content": f"<p>step {i}</p>"},
        }
        for i in range(2)
    ]
    connector = {
        "createdDateTime": "2026-02-10T09:39:00Z",
        "from": {"application": {"displayName": "Azure Monitor Alerts"}, "user": None, "device": None},
        "body": {"content": "<div><strong>Fired: Sev1 ledger-api-5xx-rate</strong></div>"},
    }
    system = {
        "createdDateTime": "2026-02-10T09:38:00Z",
        "messageType": "systemEventMessage",
        "from": None,
        "body": {"content": "<systemEventMessage/>"},
    }
    doc = {"value": [connector, system, connector, *people]}
    src = parse_one(tmp_path, "teams.json", json.dumps(doc))
    assert src.format == "chat-json"
    bots = [(r.actor, r.attrs["bot"]) for r in src.records if r.actor == "Azure Monitor Alerts"]
    assert bots == [("Azure Monitor Alerts", True)] * 2
    assert [r.text for r in src.records if r.actor == "Priya Nair"] == ["step 0", "step 1"]


def test_mattermost_bulk_export_posts_and_replies(tmp_path: Path) -> None:
    lines = [
        {"type": "version", "version": 1},
        {"type": "team", "team": {"name": "ops", "display_name": "Ops"}},
        {"type": "channel", "channel": {"team": "ops", "name": "incident", "display_name": "Incident"}},
        {
            "type": "post",
            "post": {
                "team": "ops",
                "channel": "incident",
                "user": "alice",
                "message": "api is down",
                "create_at": 1772633880000,
                "replies": [{"user": "bob", "message": "on it", "create_at": 1772633940000}],
            },
        },
        {
            "type": "direct_post",
            "direct_post": {
                "channel_members": ["alice", "bob"],
                "user": "bob",
                "message": "call?",
                "create_at": 1772634000000,
            },
        },
    ]
    src = parse_one(tmp_path, "export.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    assert src.format == "mattermost-jsonl"
    assert [(r.actor, r.text, r.ref.line) for r in src.records] == [
        ("alice", "api is down", 4),
        ("bob", "on it", 4),
        ("bob", "call?", 5),
    ]
    assert src.records[0].time.value == datetime(2026, 3, 4, 14, 18, tzinfo=UTC)
    assert src.records[1].attrs["reply"] is True


def test_a_matrix_room_export_is_chat_with_display_names_and_notices_from_bots(tmp_path: Path) -> None:
    # Element's "Export chat" JSON: Matrix events, epoch milliseconds, text in content.body.
    def event(
        kind: str, sender: str, ts: int, content: dict[str, object], **extra: object
    ) -> dict[str, object]:
        return {"type": kind, "sender": sender, "origin_server_ts": ts, "content": content, **extra}

    export = {
        "room_name": "#inc-checkout",
        "export_date": "11/17/2026",
        "messages": [
            event(
                "m.room.member",
                "@ana:chat.example",
                1794916000000,
                {"membership": "join", "displayname": "Ana"},
                state_key="@ana:chat.example",
            ),
            event(
                "m.room.message",
                "@ana:chat.example",
                1794916682964,
                {"msgtype": "m.text", "body": "5xx on /pay"},
            ),
            event(
                "m.room.message",
                "@pager:chat.example",
                1794916700000,
                {"msgtype": "m.notice", "body": "P2 fired"},
            ),
            event(
                "m.reaction",
                "@bo:chat.example",
                1794916710000,
                {"m.relates_to": {"rel_type": "m.annotation", "key": "👀"}},
            ),
            event(
                "m.room.message",
                "@bo:chat.example",
                1794916760000,
                {"msgtype": "m.text", "body": "rolling back"},
            ),
        ],
    }
    src = parse_one(tmp_path, "element-export.json", json.dumps(export))
    assert src.kind == "chat"
    assert [(r.actor, r.text, r.attrs["bot"]) for r in src.records] == [
        ("Ana", "5xx on /pay", False),
        ("@pager:chat.example", "P2 fired", True),
        ("@bo:chat.example", "rolling back", False),
    ]
    assert src.records[0].time.value == datetime.fromtimestamp(1794916682.964, UTC)


def test_google_chat_takeout_dates_spelled_in_the_accounts_language(tmp_path: Path) -> None:
    # Takeout writes created_date in the account's language, with the zone only when it is UTC
    def msg(who: str, when: str, text: str) -> dict[str, object]:
        return {"creator": {"name": who, "email": f"{who.split()[0].lower()}@example.org", "user_type": "Human"},
                "created_date": when, "text": text, "topic_id": "t1"}  # fmt: skip

    german = {"messages": [
        msg("Lea Brandt", "Dienstag, 9. Juni 2026 um 07:41:02", "Bestellungen hängen, schaue nach"),
        msg("Jonas Roth", "Dienstag, 9. Juni 2026 um 07:44:31", "Replica-Lag 40 s"),
    ]}  # fmt: skip
    src = parse_one(tmp_path, "messages.json", json.dumps(german))
    assert (src.format, src.kind) == ("chat-json", SourceKind.chat)
    assert [(r.actor, r.time.value) for r in src.records] == [
        ("Lea Brandt", datetime(2026, 6, 9, 7, 41, 2)),
        ("Jonas Roth", datetime(2026, 6, 9, 7, 44, 31)),
    ]
    english = {"messages": [msg("Lea Brandt", "Tuesday, June 9, 2026 at 7:41:02 AM UTC", "orders stuck"),
                            msg("Jonas Roth", "Tuesday, June 9, 2026 at 7:44:31 AM UTC", "replica lag 40s")]}  # fmt: skip
    src = parse_one(tmp_path, "messages-en.json", json.dumps(english))
    assert src.records[0].time.value == datetime(2026, 6, 9, 7, 41, 2, tzinfo=UTC)


def test_a_skype_export_is_chat_with_display_names_and_call_notices_in_words(tmp_path: Path) -> None:
    def msg(
        mid: int, who: str, at: str, text: str, kind: str = "RichText", sender: str = "8:live:.cid.a1"
    ) -> dict:
        return {
            "id": str(mid),
            "displayName": who,
            "originalarrivaltime": at,
            "messagetype": kind,
            "content": text,
            "conversationid": "19:abc@thread.skype",
            "from": sender,
        }

    export = {
        "userId": "8:live:.cid.a1",
        "exportDate": "2026-09-03T08:00:00.000Z",
        "conversations": [
            {
                "id": "19:abc@thread.skype",
                "displayName": "ops-war-room",
                "MessageList": [  # newest first, as Skype writes it
                    msg(3, "Rina", "2026-09-02T10:20:00.000Z", "rolled back, 5xx gone"),
                    msg(
                        2,
                        "Rina",
                        "2026-09-02T10:05:00.000Z",
                        '<partlist type="started" alt=""><part identity="live:.cid.a1"><name>Rina</name></part></partlist>',
                        kind="Event/Call",
                    ),
                    msg(
                        1,
                        "Budi",
                        "2026-09-02T10:01:30.000Z",
                        "checkout &amp; cart throwing 5xx",
                        sender="8:live:.cid.b2",
                    ),
                ],
            }
        ],
    }
    src = parse_one(tmp_path, "messages.json", json.dumps(export, indent=2))
    assert src.kind == "chat"
    rows = sorted((r.time.value.isoformat(), r.actor, r.text, r.attrs["bot"]) for r in src.records)
    assert rows == [
        ("2026-09-02T10:01:30+00:00", "Budi", "checkout & cart throwing 5xx", False),
        ("2026-09-02T10:05:00+00:00", "Rina", "call started (Rina)", True),
        ("2026-09-02T10:20:00+00:00", "Rina", "rolled back, 5xx gone", False),
    ]
    assert len({r.ref.line for r in src.records}) == 3  # each message cites its own line
