"""The login screen (AGL_Disp.do)."""

from __future__ import annotations

from typing import TypeVar

from mock_site import wording

from .base import Screen

S = TypeVar("S", bound=Screen)


class LoginPage(Screen):
    """Log in with 電話番号 and パスワード; one verb per screen a login can lead to."""

    PATH = "/AGL_Disp.do"
    TITLE = wording.LOGIN_TITLE

    def fill(self, number: str, password: str) -> None:
        """Type the number and password without submitting."""
        self.page.get_by_label(wording.PHONE_NUMBER, exact=True).fill(number)
        self.page.get_by_label(wording.PASSWORD, exact=True).fill(password)

    def submit(self) -> None:
        """Click 「ログイン」."""
        self.page.get_by_role("button", name=wording.LOGIN, exact=True).click()

    def _log_in_to(self, screen: type[S], number: str, password: str) -> S:
        self.fill(number, password)
        self.submit()
        return screen(self.page, self.base_url)

    def login(self, number: str, password: str):
        """Log in and land on the top screen."""
        from .top import TopPage

        return self._log_in_to(TopPage, number, password)

    def login_to_forced_change(self, number: str, password: str):
        """Log in with a 仮パスワード (or an expired password) and land on the forced change."""
        from .password import ForcedChangePage

        return self._log_in_to(ForcedChangePage, number, password)

    def login_to_notice(self, number: str, password: str):
        """Log in with a password in its last days and land on the パスワード期限予告."""
        from .password import ExpiryNoticePage

        return self._log_in_to(ExpiryNoticePage, number, password)

    def login_to_otp_choice(self, number: str, password: str):
        """Log in before the ワンタイムパスワード is chosen: the choice screen."""
        from .otp import OtpChoicePage

        return self._log_in_to(OtpChoicePage, number, password)

    def login_to_otp_entry(self, number: str, password: str):
        """Log in with the ワンタイムパスワード in use: a code is mailed, then its entry."""
        from .otp import OtpEntryPage

        return self._log_in_to(OtpEntryPage, number, password)

    def login_expecting_error(self, number: str, password: str) -> LoginPage:
        """Try to log in and stay on the login screen with an error."""
        return self._log_in_to(LoginPage, number, password)
