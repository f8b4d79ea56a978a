"""The softphone and the 仮パスワード IVR, end to end: set by phone, then log in (SPEC §3, §4)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from hikari_e2e.pages import LoginPage
from hikari_e2e.pages.phone import SoftphonePage
from mock_site import wording
from mock_site.regions import REGIONS

TEMP = "24681357"  # the guide's 8 digits; `temp` is one of the digits in force


@pytest.fixture
def temp(settings) -> str:
    """Return a 仮パスワード of temp_password_digits digits (8 by the guide)."""
    return (TEMP * 2)[: settings.temp_password_digits]


# The guide's p.5–7 on its example line (guide_line: its contract number, its first and second
# additional numbers), one row a unit: who calls, whose 仮パスワード is set, and then, proving
# SPEC §3 end to end, a number that may log in and one that may not.
GUIDE_FLOWS = [
    pytest.param(wording.UNIT_LINE, "contract", "contract", "first", id="line"),
    pytest.param(
        wording.UNIT_LINE, "second", "contract", "second", id="line-called-from-additional"
    ),
    pytest.param(wording.UNIT_NUMBER, "contract", "first", "contract", id="number"),
    pytest.param(wording.UNIT_ADMIN, "contract", "contract", "first", id="admin-manager"),
    pytest.param(wording.UNIT_ADMIN, "second", "second", "contract", id="admin-user"),
]


@pytest.mark.parametrize(("unit", "caller", "target", "refused"), GUIDE_FLOWS)
def test_guide_line_gets_a_temporary_password_by_phone_and_logs_in(
    page: Page, customer, site_url, line_builder, guide_line, temp, unit, caller, target, refused
):
    caller, target, refused = guide_line[caller], guide_line[target], guide_line[refused]
    customer.set_temp_password(guide_line.contract, caller, unit, temp, target)
    new = line_builder.password()

    login = LoginPage(page, site_url).open()
    login.login_expecting_error(refused, temp)
    expect(login.alert).to_have_text(wording.ERR_LOGIN_FAILED)
    change = login.login_to_forced_change(target, temp)
    login = change.change(temp, new).back_to_login()
    choice = login.login_to_otp_choice(target, new)

    choice.expect_loaded()


def test_softphone_says_each_sentence_of_the_guide_in_order(
    page: Page, home_url, region, guide_line, temp
):
    phone = SoftphonePage(page, home_url).open()

    phone.dial(REGIONS[region].access_number, caller=guide_line.contract)
    phone.press("2" + guide_line.second + "#" + temp + temp)

    expect(phone.guidance).to_have_text(
        [
            wording.IVR_UNIT_CHOICE,
            wording.IVR_NUMBER_ENTRY,
            wording.IVR_PASSWORD_ENTRY.format(number=guide_line.second),
            wording.IVR_CONFIRM_ENTRY,
            wording.IVR_DONE.format(number=guide_line.second),
        ]
    )
    expect(phone.state).to_contain_text("8円（税込8.8円）")


@pytest.mark.parametrize(
    ("keys", "last"),
    [
        pytest.param("1" + "1234567#", wording.IVR_WRONG, id="short-password"),
        pytest.param("1" + TEMP + "13572468", wording.IVR_WRONG, id="mismatch"),
        pytest.param("2" + "0399999999#", wording.IVR_WRONG, id="number-of-no-contract"),
        pytest.param("987", wording.IVR_WRONG_FINAL, id="third-strike"),
    ],
)
def test_wrong_entries_are_told_and_set_nothing(
    page: Page, home_url, site_url, region, guide_line, keys, last
):
    phone = SoftphonePage(page, home_url).open()
    phone.dial(REGIONS[region].access_number, caller=guide_line.contract)

    phone.press(keys)

    expect(phone.guidance.last).to_have_text(last)
    phone.page.goto(site_url + LoginPage.PATH)
    login = LoginPage(page, site_url).login_expecting_error(guide_line.contract, TEMP)
    expect(login.alert).to_have_text(wording.ERR_LOGIN_FAILED)


def test_third_wrong_entry_ends_the_call(page: Page, home_url, region, guide_line):
    phone = SoftphonePage(page, home_url).open()
    phone.dial(REGIONS[region].access_number, caller=guide_line.contract)

    phone.press("000")

    expect(phone.state).to_contain_text("終話しました")
    expect(page.get_by_role("button", name=wording.PHONE_HANG_UP)).to_be_disabled()


def test_data_call_does_not_connect(page: Page, home_url, region, guide_line):
    phone = SoftphonePage(page, home_url).open()

    phone.dial(REGIONS[region].access_number, caller=guide_line.contract, data=True)

    expect(phone.guidance).to_have_text([wording.PHONE_DATA_CALL])
    expect(phone.state).to_contain_text("通話料 0円")


def test_keys_without_a_call_make_up_the_number_to_dial(page: Page, home_url):
    phone = SoftphonePage(page, home_url).open()

    phone.press("0363044747")

    expect(phone.dialled).to_have_value("0363044747")
    expect(phone.log.get_by_role("listitem")).to_have_count(0)


def test_hanging_up_mid_flow_sets_nothing(page: Page, home_url, site_url, region, guide_line):
    phone = SoftphonePage(page, home_url).open()
    phone.dial(REGIONS[region].access_number, caller=guide_line.contract)
    phone.press("1" + TEMP)
    expect(phone.guidance.last).to_have_text(wording.IVR_CONFIRM_ENTRY)

    phone.hang_up()

    expect(phone.state).to_contain_text("終話しました")
    login = LoginPage(page, site_url).open().login_expecting_error(guide_line.contract, TEMP)
    expect(login.alert).to_have_text(wording.ERR_LOGIN_FAILED)


def test_a_second_call_from_the_same_number_is_refused(page: Page, home_url, region, guide_line):
    first = SoftphonePage(page, home_url).open()
    first.dial(REGIONS[region].access_number, caller=guide_line.contract)
    expect(first.guidance).to_have_count(1)
    second = SoftphonePage(page.context.new_page(), home_url).open()

    second.dial(REGIONS[region].access_number, caller=guide_line.contract)

    expect(second.alert).to_have_text(wording.PHONE_BUSY)
    expect(second.guidance).to_have_count(0)


@pytest.mark.parametrize(
    "typed", ["abc", "03-6304-4747x", "+81363044747"], ids=["letters", "mixed", "plus"]
)
def test_a_number_that_cannot_be_dialled_is_explained(page: Page, home_url, typed):
    phone = SoftphonePage(page, home_url).open()
    phone.dialled.fill(typed)

    page.get_by_role("button", name=wording.PHONE_DIAL, exact=True).click()

    expect(phone.alert).to_have_text(wording.PHONE_BAD_DIALLED)
    expect(phone.guidance).to_have_count(0)


def test_the_softphone_speaks_each_sentence_as_it_is_said(page: Page, home_url, hikari, region):
    caller = hikari.lines.list(region)[0].contract.number
    phone = SoftphonePage(page, home_url).open()

    phone.dial(REGIONS[region].access_number, caller=caller)
    opening = phone.guidance.first
    expect(opening).to_have_attribute("data-audio", re.compile(r"^/phone/speech/\w{32}\.wav$"))
    url = opening.get_attribute("data-audio")
    expect(phone.voice).to_have_attribute("src", url)
    page.wait_for_function("document.querySelector('[data-testid=ivr-voice]').readyState >= 1")

    played = phone.voice.evaluate("audio => audio.duration")
    [call] = hikari.phone.calls()
    assert call.audio[0] == {"url": url, "seconds": pytest.approx(played, abs=0.01)}
    assert played > 5  # the opening sentence, spoken: not a click of silence
