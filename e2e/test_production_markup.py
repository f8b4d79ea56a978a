"""Scripts written against production run unchanged: every step here uses production's selectors.

The selectors are those of the public scripts that drive the real East site (domain-notes §0–§1):
S1 (Puppeteer, 2020), S2 (Selenium, older markup), S3 (Selenium, 2024), read by name from the
markup contract (hikari_e2e.drift.contract.KNOWN), which `hikari-e2e drift` checks production
against. No step uses a label, a role or a page object; one test per group of selectors, so a
markup regression names the selector it broke.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from hikari_e2e.drift.contract import KNOWN
from mock_site import wording
from mock_site.client import ControlClient

DAY = 86_400
MOBILE, LANDLINE = "09012345678", "0612345678"


def ends_with(path: str) -> re.Pattern[str]:
    return re.compile(re.escape(path) + "$")


def log_in(page: Page, site_url: str, number: str, password: str) -> None:
    """Log in as S1 does: type into input[name=phoneNo] and input[name=pass], click ログイン."""
    page.goto(site_url + "/AGL_Disp.do")
    page.locator(KNOWN["login.number"]).fill(number)
    page.locator(KNOWN["login.password"]).fill(password)
    page.locator(KNOWN["login.submit"]).click()


def open_voice_warp(page: Page, site_url: str, number: str, password: str) -> None:
    log_in(page, site_url, number, password)
    page.locator(KNOWN["top.voice-warp"]).click()
    expect(page).to_have_url(ends_with("/VUM_Disp.do"))


@pytest.fixture
def warp_line(make_line, hikari: ControlClient, region: str):
    """A line (ワンタイムパスワード declined) whose list has entries 1 and 2, entry 1 in use."""
    line = make_line(region, auth_unit=wording.UNIT_NUMBER)
    hikari.services.set(
        region,
        line.contract_number,
        voice_warp={"destinations": [MOBILE, LANDLINE], "selected": 1, "mode": wording.VW_STOP},
    )
    return line


@pytest.mark.parametrize(
    "login_button",
    [
        pytest.param(KNOWN["first-button"], id="S3-first-image-input"),
        pytest.param(KNOWN["portal.login"], id="S2-title"),
    ],
)
def test_portal_AGT_Main_opens_the_login_form(page: Page, site_url, login_button):
    page.goto(site_url + "/" + KNOWN["portal"])

    page.locator(login_button).click()

    expect(page).to_have_url(ends_with("/AGL_Disp.do"))
    expect(page.locator(KNOWN["login.number#"])).to_be_editable()
    expect(page.locator(KNOWN["login.password#"])).to_be_editable()


def test_login_names_and_alt_answer_at_AGL_Login(page: Page, make_line, site_url, region):
    line = make_line(region)

    log_in(page, site_url, line.contract_number, line.password)

    expect(page).to_have_url(ends_with(KNOWN["login.answer"]))  # S1: no redirect after the login
    expect(page.locator(KNOWN["top.voice-warp"])).to_be_visible()


def test_login_ids_and_a_plain_form_submit(page: Page, make_line, site_url, region):
    line = make_line(region)
    page.goto(site_url + "/AGL_Disp.do")
    page.locator(KNOWN["login.number#"]).fill(line.contract_number)
    page.locator(KNOWN["login.password#"]).fill(line.password)

    # S3 calls Selenium's submit() on the password field: the form is sent without its button.
    page.locator(KNOWN["login.password#"]).evaluate("field => field.form.submit()")

    expect(page.locator(KNOWN["top.voice-warp-title"])).to_be_visible()


def test_expiry_notice_mes_error_and_its_first_image_button(
    page: Page, frozen, make_line, site_url, region
):
    line = make_line(region)
    frozen.advance(55 * DAY)  # in the password's last 7 days

    log_in(page, site_url, line.contract_number, line.password)

    expect(page).to_have_url(ends_with(KNOWN["login.answer"]))
    expect(page.locator(KNOWN["notice.message"])).to_be_visible()  # S3 (2024)
    expect(page.locator(KNOWN["notice.message-2020"])).to_be_visible()  # S1 (2020)
    expect(page.locator(KNOWN["notice.ok"])).to_be_visible()
    page.locator(KNOWN["first-button"]).click()  # S3 clicks the first image button: OK
    expect(page).to_have_url(ends_with("/AGS_Disp.do"))  # S1: OK leads to AGS_Disp.do
    expect(page.locator(KNOWN["top.voice-warp-title"])).to_be_visible()


def test_forced_change_culpass_newPass_confirmpass_then_back_to_AGL_Login(
    page: Page, frozen, make_line, site_url, region, line_builder
):
    line = make_line(region)
    frozen.advance(60 * DAY)  # expired: the change comes before anything else
    new = line_builder.faker.pystr_format("?????####", letters="abcdefghijkmnpqrstuvwxyz")

    log_in(page, site_url, line.contract_number, line.password)
    expect(page).to_have_url(ends_with(KNOWN["login.answer"]))
    page.locator(KNOWN["change.current"]).fill(line.password)
    page.locator(KNOWN["change.new"]).fill(new)
    page.locator(KNOWN["change.confirm"]).fill(new)
    page.locator(KNOWN["change.submit"]).click()
    page.locator(KNOWN["change.back-to-login"]).click()

    expect(page).to_have_url(
        ends_with(KNOWN["login.answer"])
    )  # S1: the login form, at AGL_Login.do
    expect(page.locator(KNOWN["login.number"])).to_be_editable()
    log_in(page, site_url, line.contract_number, new)
    expect(page.locator(KNOWN["top.voice-warp"])).to_be_visible()


def test_destination_list_listValue_checked_and_VUL_Regist(
    page: Page, warp_line, hikari, site_url, region
):
    open_voice_warp(page, site_url, warp_line.contract_number, warp_line.password)
    page.locator(KNOWN["menu.list"]).click()
    expect(page).to_have_url(ends_with("/VUL_Disp.do"))
    expect(page.locator(KNOWN["list.in-use"])).to_have_attribute("value", "1")  # S1

    page.locator(KNOWN["list.entry-2"]).click()  # S1 switches to another list entry
    page.locator(KNOWN["set"]).click()
    expect(page).to_have_url(ends_with(KNOWN["list.confirm"]))
    page.locator(KNOWN["set"]).click()

    expect(page).to_have_url(ends_with(KNOWN["list.done"]))  # S1's test of success
    assert hikari.services.get(region, warp_line.contract_number).voice_warp.selected == 2


def test_destination_list_read_back_by_repeated_id_and_text_inputs(page: Page, warp_line, site_url):
    open_voice_warp(page, site_url, warp_line.contract_number, warp_line.password)
    page.locator(KNOWN["menu.switch-title"]).click()
    page.locator(KNOWN["back-to-menu"]).click()  # S3: サービスメニューへ, by its class
    expect(page).to_have_url(ends_with("/VUM_Disp.do"))
    page.locator(KNOWN["menu.list-title"]).click()

    radios, numbers = page.locator(KNOWN["list.radios"]), page.locator(KNOWN["list.numbers"])
    expect(radios).to_have_count(4)  # production repeats the id: one per list entry
    expect(numbers).to_have_count(4)  # and the entries' text fields, in the same order
    expect(page.locator(KNOWN["list.in-use-radio"])).to_have_count(1)
    expect(radios.nth(0)).to_be_checked()
    expect(numbers.nth(0)).to_have_value(MOBILE)
    expect(numbers.nth(1)).to_have_value(LANDLINE)


def test_start_stop_r1_r2_call_sec2_stop(page: Page, warp_line, hikari, site_url, region):
    open_voice_warp(page, site_url, warp_line.contract_number, warp_line.password)

    def switch(radio: str, seconds: str | None = None) -> None:
        page.locator(KNOWN["menu.switch"]).click()
        page.locator(radio).click()
        if seconds is not None:
            page.locator(KNOWN["switch.no-answer-seconds"]).fill(seconds)  # S2 types 5
        page.locator(KNOWN["set"]).click()
        expect(page).to_have_url(ends_with("/VUS_Confirm.do"))
        page.locator(KNOWN["set"]).click()  # the confirmation (SPEC §10)
        expect(page).to_have_url(ends_with("/VUS_Regist.do"))
        page.locator(KNOWN["back-to-menu"]).click()

    switch(KNOWN["switch.no-answer"], "5")
    page.locator(KNOWN["menu.switch-title"]).click()
    expect(page.locator(KNOWN["switch.no-answer"])).to_be_checked()
    expect(
        page.locator(KNOWN["switch.unconditional"])
    ).not_to_be_checked()  # S3 reads #r1, then #stop
    expect(page.locator(KNOWN["switch.no-answer-seconds"])).to_have_value("5")
    page.locator(KNOWN["back-to-menu"]).click()
    warp = hikari.services.get(region, warp_line.contract_number).voice_warp
    assert (warp.mode, warp.ring_seconds) == (wording.VW_NO_ANSWER, 5)

    switch(KNOWN["switch.unconditional"])
    page.locator(KNOWN["menu.switch-title"]).click()
    expect(page.locator(KNOWN["switch.unconditional"])).to_be_checked()
    page.locator(KNOWN["back-to-menu"]).click()

    switch(KNOWN["switch.stop"])
    page.locator(KNOWN["menu.switch-title"]).click()
    expect(page.locator(KNOWN["switch.stop"])).to_be_checked()
    assert hikari.services.get(region, warp_line.contract_number).voice_warp.mode == "stop"


def test_start_r3_r4_call_sec4_as_assumed_by_analogy(
    page: Page, warp_line, hikari, site_url, region
):
    """話中時転送, 無応答時＋話中時転送 by the ids domain-notes §1 assumes (no script has them)."""
    open_voice_warp(page, site_url, warp_line.contract_number, warp_line.password)
    page.locator(KNOWN["menu.switch"]).click()
    expect(page.locator(KNOWN["switch.busy"])).to_be_visible()

    page.locator(KNOWN["switch.no-answer-busy"]).click()
    page.locator(KNOWN["switch.no-answer-busy-seconds"]).fill("15")
    page.locator(KNOWN["set"]).click()
    page.locator(KNOWN["set"]).click()

    expect(page).to_have_url(ends_with("/VUS_Regist.do"))
    warp = hikari.services.get(region, warp_line.contract_number).voice_warp
    assert (warp.mode, warp.ring_seconds) == (wording.VW_NO_ANSWER_BUSY, 15)


def test_start_at_once_as_S2_with_the_setting_off(page: Page, warp_line, hikari, site_url, region):
    hikari.settings(voice_warp_switch_confirm=False)
    open_voice_warp(page, site_url, warp_line.contract_number, warp_line.password)
    page.locator(KNOWN["menu.switch"]).click()

    page.locator(KNOWN["switch.no-answer-id"]).click()
    page.locator(KNOWN["switch.no-answer-seconds-id"]).fill("5")
    page.locator(KNOWN["set"]).click()  # S2 clicks 設定 once, then ログアウト
    page.locator(KNOWN["logout"]).click()

    expect(page.locator(KNOWN["login.number#"])).to_be_editable()
    warp = hikari.services.get(region, warp_line.contract_number).voice_warp
    assert (warp.mode, warp.ring_seconds) == (wording.VW_NO_ANSWER, 5)


def test_logout_by_title_ends_the_session(page: Page, make_line, site_url, region):
    line = make_line(region)
    log_in(page, site_url, line.contract_number, line.password)

    page.locator(KNOWN["logout"]).click()  # S2, S3

    expect(page.locator(KNOWN["login.number#"])).to_be_editable()
    page.goto(site_url + "/AGS_Disp.do")
    expect(page.locator(KNOWN["top.voice-warp-title"])).to_have_count(0)
    expect(page.locator(KNOWN["login.number#"])).to_be_editable()
