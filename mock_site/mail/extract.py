"""Find the registration URL and the one-time password in a mail's decoded text."""

from __future__ import annotations

import re

URL = re.compile(r"https?://[^\s<>\"'「」（）()]+")
# A code is said next to its name; a date, a time or a phone number never matches this.
CODE_NEAR_KEYWORD = re.compile(
    r"(?:ワンタイムパスワード|認証コード|確認コード|コード)[^0-9\n]{0,20}?(?<![0-9])([0-9]{4,8})(?![0-9/:\-])"
)
CODE_ALONE = re.compile(r"^\s*([0-9]{4,8})\s*$", re.MULTILINE)


class NotFound(LookupError):
    """Say what was looked for and show the text it was not in."""


def links(text: str) -> list[str]:
    """Return every http(s) URL in the text, in order."""
    return URL.findall(text)


def link(text: str, contains: str | None = None) -> str:
    """Return the one URL in the text (containing contains, when given)."""
    found = [url for url in links(text) if contains is None or contains in url]
    if len(found) != 1:
        raise NotFound(f"expected one URL containing {contains!r}, found {found} in:\n{text}")
    return found[0]


def otp(text: str) -> str:
    """Return the one-time password: the digits named as a code, else a line of digits alone."""
    found = CODE_NEAR_KEYWORD.findall(text) or CODE_ALONE.findall(text)
    if len(set(found)) != 1:
        raise NotFound(f"expected one code, found {found} in:\n{text}")
    return found[0]
