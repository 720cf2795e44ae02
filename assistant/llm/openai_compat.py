"""The ``openai`` provider: any OpenAI-compatible endpoint through langchain-openai structured output.

OpenAI, Azure OpenAI, Ollama, vLLM and llama.cpp's server all speak ``/v1/chat/completions``.
We ask for ``response_format: json_schema`` first and switch this provider instance to function
calling when the server rejects it (llama.cpp answers HTTP 500). Transient failures (429, 5xx,
timeouts, refused connections) are retried here with exponential backoff, invalid output is
re-asked with the validation error, and then a typed ``ProviderError`` is raised.
langchain and openai are imported lazily: importing this module stays cheap.
"""

from __future__ import annotations

import contextvars
import ipaddress
import json
import logging
import random
import threading
import time
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlparse

from pydantic import BaseModel, SecretStr, ValidationError

import assistant.llm.base as llm_base
from assistant.config import Settings, get_settings
from assistant.errors import ConfigError, InvalidModelOutputError, ProviderError, ProviderUnavailableError
from assistant.llm.base import Message, StructuredRequest, T, Usage

log = logging.getLogger(__name__)

Method = Literal["json_schema", "function_calling"]
_REASK = (
    "Your previous answer could not be used: {error}\n"
    "Answer again with the complete {schema} object, valid against the schema, and nothing else."
)
_UNSUPPORTED_HINTS = ("response_format", "json_schema", "structured output")
_MAX_BACKOFF_S = 30.0
# Response bodies of the current call. A context variable holding a list, not a thread-local:
# langchain runs the model step in a worker thread that gets a copy of the caller's context.
_CAPTURE: contextvars.ContextVar[list[dict[str, Any]] | None] = contextvars.ContextVar(
    "_pm_capture", default=None
)


@dataclass
class _Outcome:
    parsed: BaseModel | None
    error: str | None
    raw: str | None


class _Transient(Exception):
    """A retryable failure (429, 5xx, timeout, connection) carrying the server's advice."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(message)


class _SchemaUnsupported(Exception):
    """The server rejected ``response_format: json_schema``."""


REMOTE_TIMEOUT_S = 50.0  # below the 60 s idle/read limits of nginx, AWS ALB and most gateways
LOCAL_TIMEOUT_S = 300.0  # a CPU model on this machine reading an 8k-token prompt; no proxy in between


def is_loopback_url(url: str | None) -> bool:
    """True when ``url`` points at this machine (localhost, 127.0.0.0/8, ::1)."""
    if not url:
        return False
    host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class OpenAICompatProvider:
    """Structured output from an OpenAI-compatible endpoint, with fallback, retries and re-asks."""

    name = "openai"

    def __init__(
        self,
        *,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        azure_endpoint: str | None = None,
        api_version: str | None = None,
        timeout_s: float | None = None,
        max_retries: int | None = None,
        reasks: int | None = None,
        max_tokens: int | None = None,
        temperature: float | None = 0.0,
        method: Method = "json_schema",
        backoff_s: float = 0.5,
        settings: Settings | None = None,
    ) -> None:
        """A client for an OpenAI-compatible endpoint; unset arguments come from the settings."""
        s = settings or get_settings()
        self.model: str | None = model or s.model
        self.base_url = base_url
        self.azure_endpoint = azure_endpoint
        self.api_version = api_version
        self.remote: bool = not is_loopback_url(azure_endpoint or base_url)
        default_timeout = REMOTE_TIMEOUT_S if self.remote else LOCAL_TIMEOUT_S
        configured = s.llm_timeout_s if s.llm_timeout_s is not None else default_timeout
        self.timeout_s = configured if timeout_s is None else timeout_s
        self.max_retries = s.llm_max_retries if max_retries is None else max_retries
        self.reasks = s.llm_reasks if reasks is None else reasks
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.backoff_s = backoff_s
        self.usage = Usage()
        self._api_key = api_key
        self._method: Method = method
        self._lock = threading.Lock()
        self._llm: Any = None
        self._runnables: dict[tuple[type[BaseModel], str], Any] = {}

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> OpenAICompatProvider:
        """Build from ``OPENAI_BASE_URL``, ``OPENAI_API_KEY``, ``POSTMORTEM_MODEL`` (and Azure's variables)."""
        s = settings or get_settings()
        key = s.openai_api_key.get_secret_value() if s.openai_api_key else None
        azure = s.azure_openai_endpoint
        version = s.openai_api_version
        return cls(
            model=s.model,
            base_url=s.openai_base_url,
            api_key=key,
            azure_endpoint=azure,
            api_version=version,
            settings=s,
        )

    @property
    def method(self) -> Method:
        """The structured-output method in use: json_schema until the server rejects it."""
        return self._method

    @property
    def endpoint(self) -> str:
        """Where requests go, for messages."""
        return self.azure_endpoint or self.base_url or "https://api.openai.com/v1"

    # -- the protocol ------------------------------------------------------------------------
    def generate(self, request: StructuredRequest[T]) -> T:
        """Return a validated ``request.schema``; raise ``ProviderUnavailableError`` or ``InvalidModelOutputError``."""
        if not llm_base.ALLOW_MODEL_REQUESTS and self.remote:
            raise ConfigError(
                f"real model requests are switched off (assistant.llm.base.ALLOW_MODEL_REQUESTS is False) and "
                f"{self.endpoint} is not on this machine: point the test at a local server or opt in with "
                "the allow_model_requests fixture"
            )
        messages = _to_langchain(request.messages)
        attempts, outcome = 0, _Outcome(None, None, None)
        while True:
            outcome = self._call_with_retries(messages, request.schema)
            attempts += 1
            if isinstance(outcome.parsed, request.schema):
                return outcome.parsed
            if attempts > self.reasks:
                break
            self._count(reasks=1)
            log.info("re-asking %s for %s: %s", self.model, request.purpose, outcome.error)
            messages = [*messages, *_reask_messages(outcome, request.schema.__name__)]
        raise InvalidModelOutputError(
            f"model {self.model!r} at {self.endpoint} gave no valid {request.schema.__name__} for "
            f"{request.purpose} after {attempts} attempt(s): {_short(outcome.error)}. Use a stronger model "
            "(POSTMORTEM_MODEL) or allow more re-asks (POSTMORTEM_LLM_REASKS).",
            raw=outcome.raw,
            attempts=attempts,
        )

    # -- one logical call: retries and the json_schema → function_calling switch ---------------
    def _call_with_retries(self, messages: list[Any], schema: type[BaseModel]) -> _Outcome:
        retries = 0
        while True:
            method = self._method
            try:
                return self._call_once(messages, schema, method)
            except _SchemaUnsupported as exc:
                with self._lock:
                    self._method = "function_calling"
                log.warning(
                    "%s rejected json_schema (%s); using function calling from now on", self.endpoint, exc
                )
            except _Transient as exc:
                if retries >= self.max_retries:
                    raise ProviderUnavailableError(
                        f"{self.endpoint} kept failing after {retries + 1} attempt(s): {exc}. Check that the "
                        "server is up and OPENAI_BASE_URL is right, or raise POSTMORTEM_LLM_MAX_RETRIES / "
                        "POSTMORTEM_LLM_TIMEOUT_S.",
                        attempts=retries + 1,
                    ) from exc
                delay = min(self.backoff_s * (2**retries), _MAX_BACKOFF_S) * (0.5 + random.random() / 2)
                if exc.retry_after is not None:
                    delay = max(delay, min(exc.retry_after, _MAX_BACKOFF_S))
                retries += 1
                self._count(retries=1)
                log.info(
                    "retry %d/%d for %s in %.2fs: %s", retries, self.max_retries, self.endpoint, delay, exc
                )
                time.sleep(delay)

    def _call_once(self, messages: list[Any], schema: type[BaseModel], method: Method) -> _Outcome:
        import openai

        runnable = self._runnable(schema, method)
        bodies: list[dict[str, Any]] = []
        token = _CAPTURE.set(bodies)
        try:
            result = runnable.invoke(messages)
        except ValidationError as exc:  # json_schema: the SDK validates and raises, raw is lost
            return _Outcome(None, _validation_text(exc), _raw_from_bodies(bodies))
        except openai.LengthFinishReasonError:
            return _Outcome(
                None,
                "the output was cut off (finish_reason=length); answer more briefly",
                _raw_from_bodies(bodies),
            )
        except openai.ContentFilterFinishReasonError:
            return _Outcome(None, "the output was stopped by the content filter", _raw_from_bodies(bodies))
        except openai.APITimeoutError as exc:
            raise _Transient(f"timed out after {self.timeout_s:g}s") from exc
        except openai.APIConnectionError as exc:
            raise _Transient(f"cannot connect ({exc})") from exc
        except openai.APIStatusError as exc:
            raise self._status_error(exc, method) from exc
        except openai.OpenAIError as exc:  # e.g. a refusal
            return _Outcome(None, f"{type(exc).__name__}: {exc}", _raw_from_bodies(bodies))
        except (ValueError, TypeError) as exc:
            if method == "json_schema" and not bodies:
                # the SDK could not turn this schema into a strict one before sending
                raise _SchemaUnsupported(f"schema not usable as strict json_schema: {exc}") from exc
            raise ProviderError(f"{self.endpoint}: unexpected {type(exc).__name__}: {exc}") from exc
        finally:
            _CAPTURE.reset(token)
        return _outcome_from(result)

    def _status_error(self, exc: Any, method: Method) -> Exception:
        status = int(exc.status_code)
        text = f"HTTP {status}: {_short(str(exc.message))}"
        if method == "json_schema" and status in (400, 422, 500, 501) and _mentions_schema(exc):
            return _SchemaUnsupported(text)
        if status == 429 or status >= 500 or status == 408:
            return _Transient(text, _retry_after(exc))
        hint = {
            401: "check OPENAI_API_KEY",
            403: "check OPENAI_API_KEY and its permissions",
            404: "check POSTMORTEM_MODEL and OPENAI_BASE_URL",
        }.get(status, "see the message")
        if "context" in text.lower() and ("length" in text.lower() or "window" in text.lower()):
            hint = (
                "the prompt is longer than the model's context window; set POSTMORTEM_CONTEXT_TOKENS to the "
                "window the server runs with (prompts are then sized to it)"
            )
        return ProviderError(f"{self.endpoint} refused the request ({text}); {hint}.")

    # -- langchain objects, built once per provider / schema --------------------------------
    def _runnable(self, schema: type[BaseModel], method: Method) -> Any:
        key = (schema, method)
        with self._lock:
            if key not in self._runnables:
                llm = self._chat_model()
                self._runnables[key] = llm.with_structured_output(schema, method=method, include_raw=True)
            return self._runnables[key]

    def _chat_model(self) -> Any:
        if self._llm is not None:
            return self._llm
        common: dict[str, Any] = {
            "timeout": self.timeout_s,
            "max_retries": 0,  # we retry ourselves, to count and back off the same way everywhere
            "http_client": self._http_client(),
        }
        if self.temperature is not None:
            common["temperature"] = self.temperature
        if self.max_tokens is not None:
            common["max_tokens"] = self.max_tokens
        if self.azure_endpoint:
            from langchain_openai import AzureChatOpenAI

            self._llm = AzureChatOpenAI(
                azure_endpoint=self.azure_endpoint,
                api_version=self.api_version,
                azure_deployment=self.model,
                api_key=SecretStr(self._api_key) if self._api_key else None,
                **common,
            )
        else:
            from langchain_openai import ChatOpenAI

            # a local server needs no key, but the client insists on one
            key = self._api_key or ("not-needed" if self.base_url else None)
            secret = SecretStr(key) if key else None
            self._llm = ChatOpenAI(
                model=self.model or "gpt-4o-mini", base_url=self.base_url, api_key=secret, **common
            )
        return self._llm

    def _http_client(self) -> Any:
        import openai

        # openai's own httpx flavour (its DefaultHttpxClient), hence Any for the hook arguments
        def on_request(request: Any) -> None:
            self._count(calls=1)

        def on_response(response: Any) -> None:
            if response.status_code != 200:
                return
            response.read()  # cached by httpx: the SDK reads the same bytes afterwards
            try:
                body = response.json()
            except ValueError:
                return
            captured = _CAPTURE.get()
            if captured is not None:
                captured.append(body)
            usage = body.get("usage") or {}
            self._count(
                prompt=int(usage.get("prompt_tokens") or 0),
                completion=int(usage.get("completion_tokens") or 0),
            )

        return openai.DefaultHttpxClient(event_hooks={"request": [on_request], "response": [on_response]})

    def _count(
        self, *, calls: int = 0, prompt: int = 0, completion: int = 0, retries: int = 0, reasks: int = 0
    ) -> None:
        with self._lock:
            self.usage.calls += calls
            self.usage.prompt_tokens += prompt
            self.usage.completion_tokens += completion
            self.usage.retries += retries
            self.usage.reasks += reasks


# -- helpers -----------------------------------------------------------------------------------
def _to_langchain(messages: list[Message]) -> list[Any]:
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
    return [kinds[m.role](content=m.content) for m in messages]


def _reask_messages(outcome: _Outcome, schema_name: str) -> list[Any]:
    from langchain_core.messages import AIMessage, HumanMessage

    error = _short(outcome.error, 1500)
    return [
        AIMessage(content=outcome.raw or "(no usable answer)"),
        HumanMessage(content=_REASK.format(error=error, schema=schema_name)),
    ]


def _outcome_from(result: dict[str, Any]) -> _Outcome:
    raw_msg = result.get("raw")
    raw = _raw_from_message(raw_msg)
    if result.get("parsed") is not None:
        return _Outcome(result["parsed"], None, raw)
    error = result.get("parsing_error")
    if isinstance(error, ValidationError):
        text = _validation_text(error)
    elif error is not None:
        text = f"{type(error).__name__}: {error}"
    else:  # function calling: bad arguments land in invalid_tool_calls without an error
        invalid = getattr(raw_msg, "invalid_tool_calls", None) or []
        text = "; ".join(str(c.get("error") or "invalid arguments") for c in invalid)
        text = text or "no tool call with the answer was returned"
    finish = (getattr(raw_msg, "response_metadata", None) or {}).get("finish_reason")
    if finish == "length":
        text = f"the output was cut off (finish_reason=length); answer more briefly. {text}"
    return _Outcome(None, text, raw)


def _raw_from_message(msg: Any) -> str | None:
    if msg is None:
        return None
    calls = list(getattr(msg, "tool_calls", None) or [])
    if calls:
        return json.dumps(calls[0].get("args"))
    invalid = list(getattr(msg, "invalid_tool_calls", None) or [])
    if invalid:
        return str(invalid[0].get("args"))
    content = getattr(msg, "content", None)
    return content if isinstance(content, str) else json.dumps(content)


def _raw_from_bodies(bodies: list[dict[str, Any]]) -> str | None:
    try:
        message = bodies[-1]["choices"][0]["message"]
    except (TypeError, KeyError, IndexError):
        return None
    calls = message.get("tool_calls") or []
    if calls:
        return str(calls[0].get("function", {}).get("arguments"))
    content: str | None = message.get("content")
    return content


def _validation_text(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors(include_url=False, include_input=False)[:8]:
        loc = ".".join(str(p) for p in err.get("loc", ())) or "(root)"
        parts.append(f"{loc}: {err.get('msg')}")
    return "; ".join(parts)


def _mentions_schema(exc: Any) -> bool:
    text = f"{exc.message} {json.dumps(exc.body) if exc.body is not None else ''}".lower()
    return any(hint in text for hint in _UNSUPPORTED_HINTS)


def _retry_after(exc: Any) -> float | None:
    value = exc.response.headers.get("retry-after") if exc.response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _short(text: str | None, limit: int = 400) -> str:
    text = (text or "unknown error").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
