"""Odd but real inputs: CR-only line endings, CSV-looking text, bracketed dated chat headers, Zoom chats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from _ingest_helpers import parse_one

from assistant.clock import best_date
from assistant.domain import ParsedSource
from assistant.ingest import read_sources


def _rows(src: ParsedSource) -> list[tuple[str, str | None, str]]:
    return [
        (r.time.value.strftime("%Y-%m-%d %H:%M" if r.time.has_date else "%H:%M:%S"), r.actor, r.text)
        for r in src.records
    ]


def test_chat_with_classic_mac_line_endings_reads_each_line(tmp_path: Path) -> None:
    text = "[14:02] alice: api 5xx climbing\r[14:03] bob: p99 at 4s, ids a,b,c\r[14:05] alice: rolling back\r"
    src = parse_one(tmp_path, "chat.txt", text)
    assert src.kind == "chat"
    assert [(r.actor, r.text) for r in src.records] == [
        ("alice", "api 5xx climbing"),
        ("bob", "p99 at 4s, ids a,b,c"),
        ("alice", "rolling back"),
    ]


def test_text_that_breaks_the_csv_reader_is_a_named_problem_or_another_format(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b'created,subject,status\r"2026-03-04 14:02,"api down\rx\n,"open\n')
    result = read_sources([path])  # must not raise
    assert all(p.path == str(path) for p in result.problems)


def test_teams_copy_with_bracketed_year_first_date_and_name_then_message(tmp_path: Path) -> None:
    text = (
        "[2026/03/05 14:09] Alice Chen\nis checkout down?\n[2026/03/05 14:10] Bob Li\nyes, 502s since 14:08\n"
        "[2026/03/05 14:12] Alice Chen\nrolling back\n"
    )
    src = parse_one(tmp_path, "chat.txt", text)
    assert src.kind == "chat"
    assert _rows(src) == [
        ("2026-03-05 14:09", "Alice Chen", "is checkout down?"),
        ("2026-03-05 14:10", "Bob Li", "yes, 502s since 14:08"),
        ("2026-03-05 14:12", "Alice Chen", "rolling back"),
    ]


def test_zoom_chat_quoting_log_lines_is_still_chat(tmp_path: Path) -> None:
    lines = []
    for i in range(4):
        lines += [
            f"14:0{i}:1{i} From Alice Chen to Everyone:",
            f"\t2026-03-05T14:0{i}:00Z ERROR api timeout id={i}",
            f"14:0{i}:3{i} From Bob Li : seeing 2026-03-05 14:0{i}:00 ERROR in the logs",
        ]
    src = parse_one(tmp_path, "meeting_saved_chat.txt", "\n".join(lines) + "\n")
    assert src.kind == "chat"
    assert [r.actor for r in src.records[:2]] == ["Alice Chen", "Bob Li"]
    assert src.records[0].text == "2026-03-05T14:00:00Z ERROR api timeout id=0"


def test_best_date_takes_aware_and_naive_times_of_day_together() -> None:
    others = [datetime(2026, 3, 5, 14, 0, tzinfo=UTC), datetime(2026, 3, 5, 14, 30, tzinfo=UTC)]
    first = datetime(1900, 1, 1, 14, 9, tzinfo=UTC)
    last = datetime(1900, 1, 1, 14, 40)
    assert best_date(first, last, others, UTC) == datetime(2026, 3, 5).date()


def test_a_dateless_chat_takes_the_day_the_other_sources_are_busy_in_its_hours() -> None:
    # Nightly job lines on the days before, and the incident's burst on 20 October: a chat from
    # 10:41 to 13:30 belongs to the 20th even though the 19th is nearer the middle of the logs.
    nightly = [datetime(2026, 10, d, 1, 0) for d in (16, 17, 18, 19)] * 3
    burst = [datetime(2026, 10, 20, 10, 47) + timedelta(minutes=m) for m in range(0, 34, 2)]
    first, last = datetime(1900, 1, 1, 9, 41), datetime(1900, 1, 1, 13, 30)
    assert best_date(first, last, nightly + burst, UTC) == datetime(2026, 10, 20).date()


def test_a_two_message_zoom_chat_is_chat_not_a_log(tmp_path: Path) -> None:
    saved = "10:42:13 From Alice Chen to Everyone:\n\tis checkout down?\n10:42:40 From Bob Li to Everyone:\n\tyes\n"
    older = "10:42:13 From Alice Chen : is checkout down?\n10:42:40 From Bob Li : yes\n"
    for name, text in (("a.txt", saved), ("b.txt", older)):
        src = parse_one(tmp_path, name, text)
        assert src.kind == "chat", name
        assert [(r.actor, r.text) for r in src.records] == [
            ("Alice Chen", "is checkout down?"),
            ("Bob Li", "yes"),
        ]


def test_a_two_line_log_without_speakers_stays_a_log(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "app.log", "10:42:13 worker: job 1 done\n10:42:40 worker: job 2 done\n")
    assert src.kind == "log"


def test_tab_separated_chat_log_that_talks_is_chat_with_client_notices_kept(tmp_path: Path) -> None:
    # WeeChat's logger layout (documented: "%Y-%m-%d %H:%M:%S", TAB, prefix, TAB, message); every line
    # also reads as a log line, but people asking and answering each other are a chat.
    text = (
        "2026-05-12 09:14:03\t-->\talice (~alice@host) has joined #ops\n"
        "2026-05-12 09:14:10\talice\tcheckout p95 is at 4s, anyone deploying?\n"
        "2026-05-12 09:15:22\t@bob\tnot me, I am looking at the db graphs\n"
        "2026-05-12 09:16:01\talice\tok, can you page the dba?\n"
        "2026-05-12 09:20:44\t--\tbob has changed topic\n"
        "2026-05-12 09:31:09\tbob\trolled back 4.2.1, latency recovering\n"
    )
    src = parse_one(tmp_path, "ops.weechatlog", text)
    assert src.kind == "chat"
    assert [(r.actor, r.text) for r in src.records] == [
        ("alice", "checkout p95 is at 4s, anyone deploying?"),
        ("bob", "not me, I am looking at the db graphs"),
        ("alice", "ok, can you page the dba?"),
        (None, "-- bob has changed topic"),
        ("bob", "rolled back 4.2.1, latency recovering"),
    ]


def test_a_log_whose_component_column_looks_like_a_name_stays_a_log(tmp_path: Path) -> None:
    lines = [
        f"2026-05-12 09:1{i}:0{i}\tworker\tjob {i} finished in {i + 3}s, could not reach cache, retrying"
        for i in range(8)
    ]
    src = parse_one(tmp_path, "worker.log", "\n".join(lines) + "\n")
    assert src.kind == "log"


def test_a_weechat_log_in_any_language_is_chat(tmp_path: Path) -> None:
    lines = [
        '2026-10-25 01:38:02\t--\tTopic for #ops is "prod ops | oncall: sanne"',
        "2026-10-25 01:41:10\t@ruben\trustige avond tot nu toe",
        "2026-10-25 01:42:33\t@sanne\tik doe zo de checkout-svc 4.18.2 release",
        "2026-10-25 02:27:44\tpagerbot\t[PD #9127 TRIGGERED] payment failure rate 38%",
        "2026-10-25 02:31:02\t-->\tjoris (~joris@staff/joris) has joined #ops",
        "2026-10-25 02:31:40\tjoris\tik zag de page langskomen, help mee",
        "2026-10-25 02:41:12\t@sanne\trollback naar 4.18.1 gestart",
    ]
    src = parse_one(tmp_path, "irc-ops.weechatlog", "\n".join(lines) + "\n")
    assert src.kind == "chat"
    assert {"ruben", "sanne", "joris"} <= {r.actor for r in src.records}
