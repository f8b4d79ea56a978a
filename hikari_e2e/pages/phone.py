"""The softphone on the environment's home (/phone)."""

from __future__ import annotations

from playwright.sync_api import Locator, expect

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

    def dial(
        self, number: str, caller: str | None = None, data: bool = False, region: str | None = None
    ) -> None:
        """Key number on the keypad and click 「発信」.

        region picks the caller's line's region, for 142 from a number both regions have.
        """
        if caller is not None:
            self.choose_caller(caller)
        if region is not None:
            self.page.get_by_label(wording.PHONE_REGION, exact=True).select_option(region)
        self.page.get_by_label(wording.PHONE_DATA).set_checked(data)
        self.press(number)
        self.page.get_by_role("button", name=wording.PHONE_DIAL, exact=True).click()

    def press(self, keys: str) -> None:
        """Click the keypad buttons for keys (0–9, *, #), one after another."""
        for key in keys:
            name = BUTTON_FOR_KEY.get(key, key)
            self.page.get_by_role("button", name=name, exact=True).click()

    def hang_up(self) -> None:
        """Click 「終話」 and wait until the network has ended the call.

        Leaving the page sooner could cancel the request, leaving the number on the line.
        """
        self.page.get_by_role("button", name=wording.PHONE_HANG_UP, exact=True).click()
        expect(self.page.get_by_role("button", name=wording.PHONE_DIAL, exact=True)).to_be_enabled()

    @property
    def log(self) -> Locator:
        """Return the call log (role=log)."""
        return self.page.get_by_role("log")

    @property
    def guidance(self) -> Locator:
        """Return each guidance sentence in the log, oldest first."""
        return self.log.locator("[data-kind=guidance]")

    @property
    def voice(self) -> Locator:
        """Return the audio element the guidance is spoken by."""
        return self.page.get_by_test_id("ivr-voice")

    @property
    def state(self) -> Locator:
        """Return the line saying whether a call is on, and what it cost."""
        return self.page.get_by_role("status")

    @property
    def dialled(self) -> Locator:
        """Return the field holding the number to dial."""
        return self.page.get_by_label(wording.PHONE_DIALLED, exact=True)

    def ring(
        self,
        region: str,
        number: str,
        caller: str = "0312345678",
        *,
        answered: bool = False,
        busy: bool = False,
        fax_pages: int | None = None,
    ) -> None:
        """Simulate a call (or, with fax_pages, a FAX) to number from caller and click
        「着信させる」; caller is a number or anonymous, payphone, unavailable."""
        page = self.page
        page.get_by_label(wording.IN_TO, exact=True).select_option(f"{region}:{number}")
        special = caller in wording.SPECIAL_CALLERS
        page.get_by_label(wording.IN_FROM, exact=True).select_option(
            caller if special else "number"
        )
        if not special:
            page.get_by_label(wording.IN_CALLER_NUMBER, exact=True).fill(caller)
        kind = wording.IN_KIND_FAX if fax_pages else wording.IN_KIND_CALL
        page.get_by_label(kind, exact=True).check()
        if fax_pages:
            page.get_by_label(wording.IN_PAGES, exact=True).fill(str(fax_pages))
        page.get_by_label(wording.IN_ANSWER, exact=True).set_checked(answered)
        page.get_by_label(wording.IN_MAKE_BUSY, exact=True).set_checked(busy)
        page.get_by_role("button", name=wording.IN_RING, exact=True).click()

    @property
    def incoming(self) -> Locator:
        """Return each sentence the log says about calls and FAXes to a number."""
        return self.log.locator("[data-kind=incoming]")

    @property
    def error(self) -> Locator:
        """Return the softphone's error box."""
        return self.page.get_by_role("alert")
