"""Notes: times in lines and bullets, several times per line, stated zones and dates."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from _ingest_helpers import parse_one

from assistant.domain import ParsedSource, RawRecord, SourceKind

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


def _timed(src: ParsedSource) -> list[RawRecord]:
    return [r for r in src.records if not r.attrs.get("untimed")]


def test_notes_line_with_several_times_is_one_event_at_its_leading_time(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "notes.md", _NOTES)
    assert src.format == "notes" and src.kind == SourceKind.note
    first = _timed(src)[0]
    assert (first.time.value.hour, first.time.value.minute) == (9, 4) and not first.time.has_date
    assert first.text == "09:04 PD p99 > 5s, 09:05 PD 5xx>10%. kwame acked"
    assert first.attrs["also_at"] == ["09:05"]
    assert sum(1 for r in src.records if r.ref.line == 6) == 1


def test_notes_header_states_zone_and_date(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "notes.md", _NOTES)
    assert src.stated_tz == "UTC" and src.stated_date == "2026-03-04"


def test_notes_markup_aliases_ranges_and_relative_days(tmp_path: Path) -> None:
    recs = _timed(parse_one(tmp_path, "notes.md", _NOTES))[1:]
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
    assert _timed(cest)[0].text == "14:02 — router commit"


def test_durations_are_never_clock_times(tmp_path: Path) -> None:
    src = parse_one(
        tmp_path,
        "notes.md",
        "(times UTC, 2026-03-04)\n- 09:00 outage starts, lasted ~1h20m\n"
        "- queue drained for 1h05 after the fix\n- restarts took 0:45 min each\n",
    )
    timed = _timed(src)
    assert [(r.time.value.hour, r.time.value.minute) for r in timed] == [(9, 0)]
    assert [r.text for r in src.records if r.attrs.get("untimed")] == [
        "(times UTC, 2026-03-04)",
        "queue drained for 1h05 after the fix",
        "restarts took 0:45 min each",
    ]


def test_untimed_lines_are_kept_with_their_heading(tmp_path: Path) -> None:
    notes = (
        "# INC-7 notes\n(times UTC, 2026-03-04)\n- 09:00 errors rising\n- 09:30 rollback, errors normal\n\n"
        "4. Root cause\nThe 2.3 pool size default was 5, not 50.\n\nRuled out:\n- DNS: resolvers healthy\n\n"
        "AIs\n- pool size alert (ana)\n- load test\n"
    )
    recs = [r for r in parse_one(tmp_path, "notes.md", notes).records if r.attrs.get("untimed")]
    by_text = {r.text: r.attrs.get("section") or r.attrs.get("heading") for r in recs}
    assert (
        "section" not in next(r for r in recs if r.text.startswith("DNS")).attrs
    )  # a fact, not an action item
    assert by_text["The 2.3 pool size default was 5, not 50."] == "Root cause"
    assert by_text["DNS: resolvers healthy"] == "Ruled out"
    assert by_text["pool size alert (ana)"] == "AIs"
    assert by_text["load test"] == "AIs"


def test_notes_lines_carry_their_own_day(tmp_path: Path) -> None:
    notes = (
        "Timeline (all times JST, UTC+9)\nMon 2 Mar 09:15 JST — release deployed\n"
        "Thu 5 Mar 15:13 JST — raised in channel\nFri 6 Mar 17:30 JST — incident closed\n"
    )
    timed = _timed(parse_one(tmp_path, "notes.md", notes))
    assert [r.attrs["month_day"] for r in timed] == ["03-02", "03-05", "03-06"]


def test_a_numeric_day_and_month_after_any_weekday_word_dates_the_line() -> None:
    from assistant.ingest import read_text

    res = read_text(
        "Log\nwo 25/11 06:00  laatste geslaagde run\nma 30/11 10:12  mail van Sanne\n"
        "ma 30/11 10:52  duidelijk waarom geen alert\n",
        name="notes.txt",
    )
    (src,) = res.sources
    timed = [r for r in src.records if not r.attrs.get("untimed")]
    assert [r.attrs.get("line_date") for r in timed] == ["11-25", "11-30", "11-30"]


def test_checkbox_bullets_under_a_heading_in_the_teams_language_are_follow_ups(tmp_path: Path) -> None:
    text = (
        "Incident-Notizen\n10:02 Alarm für checkout 5xx\n10:40 Rollback fertig\n\n"
        "Maßnahmen\n☐ Rollback im Staging bei jeder Änderung testen (Jonas)\n☑ Passwort von app_user rotieren\n"
    )
    src = parse_one(tmp_path, "notes.txt", text)
    items = [r for r in src.records if r.attrs.get("section")]
    assert [r.text for r in items] == [
        "Rollback im Staging bei jeder Änderung testen (Jonas)",
        "Passwort von app_user rotieren",
    ]
