"""Redaction on the shared dev incidents: no gold secret survives, names are aliased."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import incident_cases, shared_dir

from assistant.redact import Redactor

CASES = incident_cases()
_IDS = [c.name for c in CASES]


def _inputs(case: Path) -> list[Path]:
    return sorted(p for p in case.iterdir() if p.is_file() and p.name != "gold.json")


def _secrets(case: Path) -> list[str]:
    return [s for s in json.loads((case / "gold.json").read_text())["secrets"] if s]


def test_dev_cases_are_present() -> None:
    shared_dir("incidents")
    assert CASES, "no dev incident cases found"


@pytest.mark.parametrize("case", CASES, ids=_IDS)
def test_no_gold_secret_survives_redacting_every_raw_line(case: Path) -> None:
    r = Redactor()
    redacted = [r.redact(line) for p in _inputs(case) for line in p.read_text(encoding="utf-8").splitlines()]
    blob = "\n".join(redacted)
    assert [s for s in _secrets(case) if s in blob] == []


@pytest.mark.parametrize("case", CASES, ids=_IDS)
def test_no_gold_secret_survives_redacting_the_timeline(case: Path) -> None:
    from assistant.timeline import build_timeline

    tl = build_timeline([str(p) for p in _inputs(case)])
    r = Redactor(alias_names=True)
    red = r.redact_timeline(tl)
    blob = red.model_dump_json()
    assert [s for s in _secrets(case) if s in blob] == []
    # every chat actor that is a person is now an alias, in the actor field and in texts
    assert len(red.events) == len(tl.events)
    people = {n.lower() for n in r.aliases}
    for ev in red.events:
        if ev.source == "chat" and ev.actor and ev.actor.lower() in people:
            pytest.fail(f"actor {ev.actor!r} kept its name")
    for name in r.aliases:
        if len(name) >= 4:
            assert not re.search(rf"(?<![\w.@-]){re.escape(name)}(?![\w@]|[.-]\w)", blob, re.I), name


def test_case03_pasted_credentials_and_contact_become_placeholders() -> None:
    case = shared_dir("incidents", "case03-db-connection-pool-exhaustion")
    chat = (case / "chat.txt").read_text(encoding="utf-8").splitlines()
    r = Redactor()
    out = [r.redact(line) for line in chat]
    url_line = next(line for line in out if "psql" in line)
    assert "postgres://orders_ro:<SECRET_1>@<IP_1>:6432/orders" in url_line
    contact = next(line for line in out if "ops contact" in line)
    assert "<EMAIL_" in contact and "<PHONE_1>" in contact
    # the incident itself stays readable: pool exhaustion, exports, numbers
    assert any("HikariPool" in line or "pool" in line for line in out)


def test_case14_bgp_key_in_junos_config_is_replaced_and_peer_ip_too() -> None:
    case = shared_dir("incidents", "case14-bgp-dc-partition")
    line = next(
        x for x in (case / "chat.txt").read_text(encoding="utf-8").splitlines() if "authentication-key" in x
    )
    out = Redactor().redact(line)
    assert 'authentication-key "<SECRET_1>"' in out
    assert "export RM-DCI-OUT" in out and "<IP_1>" in out
