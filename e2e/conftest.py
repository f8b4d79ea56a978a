"""Give every browser test a freshly reset environment."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from mock_site.client import ControlClient

from .journeys import Customer


@pytest.fixture(autouse=True)
def fresh_environment(hikari: ControlClient) -> None:
    """Reset lines, clock and inbox before each test, so no test sees another's state."""
    hikari.reset()


# The guide shows the site on a PC and on a 携帯電話 (p.8); login journeys run on both.
MOBILE_DEVICE = "Pixel 7"


@pytest.fixture(params=["pc", "mobile"])
def customer_page(request: pytest.FixtureRequest, playwright, new_context) -> Page:
    """Return a page on a desktop browser, then on a phone-sized one (Pixel 7 profile)."""
    if request.param == "pc":
        return request.getfixturevalue("page")
    device = {
        key: value
        for key, value in playwright.devices[MOBILE_DEVICE].items()
        if key != "default_browser_type"
    }
    return new_context(**device).new_page()


# A failing step should fail in seconds, not after Playwright's default 30 s.
ACTION_TIMEOUT_MS = 10_000


@pytest.fixture
def context(context):
    """Extend pytest-playwright's context with a shorter action timeout."""
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    return context


@pytest.fixture
def new_context(new_context):
    """Extend pytest-playwright's new_context with the same shorter action timeout."""

    def make(**kwargs):
        created = new_context(**kwargs)
        created.set_default_timeout(ACTION_TIMEOUT_MS)
        return created

    return make


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Keep each phase's report on the test, so fixtures can tell a failure."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def keep_mail_of_failed_tests(request: pytest.FixtureRequest, hikari: ControlClient, output_path):
    """Save every mail a failed test caused as .eml next to its trace and screenshot."""
    yield
    failed = any(
        getattr(request.node, f"rep_{when}", None) is not None
        and getattr(request.node, f"rep_{when}").failed
        for when in ("setup", "call")
    )
    if not failed:
        return
    mails = hikari.mails()
    if not mails:
        return
    folder = Path(output_path)
    folder.mkdir(parents=True, exist_ok=True)
    for mail in mails:
        (folder / f"mail-{mail['id']}.eml").write_bytes(hikari.raw_mail(mail["id"]))


@pytest.fixture
def customer(page: Page, site_url: str, home_url: str, region: str, mailbox) -> Customer:
    """Return a customer at this test's page and region, reading mail through `mailbox`."""
    return Customer(page, site_url, home_url, region, mailbox)


@pytest.fixture
def frozen(clock: ControlClient) -> ControlClient:
    """Stop the mock's clock before the test seeds anything, so deadlines are exact."""
    clock.freeze()
    return clock
