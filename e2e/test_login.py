"""Log in with a seeded password, see the top screen, log out; refused logins say why."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from hikari_e2e.pages import LoginPage, TopPage
from mock_site import seed, wording
from mock_site.client import ControlClient
from mock_site.store import format_number


def quick_try_line(hikari: ControlClient, region: str) -> dict:
    """Return the seeded line that has a password from the start."""
    return next(line for line in hikari.lines.list(region) if line.contract.credential is not None)


def test_seeded_password_logs_in_and_out(customer_page: Page, hikari, site_url, region):
    line = quick_try_line(hikari, region)
    number = line.contract.number

    choice = (
        LoginPage(customer_page, site_url)
        .open()
        .login_to_otp_choice(number, seed.QUICK_TRY_PASSWORD)
    )
    top = choice.decline().agree()

    top.expect_loaded()
    expect(top.logged_in_number).to_have_text(format_number(number))
    expect(top.numbers).to_have_text([n.display for n in line.numbers])
    expect(top.services_of(number)).to_have_text(list(wording.SERVICE_BUTTONS.values()))
    login = top.logout()
    login.expect_loaded()
    expect(login.status).to_have_text(wording.MSG_LOGGED_OUT)


def test_logout_ends_the_session(page: Page, make_line, site_url, region):
    line = make_line(region)
    LoginPage(page, site_url).open().login(line.contract_number, line.password).logout()

    top = TopPage(page, site_url).open()

    expect(top.heading).to_have_text(wording.LOGIN_TITLE)
    expect(top.alert).to_have_text(wording.ERR_LOGIN_REQUIRED)


def test_top_shows_only_the_services_in_use(page: Page, make_line, site_url, region):
    line = make_line(region, services=(wording.CALL_NOTICE,))

    top = LoginPage(page, site_url).open().login(line.contract_number, line.password)

    for number in line.numbers:
        expect(top.services_of(number)).to_have_text([wording.SERVICE_BUTTONS[wording.CALL_NOTICE]])


def test_wrong_password_shows_an_alert(page: Page, make_line, site_url, region):
    line = make_line(region)

    login = (
        LoginPage(page, site_url)
        .open()
        .login_expecting_error(line.contract_number, line.password + "x")
    )

    login.expect_loaded()
    expect(login.alert).to_have_text(wording.ERR_LOGIN_FAILED)


def test_unknown_number_gets_the_same_answer_as_a_wrong_password(page: Page, site_url):
    login = LoginPage(page, site_url).open().login_expecting_error("0399999999", "abcd1234")

    expect(login.alert).to_have_text(wording.ERR_LOGIN_FAILED)


def test_guide_example_line_has_no_password_until_one_is_set_by_phone(
    page: Page, site_url, guide_line
):
    login = (
        LoginPage(page, site_url)
        .open()
        .login_expecting_error(guide_line.contract, seed.QUICK_TRY_PASSWORD)
    )

    expect(login.alert).to_have_text(wording.ERR_LOGIN_FAILED)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        pytest.param("", wording.ERR_PHONE_REQUIRED, id="empty"),
        pytest.param("03-0000-1111", wording.ERR_PHONE_FORMAT, id="hyphens"),
        pytest.param("０３００００１１１１", wording.ERR_PHONE_FORMAT, id="full-width-digits"),
        pytest.param("03 0000 1111", wording.ERR_PHONE_FORMAT, id="spaces"),
        pytest.param("030000111", wording.ERR_PHONE_FORMAT, id="nine-digits"),
    ],
)
def test_malformed_number_names_the_rule(page: Page, site_url, number, message):
    login = LoginPage(page, site_url).open().login_expecting_error(number, "abcd1234")

    expect(login.alert).to_have_text(message)
    expect(page.get_by_label(wording.PHONE_NUMBER, exact=True)).to_have_attribute(
        "aria-invalid", "true"
    )
