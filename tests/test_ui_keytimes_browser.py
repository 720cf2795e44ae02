"""In Debian's chromium: one click on a key-time candidate picks it, and the pick is saved with the draft."""

from __future__ import annotations

from pathlib import Path

import pytest
from _browser_helpers import browser_page, chromium  # noqa: F401  (fixtures)
from _ui_helpers import running_app
from conftest import TEST_OUTPUT

pytestmark = pytest.mark.browser
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "incident"


def test_one_click_on_a_candidate_picks_the_key_time_and_saves_it(browser_page) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    shots = TEST_OUTPUT / "ui"
    shots.mkdir(parents=True, exist_ok=True)
    page = browser_page
    with running_app() as app:
        page.goto(app.url)
        page.wait_for_selector("#status :text('press Draft')")
        page.locator("#files input[type=file]").set_input_files([str(p) for p in sorted(EXAMPLE.iterdir())])
        page.wait_for_selector("#files [aria-label='chat.txt']")
        page.locator("#draft-btn").click()
        page.wait_for_selector("#status :text('Draft ready')", timeout=120_000)

        # Some key time has candidates besides the chosen event: click the first one not chosen.
        option = page.locator("#keytimes-panel input[type=radio]:not(:checked)").first
        option.wait_for(state="attached")
        key_box = option.locator("xpath=ancestor::*[starts-with(@id, 'pick-')][1]")
        key = (key_box.get_attribute("id") or "").removeprefix("pick-")
        picked = option.get_attribute("value") or ""
        page.locator("#keytimes-panel").first.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "keytimes-1-candidates.png"), full_page=True)
        option.click()
        page.wait_for_selector(f"#notice :text('is now {picked}')")
        page.wait_for_selector("#status :text('Draft ready')", timeout=120_000)
        page.wait_for_function(
            "([k, v]) => document.querySelector(`#pick-${k} input[value='${v}']`)?.checked", arg=[key, picked]
        )
        page.screenshot(path=str(shots / "keytimes-2-picked.png"), full_page=True)

        rec = app.store.list()[0]
        draft = app.store.get(rec.id).draft
        assert key in ("start", "detected", "mitigated", "resolved") and picked
        assert draft["key_events"][key] == picked
        assert draft["provenance"]["key_picks"][-1]["event_id"] == picked
        assert draft["provenance"]["key_picks"][-1]["from_candidates"] is True
