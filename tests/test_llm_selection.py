"""Provider selection from --provider and the environment."""

from __future__ import annotations

import subprocess
import sys

import pytest

from assistant.config import get_settings
from assistant.errors import ConfigError
from assistant.llm import provider_from_settings
from assistant.llm.openai_compat import OpenAICompatProvider, is_loopback_url


def _settings(monkeypatch: pytest.MonkeyPatch, **env: str) -> object:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return get_settings(fresh=True)


def test_nothing_configured_selects_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    assert provider_from_settings(settings=_settings(monkeypatch)) is None  # type: ignore[arg-type]


def test_local_base_url_selects_openai_that_is_not_remote(monkeypatch: pytest.MonkeyPatch) -> None:
    s = _settings(monkeypatch, OPENAI_BASE_URL="http://127.0.0.1:8080/v1", POSTMORTEM_MODEL="smollm2")
    provider = provider_from_settings(settings=s)  # type: ignore[arg-type]
    assert isinstance(provider, OpenAICompatProvider)
    assert provider.name == "openai"
    assert provider.model == "smollm2"
    assert provider.base_url == "http://127.0.0.1:8080/v1"
    assert provider.remote is False


def test_api_key_alone_selects_remote_openai(monkeypatch: pytest.MonkeyPatch) -> None:
    s = _settings(monkeypatch, OPENAI_API_KEY="sk-test-not-real")
    provider = provider_from_settings(settings=s)  # type: ignore[arg-type]
    assert isinstance(provider, OpenAICompatProvider)
    assert provider.remote is True
    assert provider.endpoint == "https://api.openai.com/v1"


def test_explicit_offline_wins_over_a_configured_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    s = _settings(monkeypatch, OPENAI_BASE_URL="http://127.0.0.1:8080/v1", POSTMORTEM_PROVIDER="offline")
    assert provider_from_settings(settings=s) is None  # type: ignore[arg-type]
    provider = provider_from_settings("openai", settings=s)  # type: ignore[arg-type]
    assert provider is not None and provider.name == "openai"


def test_openai_without_endpoint_or_key_says_which_variables_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    s = _settings(monkeypatch, POSTMORTEM_PROVIDER="openai")
    with pytest.raises(ConfigError) as err:
        provider_from_settings(settings=s)  # type: ignore[arg-type]
    message = str(err.value)
    assert "POSTMORTEM_PROVIDER=openai" in message
    assert "OPENAI_BASE_URL" in message and "OPENAI_API_KEY" in message


def test_unknown_provider_name_lists_the_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="offline, openai"):
        provider_from_settings("anthropic", settings=_settings(monkeypatch))  # type: ignore[arg-type]


def test_azure_endpoint_selects_openai_and_needs_an_api_version(monkeypatch: pytest.MonkeyPatch) -> None:
    s = _settings(monkeypatch, AZURE_OPENAI_ENDPOINT="https://example-resource.openai.azure.com")
    with pytest.raises(ConfigError, match="OPENAI_API_VERSION"):
        provider_from_settings(settings=s)  # type: ignore[arg-type]
    s = _settings(monkeypatch, OPENAI_API_VERSION="2024-10-21")
    provider = provider_from_settings(settings=s)  # type: ignore[arg-type]
    assert isinstance(provider, OpenAICompatProvider)
    assert provider.azure_endpoint == "https://example-resource.openai.azure.com"
    assert provider.remote is True


def test_timeouts_retries_and_reasks_come_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    s = _settings(
        monkeypatch,
        OPENAI_BASE_URL="http://localhost:11434/v1",
        POSTMORTEM_LLM_TIMEOUT_S="7.5",
        POSTMORTEM_LLM_MAX_RETRIES="5",
        POSTMORTEM_LLM_REASKS="2",
    )
    provider = provider_from_settings(settings=s)  # type: ignore[arg-type]
    assert isinstance(provider, OpenAICompatProvider)
    assert (provider.timeout_s, provider.max_retries, provider.reasks) == (7.5, 5, 2)
    assert provider.remote is False


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8080/v1", True),
        ("http://localhost:11434/v1", True),
        ("http://[::1]:8000/v1", True),
        ("http://127.8.9.10/v1", True),
        ("https://api.openai.com/v1", False),
        ("http://10.0.0.5:8000/v1", False),
        ("http://localhost.example.com/v1", False),
        (None, False),
    ],
)
def test_only_loopback_urls_count_as_local(url: str | None, loopback: bool) -> None:
    assert is_loopback_url(url) is loopback


def test_importing_the_llm_package_does_not_import_langchain_or_openai() -> None:
    code = (
        "import sys, assistant.llm, assistant.llm.openai_compat, assistant.llm.testing_server;"
        "heavy = [m for m in ('langchain_openai', 'langchain_core', 'openai') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_tests_cannot_reach_a_model_that_is_not_on_this_machine() -> None:
    from assistant.draft.schema import SummaryDraft
    from assistant.errors import ConfigError
    from assistant.llm.base import Message, StructuredRequest
    from assistant.llm.openai_compat import OpenAICompatProvider

    provider = OpenAICompatProvider(
        base_url="https://api.example.invalid/v1", api_key="sk-test", max_retries=0
    )
    request = StructuredRequest(messages=[Message("user", "hi")], schema=SummaryDraft, purpose="test")
    with pytest.raises(ConfigError, match="ALLOW_MODEL_REQUESTS"):
        provider.generate(request)
    assert provider.usage.calls == 0
