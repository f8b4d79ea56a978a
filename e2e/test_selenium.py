"""A second client: the production walk with Selenium WebDriver, as S2 and S3 drive the real site.

Many scripts that automate the real East site are Selenium (domain-notes §0: S2, S3). This
drives Debian's Chromium through Debian's chromedriver (`make setup` installs chromium-driver),
with S2's and S3's own locators: By.ID, By.CLASS_NAME and XPath on image buttons' titles.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from hikari_e2e import browser
from mock_site import wording

if TYPE_CHECKING:  # Selenium loads when its test runs: importing it costs every worker's
    # collection, and so make e2e's first test, 0.1 s (bench/bench_foundation.py)
    from selenium.webdriver.remote.webdriver import WebDriver

MOBILE, LANDLINE = "09012345678", "0612345678"
WAIT_SECONDS = 10


@pytest.fixture
def driver() -> Iterator[WebDriver]:
    """Start Chromium under chromedriver, headless and offline, as the suite's other browser."""
    binary, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    assert binary and chromedriver, (
        "the Selenium test needs Debian's chromium and chromedriver: run `make setup`, or as "
        "root: apt-get install -y chromium chromium-driver"
    )
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--window-size=1280,900", *browser.SYSTEM_ARGS):
        options.add_argument(arg)
    started = webdriver.Chrome(
        options=options, service=webdriver.ChromeService(executable_path=chromedriver)
    )
    yield started
    started.quit()


def click(driver: WebDriver, by: str, locator: str, to: str | None = None) -> None:
    """Click as S3's Click_Element does, then wait for the screen at path `to` (S3 sleeps)."""
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, WAIT_SECONDS).until(ec.element_to_be_clickable((by, locator))).click()
    if to is not None:
        WebDriverWait(driver, WAIT_SECONDS).until(ec.url_matches(re.escape(to) + "$"))


def test_selenium_walks_production_selectors(driver, make_line, hikari, site_url, region):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    line = make_line(region, auth_unit=wording.UNIT_NUMBER)
    number = line.contract_number
    warp = {"destinations": [MOBILE, LANDLINE], "selected": 2, "mode": wording.VW_STOP}
    hikari.services.set(region, number, voice_warp=warp)

    driver.get(site_url + "/AGT_Main.htm")
    click(driver, By.CSS_SELECTOR, 'input[title="ログイン"]', to="/AGL_Disp.do")  # S2
    field = WebDriverWait(driver, WAIT_SECONDS).until(
        ec.element_to_be_clickable((By.ID, "phoneNo"))
    )
    field.send_keys(number)  # S3: phoneNo by id
    password = driver.find_element(By.ID, "pass")
    password.send_keys(line.password)
    password.submit()  # S3: the form, without its button
    WebDriverWait(driver, WAIT_SECONDS).until(ec.url_matches(r"/AGL_Login\.do$"))
    assert driver.find_elements(By.CLASS_NAME, "mes_error") == []  # no expiry notice today

    click(driver, By.XPATH, '//input[@title="ボイスワープ"]', to="/VUM_Disp.do")
    click(driver, By.XPATH, '//input[@title="サービス開始／停止"]', to="/VUS_Disp.do")
    click(driver, By.ID, "r2")  # S2: start 無応答時転送 with 5 seconds
    ring = driver.find_element(By.ID, "call_sec2")
    ring.clear()
    ring.send_keys("5")
    click(driver, By.CSS_SELECTOR, 'input[alt="設定"]', to="/VUS_Confirm.do")
    click(driver, By.CSS_SELECTOR, 'input[alt="設定"]', to="/VUS_Regist.do")

    click(driver, By.CLASS_NAME, "img_b0_al_top", to="/VUM_Disp.do")  # S3: to the menu
    click(driver, By.XPATH, '//input[@title="サービス開始／停止"]', to="/VUS_Disp.do")
    assert driver.find_element(By.ID, "r2").is_selected()
    assert not driver.find_element(By.ID, "r1").is_selected()
    click(driver, By.CLASS_NAME, "img_b0_al_top", to="/VUM_Disp.do")
    click(driver, By.XPATH, '//input[@title="転送先電話番号設定"]', to="/VUL_Disp.do")
    radios = driver.find_elements(By.ID, "listValue")  # S3: the repeated id
    numbers = driver.find_elements(By.XPATH, '//input[@type="text"]')
    in_use = [numbers[i].get_attribute("value") for i, r in enumerate(radios) if r.is_selected()]
    assert in_use == [LANDLINE]

    click(driver, By.XPATH, '//input[@title="ログアウト"]', to="/AGL_Disp.do")
    assert driver.find_element(By.ID, "phoneNo").is_displayed()
    state = hikari.services.get(region, number).voice_warp
    assert (state.mode, state.ring_seconds) == (wording.VW_NO_ANSWER, 5)
