"""Two spaces at once on one served replica, in two browsers (issue 26).

Each space has its own clock, settings, faults, lines, inbox and calls; a browser names its
space by header (as the plugin's contexts do with --hikari-url) or by the home's cookie, and a
number logs into its own space whatever the browser names.
"""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from datetime import timedelta

import pytest
from playwright.sync_api import Browser, Page, expect

from hikari_e2e.pages import HomePage, LoginPage, TopPage
from hikari_e2e.pages.home import InboxPage
from mock_site.client import ControlClient
from mock_site.seed import DECLINED, LineToSeed
from mock_site.store import SPACE_HEADER

PASSWORD = "abcd1234"
MAIL = b"Subject: space-a\r\nContent-Type: text/plain\r\n\r\nfor a\r\n"


@pytest.fixture
def spaces(hikari: ControlClient) -> Iterator[tuple[ControlClient, ControlClient]]:
    """Two fresh spaces on this worker's served replica, deleted afterwards."""
    a, b = hikari.create_space("space-a"), hikari.create_space("space-b", otp_east=False)
    yield a, b
    a.delete_space()
    b.delete_space()


def browse_in(browser: Browser, space: ControlClient) -> Page:
    """Return a page whose every request names the space, as the plugin's contexts do."""
    context = browser.new_context(
        locale="ja-JP", timezone_id="Asia/Tokyo", extra_http_headers={SPACE_HEADER: space.space}
    )
    context.set_default_timeout(10_000)
    return context.new_page()


def send_to_space(space: ControlClient) -> None:
    """Send MAIL over SMTP from a sender tagged with the space, so it lands in its inbox."""
    smtp_at = space.describe()["smtp"]
    with smtplib.SMTP(smtp_at["host"], smtp_at["port"]) as smtp:
        smtp.sendmail(space.sender("qa@example.jp"), ["to@example.jp"], MAIL)


def number_of(line: dict) -> str:
    return line.contract.number


def test_two_spaces_at_once_each_see_only_their_own(browser: Browser, spaces, home_url):
    a, b = spaces
    a.clock.freeze(b.clock.freeze() + timedelta(days=2))  # stopped: no minute turns mid-test
    line_a = a.lines.add(LineToSeed("east", password=PASSWORD, otp=DECLINED))
    line_b = b.lines.add(
        LineToSeed("east", password=PASSWORD)
    )  # b has no ワンタイムパスワード in the East
    a.faults.set(
        "site", "maintenance", number=number_of(line_b)
    )  # b's number is not in a: no effect
    send_to_space(a)
    a.phone.incoming("east", number_of(line_a), "0312345678")
    page_a, page_b = browse_in(browser, a), browse_in(browser, b)

    home_a, home_b = HomePage(page_a, home_url).open(), HomePage(page_b, home_url).open()

    expect(home_a.row_of("east", number_of(line_a))).to_have_count(1)
    expect(home_a.row_of("east", number_of(line_b))).to_have_count(0)
    expect(home_b.row_of("east", number_of(line_b))).to_have_count(1)
    expect(home_b.row_of("east", number_of(line_a))).to_have_count(0)
    for page, space in ((page_a, a), (page_b, b)):
        shown = space.clock.now().strftime("%Y/%m/%d %H:%M")
        expect(page.locator(".space-bar")).to_contain_text(shown)
    expect(InboxPage(page_a, home_url).open().row("to@example.jp", "space-a")).to_have_count(1)
    expect(InboxPage(page_b, home_url).open().row("to@example.jp", "space-a")).to_have_count(0)
    top_b = LoginPage(page_b, a.site_url("east")).open().login(number_of(line_b), PASSWORD)
    top_b.expect_loaded()  # a's maintenance fault names a number of a only
    assert len(a.phone.incoming_calls()) == 1 and b.phone.incoming_calls() == []
    assert b.settings().otp_east is False and a.settings().otp_east is True


def test_resetting_one_space_leaves_the_others_login_and_inbox(
    browser: Browser, spaces, site_url, region
):
    a, b = spaces
    line = a.lines.add(LineToSeed(region, password=PASSWORD, otp=DECLINED))
    send_to_space(a)
    page = browse_in(browser, a)
    LoginPage(page, site_url).open().login(number_of(line), PASSWORD)

    b.reset()

    TopPage(page, site_url).open().expect_loaded()  # still logged in
    assert [m.subject for m in a.mail.list()] == ["space-a"]


def test_a_number_logs_into_its_own_space_whatever_the_browser_names(
    browser: Browser, spaces, site_url, region
):
    a, b = spaces
    line = a.lines.add(
        LineToSeed(region, password=PASSWORD, otp=DECLINED, services=["call_notice"])
    )
    page = browse_in(browser, b)  # the browser names b

    top = LoginPage(page, site_url).open().login(number_of(line), PASSWORD)

    expect(top.logged_in_number).to_contain_text(line.contract.display)
    expect(top.service_buttons).to_have_count(1)  # a's line: 着信お知らせメール only
