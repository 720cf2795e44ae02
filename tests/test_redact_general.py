"""Redaction by general rules (issue 13 item 4): vendors' token formats, secret words in several
languages and in prose, personal-data keys in several languages, check digits, and identifiers
that pass unless a team configures them as sensitive."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli.app import app
from assistant.config import get_settings
from assistant.errors import ConfigError
from assistant.redact import Redactor
from assistant.redact._fields import cpf_ok, dni_ok
from assistant.redact._secrets import identifier_like


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("gitlab token glpat-dvNOHIhm7MTD99lTGtbh is the old one", "glpat-dvNOHIhm7MTD99lTGtbh"),
        ("token dop_v1_" + "5f171a4e00a682e7" * 4, "dop_v1_" + "5f171a4e00a682e7" * 4),
        (
            "LD config, check it: mob-0b7d4e2a-9c1f-4a3e-8d6b-2f5e7a9c1d3b",
            "mob-0b7d4e2a-9c1f-4a3e-8d6b-2f5e7a9c1d3b",
        ),
        ("the mobile key is 8c2f61ad4e7b9c03", "8c2f61ad4e7b9c03"),
        ("the new redis password is orange-staple-correct-violin", "orange-staple-correct-violin"),
        ("pw for the wifi at the DC is 13kpkdcpw3tq", "13kpkdcpw3tq"),
        ("senha do banco: o97m225paozl", "o97m225paozl"),
        ("la contraseña es 0BodIuBdFFTLe1Wb", "0BodIuBdFFTLe1Wb"),
        ("Passwort=Winter2025! abgelehnt", "Winter2025!"),
        ("SECRET_KEY_BASE=FXdvhaH93JK4dN3*", "FXdvhaH93JK4dN3*"),
        ("grant_type=client_credentials&client_id=orders-api&client_secret=Orders2025!", "Orders2025!"),
        (
            "GET /q1.csv?sv=2022-11-02&sr=b&sig=lA%2F74f3s%2FVZrCLQmN45naxs%3D 403",
            "lA%2F74f3s%2FVZrCLQmN45naxs%3D",
        ),
        (
            "The leaked value was DNTUifNYaH2J9NR1N4tGizJ3mwJMHqj90Wn275fDdi22 (gist)",
            "DNTUifNYaH2J9NR1N4tGizJ3mwJMHqj90Wn275fDdi22",
        ),
        ("quick way in: sshpass -p 'Tr4m!Night#22' ssh -p 2222 ops@bastion", "Tr4m!Night#22"),
        (
            "mongosh --host rs0/db1 -u reporter -p Kq7!vault2026 --authenticationDatabase admin",
            "Kq7!vault2026",
        ),
        ("backup-cli restore --user ops --password 'Aut0mn#Leaves' --target db2", "Aut0mn#Leaves"),
        (
            "fyi the shared login is sre-bot@corp.example / Pl4net!Orbit-9, rotating it tonight",
            "Pl4net!Orbit-9",
        ),
    ],
)
def test_credentials_in_vendor_formats_prose_and_other_languages_are_redacted(text: str, secret: str) -> None:
    out = Redactor().redact(text)
    assert secret not in out and "<SECRET_" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "password reset emails delayed; the secret rotation job ran at 13:00",
        "metrics password_reset_requests=1532 token_refresh_errors=87 tokens_per_minute=90000",
        "the password is wrong and the token is expired",
        "client DFSClient_NONMAPREDUCE_1537864556_1 via akka.tcp://sparkExecutorActorSystem and Package_for_KB3121255",
        "kernel: address=0x00004ed8 id 5660850647990272",
        "NodeFilesystemAlmostOutOfSpace and HighErrorRate5xx resolved; envoy 1.29.0-rc.1",
        "the SDK key rotation finished; request 0b7d4e2a-9c1f-4a3e-8d6b-2f5e7a9c1d3b retried",
        "ssh -p 2222 deploy@bastion, then sftp -P 22 and scp -p the files",
        "the login is slow for EU users / timeouts on auth-api since 10:02",
    ],
)
def test_ordinary_operations_text_passes(text: str) -> None:
    assert Redactor().redact(text) == text


def test_alert_names_are_identifiers_and_random_keys_are_not() -> None:
    assert identifier_like("SearchLatencyP99High") and identifier_like("CheckoutLatencyHigh")
    assert not identifier_like("EYF8aEN0vH5QspdIWadrEaoXS4QZjw98D8FvFqtlEsZX")
    assert not identifier_like("glpat-dvNOHIhm7MTD99lTGtbh")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            'nome="Maria da Silva" data_nascimento=08/12/1995 cpf=626.500.826-90',
            ["Maria da Silva", "08/12/1995"],
        ),
        (
            '{"nombre":"Diego Castillo","fecha_nacimiento":"13-09-1962","direccion":"Calle de Alcalá 117"}',
            ["Diego Castillo", "13-09-1962", "Calle de Alcalá 117"],
        ),
        ("vorname=Matthias nachname=Becker geburtsdatum=15.04.1972", ["Matthias", "Becker", "15.04.1972"]),
        ('氏名="山田 太郎" 生年月日：1990-04-02', ["山田 太郎", "1990-04-02"]),
        (
            "the affected customer is Ana Nakamura, dob 1953-02-25, called twice",
            ["Ana Nakamura", "1953-02-25"],
        ),
        ("o cliente Tomás Lima (CPF 615.648.688-77) não consegue pagar", ["Tomás Lima", "615.648.688-77"]),
    ],
)
def test_personal_data_in_other_languages_and_in_prose_is_redacted(text: str, values: list[str]) -> None:
    out = Redactor().redact(text)
    assert [v for v in values if v in out] == [], out


def test_national_ids_are_checked_by_their_check_digits() -> None:
    assert cpf_ok("615.648.688-77") and not cpf_ok("615.648.688-78") and not cpf_ok("111.111.111-11")
    assert dni_ok("40950466R") and dni_ok("X1234567L") and not dni_ok("40950466A")
    assert Redactor().redact("build 123.456.789-00 shipped") == "build 123.456.789-00 shipped"


def test_terms_configured_sensitive_are_redacted_with_their_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "chat.txt").write_text("09:01 ana: CheckoutLatencyHigh fired for Harborline, kid 2026-q2\n")
    monkeypatch.setenv("POSTMORTEM_REDACT_EXTRA", r"CheckoutLatencyHigh, Harborline, re:\d{4}-q\d")
    get_settings(fresh=True)
    result = CliRunner().invoke(app, ["redact", "--explain", str(tmp_path / "chat.txt")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3 and all("POSTMORTEM_REDACT_EXTRA" in ln and "<REDACTED_" in ln for ln in lines)
    monkeypatch.delenv("POSTMORTEM_REDACT_EXTRA")
    get_settings(fresh=True)
    assert Redactor.from_settings().redact("CheckoutLatencyHigh 2026-q2") == "CheckoutLatencyHigh 2026-q2"


def test_a_bad_configured_pattern_names_the_setting() -> None:
    with pytest.raises(ConfigError, match="POSTMORTEM_REDACT_EXTRA"):
        Redactor(sensitive=["re:(unclosed"])


def test_explain_names_the_key_word_that_decided(tmp_path: Path) -> None:
    (tmp_path / "app.log").write_text("level=info geburtsdatum=15.04.1972 passwort=Winter2025!\n")
    result = CliRunner().invoke(app, ["redact", "--explain", str(tmp_path / "app.log")])
    assert result.exit_code == 0, result.output
    first, second = result.stdout.strip().splitlines()
    assert "(birth)" in first and "geburtsdatum" in first
    assert "secret word" in second and "[passwort]" in second


def test_parsed_records_are_redacted_by_their_keys_and_the_values_learned_for_texts() -> None:
    red = Redactor()
    attrs = red.redact_value(
        {"Requester name": "Ana Lima", "service_name": "Checkout Api", "x": {"geburtsdatum": "15.04.1972"}}
    )
    assert attrs["Requester name"].startswith("<PERSONAL_") and attrs["x"]["geburtsdatum"].startswith(
        "<PERSONAL_"
    )
    assert attrs["service_name"] == "Checkout Api"
    assert "Ana Lima" not in red.redact("ticket from Ana Lima")


def test_a_bare_name_key_with_one_word_is_a_thing_unless_personal_data_sits_beside_it() -> None:
    assert Redactor().redact("job started name=Checkout region=eu") == "job started name=Checkout region=eu"
    assert "Diego" not in Redactor().redact("nombre=Diego&apellidos=Hartmann&fecha_nacimiento=13-09-1962")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("curl -u admin:S3cr3tPass https://grafana.internal/api", "S3cr3tPass"),
        ("mysql -h db -u root -pHunter2024 orders", "Hunter2024"),
        ("redis-cli -h r1 -a myredispw123 info", "myredispw123"),
        ("    stats auth admin:Lb-st4ts!x", "Lb-st4ts!x"),
        ("basic_auth: grafana:hunter22x", "hunter22x"),
        ("Cookie: _ga=GA1.2.12345.678; sessionid=8f3kJ2mQ9xLp0aZ7vB4n; theme=dark", "8f3kJ2mQ9xLp0aZ7vB4n"),
    ],
)
def test_command_line_passwords_and_session_cookies_are_redacted(text: str, secret: str) -> None:
    assert secret not in Redactor().redact(text)


def test_uid_gid_and_shell_variables_on_command_lines_pass() -> None:
    for text in (
        "docker run -p 8080:80 -u 1000:1000 img",
        "curl -u $USER:$PASS https://x",
        "auth 12:30:45 timeouts on the gateway",
    ):
        assert Redactor().redact(text) == text


def test_percent_encoded_email_in_a_url_path_is_redacted() -> None:
    assert "ana.lima%40gmail.com" not in Redactor().redact("GET /users/ana.lima%40gmail.com/orders 200")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("kdyby byl potřeba p12: heslo je Vr4#kolin-p12-Mar", "Vr4#kolin-p12-Mar"),
        ("hasło do bazy: Zx9!plmq2", "Zx9!plmq2"),
        ("lösenordet är Gr0n-Hast!9", "Gr0n-Hast!9"),
        ("пароль: Qw3rty!!77", "Qw3rty!!77"),
        ("adgangskoden er Bl4a-Hav!e", "Bl4a-Hav!e"),
        ("ftp login works fine (acme / Pohutu-Kawa-88!) so it's not their end", "Pohutu-Kawa-88!"),
        ("creds: admin / hunter22!", "hunter22!"),
        (
            "login do portalu partnera, żebyś widział status po ich stronie: edi_user / Kp!7731-zx",
            "Kp!7731-zx",
        ),
    ],
)
def test_passwords_after_a_login_pair_or_a_secret_word_in_more_languages_are_redacted(
    text: str, secret: str
) -> None:
    out = Redactor().redact(text)
    assert secret not in out and "<SECRET_" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "the login page (home / settings) is slow",
        "heslo je špatně, zkus to znovu",
        "account (ana / 12345678) was locked at 09:12",
        "login (2026-03-04 / 09:12:00) failed",
    ],
)
def test_login_words_without_a_password_shaped_value_pass(text: str) -> None:
    assert Redactor().redact(text) == text


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("HH-1 - 12 Te Rauparaha Street, Ōtaki 5512, 1x tote", "12 Te Rauparaha Street, Ōtaki 5512"),
        ("ship to 400 W 5th Ave, Denver asap", "400 W 5th Ave, Denver"),
        ("Lieferadresse Hauptstraße 12, 10115 Berlin bitte", "Hauptstraße 12, 10115 Berlin"),
        ("livraison Rue de la Paix 5, Paris", "Rue de la Paix 5, Paris"),
        ("consegna Via Roma 3, 00184 Roma", "Via Roma 3, 00184 Roma"),
    ],
)
def test_postal_addresses_in_prose_are_personal_data(text: str, address: str) -> None:
    out = Redactor().redact(text)
    assert address not in out and "<PERSONAL_" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "restarted 3 Redis Cluster nodes",
        "scaled to 12 Worker Pods at 14:02",
        "upgraded to Spring 5 last week",
        "port 8080 Proxy Pass rule",
    ],
)
def test_numbers_before_capitalised_words_are_not_addresses(text: str) -> None:
    assert Redactor().redact(text) == text
