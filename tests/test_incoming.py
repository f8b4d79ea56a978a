"""Calls and FAXes to a number: forwarding, the notice mails, the FAX list's retention, and the
APIs that ring a number or set services, refusing what the site refuses (SPEC §10)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from fixtures.site_client import MOBILE, OWN, A, warp_line
from mock_site import wording as W
from mock_site.services import rules
from mock_site.store import NoticeMail, VoiceWarp

# Calls and FAXes to a number -----------------------------------------------------------------


def test_incoming_calls_forward_and_mail_every_address(running_env):
    env = running_env
    line = warp_line(env)
    number = line.contract
    number.voice_warp = VoiceWarp([MOBILE, "", "", ""], 1, W.VW_NO_ANSWER, 25)
    number.call_notice = NoticeMail([A, "b@example.jp"], "missed")

    answered = env.switchboard.receive("east", OWN, "0612345678", answered=True)
    forwarded = env.switchboard.receive("east", OWN, "0612345678")

    assert answered.outcome.result == rules.ANSWERED and answered.mailed == []
    assert forwarded.log == [
        W.IN_CALL.format(caller="06-1234-5678", number="03-1111-2222"),
        W.IN_FORWARDED_AFTER.format(seconds=25, entry="転送先リスト1番",
                                    destination="090-1234-5678", mode="無応答時転送"),
        W.IN_MAILS_SENT.format(service=W.SERVICE_NAMES[W.CALL_NOTICE], count=2),
    ]  # fmt: skip
    for address in (A, "b@example.jp"):
        [mail] = env.mailbox.wait_for(to=address, timeout=5)
        assert mail.subject == W.MAIL_CALL_SUBJECT
        assert "発信者番号：06-1234-5678" in mail.text
        assert "着信先電話番号：03-1111-2222" in mail.text
        assert "応答：転送しました" in mail.text


def test_a_fax_is_kept_mailed_and_gone_after_the_retention_period(running_env):
    env = running_env
    line = warp_line(env)
    line.contract.fax_notice.addresses.append(A)

    record = env.switchboard.receive("east", OWN, "payphone", fax=True, pages=2)

    [mail] = env.mailbox.wait_for(to=A, timeout=5)
    assert mail.subject == W.MAIL_FAX_SUBJECT
    assert "送信元電話番号：公衆電話" in mail.text and "枚数：2枚" in mail.text
    api = env.apps["home"].test_client()
    kept = api.get(f"/api/services/east/{OWN}").get_json()["faxes"]
    assert [fax["id"] for fax in kept] == [record.fax_id]

    env.clock.advance(timedelta(days=30).total_seconds() - 1)
    assert len(api.get(f"/api/services/east/{OWN}").get_json()["faxes"]) == 1
    env.clock.advance(1)
    assert api.get(f"/api/services/east/{OWN}").get_json()["faxes"] == []


def test_a_fax_to_a_number_without_fax_notice_is_not_kept(running_env):
    env = running_env
    warp_line(env, services=[W.CALL_NOTICE])
    record = env.switchboard.receive("east", OWN, "0612345678", fax=True)
    assert record.fax_id is None and record.log[-1] == W.IN_FAX_NOT_STORED.format(pages=1)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"caller": "12345"}, "caller"),
        ({"caller": OWN}, "caller"),
        ({"caller": 3}, "caller"),
        ({"number": "0399999999"}, "number"),
        ({"fax": True, "pages": 0}, "pages"),
        ({"fax": True, "pages": 100}, "pages"),
        ({"fax": True, "pages": "2"}, "pages"),
        ({"answered": "yes"}, "answered"),
        ({"region": "north"}, "region"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_incoming_api_refuses_bad_input_and_records_nothing(running_env, fields, field):
    env = running_env
    warp_line(env)
    api = env.apps["home"].test_client()

    call = {"region": "east", "number": OWN, "caller": "anonymous", **fields}
    response = api.post("/api/phone/incoming", json=call)

    assert response.status_code in (400, 404)
    assert response.get_json()["field"] == field
    assert env.switchboard.records() == []


@pytest.mark.parametrize(
    "change",
    [
        {"voice_warp": {"destinations": ["110"]}},
        {"voice_warp": {"destinations": [OWN]}},
        {"voice_warp": {"mode": "always"}},
        {"voice_warp": {"ring_seconds": 61}},
        {"voice_warp": {"destinations": [MOBILE], "ring_seconds": 4}},
        {
            "voice_warp": {"destinations": [MOBILE], "selected": 2},
            "call_notice": {"addresses": [A]},
        },
        {"call_notice": {"addresses": [A, A]}},
        {"call_notice": {"addresses": [f"u{i}@example.jp" for i in range(6)]}},
        {"call_notice": {"addresses": [A], "condition": "sometimes"}},
        {"fax_notice": {"addresses": [A], "condition": "all"}},
    ],
)
def test_services_api_refuses_what_the_site_refuses_and_changes_nothing(env, change):
    warp_line(env)
    api = env.apps["home"].test_client()
    before = api.get(f"/api/services/east/{OWN}").get_json()

    response = api.post(f"/api/services/east/{OWN}", json=change)

    assert response.status_code == 400
    assert api.get(f"/api/services/east/{OWN}").get_json() == before


def test_services_api_sets_what_the_screens_show(env):
    warp_line(env)
    api = env.apps["home"].test_client()
    response = api.post(f"/api/services/east/{OWN}", json={
        "voice_warp": {"destinations": ["", MOBILE], "selected": 2, "mode": W.VW_BUSY},
        "call_notice": {"addresses": [A], "condition": "missed"},
    })  # fmt: skip
    assert response.status_code == 200
    state = response.get_json()
    assert state["voice_warp"] == {"destinations": ["", MOBILE, "", ""], "selected": 2,
                                   "mode": W.VW_BUSY, "ring_seconds": 20}  # fmt: skip
    assert state["call_notice"] == {"addresses": [A], "condition": "missed",
                                    "skip_anonymous": False}  # fmt: skip
