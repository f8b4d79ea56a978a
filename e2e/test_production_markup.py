"""Scripts written against production run unchanged: every step here uses production's selectors.

The selectors are those of the public scripts that drive the real East site (domain-notes §0–§1):
S1 (Puppeteer, 2020), S2 (Selenium, older markup), S3 (Selenium, 2024). No step uses a label,
a role or a page object; one test per group of selectors, so a markup regression names the
selector it broke. docs/production-markup.md maps each selector to where the replica serves it.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from mock_site import wording
from mock_site.client import ControlClient

DAY = 86_400
FIRST_IMAGE_BUTTON = "xpath=(//input[@type='image'])[1]"  # S3 clicks the page's first one
MOBILE, LANDLINE = "09012345678", "0612345678"


def ends_with(path: str) -> re.Pattern[str]:
    return re.compile(re.escape(path) + "$")


def log_in(page: Page, site_url: str, number: str, password: str) -> None:
    """Log in as S1 does: type into input[name=phoneNo] and input[name=pass], click ログイン."""
    page.goto(site_url + "/AGL_Disp.do")
    page.locator("input[name=phoneNo]").fill(number)
    page.locator("input[name=pass]").fill(password)
    page.locator("input[alt=ログイン]").click()


def open_voice_warp(page: Page, site_url: str, number: str, password: str) -> None:
    log_in(page, site_url, number, password)
    page.locator("input[alt=ボイスワープ]").click()
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
        pytest.param(FIRST_IMAGE_BUTTON, id="S3-first-image-input"),
        pytest.param("input[title='ログイン']", id="S2-title"),
    ],
)
def test_portal_AGT_Main_opens_the_login_form(page: Page, site_url, login_button):
    page.goto(site_url + "/AGT_Main.htm")

    page.locator(login_button).click()

    expect(page).to_have_url(ends_with("/AGL_Disp.do"))
    expect(page.locator("#phoneNo")).to_be_editable()
    expect(page.locator("#pass")).to_be_editable()


def test_login_names_and_alt_answer_at_AGL_Login(page: Page, make_line, site_url, region):
    line = make_line(region)

    log_in(page, site_url, line.contract_number, line.password)

    expect(page).to_have_url(ends_with("/AGL_Login.do"))  # S1: no redirect after the login
    expect(page.locator("input[alt=ボイスワープ]")).to_be_visible()


def test_login_ids_and_a_plain_form_submit(page: Page, make_line, site_url, region):
    line = make_line(region)
    page.goto(site_url + "/AGL_Disp.do")
    page.locator("#phoneNo").fill(line.contract_number)
    page.locator("#pass").fill(line.password)

    # S3 calls Selenium's submit() on the password field: the form is sent without its button.
    page.locator("#pass").evaluate("field => field.form.submit()")

    expect(page.locator("input[title=ボイスワープ]")).to_be_visible()


def test_expiry_notice_mes_error_and_its_first_image_button(
    page: Page, frozen, make_line, site_url, region
):
    line = make_line(region)
    frozen.advance(55 * DAY)  # in the password's last 7 days

    log_in(page, site_url, line.contract_number, line.password)

    expect(page).to_have_url(ends_with("/AGL_Login.do"))
    expect(page.locator(".mes_error")).to_be_visible()  # S3 (2024)
    expect(page.locator(".mes_error_center_new")).to_be_visible()  # S1 (2020)
    expect(page.locator("input[alt=OK]")).to_be_visible()
    page.locator(FIRST_IMAGE_BUTTON).click()  # S3 clicks the first image button: OK
    expect(page).to_have_url(ends_with("/AGS_Disp.do"))  # S1: OK leads to AGS_Disp.do
    expect(page.locator("input[title=ボイスワープ]")).to_be_visible()


def test_forced_change_culpass_newPass_confirmpass_then_back_to_AGL_Login(
    page: Page, frozen, make_line, site_url, region, line_builder
):
    line = make_line(region)
    frozen.advance(60 * DAY)  # expired: the change comes before anything else
    new = line_builder.faker.pystr_format("?????####", letters="abcdefghijkmnpqrstuvwxyz")

    log_in(page, site_url, line.contract_number, line.password)
    expect(page).to_have_url(ends_with("/AGL_Login.do"))
    page.locator("#culpass").fill(line.password)
    page.locator("#newPass").fill(new)
    page.locator("#confirmpass").fill(new)
    page.locator(".btn_login > input[alt=パスワード変更]").click()
    page.locator("input[alt=ログイン画面へ戻る]").click()

    expect(page).to_have_url(ends_with("/AGL_Login.do"))  # S1: the login form, at AGL_Login.do
    expect(page.locator("input[name=phoneNo]")).to_be_editable()
    log_in(page, site_url, line.contract_number, new)
    expect(page.locator("input[alt=ボイスワープ]")).to_be_visible()


def test_destination_list_listValue_checked_and_VUL_Regist(
    page: Page, warp_line, hikari, site_url, region
):
    open_voice_warp(page, site_url, warp_line.contract_number, warp_line.password)
    page.locator("input[alt=転送先電話番号設定]").click()
    expect(page).to_have_url(ends_with("/VUL_Disp.do"))
    expect(page.locator("input[checked=checked]")).to_have_attribute("value", "1")  # S1

    page.locator('input[value="2"]').click()  # S1 switches to another list entry
    page.locator("input[alt=設定]").click()
    expect(page).to_have_url(ends_with("/VUL_Confirm.do"))
    page.locator("input[alt=設定]").click()

    expect(page).to_have_url(ends_with("/VUL_Regist.do"))  # S1's test of success
    assert hikari.services.get(region, warp_line.contract_number).voice_warp.selected == 2


def test_destination_list_read_back_by_repeated_id_and_text_inputs(page: Page, warp_line, site_url):
    open_voice_warp(page, site_url, warp_line.contract_number, warp_line.password)
    page.locator("input[title=サービス開始／停止]").click()
    page.locator(".img_b0_al_top").click()  # S3: サービスメニューへ, by its class
    expect(page).to_have_url(ends_with("/VUM_Disp.do"))
    page.locator("input[title=転送先電話番号設定]").click()

    radios, numbers = page.locator("[id=listValue]"), page.locator("input[type=text]")
    expect(radios).to_have_count(4)  # production repeats the id: one per list entry
    expect(numbers).to_have_count(4)  # and the entries' text fields, in the same order
    expect(page.locator("input[id=listValue][checked=checked]")).to_have_count(1)
    expect(radios.nth(0)).to_be_checked()
    expect(numbers.nth(0)).to_have_value(MOBILE)
    expect(numbers.nth(1)).to_have_value(LANDLINE)


def test_start_stop_r1_r2_call_sec2_stop(page: Page, warp_line, hikari, site_url, region):
    open_voice_warp(page, site_url, warp_line.contract_number, warp_line.password)

    def switch(radio: str, seconds: str | None = None) -> None:
        page.locator("input[alt=サービス開始／停止]").click()
        page.locator(radio).click()
        if seconds is not None:
            page.locator("#call_sec2").fill(seconds)  # S2 types 5
        page.locator("input[alt=設定]").click()
        expect(page).to_have_url(ends_with("/VUS_Confirm.do"))
        page.locator("input[alt=設定]").click()  # the confirmation (SPEC §10)
        expect(page).to_have_url(ends_with("/VUS_Regist.do"))
        page.locator(".img_b0_al_top").click()

    switch("#r2", "5")
    page.locator("input[title=サービス開始／停止]").click()
    expect(page.locator("#r2")).to_be_checked()
    expect(page.locator("#r1")).not_to_be_checked()  # S3 reads #r1, then #stop
    expect(page.locator("#call_sec2")).to_have_value("5")
    page.locator(".img_b0_al_top").click()
    warp = hikari.services.get(region, warp_line.contract_number).voice_warp
    assert (warp.mode, warp.ring_seconds) == (wording.VW_NO_ANSWER, 5)

    switch("#r1")
    page.locator("input[title=サービス開始／停止]").click()
    expect(page.locator("#r1")).to_be_checked()
    page.locator(".img_b0_al_top").click()

    switch("#stop")
    page.locator("input[title=サービス開始／停止]").click()
    expect(page.locator("#stop")).to_be_checked()
    assert hikari.services.get(region, warp_line.contract_number).voice_warp.mode == "stop"


def test_start_r3_r4_call_sec4_as_assumed_by_analogy(
    page: Page, warp_line, hikari, site_url, region
):
    """話中時転送, 無応答時＋話中時転送 by the ids domain-notes §1 assumes (no script has them)."""
    open_voice_warp(page, site_url, warp_line.contract_number, warp_line.password)
    page.locator("input[alt=サービス開始／停止]").click()
    expect(page.locator("#r3")).to_be_visible()

    page.locator("#r4").click()
    page.locator("#call_sec4").fill("15")
    page.locator("input[alt=設定]").click()
    page.locator("input[alt=設定]").click()

    expect(page).to_have_url(ends_with("/VUS_Regist.do"))
    warp = hikari.services.get(region, warp_line.contract_number).voice_warp
    assert (warp.mode, warp.ring_seconds) == (wording.VW_NO_ANSWER_BUSY, 15)


def test_start_at_once_as_S2_with_the_setting_off(page: Page, warp_line, hikari, site_url, region):
    hikari.settings(voice_warp_switch_confirm=False)
    open_voice_warp(page, site_url, warp_line.contract_number, warp_line.password)
    page.locator("input[alt=サービス開始／停止]").click()

    page.locator("input[id=r2]").click()
    page.locator("input[id=call_sec2]").fill("5")
    page.locator("input[alt=設定]").click()  # S2 clicks 設定 once, then ログアウト
    page.locator("input[title=ログアウト]").click()

    expect(page.locator("#phoneNo")).to_be_editable()
    warp = hikari.services.get(region, warp_line.contract_number).voice_warp
    assert (warp.mode, warp.ring_seconds) == (wording.VW_NO_ANSWER, 5)


def test_logout_by_title_ends_the_session(page: Page, make_line, site_url, region):
    line = make_line(region)
    log_in(page, site_url, line.contract_number, line.password)

    page.locator("input[title=ログアウト]").click()  # S2, S3

    expect(page.locator("#phoneNo")).to_be_editable()
    page.goto(site_url + "/AGS_Disp.do")
    expect(page.locator("input[title=ボイスワープ]")).to_have_count(0)
    expect(page.locator("#phoneNo")).to_be_editable()
