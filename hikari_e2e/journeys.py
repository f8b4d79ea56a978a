"""The guide's journeys over the page objects: a `Customer` at a browser, whose verbs are every
journey of the guide, shared by the tests (the `customer` fixture), the scenarios
(`run.customer`) and the feature steps.

A Customer holds a `step`: a function that, given a caption in the guide's words (「手順3 …」),
returns a context manager around that step. Tests leave it out; the scenario runner passes its
own, which prints progress, captions the video and shoots the guide's screenshots. The flow
itself is written once, here.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Protocol

from playwright.sync_api import Page, expect

from hikari_e2e.builders import OtpAccount
from hikari_e2e.phone import temp_password_keys
from mock_site import wording
from mock_site.regions import REGIONS

from .pages.home import InboxPage
from .pages.phone import SoftphonePage
from .pages.site import (
    ENTRY_SCREENS,
    DestinationListPage,
    DonePage,
    FaxMenuPage,
    LoginPage,
    NoticePage,
    OtpChoicePage,
    OtpEntryPage,
    OtpRegisteredPage,
    SwitchPage,
    TopPage,
    VoiceWarpMenuPage,
)

Step = Callable[[str], AbstractContextManager]


def no_steps(caption: str) -> AbstractContextManager:
    """Run a step without telling anyone (what tests use)."""
    return nullcontext()


def login_step(n: int) -> str:
    """Return the guide's login step n (p.8–14) as a caption: 「手順n …」."""
    return wording.STEP.format(n=n, title=wording.GUIDE_LOGIN_STEPS[n])


def temp_step(n: int, **values: str) -> str:
    """Return the guide's 仮パスワード step n (p.5–7) as a caption."""
    return wording.STEP.format(n=n, title=wording.GUIDE_TEMP_STEPS[n].format(**values))


def password_step(n: int) -> str:
    """Return the guide's パスワード変更 step n (p.15–16) as a caption."""
    return wording.STEP.format(n=n, title=wording.GUIDE_PASSWORD_STEPS[n])


def service_step(key: str, **values: str) -> str:
    """Return a service scenario's caption (assumed wording, the guide has none)."""
    return wording.SERVICE_STEPS[key].format(**values)


# Reading the site's mail: through the API (tests) or on the inbox page (the viewer sees it).


class MailReader(Protocol):
    """Where a journey reads the site's mail: the `mailbox` fixture, or InboxMail."""

    def registration_url(self, address: str) -> str: ...
    def otp(self, address: str) -> str: ...


class InboxMail:
    """Read mail on the inbox page in the same tab, so a video shows it arriving."""

    def __init__(self, page: Page, home_url: str) -> None:
        self.page, self.home_url = page, home_url

    def _open(self, address: str, subject: str):
        inbox = InboxPage(self.page, self.home_url).open()
        mail = inbox.open_mail(address, subject)
        mail.expect_loaded()
        return mail

    def registration_url(self, address: str) -> str:
        mail = self._open(address, wording.MAIL_REGISTRATION_SUBJECT)
        return mail.text.locator('a[href*="AOR_Regist.do"]').first.get_attribute("href")

    def otp(self, address: str) -> str:
        return self._open(address, wording.MAIL_OTP_SUBJECT).otp()


# A customer at a browser --------------------------------------------------------------------------


@dataclass
class Customer:
    """A customer at a browser: the page, the region's site, the home (softphone and inbox),
    where mail is read and the step recorder. Each journey of the guide is a verb that takes only
    its own data; a verb that starts from a screen takes that screen."""

    page: Page
    site_url: str
    home_url: str
    region: str
    mail: MailReader
    step: Step = no_steps

    # 仮パスワード by phone (p.5–7) ---------------------------------------------------------------

    def set_temp_password(
        self, contract: str, caller: str, unit: str, password: str, target: str | None = None
    ) -> SoftphonePage:
        """Call the region's access number from caller, a number of the line whose 契約者回線番号
        is contract, and set target's 仮パスワード (guide p.5–7, 手順1–6).

        target defaults to the number the guide's flow sets: the contract number under
        回線単位, the caller otherwise.
        """
        if target is None:
            target = contract if unit == wording.UNIT_LINE else caller
        keys = temp_password_keys(unit, caller == contract, target, password)
        unit_key, rest = keys[0], keys[1:]
        number_part, passwords = rest[: -2 * len(password)], rest[-2 * len(password) :]
        with self.step(temp_step(1)):
            phone = SoftphonePage(self.page, self.home_url).open()
            phone.dial(REGIONS[self.region].access_number, caller=caller)
            expect(phone.guidance.first).to_have_text(wording.IVR_UNIT_CHOICE)
        with self.step(temp_step(2, key=unit_key, unit=wording.UNIT_NAMES[unit])):
            phone.press(unit_key)
        if number_part:
            with self.step(temp_step(3)):
                phone.press(number_part)
        with self.step(temp_step(4)):
            phone.press(passwords[: len(password)])
            expect(phone.guidance.last).to_have_text(wording.IVR_CONFIRM_ENTRY)
        with self.step(temp_step(5)):
            phone.press(passwords[len(password) :])
        with self.step(temp_step(6)):
            expect(phone.guidance.last).to_have_text(wording.IVR_DONE.format(number=target))
        return phone

    # Logging in (p.8–14) ----------------------------------------------------------------------

    def first_login(self, number: str, temp: str, new: str) -> None:
        """Log in with a 仮パスワード, change it, log in again (steps 1–6). The browser is left
        on the screen after that login: the OTP choice where the region offers it, else the top."""
        with self.step(login_step(1)):
            login = LoginPage(self.page, self.site_url).open()
            login.expect_loaded()
        with self.step(login_step(3)):
            change = login.login_to_forced_change(number, temp)
        with self.step(login_step(4)):
            change.expect_loaded()
            done = change.change(temp, new)
        with self.step(login_step(5)):
            done.expect_loaded()
            login = done.back_to_login()
        with self.step(login_step(6)):
            login.fill(number, new)
            login.submit()

    def log_in(self, number: str, password: str) -> TopPage:
        """Log in with a password whose OTP is declined (steps 2–3) and land on the top."""
        with self.step(login_step(2)):
            login = LoginPage(self.page, self.site_url).open()
        with self.step(login_step(3)):
            top = login.login(number, password)
            top.expect_loaded()
        return top

    def log_in_to_otp_choice(self, number: str, password: str) -> OtpChoicePage:
        """Log in before the ワンタイムパスワード is chosen (steps 2–3): the choice screen."""
        with self.step(login_step(2)):
            login = LoginPage(self.page, self.site_url).open()
        with self.step(login_step(3)):
            choice = login.login_to_otp_choice(number, password)
            choice.expect_loaded()
        return choice

    def register_otp(self, account: OtpAccount) -> TopPage:
        """From the choice screen: choose the ワンタイムパスワード, register account, open the
        mailed URL, send and enter the code (steps 7–13)."""
        choice = OtpChoicePage(self.page, self.site_url)
        with self.step(login_step(7)):
            choice.expect_loaded()
            registration = choice.use()
        with self.step(login_step(8)):
            confirm = registration.next(account.address, account.verify_id, account.verify_password)
        with self.step(login_step(9)):
            masked = "＊" * len(account.verify_password)
            expect(confirm.value("otp-verify-password")).to_have_text(masked)
            provisional = confirm.register()
            provisional.expect_loaded()
        with self.step(login_step(10)):
            self.page.goto(self.mail.registration_url(account.address))
            registered = OtpRegisteredPage(self.page, self.site_url)
            registered.expect_loaded()
        with self.step(login_step(11)):
            entry = registered.send()
            entry.expect_loaded()
            code = self.mail.otp(account.address)
        return self.enter_code(code)

    def log_in_and_register_otp(self, number: str, password: str, account: OtpAccount) -> TopPage:
        """Log in, then register the ワンタイムパスワード and log in with it (steps 2–13)."""
        LoginPage(self.page, self.site_url).open().login_to_otp_choice(number, password)
        return self.register_otp(account)

    def enter_code(self, code: str) -> TopPage:
        """Type the mailed code on the entry screen (back to it if the inbox was open): 12–13."""
        with self.step(login_step(12)):
            entry = OtpEntryPage(self.page, self.site_url)
            if not self.page.url.startswith(self.site_url):  # the inbox is open, on the home
                entry.open()
            top = entry.enter(code)
        with self.step(login_step(13)):
            top.expect_loaded()
        return top

    def decline_otp(self) -> TopPage:
        """On the choice screen: 「利用しない」, 「次へ」, 「同意する」 (steps 14–16)."""
        with self.step(login_step(14)):
            choice = OtpChoicePage(self.page, self.site_url)
            choice.expect_loaded()
            consent = choice.decline()
        with self.step(login_step(15)):
            consent.expect_loaded()
            top = consent.agree()
        with self.step(login_step(16)):
            top.expect_loaded()
        return top

    def log_in_with_otp(self, number: str, password: str, address: str) -> TopPage:
        """Log in with the password and the code mailed to address (steps 2, 3, 12, 13)."""
        with self.step(login_step(2)):
            login = LoginPage(self.page, self.site_url).open()
        with self.step(login_step(3)):
            entry = login.login_to_otp_entry(number, password)
            entry.expect_loaded()
            code = self.mail.otp(address)
        return self.enter_code(code)

    def change_password(self, top: TopPage, current: str, new: str):
        """「パスワード変更」 from the top (p.15–16); returns the done screen."""
        with self.step(password_step(1)):
            change = top.change_password()
            change.expect_loaded()
        with self.step(password_step(2)):
            done = change.change(current, new)
        with self.step(password_step(3)):
            done.expect_loaded()
        return done

    def log_out(self, top: TopPage) -> LoginPage:
        """Click 「ログアウト」."""
        with self.step(service_step("logout")):
            login = top.logout()
            expect(login.status).to_have_text(wording.MSG_LOGGED_OUT)
        return login

    # The services -----------------------------------------------------------------------------

    def open_service(self, top: TopPage, service: str, number: str | None = None):
        """Click a service on the top screen, and pick the number when asked."""
        name = wording.SERVICE_BUTTONS[service]
        if number is None:
            with self.step(service_step("open", service=name)):
                return top.open_service(service)
        with self.step(service_step("open", service=name)):
            choice = top.choose_number_for(service)
            choice.expect_loaded()
        with self.step(service_step("number")):
            return choice.choose(number, ENTRY_SCREENS[service])

    def set_destinations(
        self, menu: VoiceWarpMenuPage, entries: dict[int, str], use: int
    ) -> VoiceWarpMenuPage:
        """From the ボイスワープ menu: 転送先電話番号設定 → 設定 → 確認 → 設定 → the menu."""
        return self._on_voice_warp_form(
            menu, "list", menu.destinations, lambda form: form.fill(entries, use)
        )

    def switch_voice_warp(
        self, menu: VoiceWarpMenuPage, mode: str, ring: int | None = None
    ) -> VoiceWarpMenuPage:
        """From the ボイスワープ menu: サービス開始／停止 with mode (and 呼出秒数) → 確認 → 設定."""
        return self._on_voice_warp_form(
            menu, "switch", menu.switch, lambda form: form.choose(mode, ring)
        )

    def _on_voice_warp_form(
        self, menu: VoiceWarpMenuPage, caption: str, opens: Callable, fill: Callable
    ) -> VoiceWarpMenuPage:
        """Open a form of the ボイスワープ menu, fill it, 確認, 設定, and go back to the menu."""
        with self.step(service_step(caption)):
            form = opens()
            form.expect_loaded()
            fill(form)
        self._confirm_and_set(form).to_menu()
        return VoiceWarpMenuPage(menu.page, menu.base_url)

    def set_notice_addresses(
        self, form: NoticePage, service: str, addresses: list[str], **options
    ) -> DonePage:
        """On a お知らせメール settings screen: type the addresses (condition=,
        skip_anonymous=) → 確認 → 設定; returns the 完了 screen."""
        with self.step(service_step("addresses")):
            expect(form.heading).to_have_text(wording.NOTICE_TITLE[service])
            form.fill(addresses, **options)
        return self._confirm_and_set(form)

    def _confirm_and_set(self, form: DestinationListPage | SwitchPage | NoticePage) -> DonePage:
        """Submit a filled service form, check its （確認）, click 「設定」; return the （完了）."""
        with self.step(service_step("confirm")):
            done = form.submit().expect_loaded().set()
        with self.step(service_step("done")):
            done.expect_loaded()
        return done

    def voice_warp_by_phone(self, number: str, keys: str) -> SoftphonePage:
        """Dial 142 from number on the softphone and press keys through the menu."""
        with self.step(service_step("dial_142")):
            phone = SoftphonePage(self.page, self.home_url).open()
            phone.dial(wording.VW_IVR_NUMBER, caller=number, region=self.region)
            expect(phone.guidance.last).to_have_text(wording.VW_IVR_MENU)
        with self.step(service_step("menu_142")):
            phone.press(keys)
            expect(phone.guidance.last).to_have_text(wording.VW_IVR_AFTER)
            phone.hang_up()
        return phone

    def ring_and_read_notice(
        self, number: str, caller: str, address: str, fax_pages: int | None = None
    ):
        """Ring number (or FAX it) on the softphone, then open the notification on the inbox."""
        service = wording.FAX_NOTICE if fax_pages else wording.CALL_NOTICE
        subject = wording.MAIL_FAX_SUBJECT if fax_pages else wording.MAIL_CALL_SUBJECT
        with self.step(service_step("fax" if fax_pages else "ring")):
            phone = SoftphonePage(self.page, self.home_url).open()
            phone.ring(self.region, number, caller, fax_pages=fax_pages)
            sent = wording.IN_MAILS_SENT.format(service=wording.SERVICE_NAMES[service], count=1)
            expect(phone.incoming.last).to_have_text(sent)
        with self.step(service_step("mail")):
            mail = InboxPage(self.page, self.home_url).open().open_mail(address, subject)
            mail.expect_loaded()
        return mail

    def open_fax_list(self):
        """Open 「受信FAX一覧」 of the FAXお知らせメール number chosen before."""
        with self.step(service_step("fax_list")):
            faxes = FaxMenuPage(self.page, self.site_url).open().received()
            expect(faxes.rows.first).to_be_visible()
        return faxes
