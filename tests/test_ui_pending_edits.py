"""Edits that do not validate are kept as typed with their error; the stored JSON keeps its shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.draft.working import PENDING_KEY, from_json, to_json
from assistant.store.drafts import DraftStore
from assistant.ui import edit_guard as g
from assistant.ui.exporters import to_markdown
from assistant.ui.handlers import UiContext, open_draft

ROW = ["2026-03-04T14:02:00+00:00", "First 502s", "app.log:10"]
DRAFT = {"title": "Checkout errors", "summary": "The first summary.", "timeline": [
    {"time": ROW[0], "description": ROW[1], "refs": [ROW[2]], "event_ids": ["E001"]}]}  # fmt: skip


@pytest.fixture
def ctx(tmp_path: Path) -> UiContext:
    settings = Settings(home=tmp_path / "home")
    return UiContext(settings=settings, store=DraftStore(settings.drafts_db))


def test_a_draft_in_the_making_keeps_only_its_keys_and_no_provenance() -> None:
    draft = from_json(DRAFT).revise(severity="SEV2")
    assert not draft.drafted
    assert set(to_json(draft)) == {"title", "summary", "timeline", "severity"}


def test_a_table_row_with_a_time_that_is_not_a_time_is_kept_as_typed_with_its_error(ctx: UiContext) -> None:
    draft_id = ctx.store.create(draft=DRAFT)
    bad = ["at lunch", "First 502s", "app.log:10"]
    view = g.save_table(ctx, draft_id, "timeline", [bad], "1", "dana")
    assert view["saved"].startswith("⚠️ Saved as typed, not valid yet: row 1: time:")
    rec = ctx.store.get(draft_id)
    assert rec is not None and rec.draft[PENDING_KEY]["table:timeline"]["rows"] == [bad]
    assert (
        rec.draft["timeline"][0]["time"] == "2026-03-04T14:02:00Z"
    )  # the last valid timeline stands meanwhile
    opened = open_draft(ctx, draft_id)
    assert opened["table:timeline"] == [bad]  # what dana typed is back in the table
    assert "table:timeline" in opened["notice"] and "row 1" in opened["notice"]
    assert "at lunch" in to_markdown(from_json(rec.draft))  # and in the export
    fixed = ["2026-03-04T14:03:00+00:00", "First 502s", "app.log:10"]
    g.save_table(ctx, draft_id, "timeline", [fixed], "2", "dana")
    rec = ctx.store.get(draft_id)
    assert rec is not None and PENDING_KEY not in rec.draft
    assert rec.draft["timeline"][0]["time"] == "2026-03-04T14:03:00Z"
    assert rec.draft["timeline"][0]["event_ids"] == ["E001"]  # fields the table does not show are kept


def test_an_old_stored_value_that_does_not_fit_the_schema_is_kept_not_dropped() -> None:
    stored = {**DRAFT, "action_items": [{"description": "Rotate certs", "priority": "urgent"}]}
    draft = from_json(stored)
    assert draft.postmortem.action_items == []
    assert "urgent" in draft.pending["action_items"].text
    assert to_json(from_json(to_json(draft))) == to_json(draft)  # it survives the next save too
    assert "urgent" in to_markdown(draft)  # and the export shows it
