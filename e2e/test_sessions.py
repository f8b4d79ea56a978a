"""Sessions (SPEC §5): idle logout, one login at a time, closing without ログアウト, one window."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from hikari_e2e.pages import LoginPage, PasswordChangePage, TopPage
from mock_site import wording
from mock_site.config import Settings

DEFAULTS = Settings()  # the rules' numbers, as the environment starts

MINUTE = 60


@pytest.mark.parametrize(
    ("idle", "logged_in"),
    [
        pytest.param(30 * MINUTE - 1, True, id="30min-minus-1s"),
        pytest.param(30 * MINUTE, False, id="30min"),
    ],
)
def test_idle_session_logs_out_after_30_minutes(
    page: Page, clock, make_line, site_url, region, idle, logged_in
):
    line = make_line(region)
    clock.freeze()
    top = LoginPage(page, site_url).open().login(line.contract_number, line.password)
    clock.advance(idle)

    change = top.change_password()

    if logged_in:
        change.expect_loaded()
    else:
        expect(change.heading).to_have_text(wording.LOGIN_TITLE)
        expect(change.alert).to_have_text(wording.ERR_TIMED_OUT)


def already_logged_in() -> str:
    return wording.fill(wording.ERR_ALREADY_LOGGED_IN, DEFAULTS)


def test_a_second_login_is_refused_while_the_first_lives(
    page: Page, new_context, make_line, site_url, region
):
    line = make_line(region)
    first = LoginPage(page, site_url).open().login(line.contract_number, line.password)

    second = LoginPage(new_context().new_page(), site_url).open()
    second.login_expecting_error(line.contract_number, line.password)
    expect(second.alert).to_have_text(already_logged_in())

    first.logout()
    top = second.login(line.contract_number, line.password)
    top.expect_loaded()


def test_closing_the_browser_without_logout_blocks_relogin_until_the_timeout(
    new_context, clock, make_line, site_url, region
):
    line = make_line(region)
    clock.freeze()
    closed = new_context()
    LoginPage(closed.new_page(), site_url).open().login(line.contract_number, line.password)
    closed.close()  # the browser's × instead of 「ログアウト」

    login = LoginPage(new_context().new_page(), site_url).open()
    clock.advance(30 * MINUTE - 1)
    login.login_expecting_error(line.contract_number, line.password)
    expect(login.alert).to_have_text(already_logged_in())

    clock.advance(1)
    top = login.login(line.contract_number, line.password)
    top.expect_loaded()


def test_a_form_from_a_stale_second_window_changes_nothing(
    page: Page, make_line, line_builder, site_url, region
):
    line = make_line(region)
    LoginPage(page, site_url).open().login(line.contract_number, line.password)
    stale = PasswordChangePage(page, site_url).open()
    fresh = PasswordChangePage(page.context.new_page(), site_url).open()

    stale.change_expecting_error(line.password, line_builder.password())

    expect(stale.alert).to_have_text(wording.ERR_STALE_WINDOW)
    top = TopPage(page, site_url).open().logout()
    top.login(line.contract_number, line.password)
    expect(page.get_by_role("heading", level=1)).to_have_text(wording.TOP_TITLE)
    expect(fresh.heading).to_have_text(wording.PASSWORD_CHANGE_TITLE)
