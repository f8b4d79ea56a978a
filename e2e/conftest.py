"""What this browser suite adds to the hikari_e2e plugin's fixtures."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from mock_site.client import ControlClient


@pytest.fixture(autouse=True)
def fresh_environment(hikari: ControlClient) -> None:
    """Give every browser test a freshly reset environment (the plugin's `hikari` resets it),
    so no test sees another's state, even one that asks for no part of it by name."""


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
