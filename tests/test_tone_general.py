"""General blame rules (word classes and syntax) on wordings written for these tests."""

from __future__ import annotations

import pytest

from assistant.tone import check_text


@pytest.mark.parametrize(
    "text",
    [
        "The checkout errors were due to Marta's rushed schema change.",
        "The root cause is Piotr, who restarted the wrong shard.",
        "if Kenji hadn't edited the haproxy config we would have been fine",
        "The Dublin team skipped the rollout checklist and caused the incident.",
        "Whoever approved this should be removed from the on-call rotation.",
        "Leadership wants to make an example of the engineer involved.",
        "Validating the manifest is easy, yet nobody did it.",
        "It is well known which engineer was on shift when the queue filled up.",
        "Errors were made by a certain developer during the failover.",
        "Rotating the key is simple, but it was skipped again.",
        # Another organisation named in the sentence (OTP read as ORG) does not make the owner one.
        "Ilse's 9:30 deploy broke OTP, obviously",
        # A harm as the product of a person's act, and a person's act followed by the harm it caused.
        "The outage was a direct consequence of Oskar's failure to drain the node first.",
        "The queue was purged by Mirela at 09:12, causing the backlog that delayed every payout.",
        "The bug came in with the Lyra team's migration.",
        # Measures against people, and a privilege of whoever did it.
        "Management has taken appropriate action against the engineers involved.",
        "We will revoke production access for whoever pushed the hotfix.",
        "Big thanks to whoever dropped the orders table on a Friday.",
    ],
)
def test_general_blame_forms_are_found(text: str) -> None:
    assert check_text(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The latency spike was due to Redis evicting keys under memory pressure.",
        "The root cause was DNS.",
        "The node should be removed from the rotation until the disk is replaced.",
        "If Kafka hadn't rebalanced, the consumers would have kept up.",
        "The platform team rotated the certificates again.",
        "We know which team owns the ingress controller.",
        "Anyone with access to the console can restart the pod.",
        "Errors were made visible in the UI after the fix.",
        "We do not list human error as a root cause; we describe the mechanism.",
        "Who needs access to the billing dashboard?",
        "Oskar drained the node first, causing no errors.",
        "The outage was a consequence of the cache flush at 10:14.",
        "We took action against the scraper traffic.",
        "Revoke the token for the service account that ran the script.",
        "Thanks to the engineer who restored the database so quickly.",
    ],
)
def test_general_rules_leave_neutral_wordings_alone(text: str) -> None:
    # The rules alone; the semantic stage has its own false-positive budget (test_tone_semantic.py).
    assert check_text(text, semantic=False) == [], text
