"""The environment's home page, with the seeded lines of both regions."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

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


class InboxPage(Screen):
    """The mail inbox (/mail): every mail the sink received, newest first."""

    PATH = "/mail"
    TITLE = wording.MAIL_TITLE

    def row(self, to: str, subject: str) -> Locator:
        """Return the newest row of a mail to exactly `to` with that subject."""
        rows = self.page.get_by_role("row").filter(
            has=self.page.get_by_role("cell", name=to, exact=True)
        )
        return rows.filter(has=self.page.get_by_role("link", name=subject, exact=True)).first

    def open_mail(self, to: str, subject: str) -> MailPage:
        """Open the newest mail to `to` with that subject."""
        self.row(to, subject).get_by_role("link", name=subject, exact=True).click()
        return MailPage(self.page, self.base_url, subject)


class MailPage(Screen):
    """One mail of the inbox (/mail/ID): its decoded text with working links. Its title is the
    mail's subject (a mail without one: 「（件名なし）」), so a MailPage is made knowing it."""

    def __init__(self, page: Page, base_url: str, subject: str) -> None:
        super().__init__(page, base_url)
        self.TITLE = subject or wording.MAIL_NO_SUBJECT

    @property
    def text(self) -> Locator:
        """Return the mail's text."""
        return self.page.locator(".mail-text")

    def follow(self, contains: str) -> None:
        """Click the first link in the text whose URL contains `contains`."""
        self.text.locator(f'a[href*="{contains}"]').first.click()

    def otp(self) -> str:
        """Return the ワンタイムパスワード the mail gives."""
        from mock_site.mail import extract

        return extract.otp(self.text.inner_text())
