"""E-mail threads between people (mbox, .eml, pasted messages): one note per message at its Date header."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from _ingest_helpers import parse_one

MBOX = """From sanne@tulpware.example Mon Nov 30 09:12:41 2026
From: Sanne de Vries <sanne@tulpware.example>
To: billing@tulpware.example
Subject: Geen verkoopfacturen sinds 26 november?
Date: Mon, 30 Nov 2026 10:12:41 +0100
Content-Type: text/plain; charset=utf-8

Hoi billing team, sinds donderdag zijn er geen facturen verstuurd.

Sanne

From pieter@tulpware.example Mon Nov 30 09:31:05 2026
From: Pieter Jansen <pieter@tulpware.example>
Subject: Re: Geen verkoopfacturen sinds 26 november?
Date: Mon, 30 Nov 2026 10:31:05 +0100

Thanks Sanne, we're on it: opened INC-1130.

On Mon, 30 Nov 2026 at 10:12, Sanne de Vries wrote:
> Hoi billing team, sinds donderdag zijn er geen facturen verstuurd.
"""


def test_an_mbox_thread_gives_one_note_per_message_at_its_dated_header(tmp_path: Path) -> None:
    src = parse_one(tmp_path, "mail-thread.mbox", MBOX)
    assert src.format == "email" and src.kind == "note"
    assert [r.actor for r in src.records] == ["Sanne de Vries", "Pieter Jansen"]
    assert src.records[0].time.value.astimezone(UTC) == datetime(2026, 11, 30, 9, 12, 41, tzinfo=UTC)
    assert src.stated_tz == "+01:00"
    # the reply keeps its own words, not the quoted message below them
    assert "opened INC-1130" in src.records[1].text and "sinds donderdag" not in src.records[1].text


def test_a_pasted_message_with_headers_is_read_as_an_email(tmp_path: Path) -> None:
    text = (
        "From: Marloes Hendriks <marloes@tulpware.example>\n"
        "Date: Mon, 30 Nov 2026 11:20:02 +0100\n"
        "Subject: invoices\n\n"
        "When will customers get their invoices?\n"
    )
    src = parse_one(tmp_path, "pasted.txt", text)
    assert src.format == "email"
    assert src.records[0].actor == "Marloes Hendriks"


def test_pasted_messages_separated_by_rules_are_one_note_each(tmp_path: Path) -> None:
    mail = (
        "From: Lumenpay Status <noreply@status.lumenpay.example>\n"
        "Date: Sun, 25 Oct 2026 00:37:51 +0000\n"
        "Subject: [Lumenpay] Elevated errors for payouts\n\n"
        "Investigating - We are looking into failed payouts.\n"
    )
    fixed = mail.replace("00:37:51", "02:10:00").replace(
        "Investigating - We are looking into", "Resolved - fixed"
    )
    src = parse_one(tmp_path, "status-mails.txt", mail + "=" * 60 + "\n" + fixed)
    assert [r.ref.line for r in src.records] == [1, 7]
    assert src.records[1].text.startswith("[Lumenpay] Elevated errors for payouts — Resolved")
    assert "===" not in src.records[0].text
