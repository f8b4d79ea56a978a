"""Spaces: whole environments of their own inside one served replica (issue 26).

Nothing done in one space is seen, reset, timed or faulted in another; a number is in one space
only, so a login, a call and a mail find their space by it; a space that is gone says so.
"""

from __future__ import annotations

import smtplib

import pytest

from fixtures.screens import PASSWORD, Visitor, log_in
from fixtures.timing import hold_a_mail, login_seconds
from mock_site import wording
from mock_site.client import ControlClient, ControlError
from mock_site.environment import FREE_PORTS, Environment
from mock_site.seed import DECLINED, LineToSeed, SeedOtp
from mock_site.store import SPACE_COOKIE, SPACE_HEADER


@pytest.fixture(scope="module")
def served():
    env = Environment(max_spaces=6).start(FREE_PORTS)
    yield env
    env.stop()


@pytest.fixture
def two(served):
    """Two fresh spaces on the served replica, deleted afterwards."""
    root = ControlClient(served.url("home"))
    a, b = root.create_space("a"), root.create_space("b")
    yield a, b
    for client in (a, b):
        try:
            client.delete_space()
        except ControlError:
            pass  # the test deleted it


def numbers_of(lines: list[dict]) -> set[str]:
    return {number.number for line in lines for number in line.numbers}


def test_each_space_has_its_own_clock_settings_lines_and_inbox(served, two):
    a, b = two
    a.clock.advance(days=3)
    a.settings(otp_digits=8)
    line = a.lines.add(LineToSeed("east", password=PASSWORD, otp=DECLINED))
    with smtplib.SMTP(*served.smtp) as smtp:
        smtp.sendmail(a.sender("qa@example.jp"), ["to@example.jp"], b"Subject: a\r\n\r\nx\r\n")

    assert round((a.clock.now() - b.clock.now()).total_seconds() / 86400) == 3
    assert (a.settings().otp_digits, b.settings().otp_digits) == (8, 6)
    number = line.contract.number
    assert number in numbers_of(a.lines.list())
    assert number not in numbers_of(b.lines.list())
    assert served.store.find_number("east", number) is None  # nor in the default space
    assert [m.subject for m in a.mail.list()] == ["a"]
    assert b.mail.list() == [] and served.mailbox.matching(to="to@example.jp") == []


def test_a_number_is_in_one_space_only(two):
    a, b = two
    line = a.lines.add(LineToSeed("west"))

    with pytest.raises(ControlError) as refused:
        b.lines.add(LineToSeed("west", contract_number=line.contract.number))

    assert (refused.value.status, refused.value.field) == (400, "contract_number")


def test_a_number_logs_into_its_own_space_whatever_the_browser_names(served, two):
    a, b = two
    number = a.lines.add(LineToSeed("east", password=PASSWORD, otp=DECLINED)).contract.number
    v = Visitor(served, "east")
    v.client.set_cookie(SPACE_COOKIE, b.space)  # the browser was in b before login

    log_in()(v, number)

    assert v.title == wording.TOP_TITLE
    assert v.get("/AGS_Disp.do").title == wording.TOP_TITLE  # later pages: a's session
    assert served.spaces.find(a.space).state.store.sessions_for("east", number)


def test_a_default_space_login_stays_there_whatever_the_cookie_names(served, two):
    a, _ = two
    line = served.add_line(LineToSeed("west", additional_count=0, password=PASSWORD, otp=DECLINED))
    v = Visitor(served, "west")
    v.client.set_cookie(
        SPACE_COOKIE, a.space
    )  # a tester who switched to a, then used a default line

    log_in()(v, line.contract.number)

    assert v.get("/AGS_Disp.do").title == wording.TOP_TITLE


def test_resetting_one_space_leaves_the_others_session_and_inbox(served, two):
    a, b = two
    number = b.lines.add(LineToSeed("west", password=PASSWORD, otp=DECLINED)).contract.number
    v = Visitor(served, "west")
    log_in()(v, number)
    with smtplib.SMTP(*served.smtp) as smtp:
        smtp.sendmail(b.sender("qa@example.jp"), ["to@example.jp"], b"Subject: b\r\n\r\nx\r\n")

    a.reset()
    served.reset()  # the default space too

    assert v.get("/AGS_Disp.do").title == wording.TOP_TITLE
    assert [m.subject for m in b.mail.list()] == ["b"]


def test_the_site_mails_into_the_space_of_the_number(served, two):
    a, b = two
    address = "same@example.jp"
    line = a.lines.add(LineToSeed("east", password=PASSWORD, otp=SeedOtp.using(address)))
    v = Visitor(served, "east")

    log_in()(v, line.contract.number)  # mails a ワンタイムパスワード

    [mail] = a.mail.wait_for(address)
    assert mail.otp()
    assert b.mail.list() == [] and served.mailbox.matching(to=address) == []


def test_a_call_is_in_the_space_of_its_caller(served, two):
    a, b = two
    caller = a.lines.add(LineToSeed("east")).contract.number

    b.phone.call(caller, "0363044747", region="east")  # asked in b's API, placed from a's number

    assert len(a.phone.calls()) == 1 and b.phone.calls() == []


def new_number(client: ControlClient):
    """Return a maker of fresh lines in client's space a login reaches the top with."""
    return lambda region: number_of(
        client.lines.add(LineToSeed(region, password=PASSWORD, otp=DECLINED))
    )


def number_of(line: dict) -> str:
    return line.contract.number


def test_a_slow_mail_in_one_space_changes_nothing_in_another(served, two, monkeypatch):
    a, b = two
    address, delay = "slow@example.jp", 2.0
    alone = login_seconds(served, new_number(b))
    held = number_of(a.lines.add(LineToSeed("east", password=PASSWORD, otp=SeedOtp.using(address))))
    state = served.spaces.find(a.space).state
    sender = hold_a_mail(
        state, address, delay, monkeypatch, lambda: log_in()(Visitor(served, "east"), held)
    )
    assert state.outbox.lanes() == 1  # the mail is on its way

    alongside = login_seconds(served, new_number(b))
    still_held = sender.is_alive()
    sender.join()

    assert alongside < alone + delay / 4, (alone, alongside)
    assert still_held


def test_a_space_deleted_in_use_ends_its_sessions_and_says_so(served, two):
    a, _ = two
    number = a.lines.add(LineToSeed("east", password=PASSWORD, otp=DECLINED)).contract.number
    v = Visitor(served, "east")
    log_in()(v, number)

    a.delete_space()
    response = v.client.get("/AGS_Disp.do")

    assert response.status_code == 404
    assert wording.SPACE_GONE.format(space=a.space) in response.get_data(as_text=True)
    assert served.book.owner("east", number) is None  # the number is free again
    assert v.client.get("/AGL_Disp.do").status_code == 200  # the next page: the default space


@pytest.mark.parametrize(
    ("path", "status", "field"),
    [
        pytest.param("/api/spaces/" + "x" * 41, 400, "space", id="too-long"),
        pytest.param("/api/spaces/a.b/clock", 400, "space", id="not-url-safe"),
        pytest.param("/api/spaces/nope/clock", 404, "space", id="unknown"),
        pytest.param("/api/spaces//clock", 400, "space", id="empty"),
        pytest.param("/api/spaces/nope", 404, "space", id="unknown-described"),
    ],
)
def test_a_bad_space_id_is_refused_naming_it(served, path, status, field):
    response = served.apps["home"].test_client().get(path)

    assert (response.status_code, response.json["field"]) == (status, field)
    if status == 404:
        assert "nope" in response.json["error"]


def test_an_expired_space_is_gone(served, two):
    a, _ = two
    served.spaces.find(a.space).last_used -= served.spaces.idle_hours * 3600 + 1

    with pytest.raises(ControlError) as gone:
        a.clock.now()

    assert gone.value.status == 404 and "expired" in str(gone.value)


def test_past_the_cap_a_space_is_refused_clearly_and_the_default_stays(served):
    root = ControlClient(served.url("home"))
    made = []
    with pytest.raises(ControlError) as refused:
        for _ in range(served.spaces.cap):
            made.append(root.create_space())
    for client in made:
        client.delete_space()

    assert refused.value.status == 409 and "at most 6 spaces" in str(refused.value)
    with pytest.raises(ControlError) as kept:
        ControlClient(served.url("home"))._call("DELETE", "/spaces/default")
    assert kept.value.status == 409


def test_a_browser_picks_a_space_by_cookie_or_header(served, two):
    a, _ = two
    home = served.apps["home"].test_client()
    seeded = numbers_of(a.lines.list())

    by_header = home.get("/", headers={SPACE_HEADER: a.space}).get_data(as_text=True)
    assert home.get(f"/space/{a.space}").status_code == 302
    by_cookie = home.get("/").get_data(as_text=True)

    for page in (by_header, by_cookie):
        assert a.space in page and all(number in page for number in seeded)
    gone = home.get("/space/nope")
    assert gone.status_code == 404
    assert wording.SPACE_GONE.format(space="nope") in gone.get_data(as_text=True)
