"""A team template's free sections are editable in the UI, through the same version check as every field."""

from __future__ import annotations

from pathlib import Path

import pytest
from _ui_helpers import running_app

from assistant.config import Settings
from assistant.store.drafts import DraftStore
from assistant.ui import edit_guard as g
from assistant.ui import free_editor
from assistant.ui.handlers import UiContext, open_draft

FREE = [
    {"position": 1, "heading": "Leadup", "guidance": "", "text": "A chart bump renamed a key.",
     "items": [{"text": "deployed 3.8.0", "refs": ["chat.txt:2"], "event_ids": ["E001"]}], "to_be_written": False},
    {"position": 4, "heading": "Backlog check", "guidance": "", "text": "No source material for this section; "
     "to be written.", "items": [], "to_be_written": True},
]  # fmt: skip
DRAFT = {"title": "Checkout errors", "summary": "S.", "free_sections": FREE}


@pytest.fixture
def ctx(tmp_path: Path) -> UiContext:
    settings = Settings(home=tmp_path / "home")
    return UiContext(settings=settings, store=DraftStore(settings.drafts_db))


def test_opening_a_template_draft_shows_its_free_sections_under_their_headings(ctx: UiContext) -> None:
    draft_id = ctx.store.create(draft=DRAFT)
    view = g.stamp(ctx, open_draft(ctx, draft_id), draft_id)
    assert view["free_box"] is True
    assert view["free:0"] == ("Leadup", "A chart bump renamed a key.\n\n- deployed 3.8.0 [chat.txt:2]")
    assert view["free:1"][0] == "Backlog check" and view["free:2"] is None
    assert view["base:free:0"] == "1"
    plain = ctx.store.create(draft={"title": "No template"})
    assert g.stamp(ctx, open_draft(ctx, plain), plain)["free_box"] is False


def test_a_free_section_edit_is_saved_with_its_statements_and_a_stale_one_refused(ctx: UiContext) -> None:
    draft_id = ctx.store.create(draft=DRAFT)
    text = "A chart bump renamed a key; nobody diffed the rendered values.\n\n- deployed 3.8.0 [chat.txt:2]"
    ok = free_editor.save(ctx, draft_id, 0, text, "1", "erin")
    assert ok["base:free:0"] == "2"
    rec = ctx.store.get(draft_id)
    assert rec is not None
    saved = rec.draft["free_sections"][0]
    assert saved["text"].endswith("rendered values.") and saved["items"][0]["event_ids"] == ["E001"]
    refused = free_editor.save(ctx, draft_id, 0, "Dana's leadup.", "1", "dana")
    assert (
        "Leadup was changed by someone else" in refused["conflict"]
        and "Dana's leadup." in refused["conflict"]
    )
    theirs = g.take_theirs(ctx, draft_id, refused["conflict_state"])
    assert theirs["free:0"] == ("Leadup", text) and theirs["base:free:0"] == "2"
    kept = g.keep_mine(ctx, draft_id, refused["conflict_state"], "dana")
    assert kept["conflict"] == "" and kept["free:0"] == ("Leadup", "Dana's leadup.")
    rec = ctx.store.get(draft_id)
    assert rec is not None and rec.draft["free_sections"][0]["text"] == "Dana's leadup."
    assert rec.draft["free_sections"][0]["items"] == []


def test_writing_a_to_be_written_section_clears_the_mark_and_the_export_shows_it(ctx: UiContext) -> None:
    from assistant.draft.schema import FreeSection

    draft_id = ctx.store.create(draft=DRAFT)
    free_editor.save(ctx, draft_id, 1, "The pool alert was already on the backlog.", "1", "erin")
    rec = ctx.store.get(draft_id)
    assert rec is not None
    section = FreeSection.model_validate(rec.draft["free_sections"][1])
    assert not section.to_be_written and section.text == "The pool alert was already on the backlog."


def test_the_served_editor_saves_a_free_section_through_its_api(tmp_path: Path) -> None:
    with running_app(settings=Settings(home=tmp_path / "home")) as app:
        draft_id = app.store.create(draft=DRAFT)
        client = app.client()
        view = app.call(client, "save_free_0", draft_id, "Leadup, edited.", "1")
        assert view["saved"].startswith("Saved") and view["base:free:0"] == "2"
        stale = app.call(client, "save_free_0", draft_id, "Another leadup.", "1")
        assert "Leadup was changed by someone else" in stale["conflict"]


def test_a_new_draft_clears_the_free_sections_and_base_versions(ctx: UiContext) -> None:
    from assistant.ui.handlers import new_draft

    view = g.stamp(ctx, new_draft(ctx), None)
    assert view["free_box"] is False and view["free:0"] is None
    assert view["base:summary"] == "" and view["base:free:0"] == ""
