"""The fixtures that extend pytest-playwright's: launch the browser this machine has, browse as a
customer in Japan does, walk as a Customer. The plugin registers this module after every
installed plugin, so that these override (and request) pytest-playwright's own."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page

from . import browser

if TYPE_CHECKING:  # loaded by the fixtures that use them (see plugin.py)
    from .journeys import Customer
    from .mailbox import Mailbox


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Use Playwright's Chromium when installed, else the system's with offline flags."""
    headless = browser_type_launch_args.get("headless", True)
    try:
        launch_plan = browser.plan(headless=headless)
    except browser.NoBrowser as error:
        pytest.exit(str(error), 2)
    return launch_plan.merge(browser_type_launch_args)


@pytest.fixture(scope="session")
def connect_options(pytestconfig: pytest.Config, browser_type_launch_args: dict) -> dict | None:
    """With --browser-server, connect to that Playwright browser server instead of launching.

    The server launches the browser with our launch options (sent as the protocol expects),
    and expose_network lets it reach the mock on this machine's loopback.
    """
    server = pytestconfig.getoption("browser_server")
    if not server:
        return None
    return {
        "endpoint": server,
        "expose_network": "<loopback>",
        "headers": {
            "x-playwright-launch-options": browser.wire_launch_options(browser_type_launch_args)
        },
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """Browse as a customer in Japan does."""
    return {**browser_context_args, "locale": "ja-JP", "timezone_id": "Asia/Tokyo"}


@pytest.fixture
def new_context(new_context, request: pytest.FixtureRequest):
    """Extend pytest-playwright's new_context, in a test that uses the environment: in a space
    of its own (--hikari-url), every request of the browser names it (X-Hikari-Space), so
    pages before login, the inbox and the softphone are that space's; and a page that the
    replica answers with a 500 because a view raised is shot and closed at once, so the test
    ends now, not at a locator's timeout, and its report gives the server's traceback."""
    if "hikari" not in request.fixturenames:
        return new_context
    from mock_site.store import SPACE_HEADER

    space = request.getfixturevalue("hikari").space
    output = Path(request.getfixturevalue("output_path"))

    def make(**kwargs):
        if space:
            headers = {**(kwargs.pop("extra_http_headers", None) or {}), SPACE_HEADER: space}
            kwargs["extra_http_headers"] = headers
        context = new_context(**kwargs)
        context.on("response", lambda response: _server_error(response, request.node, output))
        return context

    return make


def _server_error(response, node: pytest.Item, output: Path) -> None:
    """Shoot and close the page a raise answered. A navigation's response comes before its
    document replaces the old one, and a shot taken in between fails ("Unable to capture
    screenshot"): the page is shot at its next load. Events arrive in order, so that load is
    this document's; the page closes whether or not the shot was taken."""
    from mock_site.store import SERVER_ERROR_HEADER

    if SERVER_ERROR_HEADER.lower() not in response.headers:
        return
    page = response.frame.page
    shoot = functools.partial(_shoot_and_close, page, response.url, node, output)
    if response.request.is_navigation_request() and response.frame == page.main_frame:
        page.once("load", shoot)  # Playwright passes a handler only what it takes: nothing
    else:
        shoot()


def _shoot_and_close(page: Page, url: str, node: pytest.Item, output: Path) -> None:
    shot = output / "server-error.png"
    try:
        output.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=shot)
        node.add_report_section("call", "server error", f"{url}: the page, {shot}")
    except Exception as error:  # a page already closing, a shot refused: said, and closed
        node.add_report_section("call", "server error", f"{url}: no shot ({error})")
    finally:
        try:
            page.close()  # what the test waits for fails now
        except Exception:  # noqa: S110  (closed already)
            pass


@pytest.fixture
def customer(page: Page, site_url: str, home_url: str, region: str, mailbox: Mailbox) -> Customer:
    """Return a customer at this test's page and region, reading mail through `mailbox`."""
    from .journeys import Customer

    return Customer(page, site_url, home_url, region, mailbox)


# Feature files (hikari_e2e.scenarios.suite): a module's `test_x = Features(...)` is collected as
# one test per scenario and region; --hikari-evidence keeps their evidence.


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makeitem(collector: pytest.Collector, name: str, obj: object):
    suite = sys.modules.get("hikari_e2e.scenarios.suite")  # not loaded: no Features anywhere
    if suite is not None and isinstance(obj, suite.Features):
        return suite.collect(collector, name, obj)
    return None


@pytest.fixture
def hikari_evidence(request: pytest.FixtureRequest):
    """A feature test's evidence (with --hikari-evidence): kept after its page has closed."""
    from .scenarios.suite import evidence_fixture

    return evidence_fixture(request)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Keep a feature test's evidence once pytest-playwright has saved its video and trace
    (its trylast wrapper runs inside this one)."""
    report = yield
    suite = sys.modules.get("hikari_e2e.scenarios.suite")
    if call.when == "teardown" and suite is not None:
        suite.kept(item)
    return report


def pytest_sessionstart(session: pytest.Session) -> None:
    config = session.config
    if config.getoption("hikari_evidence") and not hasattr(config, "workerinput"):
        from .scenarios.suite import clear

        clear(config)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Write the evidence workbook once, where the reports are written (not in a worker)."""
    config = session.config
    if config.getoption("hikari_evidence") and not hasattr(config, "workerinput"):
        from .scenarios.suite import finish

        finish(config)
