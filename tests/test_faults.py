"""Faults on every channel (/api/faults): what each plays, for whom, and for how long."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

import pytest

from fixtures.screens import PASSWORD, Visitor, log_in
from mock_site import faults, wording
from mock_site.client import ControlClient, ControlError
from mock_site.regions import REGIONS
from mock_site.seed import DECLINED, LineToSeed


def fault(api, **body):
    response = api.post("/api/faults", json=body)
    assert response.status_code == 201, response.json
    return response.json


def customer(env, number: str, region: str = "east") -> Visitor:
    visitor = Visitor(env, region)
    log_in()(visitor, number)
    return visitor


@pytest.fixture
def two_lines(env):
    return [
        env.add_line(LineToSeed("east", password=PASSWORD, additional_count=1, otp=DECLINED))
        for _ in range(2)
    ]


def test_maintenance_plays_for_its_number_only(env, api, two_lines):
    mine, other = two_lines[0].contract.number, two_lines[1].contract.number
    fault(api, channel="site", kind="maintenance", number=mine)

    hit, spared = customer(env, mine), customer(env, other)

    assert hit.response.status_code == 503 and hit.title == wording.MAINTENANCE_TITLE
    assert wording.MAINTENANCE_TEXT in hit.html and hit.response.headers["Retry-After"]
    assert spared.response.status_code == 200 and spared.title == wording.TOP_TITLE


def test_a_system_error_plays_on_its_path_only(env, api, two_lines):
    number = two_lines[0].contract.number
    fault(api, channel="site", kind="error", number=number, path="/APW_Disp.do")
    visitor = customer(env, number)
    assert visitor.title == wording.TOP_TITLE

    visitor.get("/APW_Disp.do")

    assert visitor.response.status_code == 500 and visitor.title == wording.SERVER_ERROR_TITLE
    assert visitor.get("/AGS_Disp.do").title == wording.TOP_TITLE


def test_a_dropped_session_logs_out_with_the_timeout_message(env, api, two_lines):
    number = two_lines[0].contract.number
    visitor = customer(env, number)
    fault(api, channel="site", kind="drop_session", number=number, uses=1)

    visitor.get("/AGS_Disp.do")

    assert visitor.title == wording.LOGIN_TITLE
    assert wording.ERR_TIMED_OUT in visitor.html
    assert customer(env, number).title == wording.TOP_TITLE  # spent: the next login holds


def test_a_session_drop_set_before_login_waits_for_a_session(env, api, two_lines):
    number = two_lines[0].contract.number
    fault(api, channel="site", kind="drop_session", number=number, uses=1)

    visitor = customer(env, number)  # the login has no session to drop: it does not spend it
    assert visitor.title == wording.TOP_TITLE

    assert visitor.get("/AGS_Disp.do").title == wording.LOGIN_TITLE


def test_a_fault_with_uses_ends_after_them_and_says_how_often_it_played(env, api, two_lines):
    number = two_lines[0].contract.number
    made = fault(api, channel="site", kind="maintenance", number=number, uses=2)

    assert [customer(env, number).response.status_code for _ in range(3)] == [503, 503, 200]
    assert made["uses"] == 2 and api.get("/api/faults").json["faults"] == []


def test_line_scope_reaches_every_number_of_the_line(env, api, two_lines):
    line, other = two_lines
    fault(api, channel="site", kind="maintenance", number=line.contract.number, line=True)

    listed = api.get("/api/faults").json["faults"][0]["numbers"]

    assert listed == sorted(n.number for n in line.numbers)
    assert customer(env, other.contract.number).response.status_code == 200


def test_latency_holds_the_answer_and_the_page_still_comes(env, api, two_lines, monkeypatch):
    held = []
    monkeypatch.setattr("mock_site.web.time.sleep", held.append)  # the hold, not waited here
    number = two_lines[0].contract.number
    fault(api, channel="site", kind="latency", number=number, latency_ms=200, latency_max_ms=400)

    visitor = customer(env, number)

    assert visitor.title == wording.TOP_TITLE
    assert held and all(0.2 <= seconds <= 0.4 for seconds in held)


def test_a_busy_access_number_answers_busy_and_costs_nothing(env, api, two_lines):
    caller = two_lines[0].contract.number
    fault(api, channel="phone", kind="busy", number=caller)

    call = api.post(
        "/api/phone/calls", json={"caller": caller, "dialled": REGIONS["east"].access_number}
    ).json

    assert call["guidance"] == [wording.PHONE_ACCESS_BUSY]
    assert (call["state"], call["connected"], call["charge_yen"]) == ("ended", False, "0")


def test_a_call_drops_after_the_set_sentences_and_sets_nothing(env, api, two_lines):
    line = two_lines[0]
    caller = line.contract.number
    fault(api, channel="phone", kind="drop_call", number=caller, after_sentences=2)
    call = api.post(
        "/api/phone/calls", json={"caller": caller, "dialled": REGIONS["east"].access_number}
    ).json

    pressed = api.post(f"/api/phone/calls/{call['id']}/keys", json={"keys": "112345678"}).json

    assert pressed["dropped"] and pressed["state"] == "ended"
    assert len(pressed["guidance"]) == 3 and pressed["guidance"][-1] == wording.PHONE_CALL_DROPPED
    assert not pressed["completed"]
    assert line.contract.credential.kind == "password"  # no 仮パスワード was set


def test_mail_faults_share_the_resource_and_end_after_their_uses(running_env):
    hikari = ControlClient(running_env.url("home"))
    hikari.faults.set("mail", "refuse", to="once@example.jp", code=550, uses=1)
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@example.jp", "once@example.jp", "x"
    message.set_content("本文")

    with smtplib.SMTP(*running_env.smtp) as smtp:
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            smtp.send_message(message)
        smtp.send_message(message)  # the fault is spent

    assert [list(m.rcpt_tos) for m in running_env.mailbox.all()] == [["once@example.jp"]]
    assert hikari.faults.list() == []


def test_reset_ends_every_fault_of_every_channel(env, api, two_lines):
    fault(api, channel="site", kind="maintenance")
    fault(api, channel="phone", kind="busy")
    fault(api, channel="mail", kind="drop", to="x@example.jp")

    assert len(api.get("/api/faults").json["faults"]) == 3
    api.post("/api/reset", json={})
    assert api.get("/api/faults").json["faults"] == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"channel": "site", "kind": "busy"}, "kind"),
        ({"channel": "mail", "kind": "refuse"}, "to"),
        ({"channel": "mail", "kind": "drop", "to": "a@example.jp", "number": "0312345678"},
         "number"),
        ({"channel": "site", "kind": "maintenance", "to": "a@example.jp"}, "to"),
        ({"channel": "phone", "kind": "busy", "path": "/AGL_Disp.do"}, "path"),
        ({"channel": "site", "kind": "error", "line": True}, "line"),
        ({"channel": "site", "kind": "latency", "latency_ms": 500, "latency_max_ms": 100},
         "latency_max_ms"),
        ({"channel": "site", "kind": "latency", "latency_ms": 10**9}, "latency_ms"),
        ({"channel": "site", "kind": "error", "path": "AGL_Disp.do"}, "path"),
        ({"channel": "site", "kind": "error", "uses": 0}, "uses"),
        ({"channel": "site", "kind": "maintenance", "number": "0399999999", "line": True},
         "number"),
    ],
)  # fmt: skip
def test_a_bad_fault_is_refused_naming_the_field_and_changes_nothing(api, body, field):
    response = api.post("/api/faults", json=body)

    assert (response.status_code, response.json["field"]) == (400, field)
    assert api.get("/api/faults").json["faults"] == []


def test_a_fault_can_be_ended_alone(api):
    kept = fault(api, channel="site", kind="maintenance")
    ended = fault(api, channel="phone", kind="busy")

    left = api.delete(f"/api/faults/{ended['id']}").json["faults"]

    assert [f["id"] for f in left] == [kept["id"]]
    assert api.delete(f"/api/faults/{ended['id']}").status_code == 404


def test_the_client_names_a_refusal(running_env):
    hikari = ControlClient(running_env.url("home"))
    with pytest.raises(ControlError):
        hikari.faults.set("site", "busy")
    assert faults.KINDS["site"] == ("maintenance", "latency", "drop_session", "error")
