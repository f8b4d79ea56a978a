"""The login screen (AGL_Disp.do)."""

from __future__ import annotations

from mock_site import wording

from .base import Screen


class LoginPage(Screen):
    """Log in with 電話番号 and パスワード."""

    PATH = "/AGL_Disp.do"
    TITLE = wording.LOGIN_TITLE

    def fill(self, number: str, password: str) -> None:
        """Type the number and password without submitting."""
        self.page.get_by_label(wording.PHONE_NUMBER, exact=True).fill(number)
        self.page.get_by_label(wording.PASSWORD, exact=True).fill(password)

    def submit(self) -> None:
        """Click 「ログイン」."""
        self.page.get_by_role("button", name=wording.LOGIN, exact=True).click()

    def login(self, number: str, password: str):
        """Log in and land on the top screen."""
        from .top import TopPage

        self.fill(number, password)
        self.submit()
        return TopPage(self.page, self.base_url)

    def login_to_forced_change(self, number: str, password: str):
        """Log in with a 仮パスワード (or an expired password) and land on the forced change."""
        from .password import ForcedChangePage

        self.fill(number, password)
        self.submit()
        return ForcedChangePage(self.page, self.base_url)

    def login_to_notice(self, number: str, password: str):
        """Log in with a password in its last days and land on the パスワード期限予告."""
        from .password import ExpiryNoticePage

        self.fill(number, password)
        self.submit()
        return ExpiryNoticePage(self.page, self.base_url)

    def login_to_otp_choice(self, number: str, password: str):
        """Log in before the ワンタイムパスワード is chosen: the choice screen."""
        from .otp import OtpChoicePage

        self.fill(number, password)
        self.submit()
        return OtpChoicePage(self.page, self.base_url)

    def login_to_otp_entry(self, number: str, password: str):
        """Log in with the ワンタイムパスワード in use: a code is mailed, then its entry."""
        from .otp import OtpEntryPage

        self.fill(number, password)
        self.submit()
        return OtpEntryPage(self.page, self.base_url)

    def login_expecting_error(self, number: str, password: str) -> LoginPage:
        """Try to log in and stay on the login screen with an error."""
        self.fill(number, password)
        self.submit()
        return self
