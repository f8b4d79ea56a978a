"""The guide's journeys over the page objects, shared by the tests and the QA scenarios.

Each journey takes an optional `step`: a function that, given a caption in the guide's words
(「手順3 …」), returns a context manager around that step. Tests leave it out; the scenario
runner passes its own, which prints progress, captions the video and shoots the guide's
screenshots. The flow itself is written once, here.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Protocol

from playwright.sync_api import Page, expect

from hikari_e2e.builders import LineSpec, OtpAccount
from hikari_e2e.phone import temp_password_keys
from mock_site import wording
from mock_site.regions import REGIONS

from .pages.home import InboxPage
from .pages.phone import SoftphonePage
from .pages.site import (
    ENTRY_SCREENS,
    FaxMenuPage,
    LoginPage,
    OtpChoicePage,
    OtpEntryPage,
    OtpRegisteredPage,
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
        expect(mail.heading).to_have_text(subject)
        return mail

    def registration_url(self, address: str) -> str:
        mail = self._open(address, wording.MAIL_REGISTRATION_SUBJECT)
        return mail.text.locator('a[href*="AOR_Regist.do"]').first.get_attribute("href")

    def otp(self, address: str) -> str:
        return self._open(address, wording.MAIL_OTP_SUBJECT).otp()


# 仮パスワード by phone (p.5–7) -------------------------------------------------------------------


def set_temp_password_on_softphone(
    page: Page,
    home_url: str,
    region: str,
    caller: str,
    unit: str,
    target: str,
    password: str,
    caller_is_contract: bool,
    step: Step = no_steps,
) -> SoftphonePage:
    """Call the region's access number from caller and set target's 仮パスワード (guide p.5–7)."""
    keys = temp_password_keys(unit, caller_is_contract, target, password)
    unit_key, rest = keys[0], keys[1:]
    number_part, passwords = rest[: -2 * len(password)], rest[-2 * len(password) :]
    with step(temp_step(1)):
        phone = SoftphonePage(page, home_url).open()
        phone.dial(REGIONS[region].access_number, caller=caller)
        expect(phone.guidance.first).to_have_text(wording.IVR_UNIT_CHOICE)
    with step(temp_step(2, key=unit_key, unit=wording.UNIT_NAMES[unit])):
        phone.press(unit_key)
    if number_part:
        with step(temp_step(3)):
            phone.press(number_part)
    with step(temp_step(4)):
        phone.press(passwords[: len(password)])
        expect(phone.guidance.last).to_have_text(wording.IVR_CONFIRM_ENTRY)
    with step(temp_step(5)):
        phone.press(passwords[len(password) :])
    with step(temp_step(6)):
        expect(phone.guidance.last).to_have_text(wording.IVR_DONE.format(number=target))
    return phone


# Logging in (p.8–14) --------------------------------------------------------------------------


def first_login(page: Page, site_url: str, number: str, temp: str, new: str, step: Step = no_steps):
    """Log in with a 仮パスワード, change it, log in again (steps 1–6). The browser is left on
    the screen after that login: the OTP choice where the region offers it, else the top."""
    with step(login_step(1)):
        login = LoginPage(page, site_url).open()
        login.expect_loaded()
    with step(login_step(3)):
        change = login.login_to_forced_change(number, temp)
    with step(login_step(4)):
        change.expect_loaded()
        done = change.change(temp, new)
    with step(login_step(5)):
        done.expect_loaded()
        login = done.back_to_login()
    with step(login_step(6)):
        login.fill(number, new)
        login.submit()


def register_otp_and_log_in(
    page: Page,
    site_url: str,
    mail: MailReader,
    number: str,
    password: str,
    account: OtpAccount,
    step: Step = no_steps,
    logged_in: bool = False,
) -> TopPage:
    """Log in (unless logged_in: the choice screen is then showing), then register_otp."""
    if not logged_in:
        LoginPage(page, site_url).open().login_to_otp_choice(number, password)
    return register_otp(page, site_url, mail, account, step)


def register_otp(
    page: Page, site_url: str, mail: MailReader, account: OtpAccount, step: Step = no_steps
) -> TopPage:
    """From the choice screen: choose the ワンタイムパスワード, register, open the mailed URL,
    send and enter the code (steps 7–13)."""
    choice = OtpChoicePage(page, site_url)
    with step(login_step(7)):
        choice.expect_loaded()
        registration = choice.use()
    with step(login_step(8)):
        confirm = registration.next(account.address, account.verify_id, account.verify_password)
    with step(login_step(9)):
        masked = "＊" * len(account.verify_password)
        expect(confirm.value("otp-verify-password")).to_have_text(masked)
        provisional = confirm.register()
        provisional.expect_loaded()
    with step(login_step(10)):
        page.goto(mail.registration_url(account.address))
        registered = OtpRegisteredPage(page, site_url)
        registered.expect_loaded()
    with step(login_step(11)):
        entry = registered.send()
        entry.expect_loaded()
        code = mail.otp(account.address)
    return enter_code(page, site_url, code, step)


def enter_code(page: Page, site_url: str, code: str, step: Step = no_steps) -> TopPage:
    """Type the mailed code on the entry screen (back to it if the inbox was open): 12–13."""
    with step(login_step(12)):
        entry = OtpEntryPage(page, site_url)
        if not page.url.startswith(site_url):  # the inbox is open, on the environment's home
            entry.open()
        top = entry.enter(code)
    with step(login_step(13)):
        top.expect_loaded()
    return top


def decline_otp(page: Page, site_url: str, step: Step = no_steps) -> TopPage:
    """On the choice screen: 「利用しない」, 「次へ」, 「同意する」 (steps 14–16)."""
    with step(login_step(14)):
        choice = OtpChoicePage(page, site_url)
        choice.expect_loaded()
        consent = choice.decline()
    with step(login_step(15)):
        consent.expect_loaded()
        top = consent.agree()
    with step(login_step(16)):
        top.expect_loaded()
    return top


def log_in_with_otp(
    page: Page,
    site_url: str,
    mail: MailReader,
    number: str,
    password: str,
    address: str,
    step: Step = no_steps,
) -> TopPage:
    """Log in with the password, read the mailed code, enter it (steps 2, 3, 12, 13)."""
    with step(login_step(2)):
        login = LoginPage(page, site_url).open()
    with step(login_step(3)):
        entry = login.login_to_otp_entry(number, password)
        entry.expect_loaded()
        code = mail.otp(address)
    return enter_code(page, site_url, code, step)


def log_in(page: Page, site_url: str, number: str, password: str, step: Step = no_steps):
    """Log in with a password whose OTP is declined (steps 2–3) and land on the top."""
    with step(login_step(2)):
        login = LoginPage(page, site_url).open()
    with step(login_step(3)):
        top = login.login(number, password)
        top.expect_loaded()
    return top


def log_in_to_otp_choice(
    page: Page, site_url: str, number: str, password: str, step: Step = no_steps
):
    """Log in before the ワンタイムパスワード is chosen (steps 2–3): the choice screen."""
    with step(login_step(2)):
        login = LoginPage(page, site_url).open()
    with step(login_step(3)):
        choice = login.login_to_otp_choice(number, password)
        choice.expect_loaded()
    return choice


def change_password(top: TopPage, current: str, new: str, step: Step = no_steps):
    """「パスワード変更」 from the top (p.15–16); returns the done screen."""
    with step(password_step(1)):
        change = top.change_password()
        change.expect_loaded()
    with step(password_step(2)):
        done = change.change(current, new)
    with step(password_step(3)):
        done.expect_loaded()
    return done


def log_out(top: TopPage, step: Step = no_steps) -> LoginPage:
    """Click 「ログアウト」."""
    with step(service_step("logout")):
        login = top.logout()
        expect(login.status).to_have_text(wording.MSG_LOGGED_OUT)
    return login


# The services -----------------------------------------------------------------------------------


def open_service(top: TopPage, service: str, number: str | None = None, step: Step = no_steps):
    """Click a service on the top screen, and pick the number when asked."""
    name = wording.SERVICE_BUTTONS[service]
    if number is None:
        with step(service_step("open", service=name)):
            return top.open_service(service)
    with step(service_step("open", service=name)):
        choice = top.choose_number_for(service)
        choice.expect_loaded()
    with step(service_step("number")):
        return choice.choose(number, ENTRY_SCREENS[service])


def set_destinations(menu, entries: dict[int, str], use: int, step: Step = no_steps):
    """From the ボイスワープ menu: 転送先電話番号設定 → 設定 → 確認 → 設定 → back to the menu."""
    with step(service_step("list")):
        form = menu.destinations()
        form.expect_loaded()
        form.fill(entries, use)
    confirm_and_set(form, wording.VW_LIST_TITLE, step).to_menu()
    return VoiceWarpMenuPage(menu.page, menu.base_url)


def switch_voice_warp(menu, mode: str, ring: int | None = None, step: Step = no_steps):
    """From the ボイスワープ menu: サービス開始／停止 with mode (and 呼出秒数) → 確認 → 設定."""
    with step(service_step("switch")):
        form = menu.switch()
        form.expect_loaded()
        form.choose(mode, ring)
    confirm_and_set(form, wording.VW_SWITCH_TITLE, step).to_menu()
    return VoiceWarpMenuPage(menu.page, menu.base_url)


def set_notice_addresses(
    form, service: str, addresses: list[str], step: Step = no_steps, **options
):
    """On a お知らせメール settings screen: type the addresses (condition=, skip_anonymous=)
    → 確認 → 設定; returns the 完了 screen."""
    with step(service_step("addresses")):
        expect(form.heading).to_have_text(wording.NOTICE_TITLE[service])
        form.fill(addresses, **options)
    return confirm_and_set(form, wording.NOTICE_TITLE[service], step)


def confirm_and_set(form, title: str, step: Step = no_steps):
    """Submit a filled service form, check its （確認）, click 「設定」; return the （完了）."""
    with step(service_step("confirm")):
        confirm = form.submit()
        expect(confirm.heading).to_have_text(title + wording.CONFIRM_SUFFIX)
        done = confirm.set()
    with step(service_step("done")):
        expect(done.heading).to_have_text(title + wording.DONE_SUFFIX)
    return done


def voice_warp_by_phone(
    page: Page, home_url: str, region: str, number: str, keys: str, step: Step = no_steps
) -> SoftphonePage:
    """Dial 142 from number on the softphone and press keys through the menu."""
    with step(service_step("dial_142")):
        phone = SoftphonePage(page, home_url).open()
        phone.dial(wording.VW_IVR_NUMBER, caller=number, region=region)
        expect(phone.guidance.last).to_have_text(wording.VW_IVR_MENU)
    with step(service_step("menu_142")):
        phone.press(keys)
        expect(phone.guidance.last).to_have_text(wording.VW_IVR_AFTER)
        phone.hang_up()
    return phone


def ring_and_read_notice(
    page: Page,
    home_url: str,
    region: str,
    number: str,
    caller: str,
    address: str,
    fax_pages: int | None = None,
    step: Step = no_steps,
):
    """Ring number (or FAX it) on the softphone, then open the notification on the inbox page."""
    service = wording.FAX_NOTICE if fax_pages else wording.CALL_NOTICE
    subject = wording.MAIL_FAX_SUBJECT if fax_pages else wording.MAIL_CALL_SUBJECT
    with step(service_step("fax" if fax_pages else "ring")):
        phone = SoftphonePage(page, home_url).open()
        phone.ring(region, number, caller, fax_pages=fax_pages)
        sent = wording.IN_MAILS_SENT.format(service=wording.SERVICE_NAMES[service], count=1)
        expect(phone.incoming.last).to_have_text(sent)
    with step(service_step("mail")):
        mail = InboxPage(page, home_url).open().open_mail(address, subject)
        expect(mail.heading).to_have_text(subject)
    return mail


def open_fax_list(page: Page, site_url: str, step: Step = no_steps):
    """Open 「受信FAX一覧」 of the FAXお知らせメール number chosen before."""
    with step(service_step("fax_list")):
        faxes = FaxMenuPage(page, site_url).open().received()
        expect(faxes.rows.first).to_be_visible()
    return faxes


# A customer at a browser --------------------------------------------------------------------------


@dataclass
class Customer:
    """A customer at a browser: the page, the region's site, the home, where mail is read and the
    step recorder. Each journey is a verb that takes only its own data (the functions above
    stay for callers that hold no Customer)."""

    page: Page
    site_url: str
    home_url: str
    region: str
    mail: MailReader
    step: Step = no_steps

    def set_temp_password(
        self, line: LineSpec, caller: str, unit: str, password: str, target: str | None = None
    ) -> SoftphonePage:
        """Set a 仮パスワード on the softphone from caller, a number of line (guide p.5–7).

        target defaults to the number the guide's flow sets: the contract number under
        回線単位, the caller otherwise.
        """
        contract = line.contract_number
        if target is None:
            target = contract if unit == wording.UNIT_LINE else caller
        return set_temp_password_on_softphone(
            self.page, self.home_url, self.region, caller, unit, target, password,
            caller == contract, self.step,
        )  # fmt: skip

    def first_login(self, number: str, temp: str, new: str) -> None:
        """Log in with a 仮パスワード, replace it, log in again (steps 1–6)."""
        first_login(self.page, self.site_url, number, temp, new, self.step)

    def log_in(self, number: str, password: str) -> TopPage:
        """Log in with a password whose OTP is declined (steps 2–3)."""
        return log_in(self.page, self.site_url, number, password, self.step)

    def log_in_to_otp_choice(self, number: str, password: str) -> OtpChoicePage:
        """Log in before the ワンタイムパスワード is chosen: the choice screen (steps 2–3)."""
        return log_in_to_otp_choice(self.page, self.site_url, number, password, self.step)

    def register_otp(self, account: OtpAccount) -> TopPage:
        """From the choice screen: register account, open the mailed URL, enter the code (7–13)."""
        return register_otp(self.page, self.site_url, self.mail, account, self.step)

    def log_in_and_register_otp(self, number: str, password: str, account: OtpAccount) -> TopPage:
        """Log in, then register the ワンタイムパスワード and log in with it (steps 2–13)."""
        self.log_in_to_otp_choice(number, password)
        return self.register_otp(account)

    def log_in_with_otp(self, number: str, password: str, address: str) -> TopPage:
        """Log in with the password and the code mailed to address (steps 2, 3, 12, 13)."""
        return log_in_with_otp(
            self.page, self.site_url, self.mail, number, password, address, self.step
        )

    def decline_otp(self) -> TopPage:
        """On the choice screen: 「利用しない」 and 「同意する」 (steps 14–16)."""
        return decline_otp(self.page, self.site_url, self.step)

    def open_service(self, top: TopPage, service: str, number: str | None = None):
        """Click a service on the top screen, and pick the number when asked."""
        return open_service(top, service, number, self.step)

    def log_out(self, top: TopPage) -> LoginPage:
        """Click 「ログアウト」."""
        return log_out(top, self.step)
