"""`hikari-e2e drift`: read production's public screens (and, given credentials, walk read-only
past the login), compare each with the replica's markup contract, and report.

The walk is read-only by construction: it presses only ログイン (once: a failed login is never
retried, production voids an account after 10 wrong passwords), ボイスワープ and
転送先電話番号設定, and stops at the first screen it did not expect. It never presses 設定 or
anything else that changes a setting.
"""

from __future__ import annotations

import http.cookiejar
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from . import contract
from .compare import ScreenDrift, compare
from .markup import decoded, forms_of, read

PRODUCTION = "https://www.hikari.ntt-east.net/"
SAFE = tuple(button for _, button in contract.WALK)  # all the walk ever presses


class Unreachable(Exception):
    """A public screen could not be read (no network, refused, not HTML)."""


@dataclass
class Report:
    against: str
    screens: list[ScreenDrift] = field(default_factory=list)
    unreachable: str = ""

    @property
    def status(self) -> int:
        """0: no drift, 1: drift, 2: could not reach production."""
        if self.unreachable:
            return 2
        return 1 if any(s.status == "drift" for s in self.screens) else 0

    def as_json(self) -> dict:
        return {"against": self.against, "status": self.status, "unreachable": self.unreachable,
                "markup_renames": self.renames(),
                "screens": [s.as_json() for s in self.screens]}  # fmt: skip

    def renames(self) -> str:
        """The markup_renames setting that serves production's changed ids, classes and alts."""
        pairs = [c.rename for s in self.screens for c in s.changes if c.rename]
        return ";".join(dict.fromkeys(pairs))

    def markdown(self) -> str:
        verdict = {0: "no drift", 1: "drift found", 2: "could not reach"}[self.status]
        lines = [f"# Markup drift against {self.against}: {verdict}", ""]
        if self.unreachable:
            lines += [self.unreachable, ""]
        for screen in self.screens:
            lines.append(f"## {screen.key} (`{screen.path}`): {screen.status}")
            if screen.note:
                lines.append(f"{screen.note}")
            for change in screen.changes:
                breaks = screen.breaks.get(change.detail, [])
                broken = f" — breaks {', '.join(f'`{b}`' for b in breaks)}" if breaks else ""
                lines.append(f"- {change.kind}: {change.detail}{broken}")
            lines.append("")
        renames = self.renames()
        if renames:
            lines += ["To serve the newer markup on the replica until the contract takes it:",
                      f"`hikari-mock serve --set markup_renames='{renames}'`", ""]  # fmt: skip
        return "\n".join(lines).rstrip() + "\n"


class Browser:
    """A cookie-keeping reader of a site: GET a path, or press an image button by its alt."""

    def __init__(self, base: str, timeout: float = 20.0) -> None:
        self.base = base if base.endswith("/") else base + "/"
        self.timeout = timeout
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self.html, self.url = "", ""

    def get(self, path: str) -> str:
        return self._open(urllib.request.Request(urllib.parse.urljoin(self.base, path)))

    def press(self, alt: str, typed: dict[str, str] | None = None) -> str:
        """Submit the form holding the image button alt, as a browser clicking it does."""
        if alt not in SAFE:
            raise ValueError(f"the drift walk never presses {alt!r} (only {', '.join(SAFE)})")
        for action, inputs in forms_of(self.html):
            button = next((i for i in inputs if i.get("type") == "image" and
                           i.get("alt") == alt), None)  # fmt: skip
            if button is None:
                continue
            data = [
                (i["name"], i.get("value", ""))
                for i in inputs
                if i.get("name") and i.get("type", "text") in ("hidden", "text", "password")
            ]
            data = [(n, (typed or {}).get(n, v)) for n, v in data]
            if button.get("name"):
                data += [(button["name"] + ".x", "1"), (button["name"] + ".y", "1")]
            body = urllib.parse.urlencode(data).encode()
            target = urllib.parse.urljoin(self.url, action)
            return self._open(urllib.request.Request(target, data=body, method="POST"))
        raise LookupError(f"no image button {alt!r} on {self.url}")

    def _open(self, request: urllib.request.Request) -> str:
        try:
            with self.opener.open(request, timeout=self.timeout) as answer:
                self.url = answer.geturl()
                self.html = decoded(answer.read(), answer.headers.get_content_charset())
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise Unreachable(f"{request.full_url}: {getattr(error, 'reason', error)}") from None
        return self.html


def check(against: str = PRODUCTION, pages: Path | None = None,
          login_from: str | None = None, aria: bool = False) -> Report:  # fmt: skip
    """Read the public screens (from the site, or saved pages named by path) and compare them;
    with aria, their accessible structure too (in a browser); with login_from=PREFIX, walk
    past the login with PREFIX_NUMBER and PREFIX_PASSWORD."""
    report = Report(str(pages) if pages else against)
    browser = Browser(against)
    for screen in (s for s in contract.SCREENS if s.public):
        try:
            html = decoded((pages / screen.path).read_bytes()) if pages else (
                browser.get(screen.path))  # fmt: skip
        except (Unreachable, OSError) as error:
            report.unreachable = f"could not read the {screen.key} screen: {error}"
            return report
        report.screens.append(compare(screen, read(html)))
    if aria:
        from . import aria as accessible

        accessible.check(against, pages, report.screens)
    if login_from and not pages:
        walk(browser, login_from, report)
    return report


def walk(browser: Browser, prefix: str, report: Report) -> None:
    """Log in once and read the screens of contract.WALK, pressing only what reaches them."""
    number = os.environ.get(f"{prefix}_NUMBER", "")
    password = os.environ.get(f"{prefix}_PASSWORD", "")
    if not (number and password):
        report.unreachable = f"set {prefix}_NUMBER and {prefix}_PASSWORD for the walk"
        return
    steps = contract.WALK
    for (key, button), following in zip(steps, [*steps[1:], None], strict=True):
        typed = {"phoneNo": number, "pass": password} if key == "top" else None
        try:
            if key == "top":
                browser.get(contract.BY_KEY["login"].path)
            found = read(browser.press(button, typed))
        except (Unreachable, LookupError) as error:
            report.unreachable = f"the walk stopped before {key}: {error}"
            return
        drift = compare(contract.BY_KEY[key], found)
        if following and not any(b.alt == following[1] for b in found.buttons):
            if key == "top":
                report.unreachable = ("the login did not reach the top screen (a wrong "
                                      "password, an OTP, a notice or a forced change): stopped, "
                                      "not retried")  # fmt: skip
                return
            drift.note = f"unexpected screen at {browser.url}: the walk stopped here"
            report.screens.append(drift)
            return
        report.screens.append(drift)
