"""The UI fails loudly and loses nothing: no junk draft from unusable input, no stuck ⏳, model failures per section."""

from __future__ import annotations

from pathlib import Path

from assistant.config import Settings
from assistant.draft.schema import SECTION_ORDER
from assistant.llm.testing_server import OpenAITestServer
from assistant.store.drafts import DraftStore
from assistant.ui.handlers import UiContext, drafts_choices, run_draft

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "incident"


def _ctx(tmp_path: Path, **settings: object) -> UiContext:
    s = Settings(home=tmp_path / "home", **settings)  # type: ignore[arg-type]
    return UiContext(settings=s, store=DraftStore(s.drafts_db))


def test_binary_only_upload_makes_no_draft_and_says_why(tmp_path: Path) -> None:
    blob = tmp_path / "core.dump"
    blob.write_bytes(bytes(range(256)) * 40)
    ctx = _ctx(tmp_path)
    views = list(run_draft(ctx, "", [str(blob)], "", "", "auto", "offline"))
    last = views[-1]
    assert "Draft ready" not in last["status"] and "⏳" not in last["status"]
    assert "no events" in last["status"]
    assert "core.dump" in last["notice"] and "binary" in last["notice"]
    assert ctx.store.list() == []  # no junk "Incident" draft with 0 events


def test_status_never_stays_on_an_hourglass_after_an_error(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    views = list(run_draft(ctx, "[14:02] alice: api down", [], "Mars/Olympus", "", "auto", "offline"))
    assert "Unknown timezone" in views[-1]["notice"]
    assert "⏳" not in views[-1]["status"] and "⚠️" in views[-1]["status"]


def test_model_failure_marks_each_section_and_names_the_setting(tmp_path: Path) -> None:
    with OpenAITestServer() as srv:
        srv.fail_always("401")
        ctx = _ctx(tmp_path, openai_base_url=srv.base_url, openai_api_key="sk-wrong", llm_max_retries=0)
        views = list(run_draft(ctx, "", [str(EXAMPLE / "chat.txt")], "", "", "auto", "openai"))
    last = views[-1]
    assert "✅ summary" not in last["status"] and "⚠️ summary" in last["status"]
    assert f"{len(SECTION_ORDER)} section(s) drafted offline after the model failed" in last["status"]
    lines = [ln for ln in last["notice"].splitlines() if ln.startswith("- section ")]
    assert len(lines) == len(SECTION_ORDER)
    assert all("HTTP 401" in ln and "OPENAI_API_KEY" in ln for ln in lines)


def test_drafts_with_the_same_title_can_be_told_apart(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    for _ in range(2):
        ctx.store.create(title="Payments outage", draft={"title": "Payments outage"})
    labels = [label for label, _ in drafts_choices(ctx)]
    assert len(set(labels)) == 2 and all(label.startswith("Payments outage · #") for label in labels)
