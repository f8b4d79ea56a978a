"""The replica's markup contract, one owner: what it promises about each screen production's
scripts drive (URL, forms, fields, hidden fields, image buttons in order, the classes scripts
rely on), and the known scripts' selectors with where each is served and who uses it.

The replica's tests check the replica against it (tests/test_drift.py, e2e/test_production_markup
.py), `hikari-e2e drift` checks production against it, and docs/production-markup.md's table is
written from it (`hikari-e2e drift --table`). Sources: domain-notes §0–§1 (S1 2020, S2 older,
S3 2024).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mock_site import wording

from .markup import Button, Field, Markup


@dataclass(frozen=True)
class Screen:
    """A screen the contract covers: where it is, whether it needs a login, its markup."""

    key: str
    path: str
    title: str
    public: bool  # reachable without logging in (the drift check reads it from production)
    markup: Markup | None  # None: served, but reached only in a state no read-only walk makes


@dataclass(frozen=True)
class Promise:
    """Known scripts' selectors and where the replica serves them (a row of the docs' table)."""

    selectors: tuple[str, ...]
    screen: str  # a Screen's key
    where: str  # how the replica serves it, for people
    sources: str  # S1, S2, S3, or "assumed"


def _b(*alts: str) -> tuple[Button, ...]:
    return tuple(Button(alt, alt) for alt in alts)


_HIDDEN_NAV = ("csrf_token", "disp")
_LOGOUT = ("AGL_Logout.do", "post")

SCREENS: tuple[Screen, ...] = (
    Screen("portal", "AGT_Main.htm", "ひかり電話設定サイト", True, Markup(
        forms=(("AGL_Disp.do", "post"),), hidden=_HIDDEN_NAV, buttons=_b("ログイン"),
    )),
    Screen("login", "AGL_Disp.do", "ログイン", True, Markup(
        forms=(("AGL_Login.do", "post"),),
        fields=(Field("phoneNo", "phoneNo", "text", 10), Field("pass", "pass", "password")),
        hidden=("csrf_token",), buttons=_b("ログイン"), classes=frozenset({"btn_login"}),
    )),
    Screen("top", "AGS_Disp.do", "ひかり電話設定サイト トップ", False, Markup(
        forms=(_LOGOUT, ("AGS_Select.do", "post"), ("APW_Disp.do", "post"),
               ("AOS_Disp.do", "post")),
        hidden=_HIDDEN_NAV,
        buttons=_b("ログアウト", "ボイスワープ", "着信お知らせメール", "FAXお知らせメール",
                   "パスワード変更", "ワンタイムパスワード利用選択変更"),
    )),
    Screen("vw-menu", "VUM_Disp.do", "ボイスワープ サービスメニュー", False, Markup(
        forms=(_LOGOUT, ("VUL_Disp.do", "post"), ("VUS_Disp.do", "post"),
               ("AGS_Disp.do", "post")),
        hidden=_HIDDEN_NAV,
        buttons=_b("ログアウト", "転送先電話番号設定", "サービス開始／停止", "サービスメニューへ"),
        classes=frozenset({"img_b0_al_top"}),
    )),
    Screen("vw-list", "VUL_Disp.do", "転送先電話番号設定", False, Markup(
        forms=(_LOGOUT, ("VUL_Confirm.do", "post"), ("VUM_Disp.do", "post")),
        fields=tuple(f for n in range(1, 5) for f in (
            Field("listValue", "listValue", "radio"), Field(f"dest{n}", f"dest{n}", "text", 20))),
        hidden=(*_HIDDEN_NAV, "form_token"),
        buttons=_b("ログアウト", "設定", "サービスメニューへ"),
        classes=frozenset({"img_b0_al_top"}),
    )),
    Screen("vw-switch", "VUS_Disp.do", "サービス開始／停止", False, Markup(
        forms=(_LOGOUT, ("VUS_Confirm.do", "post"), ("VUM_Disp.do", "post")),
        fields=(Field("transfer", "r1", "radio"), Field("transfer", "r2", "radio"),
                Field("call_sec2", "call_sec2", "text", 2), Field("transfer", "r3", "radio"),
                Field("transfer", "r4", "radio"), Field("call_sec4", "call_sec4", "text", 2),
                Field("transfer", "stop", "radio")),
        hidden=(*_HIDDEN_NAV, "form_token"),
        buttons=_b("ログアウト", "設定", "サービスメニューへ"),
        classes=frozenset({"img_b0_al_top"}),
    )),
    Screen("notice", "AGL_Notice.do", "パスワード期限予告", False, None),
    Screen("forced-change", "AGP_Disp.do", "パスワード変更", False, None),
)  # fmt: skip
BY_KEY = {screen.key: screen for screen in SCREENS}
# The accessible structure of the public screens, as Playwright aria snapshot templates (a
# template matches a page holding at least these nodes, in this order; /…/ is a pattern for
# what varies): `hikari-e2e drift --aria` matches production's in a browser, and
# e2e/test_production_markup.py the replica's, in both regions.
ARIA: dict[str, str] = {
    "portal": f"""- banner:
  - paragraph: /{wording.SITE_NAME} NTT(東|西)日本/
- main:
  - heading "{wording.PORTAL_TITLE}" [level=1]
  - button "{wording.LOGIN}"
""",
    "login": f"""- main:
  - heading "{wording.LOGIN_TITLE}" [level=1]
  - textbox "{wording.PHONE_NUMBER}"
  - textbox "{wording.PASSWORD}"
  - button "{wording.LOGIN}"
""",
}
# The screens a read-only walk past the login reads, in order (never one that changes anything).
# (the screen, the button pressed to reach it from the one before): all the walk ever presses.
WALK = (("top", "ログイン"), ("vw-menu", "ボイスワープ"), ("vw-list", "転送先電話番号設定"))

# The known scripts' selectors, by what they find: the browser tests drive these names
# (e2e/test_production_markup.py), so the contract and the tests cannot disagree.
KNOWN: dict[str, str] = {
    "portal": "AGT_Main.htm",
    "portal.login": "input[title='ログイン']",
    "first-button": "xpath=(//input[@type='image'])[1]",
    "login.number": "input[name=phoneNo]",
    "login.number#": "#phoneNo",
    "login.password": "input[name=pass]",
    "login.password#": "#pass",
    "login.submit": "input[alt=ログイン]",
    "login.answer": "AGL_Login.do",
    "notice.message": ".mes_error",
    "notice.message-2020": ".mes_error_center_new",
    "notice.ok": "input[alt=OK]",
    "change.submit": ".btn_login > input[alt=パスワード変更]",
    "change.current": "#culpass",
    "change.new": "#newPass",
    "change.confirm": "#confirmpass",
    "change.back-to-login": "input[alt=ログイン画面へ戻る]",
    "top.voice-warp": "input[alt=ボイスワープ]",
    "top.voice-warp-title": "input[title=ボイスワープ]",
    "menu.list": "input[alt=転送先電話番号設定]",
    "menu.list-title": "input[title=転送先電話番号設定]",
    "menu.switch": "input[alt=サービス開始／停止]",
    "menu.switch-title": "input[title=サービス開始／停止]",
    "list.radios": "[id=listValue]",
    "list.entry-2": 'input[value="2"]',
    "list.in-use": "input[checked=checked]",
    "list.in-use-radio": "input[id=listValue][checked=checked]",
    "list.numbers": "input[type=text]",
    "set": "input[alt=設定]",
    "list.confirm": "VUL_Confirm.do",
    "list.done": "VUL_Regist.do",
    "switch.unconditional": "#r1",
    "switch.no-answer": "#r2",
    "switch.no-answer-id": "input[id=r2]",
    "switch.no-answer-seconds": "#call_sec2",
    "switch.no-answer-seconds-id": "input[id=call_sec2]",
    "switch.stop": "#stop",
    "switch.busy": "#r3",
    "switch.no-answer-busy": "#r4",
    "switch.no-answer-busy-seconds": "#call_sec4",
    "back-to-menu": ".img_b0_al_top",
    "logout": "input[title=ログアウト]",
}


def _k(*names: str) -> tuple[str, ...]:
    return tuple(KNOWN[name] for name in names)


PROMISES: tuple[Promise, ...] = (
    Promise(_k("portal", "portal.login", "first-button"), "portal",
            "the portal (the site's root redirects there); 「ログイン」 is its first image button "
            "and opens `AGL_Disp.do`", "S2, S3"),
    Promise(_k("login.number", "login.number#"), "login", "the login form", "S1 (name), S3 (id)"),
    Promise(_k("login.password", "login.password#"), "login", "the login form", "S1, S2, S3"),
    Promise(_k("login.submit"), "login", "the login form", "S1"),
    Promise(("form.submit()",), "login", "the form sent without its button (Selenium "
            "`submit()`): a plain post is accepted as well as `NAME.x`/`NAME.y`", "S3"),
    Promise(_k("login.answer"), "login", "the URL after logging in: `POST AGL_Login.do` answers "
            "with the next screen itself (top, OTP, notice or forced change), no redirect", "S1"),
    Promise(_k("notice.message", "notice.message-2020"), "notice", "パスワード期限予告: the "
            "message block has both classes (2024, 2020)", "S3, S1"),
    Promise(_k("notice.ok", "first-button"), "notice",
            "パスワード期限予告: 「OK」 is its first image button and leads to `AGS_Disp.do`",
            "S1, S3"),
    Promise(_k("change.submit", "change.current", "change.new", "change.confirm"),
            "forced-change", "the forced change (and 「パスワード変更」 from the top)", "S1"),
    Promise(_k("change.back-to-login"), "forced-change", "パスワード変更完了: back to "
            "`AGL_Login.do` showing the login form", "S1"),
    Promise(_k("top.voice-warp-title", "top.voice-warp"), "top",
            "the top; the other services likewise", "S1, S2, S3"),
    Promise(_k("menu.list", "menu.list-title", "menu.switch", "menu.switch-title"), "vw-menu",
            "the ボイスワープ menu", "S1, S2, S3"),
    Promise((*_k("list.radios", "list.entry-2", "list.in-use", "list.in-use-radio",
                 "list.numbers"), '//input[@type="text"]'), "vw-list",
            "転送先電話番号設定: the radio in use is written `checked=\"checked\"`; each radio is "
            "followed by its entry's text field, the page's only text fields", "S1, S3"),
    Promise(_k("set", "list.confirm", "list.done"), "vw-list",
            "転送先電話番号設定, its confirmation and completion", "S1"),
    Promise(_k("switch.unconditional", "switch.no-answer", "switch.no-answer-id",
               "switch.no-answer-seconds", "switch.no-answer-seconds-id", "switch.stop"),
            "vw-switch", "サービス開始／停止: 無条件転送, 無応答時転送 and its 呼出秒数, 停止; the "
            "mode in force is checked", "S2, S3"),
    Promise(_k("switch.busy", "switch.no-answer-busy", "switch.no-answer-busy-seconds"),
            "vw-switch", "サービス開始／停止: 話中時転送, 無応答時＋話中時転送 and its 呼出秒数",
            "assumed by analogy (domain-notes §1)"),
    Promise(_k("back-to-menu"), "vw-menu",
            "「サービスメニューへ」 on every service screen below a menu", "S3"),
    Promise(_k("logout"), "top", "the header of every logged-in screen", "S2, S3"),
)  # fmt: skip


def needs(selector: str) -> set[tuple[str, str]]:
    """What a selector relies on, as (kind, value) facts: ("name", "pass"), ("id", "r1"),
    ("alt", "ログイン"), ("title", "ログイン"), ("class", "mes_error"), ("first-button", "")."""
    if re.fullmatch(r"\w+\.(do|htm)", selector):  # a URL the script expects or opens
        return {("action", selector)}
    if selector == "form.submit()":
        return set()
    facts: set[tuple[str, str]] = set()
    for kind in ("name", "id", "alt", "title"):
        for value in re.findall(rf"\[@?{kind}=\"?'?([^\]\"']+)\"?'?\]", selector):
            facts.add((kind, value))
    if not selector.startswith(("xpath=", "//")):
        facts |= {("id", value) for value in re.findall(r"#([\w-]+)", selector)}
        facts |= {("class", value) for value in re.findall(r"\.([A-Za-z_][\w-]*)", selector)}
    if "[1]" in selector and "@type='image'" in selector:
        facts.add(("first-button", ""))
    return facts


def selectors_of(screen: str) -> list[tuple[str, str]]:
    """The known selectors served on a screen, each with its sources."""
    return [(s, p.sources) for p in PROMISES if p.screen == screen for s in p.selectors]


def table() -> str:
    """docs/production-markup.md's table of selectors, written from the contract."""
    rows = ["| production selector | screen (path) on the replica | source |", "|---|---|---|"]
    for promise in PROMISES:
        shown = ", ".join(f"`{s}`" for s in promise.selectors)
        path = BY_KEY[promise.screen].path
        rows.append(f"| {shown} | `{path}`: {promise.where} | {promise.sources} |")
    return "\n".join(rows) + "\n"
