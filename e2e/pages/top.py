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

    def change_otp_choice(self):
        """Open 「ワンタイムパスワード利用選択変更」."""
        from .otp import OtpChoicePage

        self.page.get_by_role("link", name=wording.OTP_CHOICE_CHANGE, exact=True).click()
        return OtpChoicePage(self.page, self.base_url)

    def change_password(self):
        """Open 「パスワード変更」."""
        from .password import PasswordChangePage

        self.page.get_by_role("link", name=wording.CHANGE_PASSWORD, exact=True).click()
        return PasswordChangePage(self.page, self.base_url)

    def logout(self):
        """Click 「ログアウト」 and return to the login screen."""
        from .login import LoginPage

        self.page.get_by_role("button", name=wording.LOGOUT, exact=True).click()
        return LoginPage(self.page, self.base_url)
