"""Chat parsers: Slack export JSON, Slack workspace export, and chat text formats."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from _ingest_helpers import parse_one

from assistant.domain import SourceKind
from assistant.ingest import read_sources, read_text

_SLACK = [
    {
        "type": "message",
        "subtype": "bot_message",
        "bot_id": "B01",
        "username": "Alertmanager",
        "text": "[FIRING:1] ApiErrors (api, severity=page)",
        "ts": "1772614800.000100",
    },
    {
        "type": "message",
        "user": "U01AAA",
        "user_name": "ana.l",
        "user_profile": {"real_name": "Ana Lima", "display_name": "ana.l"},
        "text": "ack, looking. <@U02BBB> can you check the deploy?",
        "ts": "1772614860.000200",
        "thread_ts": "1772614860.000200",
        "reply_count": 1,
        "replies": [{"user": "U02BBB", "ts": "1772614920.000300"}],
    },
    {
        "type": "message",
        "subtype": "channel_join",
        "user": "U02BBB",
        "user_name": "bo.k",
        "text": "<@U02BBB> has joined the channel",
        "ts": "1772614890.000250",
    },
    {
        "type": "message",
        "user": "U02BBB",
        "user_name": "bo.k",
        "text": "deploy 4.2 went out at 09:58 &amp; it's &lt;5%",
        "ts": "1772614920.000300",
        "thread_ts": "1772614860.000200",
        "parent_user_id": "U01AAA",
        "edited": {"user": "U02BBB", "ts": "1772614930.000000"},
    },
]


def test_slack_export_messages_keep_epoch_times_actors_and_resolved_mentions(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "export.json", json.dumps(_SLACK, indent=2))
    assert src.format == "slack-export" and src.kind == SourceKind.chat
    bot, ana, join, reply = src.records
    assert bot.actor == "Alertmanager" and bot.attrs["bot"] is True and bot.attrs["subtype"] == "bot_message"
    assert ana.time.value == datetime(2026, 3, 4, 9, 1, 0, 200, tzinfo=UTC)
    assert ana.actor == "ana.l" and ana.attrs["real_name"] == "Ana Lima"
    assert ana.text == "ack, looking. @bo.k can you check the deploy?"
    assert join.attrs["subtype"] == "channel_join" and join.text == "bo.k joined the channel"
    assert reply.text == "deploy 4.2 went out at 09:58 & it's <5%"
    assert reply.attrs["edited"] is True


def test_slack_thread_replies_keep_their_own_time_and_parent_thread(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "export.json", json.dumps(_SLACK, indent=2))
    parent, reply = src.records[1], src.records[3]
    assert reply.attrs["thread_ts"] == parent.attrs["ts"] and reply.attrs["reply"] is True
    assert parent.attrs["reply"] is False
    assert reply.time.value > parent.time.value


def test_slack_export_refs_point_at_the_line_where_each_message_starts(tmp_path: Path) -> None:
    text = json.dumps(_SLACK, indent=2)
    src = parse_one(tmp_path, "export.json", text)
    lines = text.split("\n")
    for rec in src.records:
        assert lines[rec.ref.line - 1].strip() == "{"
        assert rec.attrs["ts"] in "\n".join(lines[rec.ref.line - 1 : rec.ref.line + 12])


def _workspace_files() -> dict[str, str]:
    users = [
        {"id": "U01AAA", "name": "ana.l", "profile": {"real_name": "Ana Lima"}},
        {"id": "U02BBB", "name": "bo.k", "profile": {"real_name": "Bo Kim"}},
    ]
    day = [{"type": "message", "user": "U01AAA", "text": "paging <@U02BBB>", "ts": "1772614860.000200"}]
    return {
        "users.json": json.dumps(users),
        "channels.json": json.dumps([{"id": "C1", "name": "inc-42"}]),
        "inc-42/2026-03-04.json": json.dumps(day, indent=1),
    }


def test_slack_workspace_zip_expands_channels_and_resolves_users(tmp_path: Path) -> None:
    zpath = tmp_path / "export.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        for name, content in _workspace_files().items():
            zf.writestr(name, content)
    result = read_sources([zpath])
    assert result.problems == []
    (src,) = result.sources
    assert src.path == f"{zpath}:inc-42/2026-03-04.json"
    (rec,) = src.records
    assert rec.actor == "ana.l" and rec.text == "paging @bo.k" and rec.attrs["channel"] == "inc-42"
    assert rec.ref.line == 2


def test_slack_workspace_folder_is_read_like_the_zip(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    for name, content in _workspace_files().items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content)
    (src,) = read_sources([root]).sources
    assert src.records[0].text == "paging @bo.k"


def test_bracket_chat_folds_continuation_lines_and_marks_joins_and_bots(tmp_path: Path) -> None:
    chat = (
        "#inc-77-payments (Slack copy — all times in CEST)\n"
        "[14:02] PagerDuty: Incident #77 triggered: payments 5xx\n"
        "[14:03] ana.l: looking\n"
        "[14:03] bo.k joined the channel\n"
        "[14:05] bo.k: ran this:\n"
        "```kubectl rollout undo deploy/payments```\n"
        "done\n"
        "[2:10 PM] ana.l: errors dropping\n"
    )
    src = parse_one(tmp_path, "chat.txt", chat)
    assert src.format == "chat-bracket" and src.stated_tz == "Europe/Berlin"
    pd, _ana, join, bo, ana2 = src.records
    assert pd.actor == "PagerDuty" and pd.attrs["bot"] is True and pd.ref.line == 2
    assert not pd.time.has_date and (pd.time.value.hour, pd.time.value.minute) == (14, 2)
    assert join.attrs["subtype"] == "channel_join" and join.actor == "bo.k"
    assert bo.text == "ran this:\n```kubectl rollout undo deploy/payments```\ndone" and bo.ref.line == 5
    assert ana2.time.value.hour == 14 and ana2.time.value.minute == 10


def test_irc_dated_lines_carry_their_date_and_joins_are_marked(tmp_path: Path) -> None:
    chat = (
        "--- Log opened Wed Mar 04 08:50:00 2026\n"
        "2026-03-04 23:58:12 <kwame> still seeing timeouts\n"
        "2026-03-04 23:59:30 -!- lena [~lena@host] has joined #inc\n"
        "--- Day changed Thu Mar 05 2026\n"
        "2026-03-05 00:01:02 <lena> on it\n"
    )
    src = parse_one(tmp_path, "irc.log", chat)
    assert src.format == "chat-irc" and src.kind == SourceKind.chat
    first, join, after = src.records
    assert (
        first.actor == "kwame"
        and first.time.value == datetime(2026, 3, 4, 23, 58, 12)
        and first.time.has_date
    )
    assert join.attrs["subtype"] == "channel_join" and join.actor == "lena"
    assert after.time.value == datetime(2026, 3, 5, 0, 1, 2) and after.ref.line == 5


def test_irc_time_only_lines_take_the_date_of_the_day_changed_divider(tmp_path: Path) -> None:
    chat = (
        "--- Day changed Thu Mar 05 2026\n23:59 <a> late\n--- Day changed Fri Mar 06 2026\n00:02 <b> early\n"
    )
    src = parse_one(tmp_path, "irc.txt", chat)
    assert [r.time.value for r in src.records] == [datetime(2026, 3, 5, 23, 59), datetime(2026, 3, 6, 0, 2)]


def test_teams_copy_paste_headers_with_12_hour_times_and_day_dividers(tmp_path: Path) -> None:
    chat = (
        "Yesterday\n"
        "[11:58 PM] Priya Kumar\n"
        "checkout is throwing 502s\n"
        "anyone else?\n"
        "Today\n"
        "[12:04 AM] Marcus Berg\n"
        "yes, rolling back now\n"
    )
    src = parse_one(tmp_path, "teams.txt", chat)
    assert src.format == "chat-paste"
    priya, marcus = src.records
    assert priya.actor == "Priya Kumar" and priya.text == "checkout is throwing 502s\nanyone else?"
    assert (priya.time.value.hour, priya.time.value.minute) == (23, 58) and not priya.time.has_date
    assert priya.attrs["day_offset"] == -1 and marcus.attrs["day_offset"] == 0
    assert marcus.time.value.hour == 0 and marcus.ref.line == 6


def test_slack_copy_paste_name_then_time_headers_and_dated_divider(tmp_path: Path) -> None:
    chat = (
        "Wednesday, March 4th, 2026\n"
        "Ana Lima  10:26 AM\n"
        "db failover started\n"
        "Bo Kim  10:31 AM\n"
        "replica promoted\n"
        "[10:33 AM]\n"
        "writes are back\n"
    )
    src = parse_one(tmp_path, "paste.txt", chat)
    ana, bo, bo2 = src.records
    assert bo.text == "replica promoted"
    assert ana.actor == "Ana Lima" and ana.text == "db failover started"
    assert ana.time.value == datetime(2026, 3, 4, 10, 26) and ana.time.has_date
    assert bo2.actor == "Bo Kim" and bo2.text == "writes are back" and bo2.time.value.minute == 33


def test_plain_irc_nick_lines(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "irc.txt", "09:01 <ana> db is down\n09:02 <@bo> looking\n09:03 * ana sighs\n")
    assert [(r.actor, r.text) for r in src.records] == [
        ("ana", "db is down"),
        ("bo", "looking"),
        ("ana", "sighs"),
    ]


def test_chat_midnight_crossing_keeps_times_as_written_for_the_timeline() -> None:
    result = read_text("[23:58] ana: still broken\n[00:03] bo: fixed\n", name="chat.txt")
    a, b = result.sources[0].records
    assert (a.time.value.hour, b.time.value.hour) == (23, 0)
    assert not a.time.has_date and not b.time.has_date
    assert a.ref.file == "chat.txt" and b.ref.line == 2


def test_stated_zone_as_offset_and_iana_name() -> None:
    a = read_text("times are UTC+2\n[10:00] ana: hi\n[10:01] bo: hey\n").sources[0]
    b = read_text("(all times Europe/Paris)\n[10:00] ana: hi\n[10:01] bo: hey\n").sources[0]
    c = read_text("times in PT\n[10:00] ana: hi\n[10:01] bo: hey\n").sources[0]
    assert (a.stated_tz, b.stated_tz, c.stated_tz) == ("+02:00", "Europe/Paris", "America/Los_Angeles")


def test_a_discord_chat_exporter_csv_is_a_chat_one_message_per_row(tmp_path: Path) -> None:
    text = (
        "AuthorID,Author,Date,Content,Attachments,Reactions\n"
        '"518220947731062785","mika_ops","2026/04/14 9:02","おはようございます","",""\n'
        '"1090441867203895296","DD-Alerts#0000","2026/04/14 9:24","[Warn] EC2 status check failing\n'
        '1 instance failed.","",""\n'
        '"733901154620883014","dmitri.v","2026/04/14 9:25","looking","",""\n'
    )
    src = parse_one(tmp_path, "discord.csv", text)
    assert (src.format, src.kind) == ("chat-csv", SourceKind.chat)
    first, alert, last = src.records
    assert first.actor == "mika_ops" and first.time.value == datetime(2026, 4, 14, 9, 2)
    assert "1 instance failed." in alert.text
    assert last.ref.line == 5  # the two-line message above is counted
