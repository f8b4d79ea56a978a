"""Accessibility: axe-core finds no serious or critical violation on any screen.

Every screen of both sites is reached in-process as a customer reaches it (fixtures.screens, the
same catalogue the HTML checker reads) and shown in the browser at its own URL on the running
site, so its stylesheet and fonts apply; the softphone and the inbox are the live pages, with a
call in the log and a mail in the box.
"""

from __future__ import annotations

import smtplib

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from fixtures.screens import HTML_MAIL, every_screen
from mock_site import wording
from mock_site.regions import REGIONS

AXE = Axe()
SERIOUS = {"serious", "critical"}


def serious_violations(page: Page) -> list[str]:
    violations = AXE.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in SERIOUS
    ]


def serving(html: str):
    """A route handler answering with html, as the site served it to the customer."""
    return lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8")


def test_every_screen_of_the_site_has_no_serious_violation(page: Page, site_url, region):
    found = {}
    for name, path, html in every_screen(region):
        url = site_url + path
        page.route(url, serving(html))
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        found[name] = serious_violations(page)
        page.unroute(url)
    assert len(found) >= 30
    assert not any(found.values()), {name: v for name, v in found.items() if v}


def test_softphone_and_inbox_have_no_serious_violation(page: Page, home_url, hikari):
    hikari.phone.call("0312345678", REGIONS["east"].access_number, region="east")
    page.goto(home_url + "/phone")
    expect(page.get_by_role("heading", level=1)).to_have_text(wording.PHONE_TITLE)
    phone = serious_violations(page)
    smtp_at = hikari.describe()["smtp"]
    with smtplib.SMTP(smtp_at["host"], smtp_at["port"]) as smtp:
        smtp.sendmail(hikari.sender("otp@example.ne.jp"), ["home@example.jp"], HTML_MAIL)
    page.goto(home_url + "/mail")
    inbox = serious_violations(page)
    page.get_by_role("link", name="お知らせ").click()
    mail = serious_violations(page)

    assert (phone, inbox, mail) == ([], [], [])
