"""The top screen (AGS_Disp.do)."""

from __future__ import annotations

from playwright.sync_api import Locator

from mock_site import wording

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
    def services(self) -> Locator:
        """Return the list of services in use."""
        return self.page.get_by_role("list", name="ご利用中のサービス").get_by_role("listitem")

    def logout(self):
        """Click 「ログアウト」 and return to the login screen."""
        from .login import LoginPage

        self.page.get_by_role("button", name=wording.LOGOUT, exact=True).click()
        return LoginPage(self.page, self.base_url)
