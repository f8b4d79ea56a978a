"""The guide's rules as tables: numbers, passwords, who logs in, what a login reaches, lifetimes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from mock_site import accounts, wording
from mock_site import credentials as rules
from mock_site.clock import JST
from mock_site.config import Settings
from mock_site.store import PASSWORD, TEMPORARY, Credential, Line, Number, is_valid_number

DEFAULTS = Settings()  # the rules' numbers, as the environment starts
ERR_NEW_FORMAT = wording.fill(wording.ERR_NEW_FORMAT, DEFAULTS)

SETTINGS = Settings()
T0 = datetime(2026, 11, 25, 9, 0, tzinfo=JST)


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        pytest.param("0300001111", True, id="guide-example"),
        pytest.param("0612345678", True, id="osaka"),
        pytest.param("03-0000-1111", False, id="hyphens"),
        pytest.param("０３００００１１１１", False, id="full-width"),
        pytest.param("03 0000 1111", False, id="spaces"),
        pytest.param("030000111", False, id="nine-digits"),
        pytest.param("03000011112", False, id="eleven-digits"),
        pytest.param("3000011112", False, id="no-leading-zero"),
        pytest.param("", False, id="empty"),
        pytest.param("０３-００００-１１１１", False, id="full-width-hyphens"),
        pytest.param("٠٣٠٠٠٠١١١١", False, id="arabic-indic-digits"),
    ],
)
def test_login_numbers_are_ten_half_width_digits(number, valid):
    assert is_valid_number(number) is valid


@pytest.mark.parametrize(
    ("new", "confirm", "errors"),
    [
        pytest.param("abcd1234", "abcd1234", [], id="eight-mixed"),
        pytest.param("ABCDEFGH", "ABCDEFGH", [], id="letters-only"),
        pytest.param("abcdef123456", "abcdef123456", [], id="twelve"),
        pytest.param("abc1234", "abc1234", [ERR_NEW_FORMAT], id="seven"),
        pytest.param("abcdef1234567", "abcdef1234567", [ERR_NEW_FORMAT], id="thirteen"),
        pytest.param("12345678", "12345678", [wording.ERR_NEW_DIGITS_ONLY], id="digits-only"),
        pytest.param("abcd_1234", "abcd_1234", [ERR_NEW_FORMAT], id="underscore"),
        pytest.param("ａｂｃｄ１２３４", "ａｂｃｄ１２３４", [ERR_NEW_FORMAT], id="full-width"),
        pytest.param("abcd 1234", "abcd 1234", [ERR_NEW_FORMAT], id="space"),
        pytest.param("パスワード1234", "パスワード1234", [ERR_NEW_FORMAT], id="kana"),
        pytest.param("abcd1234", "abcd1235", [wording.ERR_CONFIRM_MISMATCH], id="mismatch"),
        pytest.param("", "", [wording.ERR_NEW_REQUIRED, wording.ERR_CONFIRM_REQUIRED], id="empty"),
        pytest.param("abcd1234", "", [wording.ERR_CONFIRM_REQUIRED], id="no-confirm"),
        pytest.param("x" * 10_000, "x" * 10_000, [ERR_NEW_FORMAT], id="10000-chars"),
        pytest.param("abcd\x001234", "abcd\x001234", [ERR_NEW_FORMAT], id="nul"),
    ],
)
def test_new_password_rules(new, confirm, errors):
    assert rules.new_password_errors(new, confirm, SETTINGS) == errors


def line_of(unit: str | None) -> Line:
    numbers = [Number("0300001111", True), Number("0300002222", False), Number("0300003333", False)]
    return Line("l1", "east", numbers, unit)


@pytest.mark.parametrize(
    ("unit", "index", "may_log_in", "reach", "change"),
    [
        pytest.param(wording.UNIT_LINE, 0, True, [0, 1, 2], [0], id="line-contract"),
        pytest.param(wording.UNIT_LINE, 1, False, [1], [1], id="line-additional"),
        pytest.param(wording.UNIT_NUMBER, 0, True, [0], [0], id="number-contract"),
        pytest.param(wording.UNIT_NUMBER, 2, True, [2], [2], id="number-additional"),
        pytest.param(wording.UNIT_ADMIN, 0, True, [0, 1, 2], [0, 1, 2], id="admin-manager"),
        pytest.param(wording.UNIT_ADMIN, 1, True, [1], [1], id="admin-user"),
        pytest.param(None, 0, False, [0], [0], id="no-unit-yet"),
    ],
)
def test_units_decide_login_reach_and_password_change(unit, index, may_log_in, reach, change):
    line = line_of(unit)
    number = line.numbers[index]

    assert accounts.may_log_in(line, number) is may_log_in
    assert accounts.reach(line, number) == [line.numbers[i] for i in reach]
    assert accounts.password_change_targets(line, number) == [line.numbers[i] for i in change]


@pytest.mark.parametrize(
    ("kind", "elapsed", "expired", "notice"),
    [
        pytest.param(TEMPORARY, timedelta(hours=24, seconds=-1), False, False, id="temp-24h-1s"),
        pytest.param(TEMPORARY, timedelta(hours=24), True, False, id="temp-24h"),
        pytest.param(PASSWORD, timedelta(days=53, seconds=-1), False, False, id="pw-day53-1s"),
        pytest.param(PASSWORD, timedelta(days=53), False, True, id="pw-day53"),
        pytest.param(PASSWORD, timedelta(days=60, seconds=-1), False, True, id="pw-day60-1s"),
        pytest.param(PASSWORD, timedelta(days=60), True, False, id="pw-day60"),
    ],
)
def test_lifetimes(kind, elapsed, expired, notice):
    credential = Credential(kind, "hash", T0)

    assert rules.is_expired(credential, T0 + elapsed, SETTINGS) is expired
    assert rules.in_notice_window(credential, T0 + elapsed, SETTINGS) is notice


@pytest.mark.parametrize(("kind", "limit"), [(TEMPORARY, 3), (PASSWORD, 10)])
def test_failure_limits_are_the_guides(kind, limit):
    assert rules.failure_limit(Credential(kind, "hash", T0), SETTINGS) == limit
