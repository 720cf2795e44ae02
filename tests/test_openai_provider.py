"""The openai provider against a real local OpenAI-compatible HTTP server, through the real client."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

import pytest
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from assistant.errors import InvalidModelOutputError, ProviderError, ProviderUnavailableError
from assistant.llm.base import Message, StructuredRequest
from assistant.llm.openai_compat import OpenAICompatProvider
from assistant.llm.testing_server import OpenAITestServer, request_text

SOURCES = (
    "<sources>\n"
    "E001 2024-03-05T14:02:00+00:00 alert: checkout-api 5xx rate above 5%\n"
    "E002 2024-03-05T14:09:30+00:00 chat: rolling back deploy 4411\n"
    "</sources>"
)


class Finding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="one neutral sentence")
    refs: list[str] = Field(description="event ids")
    at: AwareDatetime = Field(description="time of the first cited event")
    kind: Literal["detect", "mitigate"]


class IncidentSummary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    summary: str
    findings: list[Finding]
    severity: Literal["SEV1", "SEV2", "SEV3"] | None = None


def _request() -> StructuredRequest[IncidentSummary]:
    return StructuredRequest(
        messages=[Message("system", "Describe systems, never people."), Message("user", SOURCES)],
        schema=IncidentSummary,
        purpose="test.summary",
    )


@pytest.fixture
def srv() -> Iterator[OpenAITestServer]:
    with OpenAITestServer() as server:
        yield server


def _provider(srv: OpenAITestServer, **kw: object) -> OpenAICompatProvider:
    options: dict[str, object] = {"timeout_s": 5.0, "max_retries": 3, "reasks": 1, "backoff_s": 0.01}
    options.update(kw)
    return OpenAICompatProvider(base_url=srv.base_url, model="test-model", **options)  # type: ignore[arg-type]


def test_json_schema_request_carries_the_schema_and_the_delimited_sources(srv: OpenAITestServer) -> None:
    out = _provider(srv).generate(_request())
    assert isinstance(out, IncidentSummary)
    body = srv.requests[0]
    fmt = body["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["name"] == "IncidentSummary"
    assert fmt["json_schema"]["strict"] is True
    assert set(fmt["json_schema"]["schema"]["properties"]) == {"summary", "findings", "severity"}
    assert "tools" not in body
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert "<sources>" in request_text(body, role="user")
    assert "E001" not in request_text(body, role="system")
    assert body["model"] == "test-model"


def test_answer_uses_event_ids_and_times_from_the_request(srv: OpenAITestServer) -> None:
    out = _provider(srv).generate(_request())
    assert {ref for f in out.findings for ref in f.refs} <= {"E001", "E002"}
    assert [f.at.isoformat() for f in out.findings] == [
        "2024-03-05T14:02:00+00:00",
        "2024-03-05T14:09:30+00:00",
    ]


def test_rejected_json_schema_falls_back_to_function_calling_and_remembers(srv: OpenAITestServer) -> None:
    srv.reject_json_schema = True
    provider = _provider(srv)
    first = provider.generate(_request())
    second = provider.generate(_request())
    assert isinstance(first, IncidentSummary) and isinstance(second, IncidentSummary)
    modes = ["response_format" if "response_format" in b else "tools" for b in srv.requests]
    assert modes == ["response_format", "tools", "tools"]
    tool_body = srv.requests[1]
    assert tool_body["tool_choice"]["function"]["name"] == "IncidentSummary"
    assert tool_body["tools"][0]["function"]["name"] == "IncidentSummary"
    assert provider.method == "function_calling"
    assert provider.usage.retries == 0


def test_rate_limits_and_server_errors_are_retried_then_succeed(srv: OpenAITestServer) -> None:
    srv.fail_next("429", n=2)
    srv.fail_next("500")
    provider = _provider(srv)
    out = provider.generate(_request())
    assert out.summary
    assert len(srv.requests) == 4
    assert provider.usage.retries == 3
    assert provider.usage.calls == 4
    assert provider.usage.reasks == 0


def test_timeouts_end_in_provider_unavailable_after_the_retries(srv: OpenAITestServer) -> None:
    srv.fail_always("timeout")
    provider = _provider(srv, timeout_s=0.3, max_retries=1)
    with pytest.raises(ProviderUnavailableError, match="timed out") as err:
        provider.generate(_request())
    assert "2 attempt(s)" in str(err.value)
    assert len(srv.requests) == 2
    assert provider.usage.retries == 1


def test_persistent_server_errors_raise_provider_unavailable_naming_the_endpoint(
    srv: OpenAITestServer,
) -> None:
    srv.fail_always("500")
    provider = _provider(srv, max_retries=2)
    with pytest.raises(ProviderUnavailableError) as err:
        provider.generate(_request())
    assert srv.base_url in str(err.value)
    assert "OPENAI_BASE_URL" in str(err.value)
    assert len(srv.requests) == 3


def test_refused_connection_is_provider_unavailable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    provider = OpenAICompatProvider(base_url=f"http://127.0.0.1:{port}/v1", max_retries=1, backoff_s=0.01)
    with pytest.raises(ProviderUnavailableError, match="cannot connect"):
        provider.generate(_request())


@pytest.mark.parametrize("method", ["json_schema", "function_calling"])
def test_invalid_json_is_reasked_with_the_error_then_succeeds(srv: OpenAITestServer, method: str) -> None:
    srv.reject_json_schema = method == "function_calling"
    provider = _provider(srv)
    provider.generate(StructuredRequest([Message("user", "warm up")], IncidentSummary, "warm"))
    srv.reset()
    srv.reject_json_schema = method == "function_calling"
    srv.fail_next("invalid_json")
    out = provider.generate(_request())
    assert isinstance(out, IncidentSummary)
    assert len(srv.requests) == 2
    reask = srv.requests[1]["messages"]
    assert reask[-2]["role"] == "assistant"
    assert "not valid JSON" in reask[-2]["content"]
    assert reask[-1]["role"] == "user"
    assert "could not be used" in reask[-1]["content"]
    assert "JSON" in reask[-1]["content"]
    assert provider.usage.reasks == 1


@pytest.mark.parametrize("method", ["json_schema", "function_calling"])
def test_cut_off_output_is_reasked_as_too_long(srv: OpenAITestServer, method: str) -> None:
    srv.reject_json_schema = method == "function_calling"
    srv.fail_next("truncated")
    provider = _provider(srv)
    out = provider.generate(_request())
    assert isinstance(out, IncidentSummary)
    assert "cut off" in srv.requests[-1]["messages"][-1]["content"]
    assert provider.usage.reasks == 1


@pytest.mark.parametrize("method", ["json_schema", "function_calling"])
def test_persistent_invalid_output_raises_with_attempts_and_raw(srv: OpenAITestServer, method: str) -> None:
    srv.reject_json_schema = method == "function_calling"
    srv.fail_always("wrong_shape")
    provider = _provider(srv, reasks=2)
    with pytest.raises(InvalidModelOutputError) as err:
        provider.generate(_request())
    assert err.value.attempts == 3
    assert err.value.raw is not None and "unexpected_field" in err.value.raw
    assert "IncidentSummary" in str(err.value)
    assert "summary: Field required" in srv.requests[-1]["messages"][-1]["content"]
    assert provider.usage.reasks == 2


def test_usage_counts_tokens_and_calls_from_concurrent_threads(srv: OpenAITestServer) -> None:
    provider = _provider(srv)
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda _: provider.generate(_request()), range(12)))
    assert all(isinstance(r, IncidentSummary) for r in results)
    assert provider.usage.calls == 12 == len(srv.requests)
    assert provider.usage.prompt_tokens >= 12 * len(SOURCES) // 4
    assert provider.usage.completion_tokens > 12 * 10


def test_rejected_api_key_is_not_retried_and_names_the_setting(srv: OpenAITestServer) -> None:
    srv.fail_always("401")
    provider = _provider(srv)
    with pytest.raises(ProviderError, match="HTTP 401") as err:
        provider.generate(_request())
    assert not isinstance(err.value, ProviderUnavailableError)
    assert "OPENAI_API_KEY" in str(err.value)
    assert len(srv.requests) == 1
    assert provider.usage.retries == 0


def test_azure_endpoint_goes_through_the_deployment_route(srv: OpenAITestServer) -> None:
    provider = OpenAICompatProvider(
        azure_endpoint=srv.base_url.removesuffix("/v1"),
        api_version="2024-10-21",
        api_key="test-key",
        model="pm-deployment",
        backoff_s=0.01,
    )
    out = provider.generate(_request())
    assert isinstance(out, IncidentSummary)
    assert srv.headers[0].get("api-key") == "test-key"
    assert provider.remote is False


@pytest.mark.parametrize("method", ["json_schema", "function_calling"])
def test_every_draft_section_schema_round_trips(srv: OpenAITestServer, method: str) -> None:
    from assistant.draft import schema as schema_mod

    provider = _provider(srv, method=method)
    for name, model in schema_mod.SECTION_MODELS.items():
        out = provider.generate(StructuredRequest([Message("user", SOURCES)], model, f"draft.{name}"))
        assert isinstance(out, model), name
        assert model.model_validate_json(out.model_dump_json()) == out
    if method == "json_schema":
        names = [b["response_format"]["json_schema"]["name"] for b in srv.requests]
    else:
        names = [b["tool_choice"]["function"]["name"] for b in srv.requests]
    assert names == [m.__name__ for m in schema_mod.SECTION_MODELS.values()]
    assert provider.usage.reasks == 0
