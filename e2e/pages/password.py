"""The password screens: the forced change, 「パスワード変更」 from the top, and their results."""

from __future__ import annotations

from playwright.sync_api import Locator

from mock_site import wording
from mock_site.store import format_number

from .base import Screen


class PasswordChangePage(Screen):
    """Change a password: 現在のパスワード, then the new one twice."""

    PATH = "/APW_Disp.do"
    TITLE = wording.PASSWORD_CHANGE_TITLE

    def fill(self, current: str, new: str, confirm: str | None = None) -> None:
        """Type the three passwords without submitting."""
        self.page.get_by_label(wording.CURRENT_PASSWORD, exact=True).fill(current)
        self.page.get_by_label(wording.NEW_PASSWORD, exact=True).fill(new)
        self.page.get_by_label(wording.NEW_PASSWORD_CONFIRM, exact=True).fill(
            new if confirm is None else confirm
        )

    def choose_number(self, number: str) -> None:
        """Pick which number of the line to change (管理者 only)."""
        self.page.get_by_label(wording.PHONE_NUMBER, exact=True).select_option(number)

    @property
    def number_choice(self) -> Locator:
        """Return the 電話番号 select, present only for the 管理者."""
        return self.page.get_by_label(wording.PHONE_NUMBER, exact=True)

    def submit(self) -> None:
        """Click 「パスワード変更」."""
        self.page.get_by_role("button", name=wording.CHANGE_PASSWORD_BUTTON, exact=True).click()

    def change(self, current: str, new: str, number: str | None = None) -> PasswordChangedPage:
        """Change the password and land on the パスワード変更完了 screen."""
        if number is not None:
            self.choose_number(number)
        self.fill(current, new)
        self.submit()
        return PasswordChangedPage(self.page, self.base_url)

    def change_expecting_error(
        self, current: str, new: str, confirm: str | None = None
    ) -> PasswordChangePage:
        """Try a change the rules refuse, and stay on this screen."""
        self.fill(current, new, confirm)
        self.submit()
        return self


class ForcedChangePage(PasswordChangePage):
    """The change forced after a 仮パスワード (or an expired パスワード)."""

    PATH = "/AGP_Disp.do"


class PasswordChangedPage(Screen):
    """パスワード変更完了: names the number and leads back."""

    TITLE = wording.PASSWORD_CHANGED_TITLE

    def back_to_login(self, name: str = wording.BACK_TO_LOGIN_FORCED):
        """Click 「ログイン画面へ戻る」 (or 「ログイン画面へ」)."""
        from .login import LoginPage

        self.page.get_by_role("button", name=name, exact=True).click()
        return LoginPage(self.page, self.base_url)

    def back_to_top(self):
        """Click 「戻る」."""
        from .top import TopPage

        self.page.get_by_role("button", name=wording.BACK, exact=True).click()
        return TopPage(self.page, self.base_url)

    def names(self, number: str) -> str:
        """Return the number as this screen writes it."""
        return format_number(number)


class ExpiryNoticePage(Screen):
    """パスワード期限予告, with 「OK」."""

    PATH = "/AGL_Notice.do"
    TITLE = wording.EXPIRY_NOTICE_TITLE

    def ok(self):
        """Click 「OK」 and go on to the top screen."""
        from .top import TopPage

        self.page.get_by_role("button", name=wording.OK, exact=True).click()
        return TopPage(self.page, self.base_url)
