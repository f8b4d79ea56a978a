"""The accessible structure of the public screens, as Playwright's aria snapshots with patterns
for what varies (numbers, dates): read in a real browser, matched with Playwright's own rules
(`to_match_aria_snapshot`). The templates are the contract's (contract.ARIA)."""

from __future__ import annotations

from pathlib import Path

from .. import browser as browsers
from . import contract
from .compare import Change, ScreenDrift
from .markup import decoded


def matches(page, template: str) -> str:
    """Return "" when the page's body matches the template, else Playwright's account of how."""
    from playwright.sync_api import expect

    try:
        expect(page.locator("body")).to_match_aria_snapshot(template, timeout=2_000)
    except AssertionError as error:
        return str(error).strip()
    return ""


def check(against: str, pages: Path | None, screens: list[ScreenDrift]) -> None:
    """Add an "aria" change to each public screen whose accessible structure moved."""
    from playwright.sync_api import sync_playwright

    by_key = {s.key: s for s in screens}
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**browsers.plan().merge({}))
        page = chromium.new_page(locale="ja-JP")
        for key, template in contract.ARIA.items():
            screen, drift = contract.BY_KEY[key], by_key.get(key)
            if drift is None:
                continue
            if pages:
                page.set_content(decoded((pages / screen.path).read_bytes()))
            else:
                page.goto(against.rstrip("/") + "/" + screen.path)
            if matches(page, template):
                detail = "accessible structure differs from the contract's aria snapshot"
                drift.changes.append(Change("changed", "aria", detail))
                drift.breaks[detail] = []
                drift.status = "drift"
                received = page.locator("body").aria_snapshot()
                drift.note = f"its aria snapshot now:\n\n```yaml\n{received}\n```"
        chromium.close()
