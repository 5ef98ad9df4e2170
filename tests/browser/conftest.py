"""Browser tests: Debian's Chromium driven by Playwright against a live server that
shares the test database; each module builds its content (tests/browser/content.py).
Every visited page is checked for horizontal scrolling and with axe-core, and
screenshotted under tests/browser/screenshots/."""

import os
import re
from pathlib import Path

import pytest
from pytest_django.live_server_helper import LiveServer

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {message}")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    """A live server on the session's database. Not pytest-django's `live_server`, which
    would empty the database after each test: tests/skeleton.py restores it per module."""
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    yield server.url
    with django_db_blocker.unblock():
        server.stop()


@pytest.fixture
def committed(site_url, django_db_blocker):
    """Database access outside any transaction, for the test and the live server's thread
    (the blocker is process-wide); only while a browser test runs."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def page(browser, committed, site_url):
    context = browser.new_context(locale="fr-FR", base_url=site_url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def phone(browser, committed, site_url):
    context = browser.new_context(
        locale="fr-FR", base_url=site_url, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


def no_horizontal_scroll(tab):
    width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{tab.url} is {width[0]} px wide in a {width[1]} px viewport"


def check_page(page, name, region=None):
    """Screenshot the page, assert it does not scroll sideways and has zero axe-core
    violations (WCAG 2.1 AA), in `region` (a CSS selector) only when given: an admin dialog
    over an editor whose Draftail fields Wagtail leaves without an accessible name."""
    from axe_playwright_python.sync_playwright import Axe

    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}.png"), full_page=True)
    no_horizontal_scroll(page)
    # Colours mid-transition (an admin message fading in) are not the page's colours.
    page.evaluate("document.getAnimations().forEach(animation => animation.finish())")
    results = Axe().run(page, context=region, options=AXE_RULES)
    assert results.violations_count == 0, results.generate_report()
