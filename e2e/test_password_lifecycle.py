"""仮パスワード → forced change → パスワード; lockouts, lifetimes, change rules (SPEC §5–§9)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from hikari_e2e.journeys import set_temp_password_on_softphone
from hikari_e2e.pages import LoginPage
from mock_site import wording
from mock_site.config import Settings
from mock_site.regions import REGIONS
from mock_site.store import format_number

DEFAULTS = Settings()  # the rules' numbers, as the environment starts
ERR_NEW_FORMAT = wording.fill(wording.ERR_NEW_FORMAT, DEFAULTS)
FORCED_CHANGE_AFTER_EXPIRY = wording.fill(wording.FORCED_CHANGE_AFTER_EXPIRY, DEFAULTS)

DAY = 86400
HOUR = 3600


def void_message(template: str, region: str) -> str:
    return wording.fill(template, DEFAULTS, access=REGIONS[region].access_number_display)


def test_first_login_with_a_temporary_password_forces_a_change(
    customer_page: Page, make_line, line_builder, home_url, site_url, region
):
    line = make_line(region, with_password=False, auth_unit=None)
    temp, new = line_builder.temp_password(), line_builder.password()
    set_temp_password_on_softphone(
        customer_page,
        home_url,
        region,
        line.contract_number,
        wording.UNIT_LINE,
        line.contract_number,
        temp,
        caller_is_contract=True,
    )

    change = (
        LoginPage(customer_page, site_url).open().login_to_forced_change(line.contract_number, temp)
    )
    change.expect_loaded()
    expect(customer_page.get_by_text(wording.FORCED_CHANGE_AFTER_TEMP)).to_be_visible()
    done = change.change(temp, new)
    done.expect_loaded()
    login = done.back_to_login()
    top = login.login(line.contract_number, new)

    top.expect_loaded()
    expect(top.logged_in_number).to_have_text(format_number(line.contract_number))


def test_forced_change_comes_before_anything_else(
    set_temp_password, page: Page, make_line, site_url, region
):
    line = make_line(region, with_password=False, auth_unit=None)
    temp = set_temp_password(region, line.contract_number, wording.UNIT_LINE)
    LoginPage(page, site_url).open().login_to_forced_change(line.contract_number, temp)

    page.goto(site_url + "/AGS_Disp.do")

    expect(page.get_by_role("heading", level=1)).to_have_text(wording.PASSWORD_CHANGE_TITLE)


@pytest.mark.parametrize(
    ("new", "confirm", "message"),
    [
        pytest.param("", "", [wording.ERR_NEW_REQUIRED, wording.ERR_CONFIRM_REQUIRED], id="empty"),
        pytest.param("abc1234", "abc1234", ERR_NEW_FORMAT, id="seven-chars"),
        pytest.param("abcdef1234567", "abcdef1234567", ERR_NEW_FORMAT, id="thirteen"),
        pytest.param("ａｂｃｄ１２３４", "ａｂｃｄ１２３４", ERR_NEW_FORMAT, id="full-width"),
        pytest.param("abcd-1234", "abcd-1234", ERR_NEW_FORMAT, id="symbol"),
        pytest.param("12345678", "12345678", wording.ERR_NEW_DIGITS_ONLY, id="digits-only"),
        pytest.param("abcd1234", "abcd1235", wording.ERR_CONFIRM_MISMATCH, id="mismatch"),
        pytest.param("abcd1234", "", wording.ERR_CONFIRM_REQUIRED, id="no-confirmation"),
    ],
)
def test_forced_change_refuses_a_new_password_against_the_rules(
    set_temp_password, page: Page, make_line, site_url, region, new, confirm, message
):
    line = make_line(region, with_password=False, auth_unit=None)
    temp = set_temp_password(region, line.contract_number, wording.UNIT_LINE)
    change = LoginPage(page, site_url).open().login_to_forced_change(line.contract_number, temp)

    change.change_expecting_error(temp, new, confirm)

    expect(change.alert_messages).to_have_text(message if isinstance(message, list) else [message])
    change.expect_loaded()


@pytest.mark.parametrize(
    ("current", "message"),
    [
        pytest.param("", wording.ERR_CURRENT_REQUIRED, id="no-current"),
        pytest.param("00000000", wording.ERR_CURRENT_WRONG, id="wrong-current"),
    ],
)
def test_forced_change_needs_the_temporary_password(
    set_temp_password, page: Page, make_line, site_url, region, current, message
):
    line = make_line(region, with_password=False, auth_unit=None)
    temp = set_temp_password(region, line.contract_number, wording.UNIT_LINE)
    change = LoginPage(page, site_url).open().login_to_forced_change(line.contract_number, temp)

    change.change_expecting_error(current, "abcd1234")

    expect(change.alert).to_have_text(message)


def test_new_password_may_not_be_the_temporary_one(
    set_temp_password, page: Page, make_line, site_url, region
):
    line = make_line(region, with_password=False, auth_unit=None)
    temp = set_temp_password(region, line.contract_number, wording.UNIT_LINE)
    change = LoginPage(page, site_url).open().login_to_forced_change(line.contract_number, temp)

    change.change_expecting_error(temp, temp)

    # A 仮パスワード is 8 digits, so the digits-only rule is what refuses it.
    expect(change.alert).to_have_text(wording.ERR_NEW_DIGITS_ONLY)
    change.expect_loaded()


@pytest.mark.parametrize(
    ("elapsed", "valid"),
    [
        pytest.param(24 * HOUR - 1, True, id="24h-minus-1s"),
        pytest.param(24 * HOUR, False, id="24h"),
        pytest.param(24 * HOUR + 1, False, id="24h-plus-1s"),
    ],
)
def test_temporary_password_lives_24_hours(
    set_temp_password, page: Page, frozen, make_line, site_url, region, elapsed, valid
):
    line = make_line(region, with_password=False, auth_unit=None)
    temp = set_temp_password(region, line.contract_number, wording.UNIT_LINE)
    frozen.advance(elapsed)

    login = LoginPage(page, site_url).open()
    login.fill(line.contract_number, temp)
    login.submit()

    if valid:
        expect(login.heading).to_have_text(wording.PASSWORD_CHANGE_TITLE)
    else:
        expect(login.alert).to_have_text(void_message(wording.ERR_TEMP_VOID, region))


@pytest.mark.parametrize(
    ("kind", "wrong", "then_valid"),
    [
        pytest.param("temporary", 2, True, id="temp-2-wrong-then-right"),
        pytest.param("temporary", 3, False, id="temp-3-wrong-voids"),
        pytest.param("password", 9, True, id="password-9-wrong-then-right"),
        pytest.param("password", 10, False, id="password-10-wrong-voids"),
    ],
)
def test_consecutive_wrong_entries_void_the_credential(
    set_temp_password, page: Page, make_line, site_url, region, kind, wrong, then_valid
):
    temporary = kind == "temporary"
    line = make_line(region, with_password=not temporary, auth_unit=None if temporary else "line")
    if temporary:
        secret = set_temp_password(region, line.contract_number, wording.UNIT_LINE)
    else:
        secret = line.password
    login = LoginPage(page, site_url).open()
    for _ in range(wrong):
        login.login_expecting_error(line.contract_number, "wrong0000")

    login.fill(line.contract_number, secret)
    login.submit()

    if then_valid:
        expected = wording.PASSWORD_CHANGE_TITLE if temporary else wording.TOP_TITLE
        expect(login.heading).to_have_text(expected)
    else:
        template = wording.ERR_TEMP_VOID if temporary else wording.ERR_PASSWORD_VOID
        expect(login.alert).to_have_text(void_message(template, region))


def test_a_success_resets_the_count_of_wrong_passwords(page: Page, make_line, site_url, region):
    line = make_line(region)
    login = LoginPage(page, site_url).open()
    for _ in range(9):
        login.login_expecting_error(line.contract_number, "wrong0000")
    login = login.login(line.contract_number, line.password).logout()

    for _ in range(9):
        login.login_expecting_error(line.contract_number, "wrong0000")
    top = login.login(line.contract_number, line.password)

    top.expect_loaded()


@pytest.mark.parametrize(
    ("elapsed", "screen"),
    [
        pytest.param(53 * DAY - 1, wording.TOP_TITLE, id="day-53-minus-1s-top"),
        pytest.param(53 * DAY, wording.EXPIRY_NOTICE_TITLE, id="day-53-notice"),
        pytest.param(60 * DAY - 1, wording.EXPIRY_NOTICE_TITLE, id="day-60-minus-1s-notice"),
        pytest.param(60 * DAY, wording.PASSWORD_CHANGE_TITLE, id="day-60-forced-change"),
    ],
)
def test_password_lives_60_days_with_a_notice_in_the_last_7(
    page: Page, frozen, make_line, site_url, region, elapsed, screen
):
    line = make_line(region)
    frozen.advance(elapsed)

    login = LoginPage(page, site_url).open()
    login.fill(line.contract_number, line.password)
    login.submit()

    expect(login.heading).to_have_text(screen)


def test_expiry_notice_ok_leads_to_the_top(page: Page, frozen, make_line, site_url, region):
    line = make_line(region)
    deadline = frozen.now() + timedelta(days=60)
    frozen.advance(55 * DAY)

    notice = LoginPage(page, site_url).open().login_to_notice(line.contract_number, line.password)
    notice.expect_loaded()
    expect(page.get_by_text(deadline.strftime("%Y年%m月%d日"))).to_be_visible()
    top = notice.ok()

    top.expect_loaded()


def test_expired_password_is_replaced_then_works_for_60_more_days(
    page: Page, frozen, make_line, line_builder, site_url, region
):
    line = make_line(region)
    new = line_builder.password()
    frozen.advance(60 * DAY)

    change = (
        LoginPage(page, site_url).open().login_to_forced_change(line.contract_number, line.password)
    )
    expect(page.get_by_text(FORCED_CHANGE_AFTER_EXPIRY)).to_be_visible()
    login = change.change(line.password, new).back_to_login()
    frozen.advance(53 * DAY - 1)

    top = login.login(line.contract_number, new)
    top.expect_loaded()
