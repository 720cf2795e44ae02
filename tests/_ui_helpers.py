"""Helpers for the UI tests: serve the real app on a free loopback port and read its answers by name."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class RunningApp:
    """A served app, its URL, and a way to call an endpoint and get a view (name → value) back."""

    demo: Any
    url: str

    def client(self) -> Any:
        from gradio_client import Client

        return Client(self.url, verbose=False)

    def call(self, client: Any, api: str, *args: Any) -> dict[str, Any]:
        result = client.predict(*args, api_name=f"/{api}")
        if (
            not isinstance(result, tuple | list)
            or len(self.demo.ui_outputs.labels(self.demo.ui_outputs.api[api])) == 1
        ):
            result = [result]
        names = self.demo.ui_outputs.labels(self.demo.ui_outputs.api[api])
        assert len(names) == len(result), (names, result)
        view: dict[str, Any] = {}
        for name, value in zip(names, result, strict=True):
            view.setdefault(name, unwrap(value))
        return view

    @property
    def store(self) -> Any:
        return self.demo.ui_context.store


def unwrap(value: Any) -> Any:
    """The value inside a Gradio update dict (or the value itself)."""
    if isinstance(value, dict) and value.get("__type__") == "update":
        return value.get("value")
    return value


def table_data(value: Any) -> list[list[Any]]:
    """Rows of a Dataframe answer."""
    if isinstance(value, dict):
        return [list(r) for r in value.get("data", [])]
    return [list(r) for r in value or []]


@contextmanager
def running_app(*, settings: Any = None, example: bool = False) -> Iterator[RunningApp]:
    """Build the app over ``settings`` (default: the current POSTMORTEM_HOME) and serve it on 127.0.0.1."""
    from assistant.config import get_settings
    from assistant.ui.app import build_app, launch_kwargs

    settings = settings or get_settings(fresh=True)
    demo = build_app(settings, example=example)
    port = free_port()
    demo.launch(prevent_thread_lock=True, quiet=True, **launch_kwargs(settings, host="127.0.0.1", port=port))
    try:
        yield RunningApp(demo=demo, url=f"http://127.0.0.1:{port}/")
    finally:
        demo.close()
        demo.ui_context.store.close()
