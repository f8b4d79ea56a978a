"""The regional sites: login rotates the session, CSRF is enforced, errors are Japanese pages."""

from __future__ import annotations

import re

import pytest

from fixtures.site_client import (
    HOSTILE,
    csrf_token,
    logged_in_client,
    login,
    quick_line,
    screen_title,
)
from mock_site import seed, wording
from mock_site.config import Settings
from mock_site.environment import Environment

DEFAULTS = Settings()  # the rules' numbers, as the environment starts
ERR_VERIFY_ID_FORMAT = wording.fill(wording.ERR_VERIFY_ID_FORMAT, DEFAULTS)
ERR_VERIFY_PASSWORD_FORMAT = wording.fill(wording.ERR_VERIFY_PASSWORD_FORMAT, DEFAULTS)


def test_login_answers_with_the_next_screen_at_its_own_url(env):
    """Production forwards: the login's POST itself shows the next screen (S1), no redirect."""
    client = env.apps["east"].test_client()
    line = quick_line(env, "east")

    response = login(client, line.contract_number, seed.QUICK_TRY_PASSWORD)

    assert (response.status_code, response.location) == (200, None)
    assert screen_title(response) == wording.OTP_CHOICE_TITLE
    # the forwarded screen's forms carry a CSRF token of the new, rotated session
    html = response.get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    client.post("/AGL_Logout.do", data={"csrf_token": token})
    assert env.store.sessions_for("east", line.contract_number) == []


def test_logout_ends_the_server_session(env):
    client, line = logged_in_client(env, "west")
    number = line.contract_number

    client.post("/AGL_Logout.do", data={"csrf_token": csrf_token(client, "/AGS_Disp.do")})

    assert env.store.sessions_for("west", number) == []
    assert client.get("/AGS_Disp.do").location.endswith("/AGL_Disp.do")


def test_passwords_are_stored_hashed(env):
    line = quick_line(env, "east")
    _, number = env.store.find_number("east", line.contract_number)

    assert seed.QUICK_TRY_PASSWORD not in number.credential.password_hash
    assert number.credential.password_hash.startswith("scrypt:")


@pytest.mark.parametrize(
    ("method", "path", "status", "title"),
    [
        pytest.param("get", "/nothing-here", 404, wording.NOT_FOUND_TITLE, id="unknown-path"),
        pytest.param("get", "/AGL_Login.do", 405, wording.METHOD_NOT_ALLOWED_TITLE, id="get-post"),
        pytest.param("put", "/AGL_Disp.do", 405, wording.METHOD_NOT_ALLOWED_TITLE, id="put"),
    ],
)
def test_errors_are_japanese_pages(site, method, path, status, title):
    response = getattr(site, method)(path)

    assert response.status_code == status
    body = response.get_data(as_text=True)
    assert f"<h1>{title}</h1>" in body
    assert "Traceback" not in body


@pytest.mark.parametrize(
    "number",
    [
        pytest.param("x" * 10_000, id="10000-chars"),
        pytest.param("\x00\x01\x02", id="control-chars"),
        pytest.param("' OR 1=1 --", id="sql-like"),
        pytest.param("<script>alert(1)</script>", id="script-like"),
    ],
)
def test_hostile_login_input_gets_a_japanese_error(env, site, number):
    response = login(site, number, "<script>")

    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert wording.ERR_PHONE_FORMAT in body
    assert "<script>alert" not in body
    assert all(not env.store.sessions_for(r, number) for r in ("east", "west"))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param(field, case.values[0], id=f"{field}-{case.id}")
        for field in ("culpass", "newPass", "confirmpass", "telNo")
        for case in HOSTILE
        # An empty 電話番号 means the logged-in number, as when the select is not shown.
        if not (field == "telNo" and case.id == "empty")
    ],
)
def test_hostile_password_change_input_is_refused_in_japanese(env, field, value):
    client, line = logged_in_client(env)
    _, number = env.store.find_number("east", line.contract_number)
    before = number.credential
    html = client.get("/APW_Disp.do").get_data(as_text=True)
    token = re.search(r'name="form_token" type="hidden" value="([^"]+)"', html).group(1)
    data = {
        "csrf_token": csrf_token(client, "/AGS_Disp.do"),
        "form_token": token,
        "culpass": seed.QUICK_TRY_PASSWORD,
        "newPass": "newpass123",
        "confirmpass": "newpass123",
        field: value,
    }

    response = client.post("/APW_Disp.do", data=data)

    assert response.status_code in (200, 409)
    body = response.get_data(as_text=True)
    assert 'role="alert"' in body
    assert "<script>alert" not in body
    assert number.credential is before


def test_a_non_ascii_form_token_is_a_stale_window_not_an_error(env):  # found by Hypothesis
    client, _ = logged_in_client(env)
    client.get("/APW_Disp.do")
    data = {"csrf_token": csrf_token(client, "/AGS_Disp.do"), "form_token": "トークン"}

    response = client.post("/APW_Disp.do", data=data | {"culpass": "x", "newPass": "y"})

    assert response.status_code == 409
    assert 'role="alert"' in response.get_data(as_text=True)


@pytest.mark.parametrize("part", ["east", "west", "home"])
def test_static_files_come_from_memory_with_an_etag(env, part):
    client = env.apps[part].test_client()

    first = client.get("/static/site.css")
    again = client.get("/static/site.css", headers={"If-None-Match": first.headers["ETag"]})

    assert (first.status_code, first.mimetype, again.status_code) == (200, "text/css", 304)
    assert client.get("/static/../__init__.py").status_code == 404


def test_passwords_never_reach_the_log(env, caplog):
    client, line = logged_in_client(env, "west")
    client.post("/AGL_Logout.do", data={"csrf_token": csrf_token(client, "/AGS_Disp.do")})

    with caplog.at_level("DEBUG"):
        login(client, line.contract_number, "secretWrong99")
        login(client, line.contract_number, seed.QUICK_TRY_PASSWORD)

    assert "secretWrong99" not in caplog.text
    assert seed.QUICK_TRY_PASSWORD not in caplog.text


@pytest.mark.parametrize("password", HOSTILE)
def test_hostile_login_password_is_a_wrong_password(env, password):
    client = env.apps["east"].test_client()
    line = quick_line(env, "east")

    response = login(client, line.contract_number, password)

    assert response.status_code == 200
    body = response.get_data(as_text=True)
    expected = wording.ERR_PASSWORD_REQUIRED if password == "" else wording.ERR_LOGIN_FAILED
    assert expected in body
    assert "<script>alert" not in body
    assert env.store.sessions_for("east", line.contract_number) == []


@pytest.mark.parametrize(("region", "setting"), [("east", "otp_east"), ("west", "otp_west")])
def test_otp_can_be_switched_off_per_region(region, setting):
    from mock_site.config import Settings

    env = Environment(Settings(**{setting: False}))
    client = env.apps[region].test_client()
    line = quick_line(env, region)

    response = login(client, line.contract_number, seed.QUICK_TRY_PASSWORD)

    assert screen_title(response) == wording.TOP_TITLE
    top = response.get_data(as_text=True)
    assert wording.OTP_CHOICE_CHANGE not in top
    other = "west" if region == "east" else "east"
    assert getattr(env.settings, f"otp_{other}") is True


@pytest.mark.parametrize(
    ("address", "verify_id", "verify_password", "errors"),
    [
        ("taro@example.jp", "abCD1234", "abcd1234", []),
        ("taro@example.jp", "ABCD1234", "ABCD1234", []),
        ("taro@example", "abCD1234", "abcd1234", [wording.ERR_OTP_ADDRESS]),
        (
            "",
            "",
            "",
            [
                wording.ERR_OTP_ADDRESS,
                ERR_VERIFY_ID_FORMAT,
                ERR_VERIFY_PASSWORD_FORMAT,
            ],
        ),
        ("taro@example.jp", "ABCDEFGH", "abcd1234", [wording.ERR_VERIFY_ID_KINDS]),
        ("taro@example.jp", "abcdefgh", "abcd1234", [wording.ERR_VERIFY_ID_KINDS]),
        ("taro@example.jp", "12345678", "abcd1234", [wording.ERR_VERIFY_ID_KINDS]),
        (
            "taro@example.jp",
            "abCD12345678X",
            "abcd1234",
            [ERR_VERIFY_ID_FORMAT],
        ),
        ("taro@example.jp", "abCD1234", "12345678", [wording.ERR_VERIFY_PASSWORD_KINDS]),
        ("taro@example.jp", "abCD1234", "abcdefgh", [wording.ERR_VERIFY_PASSWORD_KINDS]),
        (
            "taro@example.jp",
            "ａｂＣＤ１２３４",
            "abcd1234",
            [ERR_VERIFY_ID_FORMAT],
        ),
        ("x" * 250 + "@a.jp", "abCD1234", "abcd1234", [wording.ERR_OTP_ADDRESS]),
        ("<script>@a.jp", "abCD1234", "abcd1234", [wording.ERR_OTP_ADDRESS]),
    ],
)
def test_otp_registration_rules(address, verify_id, verify_password, errors):
    from mock_site.otp.service import registration_errors

    assert registration_errors(address, verify_id, verify_password, DEFAULTS) == errors
