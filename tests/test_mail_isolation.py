"""A mail never holds the site: a slow mail server delays only the request that sends to it.

Each test times another customer's login on both sites, first with no fault anywhere, then while
a request is held by a `delay` mail fault on its own address; the two times are compared.
"""

from __future__ import annotations

import statistics
import threading
import time

import pytest

from fixtures.screens import PASSWORD, Visitor, log_in
from mock_site import wording
from mock_site.environment import FREE_PORTS, Environment
from mock_site.mail import Fault

DELAY_SECONDS = 2.0
SLOW = "slow@example.jp"


@pytest.fixture
def env():
    env = Environment().start(FREE_PORTS)
    yield env
    env.stop()


def login_seconds(env: Environment) -> float:
    """Return the median time of logging in on both sites (no ワンタイムパスワード, no mail)."""
    times = []
    for _ in range(3):
        lines = {r: env.add_line(r, additional_count=0, password=PASSWORD, otp="decline")
                 for r in ("east", "west")}  # fmt: skip
        started = time.perf_counter()
        for region, line in lines.items():
            v = Visitor(env, region)
            log_in()(v, line.contract.number)
            assert v.title == wording.TOP_TITLE
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def hold_a_mail(env: Environment, monkeypatch, send) -> threading.Thread:
    """Make the sink delay every mail to SLOW, start send in a thread, and return once the
    sink is holding its mail."""
    env.mail_faults.set(Fault(SLOW, code=250, delay_seconds=DELAY_SECONDS))
    held = threading.Event()
    take = env.mail_faults.take

    def taking(address: str, stage: str):
        fault = take(address, stage)
        if fault is not None:
            held.set()
        return fault

    monkeypatch.setattr(env.mail_faults, "take", taking)
    sender = threading.Thread(target=send)
    sender.start()
    assert held.wait(timeout=10), "the mail to the slow address never reached the sink"
    return sender


def otp_login_to_slow_address(env: Environment):
    line = env.add_line("east", additional_count=0, password=PASSWORD, otp={"address": SLOW})
    return lambda: log_in()(Visitor(env, "east"), line.contract.number)


def call_notifying_slow_addresses(env: Environment):
    line = env.add_line("west", additional_count=0, password=PASSWORD)
    line.contract.call_notice.addresses[:] = [SLOW, SLOW.upper(), "Slow@Example.jp"]
    return lambda: env.switchboard.receive("west", line.contract.number, "0312345678")


@pytest.mark.parametrize(
    "sender",
    [
        pytest.param(otp_login_to_slow_address, id="otp-login"),
        pytest.param(call_notifying_slow_addresses, id="call-notice-to-three"),
    ],
)
def test_a_slow_mail_holds_no_other_customers_login(env, monkeypatch, sender):
    send = sender(env)
    alone = login_seconds(env)

    held = hold_a_mail(env, monkeypatch, send)
    alongside = login_seconds(env)
    still_held = held.is_alive()
    held.join()

    # Held behind the mail, each login would take the delay; beside it, it takes its own time.
    assert alongside < alone + DELAY_SECONDS / 4, (alone, alongside)
    assert still_held, "the slow mail ended before the other logins were timed"
    assert env.outbox.lanes() == 0


def test_a_failed_code_mail_keeps_the_code_that_was_mailed_before(env):
    from mock_site.otp import service

    number = env.add_line("east", additional_count=0, otp={"address": SLOW}).contract
    service.send_code(env, number)
    mailed = number.otp.code_hash
    env.mail_faults.set(Fault(SLOW, code=550))

    with pytest.raises(service.MailNotSent):
        service.send_code(env, number)

    assert number.otp.code_hash == mailed
