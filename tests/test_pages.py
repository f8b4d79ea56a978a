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
