"""The ワンタイムパスワード screens (guide steps 7–16)."""

from __future__ import annotations

from playwright.sync_api import Locator

from mock_site import wording

from .base import Screen


class OtpChoicePage(Screen):
    """ワンタイムパスワード利用選択: 利用する or 利用しない, then 「次へ」."""

    PATH = "/AOS_Disp.do"
    TITLE = wording.OTP_CHOICE_TITLE

    def use(self) -> OtpRegistrationPage:
        """Choose 「ワンタイムパスワードを利用する」 and go on to the registration."""
        self.page.get_by_label(wording.OTP_USE).check()
        self.page.get_by_role("button", name=wording.NEXT, exact=True).click()
        return OtpRegistrationPage(self.page, self.base_url)

    def decline(self) -> OtpConsentPage:
        """Choose 「ワンタイムパスワードを利用しない」 and go on to the consent."""
        self.page.get_by_label(wording.OTP_DECLINE).check()
        self.page.get_by_role("button", name=wording.NEXT, exact=True).click()
        return OtpConsentPage(self.page, self.base_url)

    def use_again(self):
        """Choose 「利用する」 again with the address already registered: back to the top."""
        from .top import TopPage

        self.page.get_by_label(wording.OTP_USE).check()
        self.page.get_by_role("button", name=wording.NEXT, exact=True).click()
        return TopPage(self.page, self.base_url)

    def change_address(self) -> OtpRegistrationPage:
        """Follow 「ワンタイムパスワード受信用メールアドレスの変更」."""
        self.page.get_by_role("button", name=wording.OTP_ADDRESS_CHANGE_TITLE).click()
        return OtpRegistrationPage(self.page, self.base_url)


class OtpConsentPage(Screen):
    """The consent to not using the ワンタイムパスワード."""

    TITLE = wording.OTP_CONSENT_TITLE

    def agree(self):
        """Click 「同意する」 and land on the top screen."""
        from .top import TopPage

        self.page.get_by_role("button", name=wording.AGREE, exact=True).click()
        return TopPage(self.page, self.base_url)


class OtpRegistrationPage(Screen):
    """The OTP mail address, 確認用ID and 確認用パスワード."""

    PATH = "/AOR_Disp.do"
    TITLE = wording.OTP_REGISTER_TITLE

    def fill(self, address: str, verify_id: str, verify_password: str) -> None:
        self.page.get_by_label(wording.OTP_ADDRESS, exact=True).fill(address)
        self.page.get_by_label(wording.OTP_VERIFY_ID, exact=True).fill(verify_id)
        self.page.get_by_label(wording.OTP_VERIFY_PASSWORD, exact=True).fill(verify_password)

    def next(self, address: str, verify_id: str, verify_password: str) -> OtpConfirmPage:
        """Fill the three fields and click 「次へ」."""
        self.fill(address, verify_id, verify_password)
        self.page.get_by_role("button", name=wording.NEXT, exact=True).click()
        return OtpConfirmPage(self.page, self.base_url)

    def next_expecting_error(self, address: str, verify_id: str, verify_password: str):
        self.next(address, verify_id, verify_password)
        return self


class OtpConfirmPage(Screen):
    """The confirmation, 確認用パスワード shown as ＊."""

    TITLE = wording.OTP_CONFIRM_TITLE

    def value(self, test_id: str) -> Locator:
        return self.page.get_by_test_id(test_id)

    def register(self) -> Screen:
        """Click 「登録」: the 仮登録完了 screen."""
        self.page.get_by_role("button", name=wording.REGISTER, exact=True).click()
        return Screen(self.page, self.base_url)


class OtpRegisteredPage(Screen):
    """本登録完了, reached from the mailed URL."""

    TITLE = wording.OTP_REGISTERED_TITLE

    def send(self) -> OtpEntryPage:
        """Click 「ワンタイムパスワードを送信」."""
        self.page.get_by_role("button", name=wording.SEND_OTP, exact=True).click()
        return OtpEntryPage(self.page, self.base_url)


class OtpEntryPage(Screen):
    """Enter the mailed ワンタイムパスワード."""

    PATH = "/AOL_Disp.do"
    TITLE = wording.OTP_ENTRY_TITLE

    def enter(self, code: str):
        """Type the code and click 「次へ」; the top screen when it is right."""
        from .top import TopPage

        self.page.get_by_label(wording.OTP_CODE, exact=True).fill(code)
        self.page.get_by_role("button", name=wording.NEXT, exact=True).click()
        return TopPage(self.page, self.base_url)

    def enter_expecting_error(self, code: str) -> OtpEntryPage:
        self.enter(code)
        return self

    def resend(self) -> OtpEntryPage:
        """Click 「ワンタイムパスワードを送信」 for a new code."""
        self.page.get_by_role("button", name=wording.SEND_OTP, exact=True).click()
        return self
