"""Every page object of a screen with a path names its title, in the guide's words (wording),
so that `expect_loaded()` means something on every screen."""

from __future__ import annotations

import inspect

from hikari_e2e import pages
from hikari_e2e.pages import home, phone
from hikari_e2e.pages.base import Screen
from mock_site import wording

SCREENS = {
    c
    for module in (pages, home, phone)
    for _, c in inspect.getmembers(module, inspect.isclass)
    if issubclass(c, Screen) and c is not Screen
}
WORDS = {value for value in vars(wording).values() if isinstance(value, str)}
WORDS |= {title for title in wording.NOTICE_TITLE.values()}


def test_every_screen_with_a_path_has_a_title_of_the_guides_words():
    with_a_path = [c for c in SCREENS if "PATH" in vars(c)]

    assert len(with_a_path) >= 19  # the sites' screens, the inbox, the softphone, the home
    for screen in with_a_path:
        assert screen.TITLE, f"{screen.__name__} ({screen.PATH}) has no TITLE"
        assert screen.TITLE in WORDS, f"{screen.__name__}.TITLE is not a wording constant"


def test_no_two_screens_share_a_path():
    paths = [c.PATH for c in SCREENS if "PATH" in vars(c)]

    assert len(paths) == len(set(paths))


def test_a_screen_without_a_path_takes_its_title_when_made():
    """The inbox's mail page (/mail/ID) is titled by the mail's subject (or the inbox's word for
    none), a service's （確認） and （完了） by the form's title: every screen's expect_loaded()
    checks a title. (ServiceScreen is only the base of the service screens.)"""
    without = {c for c in SCREENS if "PATH" not in vars(c) and not c.TITLE} - {pages.ServiceScreen}

    assert without == {home.MailPage, pages.ConfirmPage, pages.DonePage}
    assert home.MailPage(None, "", "件名").TITLE == "件名"
    assert home.MailPage(None, "", "").TITLE == wording.MAIL_NO_SUBJECT
    confirm = pages.ConfirmPage(None, "", wording.VW_LIST_TITLE)
    assert confirm.TITLE == wording.VW_LIST_TITLE + wording.CONFIRM_SUFFIX
    assert pages.DonePage(None, "", confirm.of).TITLE == wording.VW_LIST_TITLE + wording.DONE_SUFFIX
