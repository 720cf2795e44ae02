"""Notes: times in lines and bullets, several times per line, stated zones and dates."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from _ingest_helpers import parse_one

from assistant.domain import SourceKind

_NOTES = """# INC-881 checkout outage — scratch notes

(times UTC, Mar 4)
Date: 2026-03-04

- 09:04 PD p99 > 5s, 09:05 PD 5xx>10%. kwame acked
- **09:15** restarted 2 pods -> saturated again
- 14:06:31 (12:06:31Z) commit on edge router
- 12:06:3xZ prefixes 14 -> 0
- impact: 09:01-09:28, ~1900 writes failed
- db maintenance last night ~22:00
- 2:30 PM all clear
no time on this line
"""


def test_notes_lines_with_several_times_yield_several_records(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "notes.md", _NOTES)
    assert src.format == "notes" and src.kind == SourceKind.note
    first, second = src.records[:2]
    assert (first.time.value.hour, first.time.value.minute) == (9, 4) and not first.time.has_date
    assert first.text == "09:04 PD p99 > 5s"
    assert second.text == "09:05 PD 5xx>10%. kwame acked"
    assert first.ref.line == second.ref.line == 6


def test_notes_header_states_zone_and_date(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "notes.md", _NOTES)
    assert src.stated_tz == "UTC" and src.stated_date == "2026-03-04"


def test_notes_markup_aliases_ranges_and_relative_days(tmp_path: Path) -> None:
    recs = parse_one(tmp_path, "notes.md", _NOTES).records[2:]
    bold, commit, prefixes, impact, maint, clear = recs
    assert bold.text == "09:15 restarted 2 pods -> saturated again"
    assert commit.attrs["alias"] == "12:06:31Z" and commit.time.value.second == 31
    assert prefixes.time.value.tzinfo == UTC and prefixes.time.value.second == 30
    assert impact.time.value.minute == 1 and "09:28" in impact.text
    assert maint.attrs["day_offset"] == -1 and maint.time.value.hour == 22
    assert clear.time.value.hour == 14 and clear.time.value.minute == 30


def test_notes_state_zone_phrases(tmp_path: Path) -> None:
    cest = parse_one(tmp_path, "a.md", "all times CEST\n- 14:02 — router commit\n")
    pt = parse_one(tmp_path, "b.md", "timeline (times in PT)\n- 14:02 paged\n")
    assert cest.stated_tz == "Europe/Berlin" and pt.stated_tz == "America/Los_Angeles"
    assert cest.records[0].text == "14:02 — router commit"
