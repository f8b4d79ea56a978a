"""Journeys of the guide that span several screens, shared by tests (and later by scenarios)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from fixtures.phone import temp_password_keys
from mock_site import wording
from mock_site.regions import REGIONS

from .pages.login import LoginPage
from .pages.otp import OtpRegisteredPage
from .pages.phone import SoftphonePage


def set_temp_password_on_softphone(
    page: Page,
    home_url: str,
    region: str,
    caller: str,
    unit: str,
    target: str,
    password: str,
    caller_is_contract: bool,
) -> SoftphonePage:
    """Call the region's access number from caller and set target's 仮パスワード (guide p.5–7)."""
    phone = SoftphonePage(page, home_url).open()
    phone.dial(REGIONS[region].access_number, caller=caller)
    expect(phone.guidance.first).to_have_text(wording.IVR_UNIT_CHOICE)
    phone.press(temp_password_keys(unit, caller_is_contract, target, password))
    expect(phone.guidance.last).to_have_text(wording.IVR_DONE.format(number=target))
    return phone


def register_otp_and_log_in(
    page: Page,
    site_url: str,
    mailbox,
    number: str,
    password: str,
    address: str,
    verify_id: str,
    verify_password: str,
):
    """Log in, choose the ワンタイムパスワード, register, open the mailed URL, enter the code."""
    choice = LoginPage(page, site_url).open().login_to_otp_choice(number, password)
    confirm = choice.use().next(address, verify_id, verify_password)
    expect(confirm.value("otp-verify-password")).to_have_text("＊" * len(verify_password))
    provisional = confirm.register()
    expect(provisional.heading).to_have_text(wording.OTP_PROVISIONAL_TITLE)
    url = mailbox.wait_for(to=address, subject=wording.MAIL_REGISTRATION_SUBJECT).link(
        contains="AOR_Regist.do"
    )
    page.goto(url)
    registered = OtpRegisteredPage(page, site_url)
    expect(registered.heading).to_have_text(wording.OTP_REGISTERED_TITLE)
    entry = registered.send()
    code = mailbox.wait_for(to=address, subject=wording.MAIL_OTP_SUBJECT).otp()
    return entry.enter(code)


def set_destinations(menu, entries: dict[int, str], use: int):
    """From the ボイスワープ menu: 転送先電話番号設定 → 設定 → 確認 → 設定 → back to the menu."""
    from .pages.services import VoiceWarpMenuPage

    form = menu.destinations()
    expect(form.heading).to_have_text(wording.VW_LIST_TITLE)
    form.fill(entries, use)
    confirm_and_set(form, wording.VW_LIST_TITLE).to_menu()
    return VoiceWarpMenuPage(menu.page, menu.base_url)


def switch_voice_warp(menu, mode: str, ring: int | None = None):
    """From the ボイスワープ menu: サービス開始／停止 with mode (and 呼出秒数) → 確認 → 設定."""
    from .pages.services import VoiceWarpMenuPage

    form = menu.switch()
    expect(form.heading).to_have_text(wording.VW_SWITCH_TITLE)
    form.choose(mode, ring)
    confirm_and_set(form, wording.VW_SWITCH_TITLE).to_menu()
    return VoiceWarpMenuPage(menu.page, menu.base_url)


def set_notice_addresses(form, service: str, addresses: list[str], **options):
    """On a お知らせメール settings screen: type the addresses (condition=, skip_anonymous=)
    → 確認 → 設定; returns the 完了 screen."""
    expect(form.heading).to_have_text(wording.NOTICE_TITLE[service])
    form.fill(addresses, **options)
    return confirm_and_set(form, wording.NOTICE_TITLE[service])


def confirm_and_set(form, title: str):
    """Submit a filled service form, check its （確認）, click 「設定」; return the （完了）."""
    confirm = form.submit()
    expect(confirm.heading).to_have_text(title + wording.CONFIRM_SUFFIX)
    done = confirm.set()
    expect(done.heading).to_have_text(title + wording.DONE_SUFFIX)
    return done
