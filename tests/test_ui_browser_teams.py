"""Team features end to end in Debian's chromium: a template picked, a review with an approver, a refused
stale save, the insights tab. Screenshots go to test-output/ui/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from _browser_helpers import chromium, new_page, shot  # noqa: F401  (fixture)
from _ui_helpers import running_app

from assistant.config import Settings

pytestmark = pytest.mark.browser

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
DRAFT = {
    "title": "Checkout errors after the pool change",
    "severity": "SEV2",
    "summary": "Checkout failed for 28 minutes.",
    "root_cause": {"text": "The connection pool was too small.", "refs": [], "event_ids": []},
    "metrics": {"time_to_detect_s": 120, "time_to_mitigate_s": 1140, "time_to_resolve_s": 1680},
    "action_items": [{"description": "Alert on pool saturation", "owner": "bob", "due": "2020-01-31"}],
}
HEADER = "X-Forwarded-User"


def _open(browser: Any, url: str, user: str | None = None) -> Any:
    page = new_page(browser, headers={HEADER: user} if user else None)
    page.goto(url)
    page.wait_for_selector("#status :text('Opened'), #status :text('press Draft')")  # the load event ran
    return page


def test_picking_a_template_drafts_and_exports_in_its_order(chromium, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with running_app(settings=Settings(home=tmp_path / "home")) as app:
        page = _open(chromium, app.url)
        page.locator("#pasted textarea").fill(CHAT)
        page.locator("#template-box .label-wrap").click()
        page.locator("#template input").click()
        page.get_by_role("option", name="minimal").click()
        page.wait_for_selector("#template-preview :text('What we will do')")
        shot(page, "teams-1-template-picked.png")
        page.locator("#draft-btn").click()
        page.wait_for_selector("#status :text('Draft ready')", timeout=120_000)
        page.locator("#export-btn").click()
        link = page.locator("#exports a[download$='.md']").first
        link.wait_for()
        with page.expect_download() as info:
            link.click()
        path = tmp_path / "export.md"
        info.value.save_as(path)
        shot(page, "teams-2-template-drafted.png")
        heads = re.findall(r"^## .+$", path.read_text(), re.MULTILINE)
        assert heads == ["## What happened", "## Why it happened", "## What we will do"]
        rec = app.store.list()[0]
        assert rec.draft["template"]["name"] == "minimal"


def test_a_templates_free_sections_are_edited_under_their_headings(chromium, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with running_app(settings=Settings(home=tmp_path / "home")) as app:
        page = _open(chromium, app.url)
        page.locator("#pasted textarea").fill(CHAT)
        page.locator("#template-box .label-wrap").click()
        page.locator("#template input").click()
        page.get_by_role("option", name="atlassian").click()
        page.locator("#draft-btn").click()
        page.wait_for_selector("#status :text('Draft ready')", timeout=120_000)
        leadup = page.locator("#free-0 textarea")
        leadup.wait_for(state="visible")
        assert page.locator("#free-0").inner_text().startswith("Leadup")
        leadup.fill("A configuration change the day before")
        leadup.press_sequentially(".")
        page.wait_for_selector("#saved :text('Saved')")
        page.locator("#free-box").first.scroll_into_view_if_needed()
        shot(page, "teams-2b-template-free-sections.png")
        rec = app.store.list()[0]
        assert rec.draft["free_sections"][0]["text"] == "A configuration change the day before."


def test_a_review_needs_an_approver_other_than_the_author(chromium, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    settings = Settings(home=tmp_path / "home", ui_user_header=HEADER)
    with running_app(settings=settings) as app:
        draft_id = app.store.create(draft=DRAFT)
        dana = _open(chromium, app.url, "dana")
        dana.get_by_role("tab", name="Review").click()
        dana.locator("#review-submit").click()
        dana.wait_for_selector("#review-status :text('in review')")
        dana.locator("#review-approve").click()
        dana.wait_for_selector("#review-notice :text('cannot approve it')")
        shot(dana, "teams-3-review-author-cannot-approve.png")
        erin = _open(chromium, app.url, "erin")
        erin.get_by_role("tab", name="Review").click()
        erin.locator("#review-approve").click()
        erin.wait_for_selector("#review-status :text('approved by** erin'), #review-status :text('erin')")
        shot(erin, "teams-4-review-approved.png")
        rec = app.store.get(draft_id)
        assert rec is not None and (rec.status, rec.author, rec.approved_by) == ("approved", "dana", "erin")


def test_a_stale_save_is_refused_in_the_browser_and_both_texts_shown(chromium, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with running_app(settings=Settings(home=tmp_path / "home")) as app:
        draft_id = app.store.create(draft=DRAFT)
        first, second = _open(chromium, app.url), _open(chromium, app.url)  # both open version 1
        # Gradio saves on typed input (fill() sets the value without the key events it listens to)
        box = first.locator("#field-summary textarea")
        box.fill("Checkout failed for 28 minutes; first editor")
        box.press_sequentially(".")
        first.wait_for_selector("#saved :text('Saved')")
        other = second.locator("#field-summary textarea")
        other.fill("Checkout failed; second editor, from the old version")
        other.press_sequentially(".")
        second.locator("#conflict-box").first.wait_for(state="visible")
        second.wait_for_selector("#conflict :text('first editor')")
        second.locator("#conflict").scroll_into_view_if_needed()
        shot(second, "teams-5-stale-save-refused.png")
        rec = app.store.get(draft_id)
        assert rec is not None and rec.draft["summary"] == "Checkout failed for 28 minutes; first editor."
        second.locator("#conflict-theirs").click()
        second.wait_for_function(
            "() => document.querySelector('#field-summary textarea').value.includes('first editor')"
        )
        second.locator("#conflict-box").first.wait_for(state="hidden")


def test_the_insights_tab_shows_charts_of_the_stored_postmortems(chromium, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with running_app(settings=Settings(home=tmp_path / "home")) as app:
        for n in range(3):
            app.store.create(draft={**DRAFT, "title": f"Incident {n}", "date": f"2026-0{n + 1}-10"})
        page = _open(chromium, app.url)
        page.get_by_role("tab", name="Insights").click()
        page.wait_for_selector("#insights-summary :text('3 postmortems')")
        page.wait_for_selector("#insights-times img")
        shot(page, "teams-6-insights.png")
        assert "overdue action items: 3" in page.locator("#insights-summary").inner_text()
