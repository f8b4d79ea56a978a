"""「パスワード変更」 from the top screen (SPEC §9)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from fixtures.passwords import password
from hikari_e2e.pages import LoginPage
from mock_site import wording
from mock_site.store import format_number


def test_changing_the_contract_password_ends_the_session(
    page: Page, make_line, line_builder, site_url, region
):
    line = make_line(region)
    new = line_builder.password()
    top = LoginPage(page, site_url).open().login(line.contract_number, line.password)

    done = top.change_password().change(line.password, new)

    done.expect_loaded()
    expect(done.status).to_contain_text(format_number(line.contract_number))
    login = done.back_to_login(wording.BACK_TO_LOGIN)
    login.expect_loaded()
    login.login_expecting_error(line.contract_number, line.password)
    expect(login.alert).to_have_text(wording.ERR_LOGIN_FAILED)
    top = login.login(line.contract_number, new)
    top.expect_loaded()


def test_changing_an_additional_number_password_offers_back(
    page: Page, make_line, line_builder, site_url, region
):
    line = make_line(region, auth_unit=wording.UNIT_NUMBER)
    number = line.additional_numbers[0]
    top = LoginPage(page, site_url).open().login(number, line.password)

    done = top.change_password().change(line.password, line_builder.password())

    expect(done.status).to_contain_text(format_number(number))
    top = done.back_to_top()
    expect(top.logged_in_number).to_have_text(format_number(number))


# New passwords by kind (fixtures/passwords.py: shaped by the length rules in force).
@pytest.mark.parametrize(
    ("current", "new", "confirm", "message"),
    [
        pytest.param("wrong0000", "valid", None, wording.ERR_CURRENT_WRONG, id="wrong-current"),
        pytest.param(None, None, None, wording.SAME_AS_CURRENT_RULE, id="same-as-current"),
        pytest.param(None, "digits", None, wording.ERR_NEW_DIGITS_ONLY, id="digits-only"),
        pytest.param(None, "short", None, wording.ERR_NEW_FORMAT, id="one-too-short"),
        pytest.param(None, "valid", "other", wording.ERR_CONFIRM_MISMATCH, id="mismatch"),
    ],
)
def test_change_refuses_what_the_rules_refuse_and_keeps_the_password(
    page: Page, settings, make_line, site_url, region, current, new, confirm, message
):
    line = make_line(region)
    top = LoginPage(page, site_url).open().login(line.contract_number, line.password)
    change = top.change_password()

    new = password(new, settings) if new else line.password
    confirm = password(confirm, settings) if confirm else None
    change.change_expecting_error(current or line.password, new, confirm)

    expect(change.alert).to_have_text(wording.fill(message, settings))
    login = top.logout()
    expect(login.login(line.contract_number, line.password).heading).to_have_text(wording.TOP_TITLE)
