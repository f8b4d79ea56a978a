"""Nothing poisons the environment: each reproduction of issue 17, refused and harmless.

Each test sends what broke main (a 500 that stayed until the next reset, a form of another page
driving the API, a framed login screen…) and checks the answer is a clear 4xx, that nothing
changed, and that every part still answers.
"""

from __future__ import annotations

import http.cookiejar
import re
import socket
import threading
import urllib.request

import pytest

from fixtures.screens import PASSWORD, Visitor, log_in
from fixtures.site_client import every_part_answers
from mock_site import wording
from mock_site.environment import FREE_PORTS, Environment
from mock_site.mail import extract
from mock_site.otp import service as otp_service
from mock_site.seed import DECLINED, LineToSeed
from mock_site.store import OtpDraft

# 1. JSON nested deeper than the parser goes ------------------------------------------------------


def test_deeply_nested_json_is_a_400_naming_the_body(env, api):
    response = api.post("/api/clock", data="[" * 100_000 + "]" * 100_000,
                        content_type="application/json")  # fmt: skip

    assert (response.status_code, response.json["field"]) == (400, "body")
    every_part_answers(env)


# 2. The clock far outside any sensible year -------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param({"now": "0001-01-01T00:00:00"}, id="year-1"),
        pytest.param({"now": "9999-12-31T23:59:59-12:00"}, id="year-9999-west-of-utc"),
        pytest.param({"now": "1999-12-31T23:59:59+09:00"}, id="before-2000"),
    ],
)
def test_the_clock_refuses_a_time_outside_its_years_and_stays(env, api, payload):
    before = api.get("/api/clock").json["offset_seconds"]

    response = api.post("/api/clock", json=payload)

    assert (response.status_code, response.json["field"]) == (400, "now")
    assert api.get("/api/clock").json["offset_seconds"] == before
    every_part_answers(env)


def test_advancing_the_clock_again_and_again_stops_at_its_last_year(env, api):
    five_years = 5 * 365 * 24 * 3600
    answers = [api.post("/api/clock", json={"advance_seconds": five_years}).status_code
               for _ in range(80)]  # fmt: skip
    refused = api.post("/api/clock", json={"advance_seconds": 3_162_240_000})  # main's case

    assert answers[0] == 200 and answers[-1] == 400 and refused.status_code == 400
    assert env.clock.now().year <= 2099
    every_part_answers(env)


# 3. Settings outside their bounds ----------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param({"idle_timeout_minutes": 10**12}, id="timeout-a-trillion-minutes"),
        pytest.param({"password_valid_days": 10**9}, id="valid-a-billion-days"),
        pytest.param({"mail_sender_local_part": "a\r\nBcc: x@evil.example"}, id="header-crlf"),
        pytest.param({"otp_digits": 0}, id="otp-0-digits"),
        pytest.param({"otp_digits": -1}, id="otp-negative-digits"),
        pytest.param({"temp_password_digits": 0}, id="temp-0-digits"),
        pytest.param({"password_max_failures": 0}, id="void-at-0"),
        pytest.param({"password_min_length": 13}, id="min-above-max"),
        pytest.param({"call_charge_yen": "8; rm"}, id="charge-not-a-number"),
    ],
)
def test_settings_outside_their_bounds_are_refused_and_change_nothing(env, api, payload):
    before = env.settings

    response = api.post("/api/settings", json=payload)

    assert (response.status_code, response.json["field"]) == (400, next(iter(payload)))
    assert env.settings is before
    every_part_answers(env)


def test_a_setting_within_its_bounds_is_taken_and_said(env, api):
    response = api.post("/api/settings", json={"password_max_failures": 5})

    assert response.status_code == 200 and env.settings.password_max_failures == 5


# 4. A plain form of another page cannot drive the API --------------------------------------------


@pytest.mark.parametrize("path", ["/api/reset", "/api/phone/calls/1/hangup", "/api/clock"])
def test_a_post_that_is_not_json_is_refused(env, api, path):
    env.add_line(LineToSeed("east"))
    lines = len(env.store.lines())

    response = api.post(path, data="x=1", content_type="text/plain")

    assert (response.status_code, response.json["field"]) == (415, "Content-Type")
    assert len(env.store.lines()) == lines  # the reset did not happen


# 5. A malformed chunked body ---------------------------------------------------------------------


@pytest.mark.parametrize(("part", "path"), [("east", "/AGL_Login.do"), ("home", "/api/clock")])
def test_a_malformed_chunked_body_is_not_a_server_error(running_env, part, path):
    kind = "application/json" if part == "home" else "application/x-www-form-urlencoded"
    with socket.create_connection(("127.0.0.1", running_env.ports[part]), timeout=5) as raw:
        raw.sendall(
            f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {kind}\r\n"
            "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc".encode()
        )
        raw.shutdown(socket.SHUT_WR)
        status = int(raw.recv(64).split()[1])

    assert 400 <= status < 500
    every_part_answers(running_env)


# 6. Many 「ワンタイムパスワードを送信」 at once: the newest mail's code works ---------------------


def all_at_once(count: int, action) -> None:
    """Run action in count threads released together, and wait for all of them."""
    start = threading.Barrier(count)

    def run() -> None:
        start.wait()
        action()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_parallel_code_sends_leave_the_newest_mails_code_valid(running_env):
    env = running_env
    address = "race@example.jp"
    line = env.add_line(LineToSeed("east", additional_count=0, password=PASSWORD))
    line.contract.otp.choice, line.contract.otp.address = "use", address
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    site = env.url("east")

    def post(path: str, data: dict[str, str]) -> str:
        body = urllib.parse.urlencode(data).encode()
        with opener.open(site + path, data=body, timeout=10) as response:
            return response.read().decode()

    def token(html: str) -> str:
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)[1]

    with opener.open(site + "/AGL_Disp.do", timeout=10) as response:
        login_page = response.read().decode()
    entry = post("/AGL_Login.do", {"csrf_token": token(login_page), "phoneNo":
                 line.contract.number, "pass": PASSWORD})  # fmt: skip
    csrf = token(entry)

    all_at_once(10, lambda: post("/AOL_Send.do", {"csrf_token": csrf}))  # a burst of clicks
    newest = [m for m in env.mailbox.all() if address in m.rcpt_tos][-1]
    form_token = re.search(r'name="form_token"[^>]*value="([^"]+)"', post("/AOL_Disp.do", {
        "csrf_token": csrf, "disp": "on"}))[1]  # fmt: skip

    top = post("/AOL_Disp.do", {"csrf_token": csrf, "form_token": form_token,
                                "code": extract.otp(newest.text)})  # fmt: skip

    assert f"<h1>{wording.TOP_TITLE}</h1>" in top


def test_parallel_registrations_leave_the_newest_mails_url_valid(running_env):
    env, address = running_env, "race@example.jp"
    number = env.add_line(LineToSeed("east", additional_count=0, password=PASSWORD)).contract
    draft = OtpDraft(address, "Hikari26", "kakunin26")

    # What ten 「登録」 clicks at once come to.
    all_at_once(10, lambda: otp_service.register_provisionally(env, number, draft,
                                                               env.url("east") + "/"))  # fmt: skip
    newest = [m for m in env.mailbox.all() if address in m.rcpt_tos][-1]
    token = extract.link(newest.text, contains="AOR_Regist.do").split("token=", 1)[1]

    assert otp_service.find_by_token(env, "east", token) is number


# 7. Headers a security review expects ------------------------------------------------------------


def test_no_screen_can_be_framed_and_nothing_is_sniffed(env):
    site, home = env.apps["east"].test_client(), env.apps["home"].test_client()
    for response in (site.get("/AGL_Disp.do"), site.get("/AGT_Main.htm"), home.get("/"),
                     home.get("/mail"), home.get("/api/clock")):  # fmt: skip
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in home.get("/mail").headers["Content-Security-Policy"]


def test_a_logged_in_screen_is_never_cached(env):
    v = Visitor(env, "east")
    line = env.add_line(LineToSeed("east", additional_count=0, password=PASSWORD, otp=DECLINED))
    log_in()(v, line.contract.number)

    assert v.response.headers["Cache-Control"] == "no-store"  # the top, answered at AGL_Login.do
    assert v.get("/AGS_Disp.do").response.headers["Cache-Control"] == "no-store"


def test_a_refused_form_in_a_logged_in_session_is_never_cached(env):
    v = Visitor(env, "east")
    line = env.add_line(LineToSeed("east", additional_count=0, password=PASSWORD, otp=DECLINED))
    log_in()(v, line.contract.number)

    response = v.client.post("/AGS_Disp.do", data={"csrf_token": "forged"})

    assert (response.status_code, response.headers["Cache-Control"]) == (400, "no-store")
    assert wording.ERR_FORM_EXPIRED in response.get_data(as_text=True)


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1:5000"])
def test_a_slash_redirect_names_the_path_not_the_host_header(api, host):
    response = api.get("/api", headers={"Host": host})

    assert (response.status_code, response.headers["Location"]) == (308, "/api/")


# 8. No body without bound, no thread held for ever -----------------------------------------------


def test_a_huge_form_is_a_413_in_japanese(env, site):
    response = site.post("/AGL_Login.do", data={"phoneNo": "x" * (2 * 1024 * 1024)})

    assert response.status_code == 413
    assert wording.ERR_TOO_LARGE in response.get_data(as_text=True)


# Stalls, chunked bodies and the thread limit: tests/test_serving.py.


# 9. Stopping answers the long-polls it would otherwise cut ---------------------------------------


def test_stopping_answers_a_waiting_long_poll_with_503(monkeypatch):
    from mock_site.mail.sink import Mailbox

    env = Environment().start(FREE_PORTS)
    waiting, answers = threading.Event(), []
    real_wait = Mailbox.wait_for

    def wait_for(self, *args, **kwargs):
        waiting.set()
        return real_wait(self, *args, **kwargs)

    monkeypatch.setattr(Mailbox, "wait_for", wait_for)

    def long_poll() -> None:
        url = env.url("home") + "/api/mail/wait?to=nobody@example.jp&timeout=30"
        try:
            urllib.request.urlopen(url, timeout=30)
        except urllib.error.HTTPError as error:
            answers.append(error.code)

    poll = threading.Thread(target=long_poll)
    poll.start()
    assert waiting.wait(timeout=10)
    env.stop()
    poll.join(timeout=10)

    assert answers == [503]


def test_stopping_closes_an_open_smtp_session_quietly(caplog):
    import gc

    env = Environment().start(FREE_PORTS)
    with socket.create_connection(("127.0.0.1", env.ports["smtp"]), timeout=5) as client:
        client.recv(256)
        client.sendall(b"EHLO client.example\r\n")
        client.recv(256)  # a session open, waiting for the next command
        with caplog.at_level("ERROR", logger="asyncio"):
            env.stop()
            gc.collect()  # where asyncio says "Task was destroyed but it is pending!"

    assert not [r for r in caplog.records if "destroyed" in r.getMessage()]
