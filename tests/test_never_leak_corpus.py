"""Issue 13 item 4: the leak corpus (``eval/data/leak-corpus.jsonl``, shapes from vendors' docs)
is redacted with high recall and without touching identifiers, and an incident built from it
drafts (offline, and through the openai provider against the recording test server) with no
secret or personal datum in the draft or in any request. The dev cases' gold secrets stay out of
offline drafts too (the openai path for them is ``test_never_leak.py``).

Only the corpus's dev split is used here; the held-out third is measured by
``python -m assistant.eval.redaction --split holdout``, never asserted item by item.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import incident_cases

from assistant.config import get_settings
from assistant.draft.pipeline import draft_postmortem
from assistant.draft.render import to_json, to_markdown
from assistant.eval.redaction import default_redact, load_corpus, score_corpus, survives
from assistant.llm._schema_example import example_from_schema
from assistant.llm.openai_compat import OpenAICompatProvider
from assistant.llm.testing_server import OpenAITestServer, request_text
from assistant.redact import Redactor
from assistant.timeline import build_timeline

DEV = load_corpus(split="dev")
_CHAT_LINE = re.compile(r"^\[?(\d\d:\d\d)\]?\s+([\w.]+):\s(.*)$")


def test_corpus_recall_and_false_redaction_floors() -> None:
    score = score_corpus(DEV, default_redact)
    assert score.secret_recall >= 0.98, score.misses
    assert score.pii_recall >= 0.95, score.misses
    assert score.false_redaction_rate <= 0.02, score.false


def test_identifiers_pass_unless_configured_sensitive() -> None:
    text = "kid 2026-q2 rotated; CheckoutLatencyHigh fired for Harborline Foods from 10.40.0.0/16"
    assert Redactor().redact(text) == text
    red = Redactor(sensitive=["CheckoutLatencyHigh", "Harborline Foods", r"re:\b\d{4}-q\d\b"])
    out = red.redact(text)
    assert "CheckoutLatencyHigh" not in out and "Harborline" not in out and "2026-q2" not in out
    assert "<REDACTED_" in out and "10.40.0.0/16" in out
    why = {f.rule for f in red.findings(text)}
    assert why == {"configured"}


def _incident(folder: Path) -> list[str]:
    """Write the dev corpus as an incident (chat, log, notes) and return every value that must not leak."""
    chat: list[str] = []
    log: list[str] = []
    notes: list[str] = ["# Incident notes", ""]
    for minute, rec in enumerate(DEV, 1):
        hhmm = f"{9 + minute // 60:02d}:{minute % 60:02d}"
        if rec["context"] == "chat":
            for line in rec["text"].splitlines():
                m = _CHAT_LINE.match(line)
                chat.append(f"{hhmm} {m.group(2)}: {m.group(3)}" if m else f"{hhmm} ops: {line}")
        elif rec["context"] in ("log", "alert"):
            first, *rest = rec["text"].splitlines()
            log.append(f"2026-03-14T{hhmm}:00Z INFO {first}")
            log += rest  # continuation lines, as a multi-line log record is written
        else:
            notes += ["- " + rec["text"].replace("\n", "\n  "), ""]
    (folder / "chat.txt").write_text("\n".join(chat) + "\n", encoding="utf-8")
    (folder / "app.log").write_text("\n".join(log) + "\n", encoding="utf-8")
    (folder / "notes.md").write_text("\n".join(notes), encoding="utf-8")
    return [v for rec in DEV for v in (*rec["secrets"], *rec["pii"])]


def _leaks(values: list[str], text: str) -> list[str]:
    return [v for v in values if survives(v, text)]


def _draft_text(pm: Any) -> str:
    return to_markdown(pm) + "\n" + json.dumps(to_json(pm), ensure_ascii=False)


@pytest.fixture()
def server() -> Iterator[OpenAITestServer]:
    with OpenAITestServer() as srv:
        yield srv


def _parrot(body: dict[str, Any], schema: dict[str, Any] | None) -> Any:
    """A model that copies every source line it was sent into its answer, so anything that reached
    the model would reach the draft too."""
    sent = request_text(body, role="user")
    return example_from_schema(
        schema or {"type": "string"}, text=sent, fill=" ".join(sent.splitlines())[:6000]
    )


def test_an_incident_built_from_the_corpus_leaks_nothing_offline(tmp_path: Path) -> None:
    values = _incident(tmp_path)
    timeline = build_timeline([str(p) for p in sorted(tmp_path.iterdir())])
    pm = draft_postmortem(timeline)  # no model: the offline drafter
    assert _leaks(values, _draft_text(pm)) == []


def _draft_through_the_server(folder: Path, server: OpenAITestServer) -> tuple[list[str], str, str]:
    values = _incident(folder)
    timeline = build_timeline([str(p) for p in sorted(folder.iterdir())])
    server.set_responder(_parrot)
    provider = OpenAICompatProvider(
        base_url=server.base_url,
        model="test-model",
        api_key="sk-test",
        max_retries=1,
        reasks=0,
        backoff_s=0.01,
        timeout_s=10.0,
    )
    pm = draft_postmortem(timeline, provider=provider)
    assert server.requests, "the openai provider sent nothing to the test server"
    return values, server.sent_text() + json.dumps(server.requests, ensure_ascii=False), _draft_text(pm)


def test_an_incident_built_from_the_corpus_leaks_nothing_to_the_model(
    tmp_path: Path, server: OpenAITestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POSTMORTEM_ALIAS_NAMES", "true")  # as for a remote provider
    monkeypatch.setenv("POSTMORTEM_CONTEXT_TOKENS", "128000")
    get_settings(fresh=True)
    values, sent, draft = _draft_through_the_server(tmp_path, server)
    assert _leaks(values, sent) == []
    assert _leaks(values, draft) == []
    # … and meaning is kept: the identifiers reach the model as written
    keep = [v for rec in DEV for v in rec["keep"]]
    lost = [v for v in keep if v not in sent]
    assert len(lost) <= 0.02 * len(keep), lost


def test_without_redaction_the_same_requests_carry_the_corpus(
    tmp_path: Path, server: OpenAITestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: the incident fits the window and reaches the model, so the test above can fail."""
    monkeypatch.setenv("POSTMORTEM_CONTEXT_TOKENS", "128000")
    get_settings(fresh=True)
    monkeypatch.setattr(Redactor, "findings", lambda self, text: [])
    values, sent, _ = _draft_through_the_server(tmp_path, server)
    assert len(_leaks(values, sent)) >= 0.9 * len(values)


CASES = incident_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_no_gold_secret_of_a_dev_case_reaches_an_offline_draft(case: Path) -> None:
    gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    secrets = [s for s in gold.get("secrets", []) if s]
    inputs = [str(p) for p in sorted(case.iterdir()) if p.is_file() and p.name != "gold.json"]
    pm = draft_postmortem(build_timeline(inputs))
    assert [s for s in secrets if s in _draft_text(pm)] == []
