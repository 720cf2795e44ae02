"""Aliases come back as names in either form a model may copy them: "Responder A" or "Responder_A"."""

from __future__ import annotations

from assistant.redact.redactor import Redactor


def test_alias_in_prompt_header_form_is_restored_to_the_name() -> None:
    red = Redactor(alias_names=True, names=["Jordan Ellis", "Priya Nair"])
    sent = red.redact("Jordan Ellis paged Priya Nair")
    assert "Jordan" not in sent and "Responder A" in sent
    back = red.restore_aliases("Responder_A shipped it; Responder B rolled back; Responder AB is unknown")
    assert back == "Jordan Ellis shipped it; Priya Nair rolled back; Responder AB is unknown"
