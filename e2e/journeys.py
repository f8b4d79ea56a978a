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
