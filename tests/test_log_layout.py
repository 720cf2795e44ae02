"""Timestamp layouts learned from a file's first lines, and headers split by column statistics."""

from __future__ import annotations

from datetime import UTC, datetime

from assistant.ingest.header import learn_header
from assistant.ingest.layout import learn_layout


def _when(lines: list[str]) -> list[datetime | None]:
    lay = learn_layout(lines)
    assert lay is not None
    return [st.when if (st := lay.match(ln)) else None for ln in lines]


def test_compact_two_digit_year_and_time_without_colons() -> None:
    lines = ["081109 203615 148 INFO dfs.DataNode: served block", "081109 203807 222 INFO dfs.DataNode: done"]
    assert _when(lines) == [datetime(2008, 11, 9, 20, 36, 15), datetime(2008, 11, 9, 20, 38, 7)]


def test_ctime_in_brackets_with_weekday_and_trailing_year() -> None:
    lines = ["[Sun Dec 04 04:47:44 2005] [notice] init ok", "[Sun Dec 04 04:51:08 2005] [error] child died"]
    assert _when(lines)[1] == datetime(2005, 12, 4, 4, 51, 8)


def test_month_day_without_year_is_marked_yearless() -> None:
    lay = learn_layout(
        ["03-17 16:13:38.811  1702  2395 D WindowManager: x", "03-17 16:13:38.819  1702  8671 I Foo: y"]
    )
    assert lay is not None and not lay.has_year
    st = lay.match("03-17 16:13:38.811  1702  2395 D WindowManager: x")
    assert st is not None and not st.has_year and (st.when.month, st.when.day) == (3, 17)


def test_epoch_seconds_in_a_column_and_a_later_stamp_end_the_header() -> None:
    lines = [
        f"- 11178385{i:02d} 2005.06.03 R02-M1 2005-06-03-15.42.{i:02d}.675872 R02-M1 RAS KERNEL INFO cache ok"
        for i in range(10, 20)
    ]
    lay = learn_layout(lines)
    assert lay is not None
    st = lay.match(lines[0])
    assert st is not None and st.when == datetime.fromtimestamp(1117838510, tz=UTC)
    assert lines[0][st.end :].strip().startswith("R02-M1 RAS KERNEL INFO")


def test_day_month_order_is_decided_from_the_values_of_the_file() -> None:
    lines = ["13/03/2026 09:00:01 start", "14/03/2026 09:00:02 next"]  # 13 and 14 cannot be months
    assert _when(lines)[0] == datetime(2026, 3, 13, 9, 0, 1)
    us = ["03/13/2026 09:00:01 PM start", "03/14/2026 09:00:02 AM next"]
    assert _when(us)[0] == datetime(2026, 3, 13, 21, 0, 1)


def test_compact_date_with_colon_fraction_and_pipe_header() -> None:
    lines = [
        "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579",
        "20171223-22:15:29:615|Step_LSC|30002312|onExtend:1514038530000 14 0 4",
    ]
    lay = learn_layout(lines)
    assert lay is not None
    st = lay.match(lines[0])
    assert st is not None and st.when == datetime(2017, 12, 23, 22, 15, 29, 606000)
    hdr = learn_header([ln[st.end :] for ln in lines])
    assert hdr.split(lines[0][st.end :]) == (None, "Step_LSC", "onStandStepChanged 3579")


def test_interleaved_sources_get_one_layout_each() -> None:
    lines = []
    for i in range(10):
        lines.append(f"2026-03-04T14:02:{i:02d}Z api started {i}")
        lines.append(f"Mar  4 14:03:{i:02d} db-1 postgres[7]: checkpoint {i}")
    lay = learn_layout(lines)
    assert lay is not None and len(lay.layouts) == 2
    assert all(lay.match(ln) is not None for ln in lines)


def test_text_without_stamps_has_no_layout() -> None:
    assert learn_layout(["we rolled back at some point", "then it was fine", "root cause: config"]) is None


def test_header_learns_level_column_brackets_and_component() -> None:
    rests = [
        " INFO [main] org.apache.App: Created app 1",
        " WARN [IPC Server handler 5 on 62270] org.Foo: slow 2",
    ]
    hdr = learn_header(rests)
    assert hdr.split(rests[1]) == ("warning", "org.Foo", "slow 2")
    letters = ["  1702  2395 D WindowManager: opening app", "  1702  8671 E PowerManager: acquire lock"]
    assert learn_header(letters).split(letters[1]) == ("error", "PowerManager", "acquire lock")


def test_an_offset_of_hours_alone_is_a_zone() -> None:
    # PostgreSQL's %m prints tzdata's abbreviation, which for Istanbul or São Paulo is "+03" / "-03".
    lines = [
        "2026-09-07 18:00:00.022 +03 [1184] LOG:  checkpoint starting: time",
        "2026-09-07 18:07:52.362 -03 [48008] LOG:  automatic analyze of table",
    ]
    first, second = _when(lines)
    assert first is not None and first.utcoffset() is not None
    assert first.astimezone(UTC) == datetime(2026, 9, 7, 15, 0, 0, 22000, tzinfo=UTC)
    assert second is not None and second.astimezone(UTC) == datetime(
        2026, 9, 7, 21, 7, 52, 362000, tzinfo=UTC
    )
