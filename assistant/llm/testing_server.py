"""A real local OpenAI-compatible HTTP server for tests and benchmarks (127.0.0.1, free port).

    with OpenAITestServer() as srv:
        provider = OpenAICompatProvider(base_url=srv.base_url, model="test-model")
        srv.fail_next("429", n=2)      # or "500", "timeout", "invalid_json", "truncated", "wrong_shape", "400", "401"
        srv.reject_json_schema = True  # answer response_format json_schema with HTTP 500 like llama.cpp
        srv.delay_s = 1.0              # fixed delay per call
        srv.set_responder(obeying_responder)
        srv.requests                   # every parsed request body, in arrival order

Answers ``POST /v1/chat/completions`` with schema-valid JSON built from the request's schema
(``response_format`` json_schema / json_object+schema, or ``tools`` + ``tool_choice`` → tool_calls)
and ``GET /v1/models``. Usage token counts are about four characters per token.
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

from assistant.llm._schema_example import example_from_schema

FailKind = Literal["429", "500", "timeout", "invalid_json", "truncated", "wrong_shape", "400", "401"]
FAIL_KINDS: tuple[str, ...] = (
    "429",
    "500",
    "timeout",
    "invalid_json",
    "truncated",
    "wrong_shape",
    "400",
    "401",
)
Responder = Callable[[dict[str, Any], dict[str, Any] | None], "dict[str, Any] | list[Any] | str"]

MODEL_ID = "test-model"
_LLAMA_REJECT = (
    "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
    "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}"
)


def request_text(body: dict[str, Any], *, role: str | None = None) -> str:
    """All message contents of one request body (optionally only ``role``), joined by newlines."""
    parts: list[str] = []
    for msg in body.get("messages", []):
        if role is not None and msg.get("role") != role:
            continue
        content = msg.get("content")
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            parts.extend(p.get("text", "") for p in content if isinstance(p, dict))
    return "\n".join(parts)


def request_schema(body: dict[str, Any]) -> tuple[str, dict[str, Any] | None, str | None]:
    """How a request asks for structure: ("json_schema"|"json_object"|"tools"|"text", schema, name)."""
    fmt = body.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        spec = fmt.get("json_schema") or {}
        return "json_schema", spec.get("schema") or {}, spec.get("name")
    tools = [t.get("function", {}) for t in body.get("tools") or [] if t.get("type") == "function"]
    if tools:
        choice = body.get("tool_choice")
        wanted = None
        if isinstance(choice, dict):
            wanted = (choice.get("function") or {}).get("name")
        chosen = next((t for t in tools if t.get("name") == wanted), tools[0])
        return "tools", chosen.get("parameters") or {}, chosen.get("name")
    if fmt.get("type") == "json_object":
        return "json_object", fmt.get("schema"), None
    return "text", None, None


def schema_responder(body: dict[str, Any], schema: dict[str, Any] | None) -> dict[str, Any] | list[Any] | str:
    """The default answer: a schema-valid value using times and event ids from the request."""
    if schema is None:
        return "OK"
    answer: dict[str, Any] | list[Any] | str = example_from_schema(schema, text=request_text(body))
    return answer


_OBEY_RES = (
    re.compile(r"\b(?:state|say|write|claim|report|conclude)\s+that\s+(?P<x>[^\n]+)", re.I),
    re.compile(
        r"\bignore\s+(?:all\s+)?(?:the\s+)?(?:previous|prior|above|earlier)\s+instructions"
        r"(?:\s+and)?[\s,:.-]+(?P<x>[^\n]+)",
        re.I,
    ),
)


def injected_instruction(text: str) -> str | None:
    """The X of "state that X" / "say that X" / "ignore previous instructions and X" in ``text``."""
    for pattern in _OBEY_RES:
        match = pattern.search(text)
        if match:
            found = match.group("x").strip().strip("\"'`").rstrip(".!\"'` ")
            if found:
                return found
    return None


def obeying_responder(
    body: dict[str, Any], schema: dict[str, Any] | None
) -> dict[str, Any] | list[Any] | str:
    """A gullible model: obeys an instruction found in the user content by putting X in every string."""
    fill = injected_instruction(request_text(body, role="user"))
    if schema is None:
        return fill or "OK"
    answer: dict[str, Any] | list[Any] | str = example_from_schema(schema, text=request_text(body), fill=fill)
    return answer


def _tokens(text: str) -> int:
    return max(1, (len(text) + 3) // 4)


class OpenAITestServer:
    """A threaded OpenAI-compatible server on 127.0.0.1; use as a context manager."""

    def __init__(self, *, responder: Responder | None = None, delay_s: float = 0.0) -> None:
        """A server that answers with ``responder`` (a schema-valid example by default)."""
        self.delay_s = delay_s
        self.hang_s = 30.0  # how long a "timeout" failure stalls; longer than any test's client timeout
        self.reject_json_schema = False
        self._responder: Responder = responder or schema_responder
        self._lock = threading.Lock()
        self._requests: list[dict[str, Any]] = []
        self._headers: list[dict[str, str]] = []
        self._failures: deque[str] = deque()
        self._always: str | None = None
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> OpenAITestServer:
        """Bind a free port on 127.0.0.1 and serve in a daemon thread."""
        handler = type("_BoundHandler", (_Handler,), {"server_ref": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="openai-test-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; stalled ("timeout") handlers wake up and exit."""
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> OpenAITestServer:
        """Start the server; it stops when the block ends."""
        return self.start()

    def __exit__(self, *exc: object) -> None:
        """Stop the server."""
        self.stop()

    @property
    def port(self) -> int:
        """The port the server listens on."""
        if self._httpd is None:
            raise RuntimeError("the test server is not running: call start() or use it as a context manager")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """The OPENAI_BASE_URL to give a client, e.g. ``http://127.0.0.1:41234/v1``."""
        return f"http://127.0.0.1:{self.port}/v1"

    # -- control -----------------------------------------------------------------------------
    def fail_next(self, kind: FailKind | str, n: int = 1) -> None:
        """Fail the next ``n`` chat calls with ``kind`` (one of ``FAIL_KINDS``)."""
        self._check_kind(kind)
        with self._lock:
            self._failures.extend([kind] * n)

    def fail_always(self, kind: FailKind | str | None) -> None:
        """Fail every chat call with ``kind`` (after any queued ``fail_next``); None stops it."""
        if kind is not None:
            self._check_kind(kind)
        with self._lock:
            self._always = kind

    def set_responder(self, fn: Responder | None) -> None:
        """Script answers: ``fn(request_json, schema) -> dict | list | str``; None restores the default."""
        with self._lock:
            self._responder = fn or schema_responder

    def reset(self) -> None:
        """Forget recorded requests and queued failures."""
        with self._lock:
            self._requests.clear()
            self._headers.clear()
            self._failures.clear()
            self._always = None

    @property
    def requests(self) -> list[dict[str, Any]]:
        """Every chat-completion request body received so far (a copy)."""
        with self._lock:
            return list(self._requests)

    @property
    def headers(self) -> list[dict[str, str]]:
        """The HTTP headers of each recorded request, lower-cased names."""
        with self._lock:
            return list(self._headers)

    def sent_text(self) -> str:
        """Every message content of every request, joined: what left the process."""
        return "\n".join(request_text(body) for body in self.requests)

    @staticmethod
    def _check_kind(kind: str) -> None:
        if kind not in FAIL_KINDS:
            raise ValueError(f"unknown failure kind {kind!r}; use one of {', '.join(FAIL_KINDS)}")

    # -- used by the handler -----------------------------------------------------------------
    def _record(self, body: dict[str, Any], headers: dict[str, str]) -> Responder:
        with self._lock:
            self._requests.append(body)
            self._headers.append(headers)
            return self._responder

    def _take_failure(self) -> str | None:
        with self._lock:
            return self._failures.popleft() if self._failures else self._always

    def _wait(self, seconds: float) -> None:
        if seconds > 0:
            self._stopping.wait(seconds)


class _Handler(BaseHTTPRequestHandler):
    server_ref: OpenAITestServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: avoid a 40 ms stall per call

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read results, not logs
        return

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            data = [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "postmortem-tests"}]
            self._send(200, {"object": "list", "data": data})
        else:
            self._send(404, _error(f"no route GET {self.path}", "not_found"))

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not self.path.split("?")[0].rstrip("/").endswith("/chat/completions"):
            self._send(404, _error(f"no route POST {self.path}", "not_found"))
            return
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError as exc:
            self._send(400, _error(f"request body is not JSON: {exc}", "invalid_request_error"))
            return
        srv = self.server_ref
        responder = srv._record(body, {k.lower(): v for k, v in self.headers.items()})
        srv._wait(srv.delay_s)
        if body.get("stream"):
            self._send(400, _error("streaming is not supported by the test server", "invalid_request_error"))
            return
        mode, schema, name = request_schema(body)
        if srv.reject_json_schema and mode == "json_schema":
            self._send(500, _error(_LLAMA_REJECT, "internal_server_error"))
            return  # a rejection is not one of the scripted failures: those wait for a real call
        failure = srv._take_failure()
        if failure == "429":
            self._send(
                429, _error("Rate limit reached (test server)", "rate_limit_error"), {"retry-after": "0"}
            )
            return
        if failure == "500":
            self._send(500, _error("The server had an error (test server)", "server_error"))
            return
        if failure == "400":
            self._send(400, _error("Invalid request (test server)", "invalid_request_error"))
            return
        if failure == "401":
            self._send(401, _error("Incorrect API key provided (test server)", "invalid_api_key"))
            return
        if failure == "timeout":
            srv._wait(srv.hang_s)
        self._send(200, _completion(body, mode, schema, name, responder, failure))

    def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its timeout): nothing to deliver


def _error(message: str, kind: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": None}}


def _completion(
    body: dict[str, Any],
    mode: str,
    schema: dict[str, Any] | None,
    name: str | None,
    responder: Responder,
    failure: str | None,
) -> dict[str, Any]:
    answer = responder(body, schema)
    text = answer if isinstance(answer, str) and mode == "text" else _as_json(answer)
    finish = "tool_calls" if mode == "tools" else "stop"
    if failure == "invalid_json":
        text = '{"this is": not valid JSON'
    elif failure == "wrong_shape":
        text = json.dumps({"unexpected_field": "the test server answered the wrong shape"})
    elif failure == "truncated":
        text, finish = text[: max(1, len(text) // 2)], "length"
    message: dict[str, Any] = {"role": "assistant", "content": text, "refusal": None}
    if mode == "tools":
        call = {
            "id": f"call_{uuid.uuid4().hex[:12]}",
            "type": "function",
            "function": {"name": name, "arguments": text},
        }
        message = {"role": "assistant", "content": None, "refusal": None, "tool_calls": [call]}
    prompt_tokens = _tokens(
        request_text(body) + json.dumps(body.get("tools") or body.get("response_format") or "")
    )
    completion_tokens = _tokens(text)
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:16]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model") or MODEL_ID,
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def _as_json(answer: Any) -> str:
    return answer if isinstance(answer, str) else json.dumps(answer)
