"""Drafting through the real local OpenAI-compatible HTTP server: what it receives, what survives failures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from _draft_helpers import fixture_timeline

from assistant.draft.pipeline import draft_postmortem
from assistant.draft.schema import SECTION_ORDER
from assistant.llm.openai_compat import OpenAICompatProvider
from assistant.llm.testing_server import OpenAITestServer, request_schema, request_text, schema_responder


@pytest.fixture()
def server() -> Iterator[OpenAITestServer]:
    with OpenAITestServer() as srv:
        yield srv


def _provider(srv: OpenAITestServer, **kw: Any) -> OpenAICompatProvider:
    opts: dict[str, Any] = {"max_retries": 1, "reasks": 0, "backoff_s": 0.01, "timeout_s": 2.0}
    opts.update(kw)
    return OpenAICompatProvider(base_url=srv.base_url, model="test-model", api_key="sk-test", **opts)


def test_server_receives_schema_and_delimited_sources_for_every_section(server: OpenAITestServer) -> None:
    pm = draft_postmortem(fixture_timeline(), provider=_provider(server))
    assert len(server.requests) == len(SECTION_ORDER) + 1  # the key-time pick first
    for body in server.requests:
        mode, schema, _name = request_schema(body)
        assert mode == "json_schema" and schema and schema.get("properties")
        user = request_text(body, role="user")
        inside = user.split("<sources>", 1)[1].split("</sources>", 1)[0]
        assert "[E011 2026-03-04T09:20:00+00:00 chat ravi] turns out the export endpoint" in inside
        assert "untrusted" in request_text(body, role="system")
    sent = " ".join(request_text(b) for b in server.requests)
    assert "Tq8v!mZ2pL" not in sent and "10.42.7.15" not in sent
    assert pm.provenance.provider == "openai" and not pm.provenance.fallbacks
    known = {e.id for e in fixture_timeline().events}
    assert all(set(e.event_ids) <= known for e in pm.timeline)


def test_transient_429_is_retried_without_fallback(server: OpenAITestServer) -> None:
    server.fail_next("429", n=2)
    pm = draft_postmortem(fixture_timeline(), provider=_provider(server, max_retries=3))
    assert pm.provenance.fallbacks == []
    assert len(server.requests) == len(SECTION_ORDER) + 1 + 2


@pytest.mark.parametrize("kind", ["500", "timeout", "invalid_json", "truncated"])
def test_sections_fail_for_good_are_drafted_offline_and_marked(server: OpenAITestServer, kind: str) -> None:
    server.fail_always(kind)
    pm = draft_postmortem(fixture_timeline(), provider=_provider(server, timeout_s=0.5))
    assert sorted(pm.provenance.fallbacks) == sorted(SECTION_ORDER)
    assert all(st.provider == "offline" and st.error for st in pm.provenance.sections.values())
    # the draft is still complete and grounded
    assert "streaming CSV cursor" in pm.root_cause.text
    assert {e.key for e in pm.timeline if e.key} == {"start", "detected", "mitigated", "resolved"}


def test_one_broken_section_keeps_the_others_from_the_model(server: OpenAITestServer) -> None:
    def responder(body: dict[str, Any], schema: dict[str, Any] | None) -> Any:
        if "Section: root cause." in request_text(body, role="user"):
            return '{"root_cause": {"text": "cut off mid'
        return schema_responder(body, schema)

    server.set_responder(responder)
    pm = draft_postmortem(fixture_timeline(), provider=_provider(server))
    assert pm.provenance.fallbacks == ["root_cause"]
    assert pm.provenance.sections["summary"].provider == "openai"
    assert pm.provenance.sections["root_cause"].status == "fallback"
    assert "streaming CSV cursor" in pm.root_cause.text
