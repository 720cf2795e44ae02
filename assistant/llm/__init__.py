"""Model transports behind one protocol (``base.py``): OpenAI-compatible HTTP, a scripted fake, a test server.

``provider_from_settings()`` is the one composition root: it picks from ``--provider`` or the
environment: ``POSTMORTEM_PROVIDER`` (offline|openai), else ``openai`` when
``OPENAI_BASE_URL``/``OPENAI_API_KEY`` is set, else ``offline``. ``offline`` means no model: it
returns None and the callers draft with the deterministic drafter (``assistant.draft.offline``).
Provider modules are imported only when chosen, so this package imports fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.config import Settings, get_settings
from assistant.errors import ConfigError
from assistant.llm.base import Message, Provider, StructuredRequest, Usage

if TYPE_CHECKING:
    from assistant.llm.openai_compat import OpenAICompatProvider

__all__ = ["PROVIDER_NAMES", "Message", "Provider", "StructuredRequest", "Usage", "provider_from_settings"]

PROVIDER_NAMES: tuple[str, ...] = ("offline", "openai")


def provider_from_settings(name: str | None = None, *, settings: Settings | None = None) -> Provider | None:
    """The provider called ``name`` (offline|openai), or the one the environment selects.

    None for ``offline``: no model, the deterministic drafter writes the draft.
    """
    s = settings or get_settings()
    chosen = (name or _resolved(s)).strip().lower()
    if chosen == "offline":
        return None
    if chosen == "openai":
        return _openai(s)
    raise ConfigError(
        f"unknown provider {chosen!r}: use one of {', '.join(PROVIDER_NAMES)} "
        "(--provider or POSTMORTEM_PROVIDER)"
    )


def _resolved(s: Settings) -> str:
    if not s.provider and s.azure_openai_endpoint:
        return "openai"
    return s.resolved_provider


def _openai(s: Settings) -> OpenAICompatProvider:
    from assistant.llm.openai_compat import OpenAICompatProvider

    azure = s.azure_openai_endpoint
    if azure and not s.openai_api_version:
        raise ConfigError(
            "AZURE_OPENAI_ENDPOINT is set but OPENAI_API_VERSION is not: set it (e.g. "
            "OPENAI_API_VERSION=2024-10-21), and POSTMORTEM_MODEL to your deployment name"
        )
    if not (azure or s.openai_base_url or s.openai_api_key):
        raise ConfigError(
            "POSTMORTEM_PROVIDER=openai needs OPENAI_BASE_URL or OPENAI_API_KEY — set OPENAI_API_KEY for "
            "api.openai.com, or OPENAI_BASE_URL for a compatible server (e.g. "
            "http://127.0.0.1:11434/v1 for Ollama), or use --provider offline"
        )
    return OpenAICompatProvider.from_settings(s)
