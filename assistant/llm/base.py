"""The one provider protocol: messages in, a validated pydantic object out.

Every stage that talks to a model (drafting, the tone pass) builds a ``StructuredRequest`` and
calls ``Provider.generate``. Nothing provider-specific lives outside the provider's own module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Literal, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel

T = TypeVar("T", bound=BaseModel)

# pydantic-ai's switch: the test suite sets this to False (tests/conftest.py), and a provider then
# refuses any request to an endpoint that is not on this machine, so no test can reach a paid API by
# accident. Local servers the tests start themselves (loopback) stay allowed; a test that really
# means to call out opts in with the ``allow_model_requests`` fixture.
ALLOW_MODEL_REQUESTS = True


@dataclass(frozen=True)
class Message:
    """One chat message. Source material only ever goes in ``user`` messages, delimited as data."""

    role: Literal["system", "user", "assistant"]
    content: str


@dataclass
class StructuredRequest(Generic[T]):
    """What a stage asks of a provider: the messages, the schema of the answer, and who asks.

    ``purpose`` names the caller ("draft.summary", "tone.judge") for logs and accounting. Everything
    the model should know is in ``messages``; drafting without a model is not a provider's job
    (``assistant.draft.offline``).
    """

    messages: list[Message]
    schema: type[T]
    purpose: str


@dataclass
class Usage:
    """Accounting of what a provider did, accumulated across calls."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    retries: int = 0
    reasks: int = 0


@runtime_checkable
class Provider(Protocol):
    """An LLM transport that returns schema-valid objects."""

    name: str
    model: str | None
    remote: bool  # True when text leaves the machine: redaction and name aliasing apply
    usage: Usage

    def generate(self, request: StructuredRequest[T]) -> T:
        """Return a validated instance of ``request.schema``, or raise ``ProviderError``."""
        ...
