"""Chromium from Debian driven by Playwright (never `playwright install`): the browser tests' fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import TEST_OUTPUT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SHOTS = TEST_OUTPUT / "ui"


@pytest.fixture
def chromium() -> Iterator[Any]:
    """A headless Debian chromium; each test opens its own contexts (one per signed-in person)."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium: Any) -> Iterator[Any]:
    """One page in a fresh context, downloads allowed."""
    page = new_page(chromium)
    yield page
    page.context.close()


def new_page(browser: Any, *, headers: dict[str, str] | None = None) -> Any:
    """A page in its own context (its own cookies), sending ``headers`` with every request."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True,
                                  extra_http_headers=headers or {})  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(60_000)
    return page


def shot(page: Any, name: str) -> None:
    """A full-page screenshot under test-output/ui/."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)
