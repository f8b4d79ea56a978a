"""A stateful property test: control API calls, site requests, calls and mail mixed at random.

Hypothesis drives one environment through sequences of valid and invalid control API calls (the
cases of issue 17 among them), logins and screens of both sites, phone calls and incoming calls,
and mail over SMTP, hostile (fixtures/eml/hostile.py) and ordinary, to any address, with mail
faults set and cleared. After every step: no answer was a server error, every part still answers
its home page, every inbox surface answers, and a refused API call (4xx) changed nothing.
HIKARI_STATEFUL_EXAMPLES sets how many sequences run (`make fuzz` runs many more than `make unit`).
"""

from __future__ import annotations

import os
import smtplib

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from fixtures.eml.hostile import corpus
from fixtures.screens import snapshot
from fixtures.site_client import every_part_answers, login
from mock_site import wording
from mock_site.config import Settings
from mock_site.environment import FREE_PORTS, Environment
from mock_site.mail.send import compose
from mock_site.regions import REGIONS

EXAMPLES = int(os.environ.get("HIKARI_STATEFUL_EXAMPLES", "15"))
SETTING_NAMES = sorted(Settings.__dataclass_fields__)
ANY_VALUE = st.one_of(
    st.integers(min_value=-(10**13), max_value=10**13),
    st.booleans(),
    st.none(),
    st.sampled_from(["utf-8", "iso-2022-jp", "a\r\nBcc: x@evil.example", "", "8.8", "x" * 300]),
    st.floats(allow_nan=True, allow_infinity=True),
)
CLOCK_BODIES = st.one_of(
    st.fixed_dictionaries({"advance_seconds": st.integers(-(10**10), 10**10)}),
    st.fixed_dictionaries({"advance_seconds": st.floats(allow_nan=True)}),
    st.fixed_dictionaries(
        {
            "now": st.sampled_from(
                [
                    "0001-01-01T00:00:00",
                    "9999-12-31T23:59:59-12:00",
                    "2030-01-01T00:00:00",
                    "2026-11-30T09:00:00+09:00",
                    "x",
                ]
            )
        }
    ),  # fmt: skip
    st.fixed_dictionaries({"frozen": st.one_of(st.booleans(), st.integers())}),
    st.dictionaries(st.text(max_size=10), ANY_VALUE, max_size=3),
)
SCREENS = ["/", "/AGT_Main.htm", "/AGL_Disp.do", "/AGS_Disp.do", "/VUM_Disp.do", "/VUL_Disp.do",
           "/VUS_Disp.do", "/CNM_Disp.do", "/FNM_Disp.do", "/FNR_Disp.do", "/APW_Disp.do",
           "/AOS_Disp.do", "/AOL_Disp.do", "/AGP_Disp.do", "/AGL_Notice.do"]  # fmt: skip
# The hostile mails small enough to send many times over (the large ones: test_hostile_mail.py).
HOSTILE = [raw for _, raw in corpus() if len(raw) < 100_000]
ADDRESSES = ["qa@example.jp", "QA@Example.JP", "slow@example.jp", "nobody@example.jp"]
ENV = Environment()  # one for every sequence: reset at the start of each, started once


COUNTS = {"sequences": 0, "steps": 0, "requests": 0}


@pytest.fixture(scope="module", autouse=True)
def served():
    """Stop the environment the sequences shared; say how much was tried (make fuzz shows it)."""
    yield
    ENV.stop()
    print("\nstateful: {sequences} sequences, {steps} steps, {requests} requests".format(**COUNTS))


class Environment_(RuleBasedStateMachine):
    """Mix control API calls, site requests and calls; check the environment after each."""

    def __init__(self) -> None:
        super().__init__()
        if not ENV.ports:
            ENV.start(FREE_PORTS)
        ENV.reset()
        self.env = ENV
        self.api = ENV.apps["home"].test_client()
        self.sites = {region: ENV.apps[region].test_client() for region in REGIONS}
        self.statuses: list[tuple[str, int]] = []
        self.counted = 0
        COUNTS["sequences"] += 1

    def digest(self) -> str:
        clock = self.env.clock
        return f"{snapshot(self.env)}{self.env.settings!r}{clock.offset_seconds}{clock.frozen}"

    def api_post(self, path: str, body, refused_changes_nothing: bool = True, **kwargs) -> None:
        before = self.digest()
        response = self.api.post(path, json=body, **kwargs) if body is not None else (
            self.api.post(path, **kwargs))  # fmt: skip
        self.statuses.append((path, response.status_code))
        if refused_changes_nothing and 400 <= response.status_code < 500:
            assert self.digest() == before, (path, body, response.status_code)

    @rule(body=CLOCK_BODIES)
    def move_the_clock(self, body) -> None:
        self.api_post("/api/clock", body)

    @rule(name=st.sampled_from(SETTING_NAMES), value=ANY_VALUE)
    def change_a_setting(self, name, value) -> None:
        self.api_post("/api/settings", {name: value})

    @rule(path=st.sampled_from(["/api/reset", "/api/clock", "/api/settings", "/api/lines"]),
          data=st.sampled_from(["x=1", "{}", "[" * 5000]))  # fmt: skip
    def post_something_not_json(self, path, data) -> None:
        self.api_post(path, None, data=data, content_type="text/plain")

    @rule(depth=st.integers(1, 200_000))
    def post_nested_json(self, depth) -> None:
        body = "[" * depth + "]" * depth
        self.api_post("/api/clock", None, data=body, content_type="application/json")

    @rule(
        region=st.sampled_from(list(REGIONS)),
        unit=st.sampled_from([None, "line", "number", "admin", "nonsense"]),
        password=st.sampled_from([None, "abcd1234", "1", "x" * 40]),
    )
    def add_a_line(self, region, unit, password) -> None:
        body = {"region": region, "auth_unit": unit, "password": password, "otp": "decline"}
        self.api_post("/api/lines", {k: v for k, v in body.items() if v is not None})

    @rule()
    def reset(self) -> None:
        self.api_post("/api/reset", {})

    @rule(region=st.sampled_from(list(REGIONS)), right=st.booleans(), index=st.integers(0, 20))
    def log_in(self, region, right, index) -> None:
        lines = self.env.store.lines(region)
        number = lines[index % len(lines)].contract.number if lines else "0300001111"
        response = login(self.sites[region], number, "hikari2026" if right else "wrong0000")
        self.statuses.append(("login", response.status_code))

    @rule(region=st.sampled_from(list(REGIONS)), path=st.sampled_from(SCREENS))
    def open_a_screen(self, region, path) -> None:
        response = self.sites[region].get(path)
        self.statuses.append((path, response.status_code))

    @rule(region=st.sampled_from(list(REGIONS)), index=st.integers(0, 20),
          fax=st.booleans(), answered=st.booleans())  # fmt: skip
    def ring_a_number(self, region, index, fax, answered) -> None:
        lines = self.env.store.lines(region)
        number = lines[index % len(lines)].contract.number
        body = {"region": region, "number": number, "caller": "0312345678", "fax": fax,
                "answered": answered}  # fmt: skip
        self.api_post("/api/phone/incoming", body)

    @rule(raw=st.sampled_from(HOSTILE), to=st.sampled_from(ADDRESSES))
    def mail_something_hostile(self, raw, to) -> None:
        self.mail(to, raw)

    @rule(to=st.sampled_from(ADDRESSES))
    def mail_as_the_site_does(self, to) -> None:  # in the charset the settings say now
        self.mail(to, compose(self.env, to, wording.MAIL_OTP_SUBJECT, "123456").as_bytes())

    def mail(self, to: str, raw: bytes) -> None:
        try:
            with smtplib.SMTP(*self.env.smtp, timeout=10) as smtp:
                smtp.sendmail("fuzz@example.jp", [to], raw)
            self.statuses.append(("smtp", 250))
        except smtplib.SMTPResponseException as error:  # a fault set on the address
            self.statuses.append(("smtp", error.smtp_code))
        except smtplib.SMTPRecipientsRefused as error:
            self.statuses.append(("smtp", next(iter(error.recipients.values()))[0]))
        except smtplib.SMTPServerDisconnected:  # a drop fault hangs up
            self.statuses.append(("smtp", 421))

    @rule(to=st.sampled_from(ADDRESSES), stage=st.sampled_from(["rcpt", "data", "later"]),
          code=st.sampled_from([250, 421, 451, 550, 99, 600]),
          kind=st.sampled_from(["refuse", "delay", "drop", "busy"]),
          delay=st.sampled_from([0, 0.02, -1]))  # fmt: skip
    def break_a_mailbox(self, to, stage, code, kind, delay) -> None:
        body = {"channel": "mail", "kind": kind, "to": to, "stage": stage, "code": code,
                "delay_seconds": delay}  # fmt: skip
        self.api_post("/api/faults", body)

    @rule()
    def mend_every_mailbox(self) -> None:
        response = self.api.delete("/api/faults")
        self.statuses.append(("/api/faults", response.status_code))

    @invariant()
    def every_inbox_surface_answers(self) -> None:
        home = self.api
        newest = self.env.mailbox.all()[-1:]
        paths = [
            "/mail",
            "/api/mail",
            "/api/mail?subject=x",
            "/api/mail/wait?to=x@example.jp&timeout=0",
        ]
        paths += [
            p.format(m.id) for m in newest for p in ("/mail/{}", "/api/mail/{}", "/api/mail/{}/raw")
        ]
        for path in paths:
            status = home.get(path).status_code
            self.statuses.append((path, status))
            assert status in (200, 408), (path, status)

    @invariant()
    def count(self) -> None:
        COUNTS["steps"] += 1  # invariants run after every step (and once at the start)
        COUNTS["requests"] += len(self.statuses) - self.counted
        self.counted = len(self.statuses)

    @invariant()
    def no_server_error(self) -> None:
        # An SMTP reply of 5xx is a refusal a mail fault asked for, not a server error.
        errors = [(p, status) for p, status in self.statuses if status >= 500 and p != "smtp"]
        assert not errors, errors

    @invariant()
    def every_part_answers(self) -> None:
        every_part_answers(self.env)


Environment_.TestCase.settings = settings(
    max_examples=EXAMPLES,
    stateful_step_count=25,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
test_nothing_poisons_the_environment = Environment_.TestCase
