"""ACME's regression tests: the plugin's fixtures, the library's journeys and page objects."""

from playwright.sync_api import expect

from hikari_e2e import wording as W
from hikari_e2e.pages import LoginPage


def test_busy_forwarding_starts(customer, hikari, make_line, region):
    line = make_line(region, additional=0)
    hikari.services.set(region, line.contract_number, voice_warp={"destinations": ["09012345678"]})
    top = customer.log_in(line.contract_number, line.password)
    menu = customer.open_service(top, W.VOICE_WARP)

    customer.switch_voice_warp(menu, W.VW_BUSY)

    expect(menu.state).to_have_text(W.VW_STATE_ON)


def test_the_mailed_code_logs_in(customer, make_line, line_builder, mailbox, page, site_url):
    line = make_line(customer.region, additional=0, otp=None)  # ワンタイムパスワード not chosen yet
    account = line_builder.otp_account()
    customer.log_in_and_register_otp(line.contract_number, line.password, account).logout()

    entry = LoginPage(page, site_url).open().login_to_otp_entry(line.contract_number, line.password)
    mail = mailbox.wait_for(to=account.address, subject=W.MAIL_OTP_SUBJECT)

    entry.enter(mail.otp()).expect_loaded()
