"""Chat pastes whose layout is learned from the file: speaker, time and message wherever they sit."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from _ingest_helpers import parse_one

from assistant.domain import ParsedSource
from assistant.ingest.chat_layout import learn, people_share


def _rows(src: ParsedSource) -> list[tuple[str, str | None, str]]:
    return [
        (r.time.value.strftime("%Y-%m-%d %H:%M:%S" if r.time.has_date else "%H:%M:%S"), r.actor, r.text)
        for r in src.records
    ]


def test_plain_hhmm_name_colon_chat_has_speakers_and_times(tmp_path: Path) -> None:
    src = parse_one(
        tmp_path,
        "chat.txt",
        "14:02 alice: api 5xx climbing\n14:03 bob: p99 at 4s\n"
        "14:05 alice: rolling back 1.4.2\n14:11 bob: errors back to baseline\n",
    )
    assert src.kind == "chat"
    assert _rows(src)[0] == ("14:02:00", "alice", "api 5xx climbing")
    assert [r.actor for r in src.records] == ["alice", "bob", "alice", "bob"]


def test_discord_paste_with_dates_and_today_yesterday_markers(tmp_path: Path) -> None:
    text = (
        "pedro — 03/04/2026 2:36 PM\nrestarting broker-3 now\n"
        "mira — 03/04/2026 3:02 PM\nshipping 2.31.0\nyes at 3:02, second line\n"
        "Bot APP — 03/04/2026 3:18 PM\n[P2] lag high\n"
        "jon — Yesterday at 10:03 AM\npostmortem prep\n"
        "jon — Today at 9:41 AM\nreview moved (edited)\n"
    )
    src = parse_one(tmp_path, "chat.txt", text)
    rows = _rows(src)
    assert rows[0] == ("2026-03-04 14:36:00", "pedro", "restarting broker-3 now")
    assert rows[1] == ("2026-03-04 15:02:00", "mira", "shipping 2.31.0\nyes at 3:02, second line")
    assert rows[2][1] == "Bot" and src.records[2].attrs["bot"] is True
    assert rows[3][0] == "2026-03-05 10:03:00"
    assert rows[4] == ("2026-03-06 09:41:00", "jon", "review moved")
    assert src.records[4].attrs["edited"] is True


def test_slack_desktop_paste_follow_ups_dividers_and_reactions(tmp_path: Path) -> None:
    text = (
        "Tuesday, March 3rd\nMarco Ruiz  1:14 PM\nwebhook alarm again\n1:27\ncleared\n:tada: 4\n"
        "Priya Nair  4:01 PM\ngot paged\nHao Lin  4:05 PM\nlooking\n"
    )
    src = parse_one(tmp_path, "chat.txt", text)
    rows = _rows(src)
    assert rows[1] == ("13:27:00", "Marco Ruiz", "cleared")  # a bare time under "1:14 PM" stays PM
    assert src.records[1].attrs["reactions"] == [":tada: 4"]
    assert src.records[0].attrs["month_day"] == "03-03"


def test_teams_one_line_header_with_edited_marker_and_dotted_header_date(tmp_path: Path) -> None:
    text = (
        "Betrieb > Allgemein — kopiert aus Teams am 10.02.2026\n\n"
        "Priya Nair 9:41 AM\nFYI: applying #2291\n\nJonas Weber 10:53 AM\nEdited\njcmd says 1.5 GiB\n\n"
        "Zabbix 10:41 AM\nPROBLEM (High): GC time\n"
    )
    src = parse_one(tmp_path, "chat.txt", text)
    assert src.stated_date == "2026-02-10"
    assert _rows(src)[1] == ("10:53:00", "Jonas Weber", "jcmd says 1.5 GiB")
    assert src.records[1].attrs["edited"] is True


def test_zoom_saved_chat_from_to_everyone(tmp_path: Path) -> None:
    text = (
        "10:42:13 From Alice Chen to Everyone:\n\tis checkout down?\n10:42:40 From Bob Li to Everyone:\n"
        "\tyes, 502s since 10:40\n10:44:02 From Alice Chen to Everyone:\n\trolling back\n"
    )
    src = parse_one(tmp_path, "meeting_saved_chat.txt", text)
    assert _rows(src) == [
        ("10:42:13", "Alice Chen", "is checkout down?"),
        ("10:42:40", "Bob Li", "yes, 502s since 10:40"),
        ("10:44:02", "Alice Chen", "rolling back"),
    ]


def test_whatsapp_exports_both_styles_read_dates_in_their_order(tmp_path: Path) -> None:
    us = parse_one(
        tmp_path,
        "a.txt",
        "3/14/26, 9:05 PM - Alice: site is down\n3/14/26, 9:06 PM - Bob: on it\n"
        "3/15/26, 12:02 AM - Alice: thanks\n",
    )
    assert _rows(us)[2] == ("2026-03-15 00:02:00", "Alice", "thanks")
    eu = parse_one(
        tmp_path,
        "b.txt",
        "[14/03/2026, 21:05:11] Alice: down\n[14/03/2026, 21:06:40] Bob: on it\n"
        "[14/03/2026, 21:20:02] Bob: restarted the db\nback up now\n",
    )
    assert _rows(eu)[2] == ("2026-03-14 21:20:02", "Bob", "restarted the db\nback up now")


def test_name_line_then_time_line_layout(tmp_path: Path) -> None:
    text = "Alice Chen\n10:42 AM\ncheckout down?\nBob Li\n10:43 AM\nyes\nAlice Chen\n10:44 AM\nrolling back\n"
    src = parse_one(tmp_path, "chat.txt", text)
    assert _rows(src) == [
        ("10:42:00", "Alice Chen", "checkout down?"),
        ("10:43:00", "Bob Li", "yes"),
        ("10:44:00", "Alice Chen", "rolling back"),
    ]


def test_log_lines_with_levels_are_not_read_as_chat(tmp_path: Path) -> None:
    lines = "".join(f"2026-03-04 14:0{i}:11 INFO app.worker: processed batch {i}\n" for i in range(6))
    src = parse_one(tmp_path, "app.log", lines)
    assert src.kind == "log"
    assert isinstance(src.records[0].time.value, datetime)


def test_names_with_pronouns_status_emoji_and_yearless_dates(tmp_path: Path) -> None:
    text = (
        "Alice Chen (she/her) 🌴  3/4 10:42 AM\ncheckout down?\nBob Li :palm_tree:  3/4 10:43 AM\nyes\n"
        "Alice Chen (she/her) 🌴  3/4 10:44 AM\nrolling back\n"
    )
    src = parse_one(tmp_path, "chat.txt", text)
    assert [(r.actor, r.text) for r in src.records] == [
        ("Alice Chen", "checkout down?"),
        ("Bob Li", "yes"),
        ("Alice Chen", "rolling back"),
    ]


def test_weekday_stamps_and_bold_names_are_not_speakers(tmp_path: Path) -> None:
    text = (
        "**Alice Chen** Tuesday 10:42 AM\ncheckout down?\n**Bob Li** Tuesday 10:43 AM\nyes\n"
        "**Alice Chen** Tue, 3/4/2026 10:44 AM\nrolling back\n"
    )
    src = parse_one(tmp_path, "chat.txt", text)
    assert [(r.actor, r.text) for r in src.records] == [
        ("Alice Chen", "checkout down?"),
        ("Bob Li", "yes"),
        ("Alice Chen", "rolling back"),
    ]
    assert src.records[2].time.value == datetime(2026, 3, 4, 10, 44)


def test_dates_that_never_settle_their_order_are_read_day_first_when_the_other_sources_say_so(
    tmp_path: Path,
) -> None:
    from assistant.timeline.placement import place_sources

    chat = parse_one(
        tmp_path,
        "chat.txt",
        "[07/04/2026, 07:43:02] Neha Sharma: paged, writes timing out\n"
        "[07/04/2026, 07:46:15] Arjun Pillai: volume impaired on pg-a\n"
        "[07/04/2026, 08:18:45] Neha Sharma: writes flowing again\n",
    )
    assert chat.swappable_dates
    log = parse_one(
        tmp_path,
        "app.log",
        "2026-04-07T02:10:14Z ERROR write timed out\n2026-04-07T02:48:30Z INFO writes ok\n",
    )
    placed = place_sources([log, chat])
    days = {p.time.date().isoformat() for p in placed.placed if p.rec.kind == "chat"}
    assert days == {"2026-04-07"}
    assert any("day first" in f for f in placed.findings)


def test_a_date_with_a_day_above_twelve_settles_the_order(tmp_path: Path) -> None:
    chat = parse_one(
        tmp_path,
        "chat.txt",
        "[07/04/2026, 07:43:02] Neha: paged\n[07/04/2026, 07:46:15] Arjun: looking\n"
        "[07/14/2026, 08:18:45] Neha: next week\n",
    )
    assert not chat.swappable_dates


def test_a_weechat_log_in_japanese_is_read_as_chat(tmp_path: Path) -> None:
    text = (
        "2026-07-08 08:58:03\t-->\tyamamoto (~yamamoto@10.8.2.21) has joined #ops-routing\n"
        "2026-07-08 09:15:20\tkobayashi\tおはようございます。今日は11時からバッチ取込があります\n"
        "2026-07-08 09:38:02\tsato_k\tsolver trace 有効化 PR #1187 マージしました\n"
        "2026-07-08 11:07:40\tyamamoto\tページ来ました。route-planner 5xx 見ます\n"
        "2026-07-08 11:09:12\tnakamura\tディスクが 100% です。確認お願いします\n"
        "2026-07-08 11:12:30\tyamamoto\tcontainerd のイメージでしょうか？\n"
        "2026-07-08 11:30:02\tsato_k\trollout restart しました\n"
        "2026-07-08 11:37:01\tyamamoto\tありがとうございます。looks good now\n"
    )
    src = parse_one(tmp_path, "weechat_ops.log", text)
    assert src.kind == "chat"
    assert "kobayashi" in {r.actor for r in src.records}


def test_day_dividers_in_other_languages_start_a_new_day(tmp_path: Path) -> None:
    # A Google Chat copy in Catalan ("Ayer"/"Hoy" printed by a Spanish-language client) and a
    # Korean client's dated divider: the dividers are read, not glued to the last message.
    text = (
        "Ayer\nNerea Vidal, 22:34\nworker 2.31 desplegat\n"
        "Hoy\nLaia Puig, 08:41\ncap push a l'iPhone des d'ahir\n"
        "2026년 10월 14일 화요일\nLaia Puig, 09:02\n확인했습니다\n"
    )
    src = parse_one(tmp_path, "chat.txt", text)
    assert [r.text for r in src.records] == [
        "worker 2.31 desplegat",
        "cap push a l'iPhone des d'ahir",
        "확인했습니다",
    ]
    assert src.records[0].attrs.get("day_offset") == -1
    assert src.records[1].attrs.get("day_offset") == 0
    assert src.records[2].time.value == datetime(2026, 10, 14, 9, 2)


def test_a_zoneless_chat_takes_the_local_offset_the_other_sources_write_in(tmp_path: Path) -> None:
    from assistant.timeline.placement import place_sources

    mail = parse_one(
        tmp_path,
        "alerts.mbox",
        "From icinga@example.com Wed Oct 14 11:12:31 2026\nFrom: icinga@example.com\n"
        "Date: Wed, 14 Oct 2026 20:12:31 +0900\nSubject: PROBLEM - api queue is WARNING\n\n"
        "Service api queue is WARNING\n",
    )
    chat = parse_one(
        tmp_path, "chat.txt", "[2026-10-14 21:07] Minji: 503s on the api\n[2026-10-14 21:09] Joon: looking\n"
    )
    log = parse_one(
        tmp_path, "app.log", "2026-10-14 12:00:01 ERROR upstream timeout\n2026-10-14 12:04:01 INFO ok\n"
    )
    placed = place_sources([mail, chat, log])
    assert placed.clocks[chat.path].offset == "+09:00"
    assert placed.clocks[log.path].offset == "+00:00"  # a zone-less log stays on UTC: machines keep it


def test_korean_and_japanese_clients_put_the_half_of_the_day_before_the_time(tmp_path: Path) -> None:
    text = (
        "2026년 10월 14일\n\n이서연 @seoyeon.lee  오후 7:35\n배포 시작합니다\n\n"
        "Daniel Choi @daniel.choi  오후 11:03\nReopening OPS-1192\n\n"
        "박지훈 @jihoon.park  오전 12:10\n다시 확인\n"
    )
    src = parse_one(tmp_path, "chat.txt", text)
    assert [(r.actor, r.time.value.strftime("%H:%M")) for r in src.records] == [
        ("이서연 @seoyeon.lee", "19:35"),
        ("Daniel Choi @daniel.choi", "23:03"),
        ("박지훈 @jihoon.park", "00:10"),
    ]


def test_a_chat_in_a_language_without_known_talk_words_is_read_as_chat_by_its_speakers(
    tmp_path: Path,
) -> None:
    # Finnish, with a full date on every line: every line also reads as a log line with a component;
    # several people's display names in the speaker column say chat where no talk word is known.
    lines = [
        "Tue, 9 Jun 2026, 07:41:02 - Aino Virtanen: tilausjono kasvaa, tarkistan",
        "Tue, 9 Jun 2026, 07:42:10 - Mikko Laine: replica lag 40 s, kirjoitukset hidastuvat",
        "Tue, 9 Jun 2026, 07:44:31 - Aino Virtanen: vaihdan lukuliikenteen ensisijaiseen",
        "Tue, 9 Jun 2026, 07:49:05 - Sanna Koskinen: jono purkautuu",
        "Tue, 9 Jun 2026, 07:58:40 - Mikko Laine: lag 0 s, kaikki kunnossa",
    ]
    src = parse_one(tmp_path, "kanava.txt", "\n".join(lines) + "\n")
    assert (src.format, src.kind) == ("chat-layout", "chat")
    assert _rows(src)[1] == (
        "2026-06-09 07:42:10",
        "Mikko Laine",
        "replica lag 40 s, kirjoitukset hidastuvat",
    )


def test_only_several_peoples_display_names_count_as_people_speaking() -> None:
    def share(names: list[str]) -> float:
        lines = [f"2026-06-09 07:4{i}:02 - {n}: queue depth {i * 40}" for i, n in enumerate(names)]
        layout = learn(lines)
        assert layout is not None
        return people_share(lines, layout)

    assert share(["Aino Virtanen", "Mikko Laine", "Aino Virtanen", "José da Silva"]) == 1.0
    assert share(["order-worker", "orderWorker.main", "sshd", "Main Thread", "cron"]) == 0.0
    assert share(["Aino Virtanen", "Aino Virtanen", "Aino Virtanen"]) == 0.0  # one name is no conversation


def test_line_export_numeric_day_headers_date_the_messages_under_them(tmp_path: Path) -> None:
    text = (
        "[LINE] 值班群組的聊天記錄\n儲存日期： 2026/09/03 18:00\n\n"
        "2026/09/01（二）\n上午09:12\t陳怡\t排程跑完了\n下午02:30\t林志明\t看起來正常\n\n"
        "2026/09/02（三）\n上午10:05\t陳怡\t客戶回報金額錯誤\n上午10:07\t林志明\t我看\n"
    )
    src = parse_one(tmp_path, "line.txt", text)
    assert [r[0] for r in _rows(src)] == [
        "2026-09-01 09:12:00",
        "2026-09-01 14:30:00",
        "2026-09-02 10:05:00",
        "2026-09-02 10:07:00",
    ]
    assert not any("2026/09/02" in r.text for r in src.records)
