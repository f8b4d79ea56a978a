"""Hostile input, generated: every form of both sites gets thousands of made-up submissions.

Each screen is reached as a customer reaches it; then Hypothesis fills one of its forms (every
form the page shows, found by parsing it) with arbitrary text, over-long text, wrong choices
and missing fields, with valid CSRF and form tokens most of the time so the input reaches the
rules. A submission may be accepted (the input happened to be valid); otherwise the page says
why in Japanese (role="alert"), the status is below 500 and the store, the sessions' drafts and
the mailbox are exactly as before. The control API gets the same from Schemathesis
(test_api_schema).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures.screens import LENIENT, SCREENS, Customer, first_choices, forms_on, snapshot
from mock_site.environment import FREE_PORTS, Environment

TRICKY = [
    "",
    " ",
    "0" * 10_000,
    "\x00\x07\x1b[2J",
    "\ud7ff\uffff",
    "０３１２３４５６７８",
    "' OR '1'='1",
    '"><script>alert(1)</script>',
    "../../etc/passwd",
    "%00",
    "-1",
    "99999999999999999999",
    "1e309",
    "a@b",
    "@" * 300,
]
text = st.one_of(st.sampled_from(TRICKY), st.text(max_size=300), st.text(max_size=5000))


EXAMPLES = 60


@pytest.mark.parametrize("region", ["east", "west"])
@pytest.mark.parametrize("name", [name for name, screen in SCREENS.items() if screen.fuzz])
def test_every_form_refuses_generated_input_in_japanese_and_changes_nothing(name, region, request):
    env = Environment(LENIENT).start(FREE_PORTS)  # the sink, for the OTP mails
    request.addfinalizer(env.stop)
    customer = Customer(SCREENS[name], region, env)
    first = customer.show()
    shapes = [(form.action or first.path, form) for form in forms_on(first.html)]
    assert shapes, f"{name} shows no form"

    @settings(max_examples=EXAMPLES if customer.screen.again else 20, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @given(data=st.data())
    def submit_generated(data):
        action, shape = data.draw(st.sampled_from(shapes), label="form")
        plan: dict[str, str | None] = {}  # field: value to send, None to leave it out
        for field_ in shape.fields:
            if field_ in ("csrf_token", "form_token", "ticket") and data.draw(st.booleans()):
                continue  # valid tokens mostly: the rules are what is under test
            how = data.draw(st.sampled_from(["keep", "fuzz", "drop"]), label=field_)
            if how != "keep":
                plan[field_] = data.draw(text, label=field_) if how == "fuzz" else None
        for button, value in shape.submits:
            plan[button] = data.draw(st.sampled_from([value, *TRICKY[:4]]), label=button)
        v = customer.show()
        values = first_choices(v.form(action))
        for field_, value in plan.items():
            if value is None:
                values.pop(field_, None)
            else:
                values[field_] = value
        before = snapshot(v.env)

        response = v.client.post(action, data=values)

        body = response.get_data(as_text=True)
        assert response.status_code < 500, body[:2000]
        assert "<script>alert" not in body
        if 'role="alert"' in body:  # refused: said in Japanese, nothing changed
            alerts = re.findall(r'role="alert"[^>]*>(.*?)</(?:div|p|ul)>', body, re.S)
            assert any(re.search(r"[ぁ-んァ-ヶ一-龠]", a) for a in alerts), alerts
            assert snapshot(v.env) == before

    submit_generated()
