"""The built-in scenarios: every flow of the guide, and each service change, by name."""

from __future__ import annotations

from hikari_e2e.builders import LineSpec
from mock_site import wording as W

from .. import journeys as J
from .registry import scenario
from .runner import UNITS, Run

MOBILE = "09012345678"


def temp_password_by_phone(run: Run, line: LineSpec, temp: str) -> None:
    """Set the contract number's 仮パスワード on the softphone, for the run's unit."""
    run.customer.set_temp_password(line, line.contract_number, UNITS[run.unit], temp)


@scenario("temp-password", "仮パスワードを電話（ソフトフォン）で設定する（ガイドp.5–7）")
def temp_password(run: Run) -> None:
    line = run.line(with_password=False, otp=None)
    temp_password_by_phone(run, line, run.temp_password())


@scenario("first-login", "仮パスワードで初めてログインし、パスワードを変更する（手順1–6）")
def first_login(run: Run) -> None:
    line = run.line(with_password=False, with_temp_password=True, otp=None)
    run.customer.first_login(line.contract_number, line.temp_password, run.password())


@scenario("otp-registration", "ワンタイムパスワードを登録してログインする（手順7–13）")
def otp_registration(run: Run) -> None:
    line = run.line(otp=None)
    customer = run.customer
    customer.log_in_to_otp_choice(line.contract_number, line.password)
    customer.register_otp(run.builder.otp_account())


@scenario("otp-decline", "ワンタイムパスワードを利用しないことに同意する（手順14–16）")
def otp_decline(run: Run) -> None:
    line = run.line(otp=None)
    customer = run.customer
    customer.log_in_to_otp_choice(line.contract_number, line.password)
    customer.decline_otp()


@scenario("otp-login", "登録済みのワンタイムパスワードでログインする（手順3、12–13）")
def otp_login(run: Run) -> None:
    address = run.address()
    line = run.line(otp={"address": address})
    run.customer.log_in_with_otp(line.contract_number, line.password, address)


@scenario("full-journey", "仮パスワードの設定からワンタイムパスワード登録、ログアウトまで")
def full_journey(run: Run) -> None:
    line = run.line(with_password=False, otp=None)
    number, temp, new = line.contract_number, run.temp_password(), run.password()
    customer = run.customer
    temp_password_by_phone(run, line, temp)
    customer.first_login(number, temp, new)
    customer.log_out(customer.register_otp(run.builder.otp_account()))


@scenario("password-change", "トップ画面からパスワードを変更する（ガイドp.15–16）")
def password_change(run: Run) -> None:
    line = run.line()
    top = run.customer.log_in(line.contract_number, line.password)
    J.change_password(top, line.password, run.password(), step=run.step)


@scenario("voice-warp-destination", "ボイスワープの転送先電話番号を設定する")
def voice_warp_destination(run: Run) -> None:
    line = run.line()
    top = run.customer.log_in(line.contract_number, line.password)
    menu = run.customer.open_service(top, W.VOICE_WARP, run.pick(line))
    J.set_destinations(menu, {1: MOBILE}, use=1, step=run.step)


@scenario("voice-warp-start", "ボイスワープを開始し（無応答時転送）、着信が転送されるのを確かめる")
def voice_warp_start(run: Run) -> None:
    line = run.line()
    number = line.contract_number
    run.hikari.set_services(run.region, number, voice_warp={"destinations": [MOBILE]})
    top = run.customer.log_in(number, line.password)
    menu = run.customer.open_service(top, W.VOICE_WARP, run.pick(line))
    J.switch_voice_warp(menu, W.VW_NO_ANSWER, ring=15, step=run.step)
    run.hikari.set_services(run.region, number, call_notice={"addresses": [run.address()]})
    J.ring_and_read_notice(
        run.page, run.home_url, run.region, number, "0312345678", run.addresses[-1], step=run.step
    )


@scenario("voice-warp-142", "142に電話して、ボイスワープの転送先を登録し開始する")
def voice_warp_142(run: Run) -> None:
    line = run.line()
    number = line.contract_number
    J.voice_warp_by_phone(
        run.page,
        run.home_url,
        run.region,
        number,
        "2" + MOBILE + "#" + "1" + "0" + "1" + "1",
        step=run.step,
    )
    top = run.customer.log_in(number, line.password)
    run.customer.open_service(top, W.VOICE_WARP, run.pick(line))


@scenario("call-notice", "着信お知らせメールの宛先を設定し、着信でメールが届くのを確かめる")
def call_notice(run: Run) -> None:
    line = run.line()
    number, address = line.contract_number, run.address()
    top = run.customer.log_in(number, line.password)
    form = run.customer.open_service(top, W.CALL_NOTICE, run.pick(line))
    J.set_notice_addresses(form, W.CALL_NOTICE, [address], step=run.step)
    J.ring_and_read_notice(
        run.page, run.home_url, run.region, number, "0312345678", address, step=run.step
    )


@scenario("fax-notice", "FAXお知らせメールを設定し、受信したFAXをメールと一覧で確かめる")
def fax_notice(run: Run) -> None:
    line = run.line()
    number, address = line.contract_number, run.address()
    top = run.customer.log_in(number, line.password)
    menu = run.customer.open_service(top, W.FAX_NOTICE, run.pick(line))
    with run.step(J.service_step("fax_settings")):
        form = menu.settings()
    J.set_notice_addresses(form, W.FAX_NOTICE, [address], step=run.step)
    J.ring_and_read_notice(
        run.page,
        run.home_url,
        run.region,
        number,
        "0312345678",
        address,
        fax_pages=2,
        step=run.step,
    )
    J.open_fax_list(run.page, run.site_url, step=run.step)
