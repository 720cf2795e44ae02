"""Slow local models in the UI: drafting outlives the page, a quiet model still gets a status, edits made meanwhile stand."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from assistant.config import Settings
from assistant.llm.testing_server import OpenAITestServer
from assistant.store.drafts import DraftStore
from assistant.ui import background
from assistant.ui.edit_guard import save_field
from assistant.ui.handlers import UiContext, run_draft

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "incident"


def _ctx(tmp_path: Path, srv: OpenAITestServer) -> UiContext:
    s = Settings(
        home=tmp_path / "home",
        openai_base_url=srv.base_url,
        openai_api_key="sk-test",  # type: ignore[arg-type]
        llm_timeout_s=30.0,
        llm_concurrency=2,
    )
    return UiContext(settings=s, store=DraftStore(s.drafts_db))


def _wait_until_drafted(ctx: UiContext, draft_id: str, timeout_s: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        rec = ctx.store.get(draft_id)
        if rec is not None and rec.draft.get("provenance"):  # the final draft carries its provenance
            return rec.draft
        time.sleep(0.1)
    raise AssertionError("the background draft did not finish")


def test_a_quiet_model_still_gets_a_status_with_the_wait_and_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "HEARTBEAT_S", 0.2)
    with OpenAITestServer(delay_s=0.7) as srv:
        views = list(
            run_draft(_ctx(tmp_path, srv), "", [str(EXAMPLE / "chat.txt")], "", "", "auto", "openai")
        )
    waits = [v["status"] for v in views if "waiting for the model" in v.get("status", "")]
    assert waits and "per-call timeout 30 s" in waits[0] and "sections drafted" in waits[0]
    assert "Draft ready" in views[-1]["status"]


def test_the_draft_is_finished_and_stored_after_the_page_goes_away(tmp_path: Path) -> None:
    with OpenAITestServer(delay_s=0.3) as srv:
        ctx = _ctx(tmp_path, srv)
        page = run_draft(ctx, "", [str(EXAMPLE / "chat.txt")], "", "", "auto", "openai")
        draft_id = None
        for view in page:
            draft_id = view.get("draft_id") or draft_id
            if "Drafting sections" in view.get("status", ""):
                break
        page.close()  # the browser tab closed: nothing reads the stream any more
        assert draft_id
        draft = _wait_until_drafted(ctx, draft_id)
    assert draft["summary"] and draft["root_cause"] and draft["provenance"]["provider"] == "openai"


def test_an_edit_made_while_drafting_is_not_overwritten(tmp_path: Path) -> None:
    with OpenAITestServer(delay_s=0.3) as srv:
        ctx = _ctx(tmp_path, srv)
        draft_id = None
        for view in run_draft(ctx, "", [str(EXAMPLE / "chat.txt")], "", "", "auto", "openai"):
            draft_id = view.get("draft_id") or draft_id
            if "Drafting sections" in view.get("status", ""):
                assert draft_id
                save_field(
                    ctx,
                    draft_id,
                    "summary",
                    "Exports held database connections; disabling them helped.",
                    base=None,  # the version the page loaded: none sent, so the current one
                    user=None,
                )
        assert draft_id
        rec = ctx.store.get(draft_id)
    assert rec is not None and rec.draft["provenance"]  # finished
    assert rec.draft["summary"] == "Exports held database connections; disabling them helped."
    assert rec.draft["root_cause"]  # the drafter still wrote the sections nobody touched
