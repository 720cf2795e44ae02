"""The UI's template picker: a draft made to a team's template keeps it, exports in its order, regenerates with it."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.config import Settings
from assistant.draft.working import from_json
from assistant.store.drafts import DraftStore
from assistant.ui import exporters
from assistant.ui.handlers import UiContext, regenerate, run_draft
from assistant.ui.template_picker import choices, preview

CHAT = "\n".join(
    [
        "[14:02] alice: checkout-api is returning 502 errors for checkout",
        "[14:04] PagerDuty: alert HighErrorRate firing for checkout-api",
        "[14:15] bob: root cause: the connection pool was exhausted because of a slow query",
        "[14:21] alice: we rolled back checkout-api to the previous release, errors dropping",
        "[14:30] bob: checkout-api error rate back to normal, resolved",
        "[14:32] alice: action item: add an alert on pool saturation (owner: bob)",
    ]
)


def _ctx(tmp_path: Path) -> UiContext:
    settings = Settings(home=tmp_path / "home")
    return UiContext(settings=settings, store=DraftStore(settings.drafts_db))


def test_the_picker_offers_ours_and_the_built_in_templates_and_previews_the_mapping() -> None:
    assert choices()[0] == ("Our own sections", "")
    assert [v for _, v in choices()[1:]] == ["atlassian", "google-sre", "minimal", "pagerduty"]
    md = preview("minimal")
    assert (
        "| What happened | summary (alias) |" in md
        and "| What we will do | action items (meaning 0.56) |" in md
    )
    assert preview("no-such-template").startswith("⚠️") and "google-sre" in preview("no-such-template")


def test_a_draft_made_to_a_template_is_stored_with_it_and_exports_in_its_order(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    views = list(run_draft(ctx, CHAT, [], "UTC", "2026-03-04", "auto", "offline", "minimal"))
    assert "Draft ready" in views[-1]["status"], views[-1].get("notice")
    assert "Sections: ✅ metadata · ✅ summary · ✅ root cause · ✅ action items" in views[-1]["status"]
    rec = ctx.store.get(views[-1]["draft_id"])
    assert rec is not None and rec.inputs["template"] == "minimal"
    assert rec.draft["template"]["name"] == "minimal" and len(rec.draft["template"]["sha256"]) == 64
    assert rec.draft["provenance"]["template"].startswith("minimal@")
    md = exporters.to_markdown(from_json(rec.draft))
    assert re.findall(r"^## .+$", md, re.MULTILINE) == [
        "## What happened",
        "## Why it happened",
        "## What we will do",
    ]


def test_progress_names_free_sections_by_their_headings(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    views = list(run_draft(ctx, CHAT, [], "UTC", "2026-03-04", "auto", "offline", "atlassian"))
    status = views[-1]["status"]
    assert "✅ Leadup" in status and "✅ Backlog check" in status and "free:" not in status


def test_regenerating_a_section_keeps_the_template_and_its_guidance(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    views = list(run_draft(ctx, CHAT, [], "UTC", "2026-03-04", "auto", "offline", "minimal"))
    draft_id = views[-1]["draft_id"]
    after = list(regenerate(ctx, draft_id, "summary", "offline"))
    assert "Draft ready" in after[-1]["status"]
    rec = ctx.store.get(draft_id)
    assert rec is not None and rec.draft["template"]["name"] == "minimal"


def test_an_unreadable_template_stops_the_draft_with_a_message(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    bad = tmp_path / "team.md"
    bad.write_text("no headings here\n", encoding="utf-8")
    views = list(run_draft(ctx, CHAT, [], "UTC", "", "auto", "offline", str(bad)))
    assert "no Markdown headings" in views[-1]["notice"] and not ctx.store.list()
