"""The editor saves through the store's version check: a stale save is refused and both texts are shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _ui_helpers import running_app

from assistant.config import Settings
from assistant.store.drafts import DraftStore
from assistant.ui import edit_guard as g
from assistant.ui.handlers import UiContext, open_draft

DRAFT = {"title": "Checkout errors", "summary": "The first summary.", "root_cause": {"text": "A slow query."}}


@pytest.fixture
def ctx(tmp_path: Path) -> UiContext:
    settings = Settings(home=tmp_path / "home")
    return UiContext(settings=settings, store=DraftStore(settings.drafts_db))


def _opened(ctx: UiContext, draft_id: str) -> dict[str, str]:
    """What an editor that opens the draft holds: each field's base version."""
    view = g.stamp(ctx, open_draft(ctx, draft_id), draft_id)
    return {k[5:]: v for k, v in view.items() if k.startswith("base:")}


def test_opening_a_draft_sets_every_field_base_to_the_stored_version(ctx: UiContext) -> None:
    draft_id = ctx.store.create(draft=DRAFT)
    bases = _opened(ctx, draft_id)
    assert bases["summary"] == bases["root_cause.text"] == "1"


def test_a_stale_save_is_refused_and_both_texts_are_shown(ctx: UiContext) -> None:
    draft_id = ctx.store.create(draft=DRAFT)
    dana, erin = _opened(ctx, draft_id), _opened(ctx, draft_id)
    ok = g.save_field(ctx, draft_id, "summary", "Erin's summary.", erin["summary"], "erin")
    assert ok["saved"].startswith("Saved") and ok["base:summary"] == "2"
    refused = g.save_field(ctx, draft_id, "summary", "Dana's summary.", dana["summary"], "dana")
    assert refused["saved"].startswith("⚠️ Not saved")
    assert "Dana's summary." in refused["conflict"] and "Erin's summary." in refused["conflict"]
    assert json.loads(refused["conflict_state"]) == {
        "path": "summary", "mine": "Dana's summary.", "theirs": "Erin's summary.", "current": 2}  # fmt: skip
    rec = ctx.store.get(draft_id)
    assert rec is not None and rec.draft["summary"] == "Erin's summary."  # nothing overwritten


def test_a_change_to_another_field_is_not_a_conflict_but_a_field_not_reloaded_is(ctx: UiContext) -> None:
    draft_id = ctx.store.create(draft=DRAFT)
    dana, erin = _opened(ctx, draft_id), _opened(ctx, draft_id)
    g.save_field(ctx, draft_id, "root_cause.text", "Erin's cause.", erin["root_cause.text"], "erin")
    mine = g.save_field(ctx, draft_id, "summary", "Dana's summary.", dana["summary"], "dana")
    assert "conflict" not in mine and mine["base:summary"] == "3"
    # Dana's root cause box still shows version 1: her later edit there must not overwrite Erin's
    late = g.save_field(ctx, draft_id, "root_cause.text", "Dana's cause.", dana["root_cause.text"], "dana")
    assert "Erin's cause." in late["conflict"]


def test_keep_mine_saves_knowingly_and_take_theirs_loads_their_text(ctx: UiContext) -> None:
    draft_id = ctx.store.create(draft=DRAFT)
    dana, erin = _opened(ctx, draft_id), _opened(ctx, draft_id)
    g.save_field(ctx, draft_id, "summary", "Erin's summary.", erin["summary"], "erin")
    state = g.save_field(ctx, draft_id, "summary", "Dana's summary.", dana["summary"], "dana")[
        "conflict_state"
    ]
    theirs = g.take_theirs(ctx, draft_id, state)
    assert theirs["field:summary"] == "Erin's summary." and theirs["base:summary"] == "2"
    kept = g.keep_mine(ctx, draft_id, state, "dana")
    assert kept["conflict"] == "" and kept["field:summary"] == "Dana's summary."
    rec = ctx.store.get(draft_id)
    assert rec is not None and rec.draft["summary"] == "Dana's summary."
    from assistant.review.history import history

    assert [(r.section, r.user) for r in history(ctx.store, draft_id)[:2]] == [
        ("summary", "dana"),
        ("summary", "erin"),
    ]


def test_the_served_editor_refuses_a_stale_save_through_its_api(tmp_path: Path) -> None:
    with running_app(settings=Settings(home=tmp_path / "home")) as app:
        draft_id = app.store.create(draft=DRAFT)
        client = app.client()
        first = app.call(client, "save_summary", draft_id, "Erin's summary.", "1")
        assert first["saved"].startswith("Saved") and first["base:summary"] == "2"
        second = app.call(client, "save_summary", draft_id, "Dana's summary.", "1")
        assert second["saved"].startswith("⚠️ Not saved") and "Erin's summary." in second["conflict"]
        rec = app.store.get(draft_id)
        assert rec is not None and rec.draft["summary"] == "Erin's summary."


def test_a_stale_table_save_is_refused_too_and_take_theirs_loads_their_rows(ctx: UiContext) -> None:
    draft = {**DRAFT, "action_items": [{"description": "Alert on pool saturation", "owner": "bob"}]}
    draft_id = ctx.store.create(draft=draft)
    dana, erin = _opened(ctx, draft_id), _opened(ctx, draft_id)
    assert dana["table:action_items"] == "1"
    row = ["Alert on pool saturation", "erin", "", "medium", "prevent", ""]
    ok = g.save_table(ctx, draft_id, "action_items", [row], erin["table:action_items"], "erin")
    assert ok["base:table:action_items"] == "2"
    mine = ["Alert on pool saturation", "dana", "", "medium", "prevent", ""]
    refused = g.save_table(ctx, draft_id, "action_items", [mine], dana["table:action_items"], "dana")
    assert (
        "action items table was changed" in refused["conflict"]
        and "| erin |" in refused["conflict"]
        and "| dana |" in refused["conflict"]
    )
    rec = ctx.store.get(draft_id)
    assert rec is not None and rec.draft["action_items"][0]["owner"] == "erin"
    theirs = g.take_theirs(ctx, draft_id, refused["conflict_state"])
    assert theirs["table:action_items"][0][1] == "erin" and theirs["base:table:action_items"] == "2"


def test_leaving_a_box_while_its_refusal_is_open_does_not_save_again(ctx: UiContext) -> None:
    # clicking "Take theirs" leaves the box first; a second refusal landing after the choice reopened the panel
    draft_id = ctx.store.create(draft=DRAFT)
    dana, erin = _opened(ctx, draft_id), _opened(ctx, draft_id)
    g.save_field(ctx, draft_id, "summary", "Erin's summary.", erin["summary"], "erin")
    state = g.save_field(ctx, draft_id, "summary", "Dana's summary.", dana["summary"], "dana")[
        "conflict_state"
    ]
    left = g.leave_field(ctx, draft_id, "summary", "Dana's summary.", dana["summary"], "dana", state)
    assert "conflict" not in left and "saved" not in left
    # another box still saves when left, and so does this one once the panel is closed
    other = g.leave_field(
        ctx, draft_id, "root_cause.text", "Dana's cause.", dana["root_cause.text"], "dana", state
    )
    assert other["saved"].startswith("Saved")
    again = g.leave_field(ctx, draft_id, "summary", "Dana's summary.", dana["summary"], "dana", "")
    assert "Erin's summary." in again["conflict"]
