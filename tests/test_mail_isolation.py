"""A mail never holds the site: a slow mail server delays only the request that sends to it.

Each test times another customer's login on both sites, first with no fault anywhere, then while
a request is held by a `delay` mail fault on its own address; the two times are compared.
"""

from __future__ import annotations

import pytest

from fixtures.screens import PASSWORD, Visitor, log_in
from fixtures.timing import hold_a_mail, login_seconds
from mock_site.environment import FREE_PORTS, Environment
from mock_site.mail import Fault
from mock_site.seed import DECLINED, LineToSeed, SeedOtp

BOTH = ("east", "west")
DELAY_SECONDS = 2.0
SLOW = "slow@example.jp"


@pytest.fixture
def env():
    env = Environment().start(FREE_PORTS)
    yield env
    env.stop()


def new_number(env: Environment):
    """Return a maker of fresh lines a login reaches the top with, no mail sent."""
    return lambda region: (
        env.add_line(
            LineToSeed(region, additional_count=0, password=PASSWORD, otp=DECLINED)
        ).contract.number
    )


def otp_login_to_slow_address(env: Environment):
    line = env.add_line(
        LineToSeed("east", additional_count=0, password=PASSWORD, otp=SeedOtp.using(SLOW))
    )
    return lambda: log_in()(Visitor(env, "east"), line.contract.number)


def call_notifying_slow_addresses(env: Environment):
    line = env.add_line(LineToSeed("west", additional_count=0, password=PASSWORD))
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
    alone = login_seconds(env, new_number(env), BOTH)

    held = hold_a_mail(env.default, SLOW, DELAY_SECONDS, monkeypatch, send)
    alongside = login_seconds(env, new_number(env), BOTH)
    still_held = held.is_alive()
    held.join()

    # Held behind the mail, each login would take the delay; beside it, it takes its own time.
    assert alongside < alone + DELAY_SECONDS / 4, (alone, alongside)
    assert still_held, "the slow mail ended before the other logins were timed"
    assert env.outbox.lanes() == 0


def test_a_failed_code_mail_keeps_the_code_that_was_mailed_before(env):
    from mock_site.otp import service

    number = env.add_line(LineToSeed("east", additional_count=0, otp=SeedOtp.using(SLOW))).contract
    service.send_code(env, number)
    mailed = number.otp.code_hash
    env.mail_faults.set(Fault(SLOW, code=550))

    with pytest.raises(service.MailNotSent):
        service.send_code(env, number)

    assert number.otp.code_hash == mailed
