"""Redaction that keeps meaning: identifiers pass, personal data in structured fields is caught, reasons are given."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli.app import app
from assistant.redact import Redactor
from assistant.redact._fields import iban_ok, luhn_ok


@pytest.mark.parametrize(
    "text",
    [
        "rotated the signing key 2026-q2 and the JWKS now serves kid 2026-q3",
        "alert CheckoutLatencyHigh fired, then SearchLatencyP99High resolved",
        "allowlisted 10.40.0.0/16 and 185.41.220.0/24 on the edge",
        "refund rf_01KJRF8JG96GZD6PRYH98XYYYF credited to wallet of tenant t_48213 (Harborline Foods)",
        "consumer group %3Aorder-confirmations rebalanced; service_name=checkout-api name=orders-db",
    ],
)
def test_identifiers_pass_unredacted(text: str) -> None:
    assert Redactor().redact(text) == text


@pytest.mark.parametrize(
    ("text", "secret_values"),
    [
        (
            'level=info msg="applicant scored" name="Ana María Lima" dob=1990-04-02 score=712',
            ["Ana María Lima", "1990-04-02"],
        ),
        (
            '{"applicant": {"first_name": "Jonas", "birth_date": "1985-11-30", "ssn": "078-05-1120"}}',
            ["Jonas", "1985-11-30", "078-05-1120"],
        ),
        ("GET /v1/apply?name=Ana+Lima&dob=1990-04-02&phone=0151%2012345678 200", ["Ana+Lima", "1990-04-02"]),
        (
            'user.email=ana@example.org home_address="12 Rue Oberkampf, Paris" zip=75011',
            ["ana@example.org", "12 Rue Oberkampf, Paris", "75011"],
        ),
        ("payout to IBAN DE89 3704 0044 0532 0130 00 failed", ["DE89 3704 0044 0532 0130 00"]),
        (
            "card 4111 1111 1111 1111 declined; card_number=5555555555554444",
            ["4111 1111 1111 1111", "5555555555554444"],
        ),
    ],
)
def test_personal_data_in_structured_fields_and_checksummed_numbers_is_redacted(
    text: str, secret_values: list[str]
) -> None:
    out = Redactor().redact(text)
    for value in secret_values:
        assert value not in out, out
    assert "<PERSONAL_" in out or "<EMAIL_" in out


def test_checksums_keep_ids_and_timestamps_of_the_same_length() -> None:
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert iban_ok("DE89 3704 0044 0532 0130 00") and not iban_ok("DE00 3704 0044 0532 0130 00")
    text = "ts=1709251200000 order 4111111111111112 trace 550e8400-e29b-41d4-a716-446655440000"
    assert Redactor().redact(text) == text


def test_secrets_are_still_redacted() -> None:
    out = Redactor().redact("password=hunter2x9 and the bgp key is Dc1-bgp-K3y!2024; host 10.9.1.22")
    assert "hunter2x9" not in out and "Dc1-bgp-K3y!2024" not in out and "10.9.1.22" not in out


def test_customers_are_redacted_when_configured_sensitive() -> None:
    out = Redactor(customers=True).redact("tenant t_48213 is Harborline Foods, our biggest customer")
    assert "t_48213" not in out and "Harborline" not in out


def test_redact_explain_says_why_each_item_is_redacted(tmp_path: Path) -> None:
    (tmp_path / "app.log").write_text(
        'msg="kyc check" name="Ana Lima" dob=1990-04-02 card=4111111111111111\n'
    )
    result = CliRunner().invoke(app, ["redact", "--explain", str(tmp_path / "app.log")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3
    assert "personal-data field (name)" in lines[0] and "personal-data field (birth)" in lines[1]
    assert "personal-data field (card)" in lines[2]
    assert "Ana Lima" not in result.stdout and "1990-04-02" not in result.stdout
