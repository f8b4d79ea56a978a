"""The environment's home lists the seeded lines; reset forgets what a test added."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from hikari_e2e.pages import HomePage, LoginPage
from mock_site import seed, wording
from mock_site.client import ControlClient


def test_home_lists_the_guide_example_line_in_both_regions(page: Page, home_url, hikari):
    home = HomePage(page, home_url).open()

    home.expect_loaded()
    for region in ("east", "west"):
        [line] = [line for line in hikari.lines.list(region) if line.label == seed.GUIDE_LABEL]
        if not hikari.space:  # the default space has the guide's own numbers
            assert [n.number for n in line.numbers] == list(seed.GUIDE_NUMBERS)
        for number in line.numbers:
            expect(home.row_of(region, number.number)).to_contain_text(wording.CREDENTIAL_NONE)


def test_home_shows_a_seeded_line_until_reset(page: Page, hikari: ControlClient, make_line):
    line = make_line("west", auth_unit=wording.UNIT_NUMBER)
    home = HomePage(page, home_url := hikari.home_url).open()
    expect(home.row_of("west", line.contract_number)).to_contain_text(
        wording.UNIT_NAMES[wording.UNIT_NUMBER]
    )

    hikari.reset()
    home = HomePage(page, home_url).open()

    expect(home.lines_table("west")).to_be_visible()
    expect(home.row_of("west", line.contract_number)).to_have_count(0)


def test_home_links_to_each_regional_login(page: Page, home_url, region):
    company = {"east": "NTT東日本", "west": "NTT西日本"}[region]
    HomePage(page, home_url).open()

    page.get_by_role("row").filter(has_text=company).get_by_role("link").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(wording.LOGIN_TITLE)
    expect(page.get_by_text(company)).to_be_visible()


def test_unknown_path_gets_a_japanese_404_page(page: Page, site_url):
    response = page.goto(site_url + "/no-such-page.do")

    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(wording.NOT_FOUND_TITLE)
    expect(page.get_by_role("button", name=wording.BACK_TO_LOGIN)).to_be_visible()


def test_login_screen_carries_the_guide_notes(page: Page, site_url):
    LoginPage(page, site_url).open()

    for note in wording.LOGIN_NOTES:
        expect(page.get_by_text(note)).to_be_visible()


def test_the_readme_test_passes_as_written(page: Page, make_line, site_url, region):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Writing a test", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)

    namespace["test_login_reaches_the_top"](page, make_line, site_url, region)
