"""Redaction of secrets and personal data: each kind, the false positives it must avoid, stability."""

from __future__ import annotations

import pytest

from assistant.redact import Redactor, findings, mask


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in findings(text)]


# -- secrets --------------------------------------------------------------------------------


def test_password_in_connection_url_is_replaced_but_url_stays_readable() -> None:
    r = Redactor()
    out = r.redact("try: psql postgresql://billing_rw:s3cr3t-Pa55@db-billing-02.internal:5432/billing")
    assert "s3cr3t-Pa55" not in out
    assert out == "try: psql postgresql://billing_rw:<SECRET_1>@db-billing-02.internal:5432/billing"


def test_redis_url_password_and_internal_ip_are_both_replaced() -> None:
    out = Redactor().redact("REDIS_URL=redis://:Xk9#pq77zz@172.16.4.20:6379/0 is what the worker uses")
    assert "Xk9#pq77zz" not in out and "172.16.4.20" not in out
    assert "<SECRET_1>" in out and "<IP_1>" in out


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("db.password=hunter2hunter2 in application.properties", "hunter2hunter2"),
        ('config: {"api_key": "sk_live_9aZ3kQ8mW2"}', "sk_live_9aZ3kQ8mW2"),
        ("secret: Wq8-zz71-Lp0", "Wq8-zz71-Lp0"),
        ("MYSQL_PWD=Plain0ldPass exported in the job", "Plain0ldPass"),
        ("the bgp key is Zr7!router-Key9 on both peers", "Zr7!router-Key9"),
        ('set authentication-key "Edge$Peer-2025"; commit', "Edge$Peer-2025"),
        ("ipsec pre-shared-key K8s-Tunnel#44 was pasted", "K8s-Tunnel#44"),
        ("passphrase: Correct-Horse-77", "Correct-Horse-77"),
    ],
)
def test_values_after_secret_words_are_replaced(line: str, secret: str) -> None:
    out = Redactor().redact(line)
    assert secret not in out
    assert "<SECRET_1>" in out


def test_bearer_token_aws_keys_jwt_and_github_token_are_replaced() -> None:
    jwt = (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ."
        "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    )
    text = (
        f"curl -H 'Authorization: Bearer {jwt}' https://api.internal/v1/orders\n"
        "aws configure: AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
        "ci used ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8 to push"
    )
    out = Redactor().redact(text)
    for secret in (
        jwt,
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
    ):
        assert secret not in out
    assert "https://api.internal/v1/orders" in out


def test_private_key_block_is_replaced_whole() -> None:
    text = (
        "someone pasted the key:\n-----BEGIN RSA PRIVATE KEY-----\n"
        "MIIEowIBAAKCAQEAuX3Zr7q9hTQ1c2lCk3f0bX7wYJzQk1nq\nT0pL2xY9mQ3v8Zk1aB4cD5eF6gH7iJ8kL9mN0oP1qR2s\n"
        "-----END RSA PRIVATE KEY-----\nplease rotate"
    )
    out = Redactor().redact(text)
    assert out == "someone pasted the key:\n<SECRET_1>\nplease rotate"


def test_high_entropy_token_is_replaced_without_a_keyword() -> None:
    out = Redactor().redact("webhook signed with Hq3ZpL9vXr2mK8sTt4wYb7NcQ1dF6gJ0 apparently")
    assert "Hq3ZpL9vXr2mK8sTt4wYb7NcQ1dF6gJ0" not in out


# -- personal data --------------------------------------------------------------------------


def test_email_phone_and_ips_become_placeholders() -> None:
    r = Redactor()
    out = r.redact(
        "contact ana.lima@northwind-ops.example, mobile +1 (415) 555-0133, host 10.20.30.40 / 2001:db8::8a2e:370:7334"
    )
    assert out == "contact <EMAIL_1>, mobile <PHONE_1>, host <IP_1> / <IP_2>"


@pytest.mark.parametrize(
    "phone",
    [
        "+44 20 7946 0321",
        "+49 151 23456789",
        "(415) 555-0133",
        "020 7946 0321",
        "+33 1 42 68 53 00",
        "+4915123456789",
    ],
)
def test_phone_formats_are_recognised(phone: str) -> None:
    assert ("phone", phone) in _kinds(f"reach them on {phone} today")


def test_local_number_after_phone_word_is_recognised() -> None:
    assert ("phone", "07700900123") in _kinds("call him on 07700900123 if it pages again")


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Acil dönüş rica ederim. Telefon: 0532 111 22 33 (Ayşe Hanım)", "0532 111 22 33"),
        ("appelez le 06 12 34 56 78 si ça recommence", "06 12 34 56 78"),
        ("電話 03-1234-5678 まで", "03-1234-5678"),
    ],
)
def test_national_numbers_in_groups_or_after_a_phone_word_in_other_languages_are_phones(
    text: str, phone: str
) -> None:
    assert ("phone", phone) in _kinds(text)


def test_a_date_written_with_spaces_is_not_a_phone() -> None:
    assert not [k for k, _ in _kinds("run 01 12 2026 03 ok") if k == "phone"]


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-04 09:19:25 <bob> deployed 2.14.1 at 14:02:11Z",
        "p99 went from 120 ms to 30000 ms (~1,900 requests failed, 45.5% error rate)",
        "incident #31877, ticket OPS-4412, pid 90388, port 6432",
        "took 3h 12m; 190 000 orders; backlog 12 345 678 messages",
        'slack ts "1712345678.123456" thread_ts=1712345690.000200',
        "trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span=00f067aa0ba902b7 sha 9fceb02d0ae598e95dc970b74767f19372d61af8",
        "request 3f2504e0-4f89-11d3-9a0c-0305e82c3301 failed; version 10.2.3.4 of the client",
        "the token expired and the password reset flow worked; key rotation is pending",
        "routing_key=notifications.email cache key=orders:v2:page incident_key: 63fd36695f334b8dcc5d591bcf1ca068",
        "OrdersExportController HikariPool-1 notify-worker-6d9f8b7c5-4kq2l /v2/shipments/SHP15861550",
        "listening on 0.0.0.0:8080 and 127.0.0.1, netmask 255.255.255.0",
        "customer impact: 500 errors for 14 partners; customers retried",
    ],
)
def test_incident_facts_are_not_redacted(text: str) -> None:
    assert findings(text) == []
    assert Redactor().redact(text) == text


# -- customer identifiers -------------------------------------------------------------------


def test_customer_ids_and_company_names_pass_unless_configured_sensitive() -> None:
    text = "export burst from tenant_id=t_90210; t_90210 is Larkspur Outfitters, our biggest customer"
    assert Redactor().redact(text) == text


def test_customer_ids_and_named_customer_are_replaced_everywhere_when_sensitive() -> None:
    r = Redactor(customers=True)
    first = r.redact(
        "export burst from tenant_id=t_90210; t_90210 is Larkspur Outfitters, our biggest customer"
    )
    later = r.redact("Larkspur's script retried; cus_Q8hZ2mPa and account_id: 88123 too")
    assert "t_90210" not in first and "Larkspur" not in first
    assert "Larkspur" not in later and "cus_Q8hZ2mPa" not in later and "88123" not in later
    assert first.count("<CUSTOMER_1>") == 2 and "<CUSTOMER_2>" in first and "<CUSTOMER_2>'s" in later


def test_contact_person_is_replaced() -> None:
    out = Redactor().redact("their ops contact is Maria Oyelaran, reachable by email")
    assert "Maria Oyelaran" not in out and "<PERSON_1>" in out


# -- stability, aliasing, restore -----------------------------------------------------------


def test_placeholders_are_stable_across_calls_and_numbered_per_kind() -> None:
    r = Redactor()
    a = r.redact("mail a@x.example and b@y.example from 10.0.0.5")
    b = r.redact("again b@y.example then 10.0.0.5 then 10.0.0.6")
    assert a == "mail <EMAIL_1> and <EMAIL_2> from <IP_1>"
    assert b == "again <EMAIL_2> then <IP_1> then <IP_2>"
    assert r.placeholders == {"<EMAIL_1>": "email", "<EMAIL_2>": "email", "<IP_1>": "ip", "<IP_2>": "ip"}


def test_redacting_twice_changes_nothing() -> None:
    r = Redactor(alias_names=True, names=["sofia"])
    once = r.redact("sofia: password=Tq8v!mZ2pL host 10.1.2.3 mail s@corp.example")
    assert r.redact(once) == once


def test_a_secret_seen_once_is_replaced_when_repeated_alone() -> None:
    r = Redactor()
    r.redact("db: postgres://app:Zq81-Lk!mm@10.9.9.9/app")
    assert r.redact("I typed Zq81-Lk!mm by hand") == "I typed <SECRET_1> by hand"


def test_names_become_stable_aliases_and_are_restored_but_secrets_are_not() -> None:
    r = Redactor(alias_names=True, names=["pieter.v", "Erik Holm"])
    out = r.redact(
        "@pieter.v pasted token=Ab12Cd34Ef56 and pieter said erik will rotate it; Erik Holm agreed"
    )
    assert "pieter" not in out.lower() and "erik" not in out.lower()
    assert out.count("Responder A") == 2 and out.count("Responder B") == 2
    assert "will rotate" in out  # an everyday word is never taken for a name
    back = r.restore_aliases(out)
    assert "pieter.v" in back and "Erik Holm" in back
    assert "Ab12Cd34Ef56" not in back and "<SECRET_1>" in back


def test_names_are_left_alone_without_alias_names() -> None:
    assert Redactor(names=["sofia"]).redact("sofia restarted it") == "sofia restarted it"


def test_findings_report_position_kind_placeholder_and_mask() -> None:
    text = "pw is in postgres://u:Vv93-kkLmq@db/x"
    (f,) = findings(text)
    assert (f.kind, f.placeholder, f.rule) == ("secret", "<SECRET_1>", "url-password")
    assert text[f.start : f.end] == "Vv93-kkLmq"
    assert f.masked.startswith("V") and "93" not in f.masked
    assert mask("j.whitford@example.com", "email").startswith("j.")
