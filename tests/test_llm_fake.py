"""The in-package fake provider: scripted answers, raised errors, schema-built answers."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from assistant.errors import ProviderError, ProviderUnavailableError
from assistant.llm import Provider
from assistant.llm.base import Message, StructuredRequest
from assistant.llm.fake import FakeProvider


class Note(BaseModel):
    text: str
    refs: list[str]


def _request(content: str = "E003 at 2024-01-02T03:04:05+00:00") -> StructuredRequest[Note]:
    return StructuredRequest([Message("user", content)], Note, "test.note")


def test_scripted_answers_come_in_order_and_errors_are_raised() -> None:
    fake = FakeProvider(
        [{"text": "first", "refs": []}, ProviderUnavailableError("down"), Note(text="third", refs=["E1"])]
    )
    assert isinstance(fake, Provider)
    assert fake.generate(_request()).text == "first"
    with pytest.raises(ProviderUnavailableError, match="down"):
        fake.generate(_request())
    assert fake.generate(_request()) == Note(text="third", refs=["E1"])
    with pytest.raises(ProviderError, match=r"no scripted answer left for test\.note"):
        fake.generate(_request())
    assert fake.usage.calls == 4 and len(fake.requests) == 4


def test_schema_fake_answers_with_ids_from_the_messages() -> None:
    out = FakeProvider.from_schema().generate(_request())
    assert out.refs == ["E003", "E003"]


def test_schema_fake_drafts_every_section_without_fallbacks() -> None:
    from _draft_helpers import fixture_timeline

    from assistant.draft import pipeline

    fake = FakeProvider.from_schema()
    pm = pipeline.draft_postmortem(fixture_timeline(), provider=fake)
    assert pm.provenance.fallbacks == []
    assert pm.provenance.provider == "fake"
    sections = {f"draft.{name}" for name in pm.provenance.sections}
    assert {r.purpose for r in fake.requests} == {*sections, "draft.key_times"}  # the key-time pick first
    known = {e.id for e in fixture_timeline().events}
    assert all(set(entry.event_ids) <= known for entry in pm.timeline)
