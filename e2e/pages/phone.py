"""The softphone on the environment's home (/phone)."""

from __future__ import annotations

from playwright.sync_api import Locator

from mock_site import wording

from .base import Screen

BUTTON_FOR_KEY = {"*": "＊", "#": "＃"}


class SoftphonePage(Screen):
    """Dial from a number of a line and press keys, as a push-tone phone does."""

    PATH = "/phone"
    TITLE = wording.PHONE_TITLE

    def choose_caller(self, number: str) -> None:
        """Pick the calling number (通知番号)."""
        self.page.get_by_label(wording.PHONE_CALLER, exact=True).select_option(number)

    def dial(self, number: str, caller: str | None = None, data: bool = False) -> None:
        """Key number on the keypad and click 「発信」."""
        if caller is not None:
            self.choose_caller(caller)
        self.page.get_by_label(wording.PHONE_DATA).set_checked(data)
        self.press(number)
        self.page.get_by_role("button", name=wording.PHONE_DIAL, exact=True).click()

    def press(self, keys: str) -> None:
        """Click the keypad buttons for keys (0–9, *, #), one after another."""
        for key in keys:
            name = BUTTON_FOR_KEY.get(key, key)
            self.page.get_by_role("button", name=name, exact=True).click()

    def hang_up(self) -> None:
        """Click 「終話」."""
        self.page.get_by_role("button", name=wording.PHONE_HANG_UP, exact=True).click()

    @property
    def log(self) -> Locator:
        """Return the call log (role=log)."""
        return self.page.get_by_role("log")

    @property
    def guidance(self) -> Locator:
        """Return each guidance sentence in the log, oldest first."""
        return self.log.locator("[data-kind=guidance]")

    @property
    def state(self) -> Locator:
        """Return the line saying whether a call is on, and what it cost."""
        return self.page.get_by_role("status")

    @property
    def dialled(self) -> Locator:
        """Return the field holding the number to dial."""
        return self.page.get_by_label(wording.PHONE_DIALLED, exact=True)
