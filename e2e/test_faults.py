"""Faults in a browser: what a customer's automation meets when production misbehaves."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from hikari_e2e.pages import LoginPage, TopPage
from hikari_e2e.pages.phone import SoftphonePage
from mock_site import wording as W
from mock_site.regions import REGIONS


def test_a_maintenance_window_shows_its_page_to_its_number(page: Page, make_line, faults,
                                                           site_url, region):  # fmt: skip
    line = make_line(region)
    faults.site("maintenance", line.contract_number)

    LoginPage(page, site_url).open().login(line.contract_number, line.password)

    expect(page.get_by_role("heading", level=1)).to_have_text(W.MAINTENANCE_TITLE)
    expect(page.get_by_text(W.MAINTENANCE_TEXT)).to_be_visible()


def test_a_dropped_session_sends_the_customer_back_to_log_in(page: Page, make_line, faults,
                                                             site_url, region):  # fmt: skip
    line = make_line(region)
    top = LoginPage(page, site_url).open().login(line.contract_number, line.password)
    top.expect_loaded()
    faults.site("drop_session", line.contract_number, uses=1)

    login = top.press(W.CHANGE_PASSWORD, LoginPage)

    login.expect_loaded()
    expect(login.alert).to_have_text(W.ERR_TIMED_OUT)


def test_a_slow_answer_is_waited_for(page: Page, make_line, faults, site_url, region):
    line = make_line(region)
    slow = faults.site("latency", line.contract_number, path="/APW_Disp.do", latency_ms=300)
    top = LoginPage(page, site_url).open().login(line.contract_number, line.password)

    top.change_password().expect_loaded()

    assert [f.used for f in faults.list() if f.id == slow.id] == [1]


def test_a_system_error_on_one_screen(page: Page, make_line, faults, site_url, region):
    line = make_line(region)
    faults.site("error", line.contract_number, path="/APW_Disp.do")
    top = LoginPage(page, site_url).open().login(line.contract_number, line.password)

    top.press(W.CHANGE_PASSWORD, TopPage)

    expect(page.get_by_role("heading", level=1)).to_have_text(W.SERVER_ERROR_TITLE)


def test_the_access_number_is_busy_then_a_call_drops(page: Page, make_line, faults, home_url,
                                                     region):  # fmt: skip
    line = make_line(region, with_password=False)
    caller, access = line.contract_number, REGIONS[region].access_number
    faults.phone("drop_call", caller, after_sentences=1)
    faults.phone("busy", caller, uses=1)  # the newest fault plays first
    phone = SoftphonePage(page, home_url).open()

    phone.dial(access, caller=caller)
    expect(phone.guidance).to_have_text([W.PHONE_ACCESS_BUSY])
    phone.dial(access, caller=caller)

    expect(phone.guidance.last).to_have_text(W.PHONE_CALL_DROPPED)
    expect(phone.guidance).to_have_count(3)  # busy; one sentence of the second call; cut off


def test_two_customers_at_once_see_only_their_own_faults(browser, make_line, faults, site_url,
                                                         region):  # fmt: skip
    first, second = make_line(region), make_line(region)
    faults.site("maintenance", first.contract_number)
    faults.site("error", second.contract_number, path="/APW_Disp.do")
    pages = [browser.new_context(locale="ja-JP").new_page() for _ in range(2)]

    LoginPage(pages[0], site_url).open().login(first.contract_number, first.password)
    top = LoginPage(pages[1], site_url).open().login(second.contract_number, second.password)

    expect(pages[0].get_by_role("heading", level=1)).to_have_text(W.MAINTENANCE_TITLE)
    top.expect_loaded()  # the first customer's maintenance is not the second's
    top.press(W.CHANGE_PASSWORD, TopPage)
    expect(pages[1].get_by_role("heading", level=1)).to_have_text(W.SERVER_ERROR_TITLE)
    for each in pages:
        each.context.close()
