"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

Every page a test opens is watched: a request to any host but the test server fails the test.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import ROOT, load_site

# Playwright's sync API runs an event loop in this thread; the ORM calls the fixtures make
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser(_site_server):
    # Started after the live server and closed before it, so that no open connection keeps
    # a request thread (and its database session) alive when the test database goes.
    if not Path(CHROMIUM).exists():
        message = (
            "*** Chromium is not installed: BROWSER TESTS SKIPPED "
            "(make test installs it when run as root) ***"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message.replace("SKIPPED", "cannot run under CI"))
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def _site_server(django_db_setup, django_db_blocker):
    """One live server for the session, serving the site as loaded into the test database.

    Browser tests only read: they run outside a transaction, against the committed content,
    so the database is not flushed and reloaded for each of them (loading takes a while)."""
    from pytest_django.live_server_helper import LiveServer

    from history.core.models import LoadedContent

    with django_db_blocker.unblock():
        if not LoadedContent.objects.filter(key="home").exists():
            load_site()
    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def live_site(_site_server, django_db_blocker):
    with django_db_blocker.unblock():
        yield _site_server


@pytest.fixture
def open_page(browser, live_site):
    """open_page(path, viewport=DESKTOP) -> a Playwright page at that path."""
    host = urlparse(live_site.url).netloc
    contexts, foreign = [], []

    def watch(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).netloc == host:
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    def open_(path, viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, **options)
        context.route("**/*", watch)
        contexts.append(context)
        page = context.new_page()
        page.goto(live_site.url + path)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert foreign == [], f"requests to other hosts: {foreign}"


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x: {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]
