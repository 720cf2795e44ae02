"""End to end in Debian's chromium (Playwright, never `playwright install`): paste, draft, edit, rewrite, export."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from _browser_helpers import browser_page, chromium  # noqa: F401  (fixtures)
from _ui_helpers import running_app
from conftest import TEST_OUTPUT, shared_dir

BLAME = "Bob carelessly forgot to renew the certificate."

pytestmark = pytest.mark.browser


def test_paste_draft_edit_rewrite_and_export_markdown_in_chromium(browser_page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    case = shared_dir("incidents", "case01-expired-tls-cert")
    shots = TEST_OUTPUT / "ui"
    shots.mkdir(parents=True, exist_ok=True)
    page = browser_page
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", None) else None,
    )

    with running_app() as app:
        page.goto(app.url)
        page.wait_for_selector("#status :text('press Draft')")  # the load event has run
        page.locator("#pasted textarea").fill((case / "chat.txt").read_text())
        page.locator("#files input[type=file]").set_input_files([str(case / "alerts.json")])
        page.wait_for_selector("#files [aria-label='alerts.json']")
        page.screenshot(path=str(shots / "1-input.png"), full_page=True)

        page.locator("#draft-btn").click()
        page.wait_for_selector("#status :text('Draft ready')", timeout=120_000)
        summary = page.locator("#field-summary textarea")
        assert summary.input_value().strip(), "the summary section is drafted"
        assert page.locator("#field-title textarea").input_value().strip()
        page.screenshot(path=str(shots / "2-drafted.png"), full_page=True)

        summary.fill(summary.input_value() + " " + BLAME)
        page.locator("#field-title textarea").click()  # blur: saves and checks tone
        page.wait_for_selector("#tone-hl-summary", state="visible")
        page.locator("#tone-hl-summary").scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "3-edited-tone-finding.png"), full_page=True)

        page.locator("#rewrite-summary").click()
        page.wait_for_function(
            "() => !document.querySelector('#field-summary textarea').value.includes('carelessly')"
        )
        rewritten = summary.input_value()
        assert "Bob" not in rewritten and rewritten.strip()
        page.screenshot(path=str(shots / "4-rewrite-accepted.png"), full_page=True)

        page.locator("#export-btn").click()
        link = page.locator("#exports a[download$='.md']").first
        link.wait_for()
        with page.expect_download() as info:
            link.click()
        path = tmp_path / "export.md"
        info.value.save_as(path)
        page.locator("#exports").scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "5-exported.png"), full_page=True)

        text = path.read_text()
        assert rewritten.strip()[:60] in text
        assert "carelessly" not in text
        assert "## " in text and "Timeline" in text
        rec = app.store.list()[0]
        assert rec.draft["summary"] == rewritten  # what the browser shows is what was saved
    assert not outside, f"the page reached outside 127.0.0.1: {outside[:5]}"
