"""The customer-facing version: no people, hosts, IPs, internal service or customer names."""

from __future__ import annotations

from assistant.export.public import public_version

DRAFT = {
    "title": "Checkout 502s after certificate expiry",
    "services": ["checkout-api", "edge-proxy"],
    "authors": ["Sofia Marin"],
    "summary": ("The edge-proxy served an expired certificate, so checkout failed for 41 minutes. "
                "Sofia restarted haproxy on lb-03.internal at 14:40. "
                "Traffic from 10.42.7.15 was blocked while we investigated. "
                "Acme Corp reported the first failures. Queue depth on redis-07 rose."),
    "root_cause": {"text": "Certificate renewal did not cover the legacy proxy.", "refs": []},
    "impact": {"summary": "Customers could not complete purchases.",
               "figures": [{"text": "12% of orders failed", "refs": ["chat.txt:4"]}]},
    "key_times": {"start": "2026-03-04T14:02:00+00:00", "resolved": "2026-03-04T14:43:00+00:00"},
    "action_items": [
        {"description": "Alert 14 days before any certificate expires", "owner": "dana"},
        {"description": "Ask dana to audit the `cert-renew` cron job", "owner": "dana"},
    ],
}  # fmt: skip


def test_public_version_keeps_what_customers_need_and_drops_internals() -> None:
    pv = public_version(DRAFT, private_terms=["Acme Corp"])
    md = pv.to_markdown()
    assert pv.window == "From 14:02 to 14:43 UTC on 4 March 2026"
    assert "One of our services served an expired certificate, so checkout failed for 41 minutes." in md
    assert "Certificate renewal did not cover the legacy proxy." in md
    assert "Customers could not complete purchases. 12% of orders failed." in md
    assert "- Alert 14 days before any certificate expires" in md
    for leaked in (
        "Sofia",
        "dana",
        "lb-03",
        "10.42.7.15",
        "Acme",
        "edge-proxy",
        "cert-renew",
        "chat.txt",
        "redis",
    ):
        assert leaked not in md, leaked
    assert [d.reason for d in pv.dropped] == [  # every left-out sentence is listed with its reason
        "names a person", "holds a secret or personal datum (ip)", "names a customer or private term",
        "holds an internal identifier (redis-07)", "names a person"]  # fmt: skip
    text = pv.to_text()
    assert text.startswith("Checkout 502s after certificate expiry\n") and "#" not in text


def test_public_version_of_an_empty_draft_says_it_is_still_being_investigated() -> None:
    pv = public_version({})
    assert "We are still investigating." in pv.to_markdown() and pv.dropped == []


def test_public_version_runs_the_tone_checker_over_what_it_keeps() -> None:
    draft = {**DRAFT, "root_cause": {"text": "The on-call engineer carelessly pushed an untested config."}}
    pv = public_version(draft)
    assert pv.tone_rewrites >= 1
    assert "carelessly" not in pv.to_markdown()


def test_with_a_model_the_public_version_is_written_by_it_then_scrubbed_and_tone_checked() -> None:
    from assistant.export.public import PublicDraft
    from assistant.llm.fake import FakeProvider

    answer = PublicDraft(
        what_happened=("Between 14:02 and 14:43 UTC some purchases could not be completed because a security "
                       "certificate had expired. Sofia restarted haproxy on lb-03.internal."),
        impact="Customers could not complete purchases; 12% of orders failed.",
        doing=["We now alert well before any certificate expires.", "Audit the cert-renew job on lb-03"],
    )  # fmt: skip
    fake = FakeProvider([answer])
    pv = public_version(DRAFT, private_terms=["Acme Corp"], provider=fake)
    (request,) = fake.requests
    sent = request.messages[0].content
    # the model sees only what the rules kept: no people, hosts, IPs or private terms
    for secret in ("Sofia", "lb-03", "10.42.7.15", "Acme", "redis-07"):
        assert secret not in sent
    assert "One of our services served an expired certificate" in sent
    assert pv.drafted_by == "fake (fake-1)" and pv.prompt_version == "public_version.v1"
    assert pv.what_happened == [
        "Between 14:02 and 14:43 UTC some purchases could not be completed because a security certificate had expired."
    ]
    assert pv.doing == ["We now alert well before any certificate expires."]
    assert any("Sofia restarted haproxy" in d.sentence for d in pv.dropped)
    assert "lb-03" not in pv.to_markdown() and "Sofia" not in pv.to_text()


def test_when_the_model_fails_the_rule_based_version_stands_and_says_so() -> None:
    from assistant.errors import ProviderUnavailableError
    from assistant.llm.fake import FakeProvider

    pv = public_version(DRAFT, provider=FakeProvider([ProviderUnavailableError("server down")]))
    assert pv.drafted_by.startswith("rules (the model failed: ProviderUnavailableError")
    assert pv.to_markdown() == public_version(DRAFT).to_markdown()


def test_offline_the_public_version_stays_deterministic() -> None:
    first, again = public_version(DRAFT, provider=None), public_version(DRAFT)
    assert first.to_markdown() == again.to_markdown() and first.drafted_by == "rules"
    assert first.prompt_version is None
