"""What every page object shares: the page, the site's base URL, the heading and the alert."""

from __future__ import annotations

from typing import Self, TypeVar

from playwright.sync_api import Locator, Page, expect

S = TypeVar("S", bound="Screen")


class Screen:
    """Wrap one screen of a site reached at base_url; subclasses name PATH and TITLE."""

    PATH = "/"
    TITLE = ""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def open(self) -> Self:
        """Navigate straight to this screen."""
        self.page.goto(self.base_url + self.PATH)
        return self

    def press(self, name: str, then: type[S]) -> S:
        """Click the button named name (an image button's alt) and return the screen it opens."""
        self.page.get_by_role("button", name=name, exact=True).click()
        return then(self.page, self.base_url)

    def expect_loaded(self) -> Self:
        """Wait until this screen is shown: its one h1 names the class's TITLE."""
        expect(self.heading).to_have_text(self.TITLE)
        return self

    @property
    def heading(self) -> Locator:
        """Return the screen's one h1."""
        return self.page.get_by_role("heading", level=1)

    @property
    def alert(self) -> Locator:
        """Return the error box (role=alert)."""
        return self.page.get_by_role("alert")

    @property
    def alert_messages(self) -> Locator:
        """Return each message in the error box."""
        return self.alert.get_by_role("listitem")

    @property
    def status(self) -> Locator:
        """Return the notice box (role=status)."""
        return self.page.get_by_role("status")
