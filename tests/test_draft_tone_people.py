"""Drafting passes the incident's participants to the tone check: blame of a participant never reaches a draft."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from assistant.draft.pipeline import draft_postmortem
from assistant.timeline import build_timeline
from assistant.tone import syntax
from assistant.tone.guard import is_blameful, people_of, rewrite

pytestmark = pytest.mark.skipif(not syntax.available(), reason="spaCy pipeline not installed")

# "mark" is an English word: only as a known participant is it a person to the parse.
CHAT = """#inc-search (times are UTC)
[09:00] mark: deploying search-api 4.1.0 with the new shard map
[09:03] alertmanager: [FIRING:1] SearchLatencyHigh (search-api)
[09:04] dana: ack, p99 at 9s on search-api
[09:09] dana: mark's shard map change took search-api down for every tenant on shard 7
[09:11] mark: rolled back search-api to 4.0.3
[09:14] dana: p99 back to 300ms, mitigated
[09:20] dana: TODO: validate shard maps against the live cluster in CI
[09:30] dana: resolved
"""
BLAME = "mark's shard map change took search-api down"


def _timeline(tmp_path: Path):
    p = tmp_path / "chat.txt"
    p.write_text(CHAT, encoding="utf-8")
    return build_timeline([str(p)], tz="UTC", date=datetime.date(2026, 11, 3))


def test_participants_of_the_incident_are_its_chat_actors(tmp_path: Path) -> None:
    assert {"mark", "dana"} <= set(people_of(_timeline(tmp_path)))


def test_a_participant_named_by_an_ordinary_word_is_a_person_to_the_check() -> None:
    line = "mark's shard map change took search-api down for every tenant on shard 7"
    assert is_blameful(line, ("mark", "dana"))


def test_the_gate_rewrites_a_blameful_sentence_keeping_times_and_systems() -> None:
    text, findings = rewrite("At 09:09 mark's shard map change took search-api down.", people=("mark",))
    assert findings
    assert "mark's shard map change took" not in text
    assert "09:09" in text and "search-api" in text


def test_blame_of_a_participant_never_reaches_the_offline_draft_verbatim(tmp_path: Path) -> None:
    pm = draft_postmortem(_timeline(tmp_path))
    dumped = pm.model_dump_json()
    assert BLAME not in dumped
    assert "search-api" in dumped  # the facts around it are still drafted
