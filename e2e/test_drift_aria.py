"""The accessible structure in the markup contract (contract.ARIA): the replica's public screens
match it in both regions, and `hikari-e2e drift --aria` finds a page whose structure moved."""

from __future__ import annotations

import subprocess
import sys

from playwright.sync_api import Page, expect

from hikari_e2e.drift import contract
from hikari_e2e.drift.aria import matches


def test_the_public_screens_match_the_contracts_aria_snapshots(page: Page, site_url):
    for key, template in contract.ARIA.items():
        page.goto(site_url + "/" + contract.BY_KEY[key].path)

        expect(page.locator("body")).to_match_aria_snapshot(template)


def test_a_moved_structure_is_told(page: Page, site_url):
    page.goto(site_url + "/" + contract.BY_KEY["login"].path)
    page.evaluate("document.querySelector('h1').textContent = 'サインイン'")

    assert "サインイン" in matches(page, contract.ARIA["login"])  # Playwright says what it saw


def test_drift_aria_reports_a_saved_page_whose_structure_moved(page: Page, site_url, tmp_path):
    for key in contract.ARIA:
        path = contract.BY_KEY[key].path
        page.goto(site_url + "/" + path)
        html = page.content()
        if key == "login":  # the password field loses its label: its name is gone
            html = html.replace('for="pass"', 'for="nothing"')
        (tmp_path / path).write_text(html, encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "hikari_e2e.scenarios", "drift", "--pages", str(tmp_path), "--aria"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert result.returncode == 1, result.stdout + result.stderr
    assert "## portal (`AGT_Main.htm`): same" in result.stdout
    assert "changed: accessible structure differs" in result.stdout
    assert 'textbox "パスワード"' not in result.stdout.split("its aria snapshot now")[1]
