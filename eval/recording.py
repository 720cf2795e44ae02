"""A provider wrapper that records every request, so evaluations can check what left the machine."""

from __future__ import annotations

import threading
from typing import TypeVar

from pydantic import BaseModel

from assistant.llm.base import Provider, StructuredRequest, Usage

T = TypeVar("T", bound=BaseModel)


class RecordingProvider:
    """Delegates to another provider and keeps the text of every message it was sent."""

    def __init__(self, inner: Provider) -> None:
        """Wrap ``inner``, taking over its name and model."""
        self.inner = inner
        self.name = inner.name
        self.model = inner.model
        self.remote = inner.remote
        self.usage: Usage = inner.usage  # the same object: the inner provider keeps counting
        self.sent: list[str] = []
        self._lock = threading.Lock()

    def generate(self, request: StructuredRequest[T]) -> T:
        """Record the messages, then ask the wrapped provider."""
        with self._lock:
            self.sent.extend(m.content for m in request.messages)
        return self.inner.generate(request)

    def __getattr__(self, name: str) -> object:
        """Anything not recorded comes from the wrapped provider."""
        return getattr(self.inner, name)
