"""The built-in scenarios: every flow of the guide, and each service change, by name."""

from __future__ import annotations

from mock_site import wording as W

from .. import journeys as J
from . import scenario
from .runner import Run

MOBILE = "09012345678"


def temp_password_by_phone(run: Run, number: str, temp: str) -> None:
    """Set the contract number's 仮パスワード on the softphone, for the run's unit."""
    J.set_temp_password_on_softphone(
        run.page, run.home_url, run.region, number, run.unit, number, temp,
        caller_is_contract=True, step=run.step,
    )  # fmt: skip


@scenario("temp-password", "仮パスワードを電話（ソフトフォン）で設定する（ガイドp.5–7）")
def temp_password(run: Run) -> None:
    line = run.line(with_password=False, otp=None)
    temp_password_by_phone(run, line.contract_number, run.temp_password())


@scenario("first-login", "仮パスワードで初めてログインし、パスワードを変更する（手順1–6）")
def first_login(run: Run) -> None:
    line = run.line(with_password=False, with_temp_password=True, otp=None)
    J.first_login(
        run.page,
        run.site_url,
        line.contract_number,
        line.temp_password,
        run.password(),
        step=run.step,
    )


@scenario("otp-registration", "ワンタイムパスワードを登録してログインする（手順7–13）")
def otp_registration(run: Run) -> None:
    line = run.line(otp=None)
    J.log_in_to_otp_choice(
        run.page, run.site_url, line.contract_number, line.password, step=run.step
    )
    J.register_otp_and_log_in(
        run.page,
        run.site_url,
        run.inbox,
        line.contract_number,
        line.password,
        run.builder.otp_account(),
        step=run.step,
        logged_in=True,
    )


@scenario("otp-decline", "ワンタイムパスワードを利用しないことに同意する（手順14–16）")
def otp_decline(run: Run) -> None:
    line = run.line(otp=None)
    J.log_in_to_otp_choice(
        run.page, run.site_url, line.contract_number, line.password, step=run.step
    )
    J.decline_otp(run.page, run.site_url, step=run.step)


@scenario("otp-login", "登録済みのワンタイムパスワードでログインする（手順3、12–13）")
def otp_login(run: Run) -> None:
    address = run.address()
    line = run.line(otp={"address": address})
    J.log_in_with_otp(
        run.page,
        run.site_url,
        run.inbox,
        line.contract_number,
        line.password,
        address,
        step=run.step,
    )


@scenario("full-journey", "仮パスワードの設定からワンタイムパスワード登録、ログアウトまで")
def full_journey(run: Run) -> None:
    line = run.line(with_password=False, otp=None)
    number, temp, new = line.contract_number, run.temp_password(), run.password()
    temp_password_by_phone(run, number, temp)
    J.first_login(run.page, run.site_url, number, temp, new, step=run.step)
    top = J.register_otp_and_log_in(
        run.page,
        run.site_url,
        run.inbox,
        number,
        new,
        run.builder.otp_account(),
        step=run.step,
        logged_in=True,
    )
    J.log_out(top, step=run.step)


@scenario("password-change", "トップ画面からパスワードを変更する（ガイドp.15–16）")
def password_change(run: Run) -> None:
    line = run.line()
    top = J.log_in(run.page, run.site_url, line.contract_number, line.password, step=run.step)
    J.change_password(top, line.password, run.password(), step=run.step)


@scenario("voice-warp-destination", "ボイスワープの転送先電話番号を設定する")
def voice_warp_destination(run: Run) -> None:
    line = run.line()
    top = J.log_in(run.page, run.site_url, line.contract_number, line.password, step=run.step)
    menu = J.open_service(top, W.VOICE_WARP, run.pick(line), step=run.step)
    J.set_destinations(menu, {1: MOBILE}, use=1, step=run.step)


@scenario("voice-warp-start", "ボイスワープを開始し（無応答時転送）、着信が転送されるのを確かめる")
def voice_warp_start(run: Run) -> None:
    line = run.line()
    number = line.contract_number
    run.hikari.set_services(run.region, number, voice_warp={"destinations": [MOBILE]})
    top = J.log_in(run.page, run.site_url, number, line.password, step=run.step)
    menu = J.open_service(top, W.VOICE_WARP, run.pick(line), step=run.step)
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
    top = J.log_in(run.page, run.site_url, number, line.password, step=run.step)
    J.open_service(top, W.VOICE_WARP, run.pick(line), step=run.step)


@scenario("call-notice", "着信お知らせメールの宛先を設定し、着信でメールが届くのを確かめる")
def call_notice(run: Run) -> None:
    line = run.line()
    number, address = line.contract_number, run.address()
    top = J.log_in(run.page, run.site_url, number, line.password, step=run.step)
    form = J.open_service(top, W.CALL_NOTICE, run.pick(line), step=run.step)
    J.set_notice_addresses(form, W.CALL_NOTICE, [address], step=run.step)
    J.ring_and_read_notice(
        run.page, run.home_url, run.region, number, "0312345678", address, step=run.step
    )


@scenario("fax-notice", "FAXお知らせメールを設定し、受信したFAXをメールと一覧で確かめる")
def fax_notice(run: Run) -> None:
    line = run.line()
    number, address = line.contract_number, run.address()
    top = J.log_in(run.page, run.site_url, number, line.password, step=run.step)
    menu = J.open_service(top, W.FAX_NOTICE, run.pick(line), step=run.step)
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
