"""The three 認証方法 (SPEC §3): who may log in with which number, and what that login reaches."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from fixtures.auth_units import CONTRACT, FIRST_ADDITIONAL, MATRIX
from hikari_e2e.pages import LoginPage, TopPage
from mock_site import wording
from mock_site.store import format_number


@pytest.mark.parametrize(("unit", "login_with", "may_log_in", "reach"), MATRIX)
def test_login_and_reach_follow_the_guide_matrix(
    page: Page, make_line, site_url, region, unit, login_with, may_log_in, reach
):
    line = make_line(region, auth_unit=unit)
    number = line.numbers[login_with]

    login = LoginPage(page, site_url).open()
    login.fill(number, line.password)
    login.submit()

    if may_log_in:
        top = TopPage(page, site_url)
        top.expect_loaded()
        expect(top.numbers).to_have_text([format_number(line.numbers[i]) for i in reach])
    else:
        expect(login.alert).to_have_text(wording.ERR_LOGIN_FAILED)


def test_manager_changes_a_user_password_and_the_user_logs_in_with_it(
    page: Page, make_line, line_builder, site_url, region
):
    line = make_line(region, auth_unit=wording.UNIT_ADMIN)
    user = line.additional_numbers[0]
    new = line_builder.password()
    top = LoginPage(page, site_url).open().login(line.contract_number, line.password)

    change = top.change_password()
    expect(change.number_choice.locator("option")).to_have_count(3)
    done = change.change(line.password, new, number=user)

    done.expect_loaded()
    expect(done.status).to_contain_text(format_number(user))
    top = done.back_to_top()
    top.expect_loaded()
    top.logout().login(user, new)
    expect(top.logged_in_number).to_have_text(format_number(user))


@pytest.mark.parametrize(
    ("unit", "login_with"),
    [
        pytest.param(wording.UNIT_ADMIN, FIRST_ADDITIONAL, id="admin-user"),
        pytest.param(wording.UNIT_NUMBER, CONTRACT, id="number-contract"),
        pytest.param(wording.UNIT_LINE, CONTRACT, id="line-contract"),
    ],
)
def test_only_the_manager_picks_a_number_to_change(
    page: Page, make_line, site_url, region, unit, login_with
):
    line = make_line(region, auth_unit=unit)

    change = LoginPage(page, site_url).open().login(line.numbers[login_with], line.password)
    change = change.change_password()

    change.expect_loaded()
    expect(change.number_choice).to_have_count(0)


def test_additional_numbers_are_named_as_the_region_names_them(
    page: Page, make_line, site_url, region
):
    line = make_line(region, auth_unit=wording.UNIT_ADMIN)
    name = {"east": "マイナンバー", "west": "追加番号"}[region]

    top = LoginPage(page, site_url).open().login(line.contract_number, line.password)

    expect(page.get_by_role("row").filter(has_text=format_number(line.numbers[1]))).to_contain_text(
        name
    )
    change = top.change_password()
    expect(change.number_choice.locator("option").nth(1)).to_have_text(
        f"{format_number(line.numbers[1])}（{name}）"
    )
