"""Every sentence that states a rule's number says the number of the setting in force.

A sentence names its setting ({password_max_failures}); wording.fill reads it from Settings.
For every setting some sentence names, the test overrides it with an unusual value and finds the
sentence, with that value, where a customer meets it: on the screen, in the IVR, in the mail.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from datetime import timedelta

import pytest

from fixtures.screens import PASSWORD, SCREENS, Customer
from fixtures.site_client import login
from mock_site import wording
from mock_site.config import Settings
from mock_site.environment import FREE_PORTS, Environment
from mock_site.seed import LineToSeed

Produce = Callable[[Environment], str]


def settings_named_in_sentences() -> set[str]:
    """Return every setting some sentence of wording.py names as a placeholder."""
    names = {f for f in Settings.__dataclass_fields__}
    found = set()
    for name, value in vars(wording).items():
        if name.startswith("_"):
            continue  # the module's docstring names a setting as an example
        sentences = value.values() if isinstance(value, dict) else [value]
        for sentence in sentences:
            if isinstance(sentence, str):
                found |= {f for _, f, _, _ in string.Formatter().parse(sentence) if f in names}
    return found


def pattern(sentence: str, settings: Settings) -> str:
    """Match the sentence with every setting filled in and any other placeholder as text."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(sentence):
        parts.append(re.escape(literal))
        if name in Settings.__dataclass_fields__:
            parts.append(re.escape(str(getattr(settings, name))))
        elif name is not None:
            parts.append(".*?")
    return "".join(parts)


def screen(name: str) -> Produce:
    """Show a screen of the East site as a customer reaches it."""
    return lambda env: Customer(SCREENS[name], "east", env).show().html


def last_mail_after(name: str) -> Produce:
    """Reach a screen, then read the newest mail it caused."""

    def produce(env: Environment) -> str:
        screen(name)(env)
        return env.mailbox.all()[-1].text

    return produce


def wrong_logins(kind: str) -> Produce:
    """Log in wrongly until the credential of kind (password, temp_password) is void."""

    def produce(env: Environment) -> str:
        line = env.add_line(LineToSeed("east", additional_count=0, **{kind: PASSWORD}))
        client = env.apps["east"].test_client()
        limit = getattr(env.settings, f"{kind}_max_failures")
        bodies = [login(client, line.contract.number, "wrong0000") for _ in range(limit)]
        return bodies[-1].get_data(as_text=True)

    return produce


def expired_login(env: Environment) -> str:
    line = env.add_line(LineToSeed("east", additional_count=0, password=PASSWORD))
    env.clock.advance(timedelta(days=env.settings.password_valid_days).total_seconds())
    client = env.apps["east"].test_client()
    return login(client, line.contract.number, PASSWORD).get_data(as_text=True)


def second_login(env: Environment) -> str:
    line = env.add_line(LineToSeed("east", additional_count=0, password=PASSWORD))
    login(env.apps["east"].test_client(), line.contract.number, PASSWORD)
    other = env.apps["east"].test_client()
    return login(other, line.contract.number, PASSWORD).get_data(as_text=True)


def ring_time_by_phone(env: Environment) -> str:
    line = env.add_line(LineToSeed("east", additional_count=0))
    call = env.phone.call(line.contract.number, wording.VW_IVR_NUMBER, region="east")
    call.press("3")
    return "\n".join(call.guidance)


# setting: (an unusual value, [(a sentence naming it, where a customer meets it), ...])
SHOWN: dict[str, tuple[int, list[tuple[str, Produce]]]] = {
    "password_min_length": (9, [(wording.PASSWORD_RULE, screen("password-change"))]),
    "password_max_length": (11, [(wording.PASSWORD_RULE, screen("password-change"))]),
    "password_valid_days": (45, [(wording.FORCED_CHANGE_AFTER_EXPIRY, expired_login)]),
    "password_max_failures": (5, [(wording.ERR_PASSWORD_VOID, wrong_logins("password"))]),
    "temp_password_max_failures": (2, [(wording.ERR_TEMP_VOID, wrong_logins("temp_password"))]),
    "temp_password_valid_hours": (12, [(wording.ERR_TEMP_VOID, wrong_logins("temp_password"))]),
    "idle_timeout_minutes": (15, [(wording.ERR_ALREADY_LOGGED_IN, second_login)]),
    "verify_min_length": (9, [(wording.OTP_VERIFY_ID_RULE, screen("otp-registration"))]),
    "verify_max_length": (11, [(wording.OTP_VERIFY_PASSWORD_RULE, screen("otp-registration"))]),
    "registration_url_valid_hours": (
        12,
        [
            (wording.OTP_PROVISIONAL_TEXT, screen("otp-provisional")),
            (wording.MAIL_REGISTRATION_BODY, last_mail_after("otp-provisional")),
        ],
    ),
    "otp_valid_minutes": (7, [(wording.MAIL_OTP_BODY, last_mail_after("otp-entry"))]),
    "notification_max_addresses": (
        3,
        [(wording.NOTICE_TEXT[wording.CALL_NOTICE], screen("call-notice"))],
    ),
    "fax_retention_days": (14, [(wording.FAX_LIST_TEXT, screen("fax-list"))]),
    "voice_warp_min_ring_seconds": (
        10,
        [
            (wording.VW_SWITCH_TEXT, screen("vw-switch")),
            (wording.VW_IVR_RING_ENTRY, ring_time_by_phone),
        ],
    ),
    "voice_warp_max_ring_seconds": (
        50,
        [
            (wording.VW_SWITCH_TEXT, screen("vw-switch")),
            (wording.VW_IVR_RING_ENTRY, ring_time_by_phone),
        ],
    ),
}


def test_every_setting_a_sentence_names_is_checked_here():
    assert settings_named_in_sentences() == set(SHOWN)


@pytest.mark.parametrize("setting", sorted(SHOWN))
def test_the_sentence_says_the_overridden_number(setting, request):
    value, places = SHOWN[setting]
    settings = Settings(**{setting: value})
    assert value != getattr(Settings(), setting)
    env = Environment(settings).start(FREE_PORTS)  # the sink, for the mails
    request.addfinalizer(env.stop)

    for sentence, produce in places:
        env.reset()
        text = produce(env)

        assert re.search(pattern(sentence, settings), text, re.S), (sentence, text[-3000:])
