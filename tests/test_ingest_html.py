"""HTML pages (chat exports, saved pages) are read as the text a reader sees, citing their HTML lines."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from _ingest_helpers import parse_one

ROCKET = (
    "<html><head><title>[#inc-orders] export</title><style>p{margin:0}</style></head><body>\n"
    "<p><b>ines.k</b> <span style='color:#aaa'>10/03/2026 13:02</span><br/>anyone else seeing 502s on /cart?</p>\n"
    "<p><b>tomas.r</b> <span style='color:#aaa'>10/03/2026 13:05</span><br/>yes &amp; rising, paging db on-call</p>\n"
    "<p><b>ines.k</b> <span style='color:#aaa'>10/03/2026 13:40</span><br/>error rate back to 0 since 13:38</p>\n"
    "</body></html>\n"
)

TELEGRAM = (
    "<!DOCTYPE html>\n<html><head><title>Exported Data</title></head><body>\n"
    '<div class="message default clearfix" id="message11">\n'
    '<div class="body"><div class="pull_right date details" title="11.03.2026 09:14:07">09:14</div>\n'
    '<div class="from_name">Min-jun Park</div>\n<div class="text">OTP 문자가 안 와요, tickets spiking</div></div></div>\n'
    '<div class="message default clearfix" id="message12">\n'
    '<div class="body"><div class="pull_right date details" title="11.03.2026 09:20:51">09:20</div>\n'
    '<div class="from_name">Ji-woo Kim</div>\n<div class="text">switched sms to the backup provider</div></div></div>\n'
    '<div class="message default clearfix" id="message13">\n'
    '<div class="body"><div class="pull_right date details" title="11.03.2026 09:31:02">09:31</div>\n'
    '<div class="from_name">Min-jun Park</div>\n<div class="text">codes arriving again, thanks!</div></div></div>\n'
    "</body></html>\n"
)


def test_an_html_chat_export_is_chat_with_speakers_times_and_html_lines(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "export.html", ROCKET)
    assert src.kind == "chat"
    assert [r.actor for r in src.records] == ["ines.k", "tomas.r", "ines.k"]
    assert [r.ref.line for r in src.records] == [2, 3, 4]
    assert src.records[1].text == "yes & rising, paging db on-call"
    assert [r.time.value.minute for r in src.records] == [2, 5, 40]


def test_an_html_export_gives_the_full_stamp_a_title_holds(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "messages.html", TELEGRAM)
    assert src.kind == "chat"
    assert [r.actor for r in src.records] == ["Min-jun Park", "Ji-woo Kim", "Min-jun Park"]
    assert src.records[1].time.value.second == 51  # from the title, not the shortened "09:20"
    assert "backup provider" in src.records[1].text


def test_a_zone_in_the_full_stamp_is_read_with_the_time(tmp_path: Path) -> None:
    # newer Telegram Desktop exports write the offset into the hover title
    zoned = TELEGRAM.replace('09:14:07"', '09:14:07 UTC+09:00"').replace('09:20:51"', '09:20:51 UTC+09:00"')
    zoned = zoned.replace('09:31:02"', '09:31:02 UTC+09:00"')
    src = parse_one(tmp_path, "messages.html", zoned)
    assert src.kind == "chat"
    assert [r.actor for r in src.records] == ["Min-jun Park", "Ji-woo Kim", "Min-jun Park"]
    assert src.records[1].time.value == datetime(2026, 3, 11, 9, 20, 51, tzinfo=timezone(timedelta(hours=9)))


def test_a_userpics_initials_are_not_words_of_the_message_before_it(tmp_path: Path) -> None:
    pic = '<div class="userpic userpic3"><div class="initials">JK</div></div>\n'
    with_pics = TELEGRAM.replace('<div class="body">', pic + '<div class="body">')
    src = parse_one(tmp_path, "messages.html", with_pics)
    assert [r.text for r in src.records] == [
        "OTP 문자가 안 와요, tickets spiking",
        "switched sms to the backup provider",
        "codes arriving again, thanks!",
    ]
