"""The environment's home page, with the seeded lines of both regions."""

from __future__ import annotations

from playwright.sync_api import Locator

from mock_site import wording
from mock_site.regions import REGIONS

from .base import Screen


class HomePage(Screen):
    """List every part of the environment and the lines of each region."""

    PATH = "/"
    TITLE = wording.HOME_TITLE

    def lines_table(self, region: str) -> Locator:
        """Return the table of a region's lines."""
        return self.page.get_by_role("table", name=f"{REGIONS[region].company}の回線")

    def row_of(self, region: str, number: str) -> Locator:
        """Return the table row of one number."""
        return self.lines_table(region).get_by_role("row").filter(has_text=number)
