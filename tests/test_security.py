"""Security of the mock, claim by claim: it is real, so a test written against it means something.

Elsewhere: hashed passwords (test_site), the inbox never running a mail's HTML (test_mail, and
in a browser e2e/test_otp), generated hostile input (test_hostile, test_api_schema). Lockout
counts through the browser: e2e/test_password_lifecycle.
"""

from __future__ import annotations

import hmac
import re
import socket
import threading
from pathlib import Path

import pytest

from fixtures.screens import PASSWORD, Visitor, log_in, otp_choice, snapshot
from fixtures.site_client import csrf_token, login, quick_line, screen_title
from mock_site import cli, seed, wording
from mock_site.auth import service as auth_service
from mock_site.config import Settings
from mock_site.environment import FREE_PORTS, Environment
from mock_site.mail import extract
from mock_site.otp import service as otp_service
from mock_site.regions import REGIONS
from mock_site.seed import DECLINED, LineToSeed
from mock_site.store import OtpChoice

DEFAULTS = Settings()  # the rules' numbers, as the environment starts

SITES = ["east", "west"]


def post_routes(env: Environment, region: str) -> list[str]:
    return sorted(
        rule.rule
        for rule in env.apps[region].url_map.iter_rules()
        if "POST" in rule.methods and "<" not in rule.rule
    )


def logged_in(env: Environment, region: str) -> tuple[Visitor, str]:
    line = env.add_line(LineToSeed(region, password=PASSWORD, additional_count=0, otp=DECLINED))
    v = Visitor(env, region).get("/AGL_Disp.do")
    v.submit("/AGL_Login.do", phoneNo=line.contract.number, **{"pass": PASSWORD})
    assert v.title == wording.TOP_TITLE
    return v, line.contract.number


# CSRF -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("region", SITES)
def test_every_post_without_a_csrf_token_is_refused_and_changes_nothing(region):
    env = Environment()
    v, _ = logged_in(env, region)
    routes = post_routes(env, region)
    assert "/VUL_Regist.do" in routes and "/AGL_Login.do" in routes
    for route in routes:
        before = snapshot(env)

        response = v.client.post(route, data={"form_token": "x", "service": "voice_warp"})

        assert response.status_code == 400, route
        assert wording.ERR_FORM_EXPIRED in response.get_data(as_text=True), route
        assert snapshot(env) == before, route


@pytest.mark.parametrize("region", SITES)
def test_a_csrf_token_from_before_login_is_stale_after_it(region):
    env = Environment()
    line = quick_line(env, region)
    env.store.find_number(region, line.contract_number)[1].otp.choice = OtpChoice.DECLINE
    client = env.apps[region].test_client()
    old = csrf_token(client)
    client.post("/AGL_Login.do", data={"csrf_token": old, "phoneNo": line.contract_number,
                                       "pass": seed.QUICK_TRY_PASSWORD})  # fmt: skip
    before = snapshot(env)

    response = client.post("/AGL_Logout.do", data={"csrf_token": old})

    assert response.status_code == 400
    assert snapshot(env) == before  # still logged in: the old page's logout did nothing


def test_a_csrf_token_of_another_browser_is_refused():
    env = Environment()
    v, _ = logged_in(env, "east")
    other = env.apps["east"].test_client()
    before = snapshot(env)

    response = v.client.post("/AGL_Logout.do", data={"csrf_token": csrf_token(other)})

    assert response.status_code == 400
    assert snapshot(env) == before


# Cookies and sessions ---------------------------------------------------------------------------


@pytest.mark.parametrize("region", SITES)
def test_session_cookie_is_httponly_samesite_and_rotated_at_login(region):
    env = Environment()
    client = env.apps[region].test_client()
    token = csrf_token(client)
    before = client.get_cookie(f"hikari_{region}_session")
    number = quick_line(env, region).contract_number

    client.post("/AGL_Login.do", data={"csrf_token": token, "phoneNo": number,
                                       "pass": seed.QUICK_TRY_PASSWORD})  # fmt: skip

    after = client.get_cookie(f"hikari_{region}_session")
    assert after.http_only and after.same_site == "Lax"
    assert after.value != before.value
    [session] = env.store.sessions_for(region, number)
    assert len(session.sid) >= 32  # secrets.token_urlsafe(32): 256 bits
    assert session.sid not in before.value  # the id is new, not the pre-login one renamed


# Registration URLs and codes --------------------------------------------------------------------


def register(env: Environment, region: str = "east") -> tuple[Visitor, str]:
    """Log in (OTP not chosen), register an address; return the visitor and the mailed URL."""
    line = env.add_line(LineToSeed(region, password=PASSWORD, additional_count=0))
    v = Visitor(env, region)
    log_in()(v, line.contract.number)
    otp_choice("use", "/AOR_Disp.do", "/AOR_Confirm.do")(v)
    return v, extract.link(env.mailbox.all()[-1].text, contains="AOR_Regist.do")


@pytest.fixture
def served() -> Environment:
    env = Environment().start(FREE_PORTS)  # the sink, for the mails
    yield env
    env.stop()


def test_registration_urls_are_unguessable_and_work_once(served):
    v, url = register(served)
    _, other = register(served)
    token = url.split("token=", 1)[1]

    assert len(token) >= 43 and re.fullmatch(r"[A-Za-z0-9_-]+", token)  # 256 random bits
    assert token != other.split("token=", 1)[1]
    assert v.get(url).response.status_code == 200
    assert "AOR_Send.do" in v.html
    for again in (url, url[:-1] + ("A" if url[-1] != "A" else "B")):  # spent; one letter off
        assert v.get(again).response.status_code == 410
        assert wording.fill(wording.ERR_REGISTRATION_URL, DEFAULTS) in v.html


def test_tokens_and_codes_are_compared_in_constant_time(served, monkeypatch):
    compared, real = [], hmac.compare_digest

    def recording(a, b):
        compared.extend((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", recording)
    v, url = register(served)
    v.get(url)
    v.submit("/AOR_Send.do")
    v.submit("/AOL_Disp.do", code="999999")

    assert otp_service.digest(url.split("token=", 1)[1]) in compared  # the URL token
    assert otp_service.digest("999999") in compared  # the code


def test_codes_come_from_the_secrets_module(served, monkeypatch):
    drawn = []
    real = otp_service.secrets.randbelow

    def recording(n):
        drawn.append(n)
        return real(n)

    monkeypatch.setattr(otp_service.secrets, "randbelow", recording)
    v, url = register(served)
    v.get(url).submit("/AOR_Send.do")

    assert drawn == [10**served.settings.otp_digits]


# Redirects ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("region", SITES)
def test_no_redirect_leaves_the_site_whatever_the_query(region):
    env = Environment()
    v, _ = logged_in(env, region)
    evil = "https://evil.example/"
    query = {"next": evil, "url": evil, "redirect": evil, "return": evil, "token": evil}
    for rule in env.apps[region].url_map.iter_rules():
        if "GET" not in rule.methods or "<" in rule.rule:
            continue
        response = v.client.get(rule.rule, query_string=query)
        location = response.headers.get("Location", "")
        assert not location or location.startswith("/"), (rule.rule, location)
        assert response.status_code < 500, rule.rule


# Lockouts -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "setting", "void_message"),
    [
        ("password", "password_max_failures", wording.ERR_PASSWORD_VOID),
        ("temp_password", "temp_password_max_failures", wording.ERR_TEMP_VOID),
    ],
)
def test_lockout_comes_exactly_at_the_guides_count(kind, setting, void_message):
    env = Environment()
    secret = PASSWORD if kind == "password" else "12345678"
    line = env.add_line(LineToSeed("east", additional_count=0, **{kind: secret}))
    number = line.contract.number
    limit = getattr(env.settings, setting)
    assert limit == {"password": 10, "temp_password": 3}[kind]  # the guide's counts
    client = env.apps["east"].test_client()
    for _ in range(limit - 1):
        assert wording.ERR_LOGIN_FAILED in login(client, number, "wrong0000").get_data(True)
    assert line.contract.credential.void is False  # one short of the count: still usable

    body = login(client, number, "wrong0000").get_data(as_text=True)

    assert line.contract.credential.void is True
    access = REGIONS["east"].access_number_display
    assert wording.fill(void_message, env.settings, access=access) in body
    assert screen_title(login(client, number, secret)) == wording.LOGIN_TITLE  # refused


def test_wrong_passwords_sent_at_once_still_void_at_the_guides_count():
    env = Environment()
    line = env.add_line(LineToSeed("east", password=PASSWORD, additional_count=0))
    limit, attempts = env.settings.password_max_failures, env.settings.password_max_failures + 2
    clients = [env.apps["east"].test_client() for _ in range(attempts)]
    tokens = [csrf_token(client) for client in clients]
    start, bodies = threading.Barrier(attempts), []

    def attempt(client, token):
        start.wait()
        form = {"csrf_token": token, "phoneNo": line.contract.number, "pass": "wrong0000"}
        bodies.append(client.post("/AGL_Login.do", data=form).get_data(as_text=True))

    threads = [
        threading.Thread(target=attempt, args=pair) for pair in zip(clients, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    access = REGIONS["east"].access_number_display
    void = wording.fill(wording.ERR_PASSWORD_VOID, env.settings, access=access)
    assert sum(wording.ERR_LOGIN_FAILED in body for body in bodies) == limit - 1
    assert sum(void in body for body in bodies) == attempts - (limit - 1)
    assert (line.contract.credential.failures, line.contract.credential.void) == (limit, True)


def test_a_password_check_leaves_the_store_free_for_other_requests(monkeypatch):
    env = Environment()
    line = env.add_line(LineToSeed("east", password=PASSWORD, additional_count=0, otp=DECLINED))
    free_meanwhile = []
    real = auth_service.verify_password

    def checking(hashed, password):
        other = threading.Thread(target=lambda: free_meanwhile.append(take(env.store.lock)))
        other.start()
        other.join()
        return real(hashed, password)

    def take(lock) -> bool:
        if lock.acquire(timeout=5):
            lock.release()
            return True
        return False

    monkeypatch.setattr(auth_service, "verify_password", checking)

    response = login(env.apps["east"].test_client(), line.contract.number, PASSWORD)

    assert screen_title(response) == wording.TOP_TITLE  # the login went through
    assert free_meanwhile == [True]


def test_the_otp_code_is_void_after_the_set_number_of_wrong_entries(served):
    v, url = register(served)
    v.get(url).submit("/AOR_Send.do")
    for _ in range(served.settings.otp_max_failures):
        v.submit("/AOL_Disp.do", code="000000x")
    number = next(n for line in served.store.lines("east") for n in line.numbers if n.otp.address)

    assert number.otp.code_hash is None  # nothing left to guess


# Binding -----------------------------------------------------------------------------------------


def listening_addresses(port: int) -> set[str]:
    """Return the local addresses listening on port, as the kernel lists them (Linux)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(socket.inet_ntop(
                    socket.AF_INET if len(address) == 8 else socket.AF_INET6,
                    bytes.fromhex(address)[::-1] if len(address) == 8 else bytes.fromhex(address),
                ))  # fmt: skip
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's socket table")
def test_every_server_binds_127_0_0_1_unless_told_otherwise(running_env):
    for part in ("home", "east", "west", "smtp"):
        assert listening_addresses(running_env.ports[part]) == {"127.0.0.1"}, part
    assert cli.build_parser().parse_args(["serve"]).host == "127.0.0.1"
