"""The screens of both regional sites, one class each; navigation verbs return the next screen.

They live in one module because the site's navigation goes round (login → top → logout →
login); split across modules the classes would import each other. `hikari_e2e.pages` exports
every one.
"""

from __future__ import annotations

from typing import Self

from playwright.sync_api import Locator, Page

from mock_site import wording
from mock_site.store import format_number

from .base import S, Screen

# Login (AGL_Disp.do) ---


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

    def login(self, number: str, password: str) -> TopPage:
        """Log in and land on the top screen."""
        return self._log_in_to(TopPage, number, password)

    def login_to_forced_change(self, number: str, password: str) -> ForcedChangePage:
        """Log in with a 仮パスワード (or an expired password) and land on the forced change."""
        return self._log_in_to(ForcedChangePage, number, password)

    def login_to_notice(self, number: str, password: str) -> ExpiryNoticePage:
        """Log in with a password in its last days and land on the パスワード期限予告."""
        return self._log_in_to(ExpiryNoticePage, number, password)

    def login_to_otp_choice(self, number: str, password: str) -> OtpChoicePage:
        """Log in before the ワンタイムパスワード is chosen: the choice screen."""
        return self._log_in_to(OtpChoicePage, number, password)

    def login_to_otp_entry(self, number: str, password: str) -> OtpEntryPage:
        """Log in with the ワンタイムパスワード in use: a code is mailed, then its entry."""
        return self._log_in_to(OtpEntryPage, number, password)

    def login_expecting_error(self, number: str, password: str) -> LoginPage:
        """Try to log in and stay on the login screen with an error."""
        return self._log_in_to(LoginPage, number, password)


# The top screen (AGS_Disp.do) ---
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

    def open_service(self, service: str, number: str | None = None) -> Screen:
        """Click a service's button; pick number first when the site asks which.

        service is a wording key (wording.VOICE_WARP …); returns the service's first screen.
        """
        name = wording.SERVICE_BUTTONS[service]
        self.page.get_by_role("button", name=name, exact=True).click()
        screen = ENTRY_SCREENS[service]
        if number is None:
            return screen(self.page, self.base_url)
        choice = NumberChoicePage(self.page, self.base_url)
        return choice.choose(number, screen)

    def choose_number_for(self, service: str) -> NumberChoicePage:
        """Click a service's button and stay on the number choice."""
        name = wording.SERVICE_BUTTONS[service]
        return self.press(name, NumberChoicePage)

    def change_otp_choice(self) -> OtpChoicePage:
        """Open 「ワンタイムパスワード利用選択変更」."""
        return self.press(wording.OTP_CHOICE_CHANGE, OtpChoicePage)

    def change_password(self) -> PasswordChangePage:
        """Open 「パスワード変更」."""
        return self.press(wording.CHANGE_PASSWORD, PasswordChangePage)

    def logout(self) -> LoginPage:
        """Click 「ログアウト」 and return to the login screen."""
        return self.press(wording.LOGOUT, LoginPage)


# The password screens ---
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

    def back_to_login(self, name: str = wording.BACK_TO_LOGIN_FORCED) -> LoginPage:
        """Click 「ログイン画面へ戻る」 (or 「ログイン画面へ」)."""
        return self.press(name, LoginPage)

    def back_to_top(self) -> TopPage:
        """Click 「戻る」."""
        return self.press(wording.BACK, TopPage)

    def names(self, number: str) -> str:
        """Return the number as this screen writes it."""
        return format_number(number)


class ExpiryNoticePage(Screen):
    """パスワード期限予告, with 「OK」."""

    PATH = "/AGL_Notice.do"
    TITLE = wording.EXPIRY_NOTICE_TITLE

    def ok(self) -> TopPage:
        """Click 「OK」 and go on to the top screen."""
        return self.press(wording.OK, TopPage)


# The ワンタイムパスワード screens (guide steps 7–16) ---
class OtpChoicePage(Screen):
    """ワンタイムパスワード利用選択: 利用する or 利用しない, then 「次へ」."""

    PATH = "/AOS_Disp.do"
    TITLE = wording.OTP_CHOICE_TITLE

    def use(self) -> OtpRegistrationPage:
        """Choose 「ワンタイムパスワードを利用する」 and go on to the registration."""
        self.page.get_by_label(wording.OTP_USE).check()
        return self.press(wording.NEXT, OtpRegistrationPage)

    def decline(self) -> OtpConsentPage:
        """Choose 「ワンタイムパスワードを利用しない」 and go on to the consent."""
        self.page.get_by_label(wording.OTP_DECLINE).check()
        return self.press(wording.NEXT, OtpConsentPage)

    def use_again(self) -> TopPage:
        """Choose 「利用する」 again with the address already registered: back to the top."""
        self.page.get_by_label(wording.OTP_USE).check()
        return self.press(wording.NEXT, TopPage)

    def change_address(self) -> OtpRegistrationPage:
        """Follow 「ワンタイムパスワード受信用メールアドレスの変更」."""
        self.page.get_by_role("button", name=wording.OTP_ADDRESS_CHANGE_TITLE).click()
        return OtpRegistrationPage(self.page, self.base_url)


class OtpConsentPage(Screen):
    """The consent to not using the ワンタイムパスワード."""

    TITLE = wording.OTP_CONSENT_TITLE

    def agree(self) -> TopPage:
        """Click 「同意する」 and land on the top screen."""
        return self.press(wording.AGREE, TopPage)


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
        return self.press(wording.NEXT, OtpConfirmPage)

    def next_expecting_error(self, address: str, verify_id: str, verify_password: str) -> Self:
        """Fill the three fields and click 「次へ」, expecting the screen to stay (an error)."""
        self.next(address, verify_id, verify_password)
        return self


class OtpConfirmPage(Screen):
    """The confirmation, 確認用パスワード shown as ＊."""

    TITLE = wording.OTP_CONFIRM_TITLE

    def value(self, test_id: str) -> Locator:
        return self.page.get_by_test_id(test_id)

    def register(self) -> OtpProvisionalPage:
        """Click 「登録」: the 仮登録完了 screen."""
        return self.press(wording.REGISTER, OtpProvisionalPage)


class OtpProvisionalPage(Screen):
    """仮登録完了: the registration URL is on its way to the address."""

    TITLE = wording.OTP_PROVISIONAL_TITLE


class OtpRegisteredPage(Screen):
    """本登録完了, reached from the mailed URL."""

    TITLE = wording.OTP_REGISTERED_TITLE

    def send(self) -> OtpEntryPage:
        """Click 「ワンタイムパスワードを送信」."""
        return self.press(wording.SEND_OTP, OtpEntryPage)


class OtpEntryPage(Screen):
    """Enter the mailed ワンタイムパスワード."""

    PATH = "/AOL_Disp.do"
    TITLE = wording.OTP_ENTRY_TITLE

    def enter(self, code: str) -> TopPage:
        """Type the code and click 「次へ」; the top screen when it is right."""
        self.page.get_by_label(wording.OTP_CODE, exact=True).fill(code)
        return self.press(wording.NEXT, TopPage)

    def enter_expecting_error(self, code: str) -> OtpEntryPage:
        self.enter(code)
        return self

    def resend(self) -> OtpEntryPage:
        """Click 「ワンタイムパスワードを送信」 for a new code."""
        self.page.get_by_role("button", name=wording.SEND_OTP, exact=True).click()
        return self


# The service screens ---
class ServiceScreen(Screen):
    """What every service screen has: the number being set and 「サービスメニューへ」."""

    @property
    def target(self) -> Locator:
        """Return where the screen names the number being set (03-0000-1111（…）)."""
        return self.page.get_by_test_id("service-target")


class NumberChoicePage(Screen):
    """設定する電話番号の選択: under 回線単位 and for the 管理者, the number comes first."""

    PATH = "/AGS_Select.do"
    TITLE = wording.NUMBER_CHOICE_TITLE

    @property
    def options(self) -> Locator:
        """Return the radios, one per number that uses the service."""
        return self.page.get_by_role("radio")

    def choose(self, number: str, screen: type[Screen]) -> Screen:
        """Pick the number (given without hyphens) and click 「次へ」."""
        self.page.get_by_label(format_number(number), exact=False).check()
        return self.press(wording.NEXT, screen)


class ConfirmPage(ServiceScreen):
    """The （確認） screen of a service form titled `of`: the values as a table, 「設定」 and
    「戻る」."""

    def __init__(self, page: Page, base_url: str, of: str) -> None:
        super().__init__(page, base_url)
        self.of, self.TITLE = of, of + wording.CONFIRM_SUFFIX

    def value(self, label: str) -> Locator:
        """Return the value shown beside a label."""
        row = self.page.get_by_role("row").filter(
            has=self.page.get_by_role("rowheader", name=label, exact=True)
        )
        return row.get_by_role("cell")

    def set(self) -> DonePage:
        """Click 「設定」."""
        self.page.get_by_role("button", name=wording.SET, exact=True).click()
        return DonePage(self.page, self.base_url, self.of)

    def back(self) -> None:
        """Click 「戻る」: the input screen, still holding what was typed."""
        self.page.get_by_role("button", name=wording.BACK, exact=True).click()


class DonePage(ServiceScreen):
    """The （完了） screen of a service form titled `of`: 設定が完了しました, then
    「サービスメニューへ」."""

    def __init__(self, page: Page, base_url: str, of: str) -> None:
        super().__init__(page, base_url)
        self.TITLE = of + wording.DONE_SUFFIX

    def to_menu(self) -> None:
        """Click 「サービスメニューへ」."""
        self.page.get_by_role("button", name=wording.SERVICE_MENU, exact=True).click()


class VoiceWarpMenuPage(ServiceScreen):
    """VUM_Disp.do: the settings now, 転送先電話番号設定 and サービス開始／停止."""

    PATH = "/VUM_Disp.do"
    TITLE = wording.VW_MENU_TITLE

    @property
    def state(self) -> Locator:
        """Return 開始 or 停止."""
        return self.page.get_by_test_id("vw-state")

    @property
    def mode(self) -> Locator:
        """Return the transfer mode's name (停止 while stopped)."""
        return self.page.get_by_test_id("vw-mode")

    @property
    def selected(self) -> Locator:
        """Return the entry in use (転送先リスト1番)."""
        return self.page.get_by_test_id("vw-selected")

    def destination(self, entry: int) -> Locator:
        """Return the number of a list entry, with hyphens, or 未登録."""
        return self.page.get_by_test_id(f"vw-destination-{entry}")

    @property
    def ring(self) -> Locator:
        """Return the 呼出秒数 (voice_warp_default_ring_seconds until set)."""
        return self.page.get_by_test_id("vw-ring")

    def destinations(self) -> DestinationListPage:
        """Click 「転送先電話番号設定」."""
        return self.press(wording.VW_LIST_BUTTON, DestinationListPage)

    def switch(self) -> SwitchPage:
        """Click 「サービス開始／停止」."""
        return self.press(wording.VW_SWITCH_BUTTON, SwitchPage)


class DestinationListPage(ServiceScreen):
    """VUL_Disp.do: 転送先電話番号1–4 and the radio of the entry in use."""

    PATH = "/VUL_Disp.do"
    TITLE = wording.VW_LIST_TITLE

    def field(self, entry: int) -> Locator:
        """Return the text field of a list entry."""
        return self.page.get_by_label(wording.VW_DESTINATION.format(entry=entry), exact=True)

    def fill(self, entries: dict[int, str], use: int) -> None:
        """Type numbers into entries (1–4) and pick the one to use."""
        for entry, number in entries.items():
            self.field(entry).fill(number)
        self.page.get_by_label(wording.VW_USE_ENTRY.format(entry=use), exact=True).check()

    def submit(self) -> ConfirmPage:
        """Click 「設定」: the （確認）, or this screen again with an error."""
        self.page.get_by_role("button", name=wording.SET, exact=True).click()
        return ConfirmPage(self.page, self.base_url, self.TITLE)


class SwitchPage(ServiceScreen):
    """VUS_Disp.do: 無条件 / 無応答時 / 話中時 / 無応答時＋話中時 転送, or 停止."""

    PATH = "/VUS_Disp.do"
    TITLE = wording.VW_SWITCH_TITLE

    def ring_field(self, mode: str) -> Locator:
        """Return the 呼出秒数 field of a mode that rings first."""
        name = wording.VW_RING_FOR.format(mode=wording.VW_MODES[mode])
        return self.page.get_by_label(name, exact=True)

    def choose(self, mode: str, ring: int | str | None = None) -> None:
        """Pick the mode (a wording.VW_* key) and, for those that ring first, the seconds."""
        self.page.get_by_label(wording.VW_MODES[mode], exact=True).check()
        if ring is not None:
            self.ring_field(mode).fill(str(ring))

    def submit(self) -> ConfirmPage:
        """Click 「設定」: the （確認）, or this screen again with an error."""
        self.page.get_by_role("button", name=wording.SET, exact=True).click()
        return ConfirmPage(self.page, self.base_url, self.TITLE)


class NoticePage(ServiceScreen):
    """CNM_Disp.do: 着信お知らせメール settings, addresses 1–5 and the 送信条件 (FaxNoticePage:
    the FAXお知らせメール's)."""

    PATH = "/CNM_Disp.do"
    TITLE = wording.NOTICE_TITLE[wording.CALL_NOTICE]

    def address(self, n: int) -> Locator:
        """Return the field お知らせ先メールアドレスn."""
        return self.page.get_by_label(wording.NOTICE_ADDRESS.format(n=n), exact=True)

    def fill(
        self,
        addresses: list[str],
        condition: str | None = None,
        skip_anonymous: bool | None = None,
    ) -> None:
        """Type the addresses from field 1 on; pick the 送信条件 ("all", "missed") if given."""
        for n, address in enumerate(addresses, start=1):
            self.address(n).fill(address)
        if condition is not None:
            name = wording.NOTICE_CONDITIONS[condition]
            self.page.get_by_label(name, exact=True).check()
        if skip_anonymous is not None:
            box = self.page.get_by_label(wording.NOTICE_SKIP_ANONYMOUS, exact=True)
            box.set_checked(skip_anonymous)

    def submit(self) -> ConfirmPage:
        """Click 「設定」: the （確認）, or this screen again with an error."""
        self.page.get_by_role("button", name=wording.SET, exact=True).click()
        return ConfirmPage(self.page, self.base_url, self.TITLE)


class FaxNoticePage(NoticePage):
    """FNL_Disp.do: the FAXお知らせメール addresses (the same form as 着信お知らせメール's)."""

    PATH = "/FNL_Disp.do"
    TITLE = wording.NOTICE_TITLE[wording.FAX_NOTICE]


class FaxMenuPage(ServiceScreen):
    """FNM_Disp.do: the addresses, メールアドレス設定 and 受信FAX一覧."""

    PATH = "/FNM_Disp.do"
    TITLE = wording.FAX_MENU_TITLE

    def settings(self) -> FaxNoticePage:
        """Click 「メールアドレス設定」."""
        return self.press(wording.FAX_SETTINGS_BUTTON, FaxNoticePage)

    def received(self) -> FaxListPage:
        """Click 「受信FAX一覧」."""
        return self.press(wording.FAX_LIST_BUTTON, FaxListPage)


class FaxListPage(ServiceScreen):
    """FNR_Disp.do: the FAXes kept, newest first, each with 「表示」 (a PDF)."""

    PATH = "/FNR_Disp.do"
    TITLE = wording.FAX_LIST_TITLE

    @property
    def rows(self) -> Locator:
        """Return one table row per FAX kept."""
        return self.page.get_by_role("table", name=wording.FAX_LIST_TITLE).locator("tbody tr")

    @property
    def view_links(self) -> Locator:
        """Return the 「表示」 links, newest FAX first."""
        return self.page.get_by_role("link", name=wording.FAX_VIEW)

    @property
    def empty(self) -> Locator:
        """Return the sentence saying no FAX is kept."""
        return self.page.get_by_text(wording.FAX_LIST_EMPTY)


ENTRY_SCREENS = {
    wording.VOICE_WARP: VoiceWarpMenuPage,
    wording.CALL_NOTICE: NoticePage,
    wording.FAX_NOTICE: FaxMenuPage,
}
