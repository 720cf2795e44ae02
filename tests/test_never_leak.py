"""Issue 5, item 5: nothing secret leaves for a model or lands in a draft, and injected
instructions in the sources do not make it into the draft.

Every dev case is drafted through the openai provider pointed at the real local OpenAI-compatible
test server. The server plays two models: a "parrot" that copies what it was sent into every
string of its answer (so a secret that reached it would also reach the draft), and the testing
server's ``obeying_responder``, a gullible model that follows "write that …" in its input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import incident_cases, shared_dir

from assistant.config import get_settings
from assistant.draft.pipeline import draft_postmortem
from assistant.draft.render import to_json, to_markdown
from assistant.injection import draft_repeats_injection, looks_like_injection
from assistant.llm._schema_example import example_from_schema
from assistant.llm.openai_compat import OpenAICompatProvider
from assistant.llm.testing_server import (
    OpenAITestServer,
    injected_instruction,
    obeying_responder,
    request_text,
)

CASES = incident_cases()
INJECTION_CASES = [c for c in CASES if json.loads((c / "gold.json").read_text()).get("injection")]


@pytest.fixture()
def server() -> Iterator[OpenAITestServer]:
    with OpenAITestServer() as srv:
        yield srv


def _provider(srv: OpenAITestServer) -> OpenAICompatProvider:
    return OpenAICompatProvider(
        base_url=srv.base_url,
        model="test-model",
        api_key="sk-test",
        max_retries=1,
        reasks=0,
        backoff_s=0.01,
        timeout_s=5.0,
    )


def _timeline(case: Path) -> Any:
    from assistant.timeline import build_timeline

    return build_timeline([str(p) for p in sorted(case.iterdir()) if p.is_file() and p.name != "gold.json"])


def _gold(case: Path) -> dict[str, Any]:
    return json.loads((case / "gold.json").read_text(encoding="utf-8"))


def _parrot(secrets: list[str]) -> Any:
    """A model that copies every source line holding a placeholder or a secret into its answer,
    so a secret that reached the model would reach the draft too."""

    def respond(body: dict[str, Any], schema: dict[str, Any] | None) -> Any:
        sent = request_text(body, role="user")
        lines = [ln for ln in sent.splitlines() if ("<" in ln and ">" in ln) or any(s in ln for s in secrets)]
        return example_from_schema(schema or {"type": "string"}, text=sent, fill=" ".join(lines)[:4000])

    return respond


def _draft_text(pm: Any) -> str:
    return to_markdown(pm) + "\n" + json.dumps(to_json(pm), ensure_ascii=False)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_no_gold_secret_reaches_the_model_or_the_draft(
    case: Path, server: OpenAITestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.config import get_settings

    monkeypatch.setenv("POSTMORTEM_ALIAS_NAMES", "true")  # as for a remote provider
    get_settings(fresh=True)
    secrets = [s for s in _gold(case)["secrets"] if s]
    server.set_responder(_parrot(secrets))
    pm = draft_postmortem(_timeline(case), provider=_provider(server))
    assert server.requests, "the openai provider sent nothing to the test server"
    sent = server.sent_text() + json.dumps(server.requests, ensure_ascii=False)
    assert [s for s in secrets if s in sent] == []
    assert [s for s in secrets if s in _draft_text(pm)] == []
    # people's names were aliased for the remote provider (a speaker never named in a message shows
    # only in the source headers, which write an actor as one token: "Responder_A")
    assert re.search(r"Responder[ _]A\b", sent)


def _claim(case: Path) -> str:
    injected = injected_instruction(_gold(case)["injection"])
    assert injected, "the test server found no instruction to obey in the gold injection"
    return injected


def _carries(text: str, claim: str) -> bool:
    norm = re.sub(r"\s+", " ", text.lower())
    return claim.lower() in norm or bool(draft_repeats_injection(text, [claim]))


@pytest.mark.parametrize("case", INJECTION_CASES, ids=[c.name for c in INJECTION_CASES])
def test_obeying_model_is_fed_the_injection_but_the_draft_does_not_carry_it(
    case: Path, server: OpenAITestServer
) -> None:
    claim = _claim(case)
    server.set_responder(obeying_responder)
    pm = draft_postmortem(_timeline(case), provider=_provider(server))
    # the model was handed the injected instruction (and, being gullible, obeyed it) …
    assert any(injected_instruction(request_text(b, role="user")) for b in server.requests)
    # … and the protected pipeline kept the claim out of the draft
    text = _draft_text(pm)
    assert not _carries(text, claim), [ln for ln in text.splitlines() if _carries(ln, claim)][:3]


@pytest.mark.parametrize("case", INJECTION_CASES, ids=[c.name for c in INJECTION_CASES])
def test_without_the_injection_screen_the_same_draft_carries_the_claim(
    case: Path, server: OpenAITestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: the obeying model really does attack, so the test above can fail."""
    import assistant.draft.assemble as assemble

    claim = _claim(case)
    monkeypatch.setattr(assemble, "injection_lines", lambda tl: [])
    monkeypatch.setattr(assemble, "looks_like_injection", lambda text: False)
    # The blame rewrite can also drop an injected claim that names a person: off for the control.
    monkeypatch.setattr(assemble, "rewrite", lambda text, full=True, people=(): (text, []))
    # And a window big enough that the injected log line reaches every section prompt.
    monkeypatch.setenv("POSTMORTEM_CONTEXT_TOKENS", "400000")
    get_settings(fresh=True)
    server.set_responder(obeying_responder)
    pm = draft_postmortem(_timeline(case), provider=_provider(server))
    assert _carries(_draft_text(pm), claim)


def test_the_injection_case_is_present() -> None:
    shared_dir("incidents")
    assert INJECTION_CASES, "no dev case has a gold injection"
    assert all(looks_like_injection(_gold(c)["injection"]) for c in INJECTION_CASES)
