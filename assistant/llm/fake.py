"""A typed, scripted provider for tests that do not need HTTP: queued answers or a function.

    fake = FakeProvider([SummaryDraft(summary="..."), ProviderUnavailableError("down")])
    fake = FakeProvider.from_schema()   # schema-valid answers built like the local test server's

Every request is recorded in ``fake.requests``. Prefer ``testing_server.OpenAITestServer`` when the
test is about what goes over the wire.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel

from assistant.errors import ProviderError
from assistant.llm._schema_example import example_from_schema
from assistant.llm.base import StructuredRequest, T, Usage

Answer = BaseModel | dict[str, Any] | Exception
AnswerFn = Callable[[StructuredRequest[Any]], Answer]


class FakeProvider:
    """Answers from ``answers`` in order, then from ``fn``; exceptions in the script are raised."""

    name = "fake"

    def __init__(
        self,
        answers: Iterable[Answer] = (),
        *,
        fn: AnswerFn | None = None,
        model: str = "fake-1",
        remote: bool = False,
    ) -> None:
        """Queue ``answers`` (or compute them with ``fn``); every request is recorded."""
        self.model: str | None = model
        self.remote = remote
        self.usage = Usage()
        self.requests: list[StructuredRequest[Any]] = []
        self._answers: deque[Answer] = deque(answers)
        self._fn = fn
        self._lock = threading.Lock()

    @classmethod
    def from_schema(cls, *, remote: bool = False) -> FakeProvider:
        """A fake that answers every request with a schema-valid value (times and ids from the messages)."""
        return cls(fn=_from_schema, remote=remote)

    def generate(self, request: StructuredRequest[T]) -> T:
        """The next scripted answer, validated as ``request.schema``."""
        with self._lock:
            self.requests.append(request)
            self.usage.calls += 1
            item = self._answers.popleft() if self._answers else None
        if item is None:
            if self._fn is None:
                raise ProviderError(
                    f"FakeProvider has no scripted answer left for {request.purpose}: pass answers=[...] or fn=..."
                )
            item = self._fn(request)
        if isinstance(item, Exception):
            raise item
        data = item.model_dump() if isinstance(item, BaseModel) else item
        return request.schema.model_validate(data)


def _from_schema(request: StructuredRequest[Any]) -> dict[str, Any]:
    text = "\n".join(m.content for m in request.messages)
    value = example_from_schema(request.schema.model_json_schema(), text=text)
    return value if isinstance(value, dict) else {}
