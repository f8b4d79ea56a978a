"""The top screen (AGS_Disp.do)."""

from __future__ import annotations

from playwright.sync_api import Locator

from mock_site import wording
from mock_site.store import format_number

from .base import Screen


class TopPage(Screen):
    """Show the services in use and lead to settings, password change and ログアウト."""

    PATH = "/AGS_Disp.do"
    TITLE = wording.TOP_TITLE

    @property
    def logged_in_number(self) -> Locator:
        """Return where the screen names the logged-in number."""
        return self.page.get_by_test_id("logged-in-number")

    @property
    def numbers(self) -> Locator:
        """Return the numbers this login may set (row headers of the table)."""
        table = self.page.get_by_role("table", name=wording.REACH_CAPTION)
        return table.get_by_role("rowheader")

    def services_of(self, number: str) -> Locator:
        """Return the services in use on one number (given without hyphens)."""
        name = f"{format_number(number)}のサービス"
        return self.page.get_by_role("list", name=name).get_by_role("listitem")

    @property
    def service_buttons(self) -> Locator:
        """Return the buttons of the services in use (ボイスワープ, 着信お知らせメール, …)."""
        menu = self.page.get_by_role("list", name=wording.SERVICES_IN_USE, exact=True)
        return menu.get_by_role("button")

    def open_service(self, service: str, number: str | None = None):
        """Click a service's button; pick number first when the site asks which.

        service is a wording key (wording.VOICE_WARP …); returns the service's first screen.
        """
        from .services import ENTRY_SCREENS, NumberChoicePage

        name = wording.SERVICE_BUTTONS[service]
        self.page.get_by_role("button", name=name, exact=True).click()
        screen = ENTRY_SCREENS[service]
        if number is None:
            return screen(self.page, self.base_url)
        choice = NumberChoicePage(self.page, self.base_url)
        return choice.choose(number, screen)

    def choose_number_for(self, service: str):
        """Click a service's button and stay on the number choice."""
        from .services import NumberChoicePage

        name = wording.SERVICE_BUTTONS[service]
        self.page.get_by_role("button", name=name, exact=True).click()
        return NumberChoicePage(self.page, self.base_url)

    def change_otp_choice(self):
        """Open 「ワンタイムパスワード利用選択変更」."""
        from .otp import OtpChoicePage

        self.page.get_by_role("button", name=wording.OTP_CHOICE_CHANGE, exact=True).click()
        return OtpChoicePage(self.page, self.base_url)

    def change_password(self):
        """Open 「パスワード変更」."""
        from .password import PasswordChangePage

        self.page.get_by_role("button", name=wording.CHANGE_PASSWORD, exact=True).click()
        return PasswordChangePage(self.page, self.base_url)

    def logout(self):
        """Click 「ログアウト」 and return to the login screen."""
        from .login import LoginPage

        self.page.get_by_role("button", name=wording.LOGOUT, exact=True).click()
        return LoginPage(self.page, self.base_url)
