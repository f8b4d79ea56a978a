"""The control API: clock, lines, reset, and a clear 400 naming the field for bad bodies."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime

import pytest

from mock_site import seed, wording
from mock_site.config import Settings


def test_clock_reads_and_advances(api):
    before = datetime.fromisoformat(api.get("/api/clock").json["now"])

    moved = api.post("/api/clock", json={"advance_seconds": 86400}).json

    assert moved["offset_seconds"] == 86400
    assert (datetime.fromisoformat(moved["now"]) - before).total_seconds() >= 86400


def test_clock_jumps_to_a_time_naive_is_japan_time(api):
    moved = api.post("/api/clock", json={"now": "2030-01-02T03:04:05"}).json

    assert moved["now"].startswith("2030-01-02T03:04:05")
    assert moved["now"].endswith("+09:00")


def test_a_far_date_stays_in_japan_time(api):  # found by Schemathesis: 0223 read +09:18:59
    moved = api.post("/api/clock", json={"now": "2099-07-15T01:31:38Z"}).json

    assert moved["now"].startswith("2099-07-15T10:31:38")
    assert moved["now"].endswith("+09:00")


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        pytest.param({}, "advance_seconds", id="empty"),
        pytest.param({"advance_seconds": "60"}, "advance_seconds", id="string-seconds"),
        pytest.param({"advance_seconds": True}, "advance_seconds", id="boolean-seconds"),
        pytest.param({"advance_seconds": 1e300}, "advance_seconds", id="absurd-seconds"),
        pytest.param({"advance_seconds": 1, "now": "2030-01-01"}, "advance_seconds", id="both"),
        pytest.param({"now": "tomorrow"}, "now", id="not-iso"),
        pytest.param({"now": 5}, "now", id="number-now"),
        pytest.param({"speed": 2}, "speed", id="unknown-field"),
        pytest.param([1, 2], "body", id="array-body"),
    ],
)
def test_bad_clock_bodies_are_refused_naming_the_field(api, payload, field):
    before = api.get("/api/clock").json["offset_seconds"]

    response = api.post("/api/clock", json=payload)

    assert response.status_code == 400
    assert response.json["field"] == field
    assert api.get("/api/clock").json["offset_seconds"] == before


@pytest.mark.parametrize(
    ("data", "content_type", "status", "field"),
    [
        pytest.param(b"{not json", "application/json", 400, "body", id="broken-json"),
        pytest.param(b"advance_seconds=5", "application/x-www-form-urlencoded", 415,
                     "Content-Type", id="form"),
        pytest.param(b'{"advance_seconds": 5}', "text/plain", 415, "Content-Type",
                     id="text-plain"),
        pytest.param(b"\xff\xfe\x00", "application/json", 400, "body", id="binary"),
    ],
)  # fmt: skip
def test_non_json_bodies_are_refused(api, data, content_type, status, field):
    response = api.post("/api/clock", data=data, content_type=content_type)

    assert (response.status_code, response.json["field"]) == (status, field)


def test_seeding_a_line_fills_numbers_with_faker(api):
    response = api.post("/api/lines", json={"region": "west", "password": "abcd1234"})

    assert response.status_code == 201
    line = response.json
    assert [n["kind"] for n in line["numbers"]] == ["contract", "additional", "additional"]
    assert all(len(n["number"]) == 10 and n["number"].startswith("0") for n in line["numbers"])
    assert line["auth_unit"] == wording.UNIT_LINE
    assert line["numbers"][0]["credential"]["kind"] == "password"
    assert line["numbers"][1]["credential"] is None
    assert line in api.get("/api/lines?region=west").json["lines"]


def test_seeding_under_the_number_unit_gives_every_number_a_password(api):
    line = api.post(
        "/api/lines",
        json={
            "region": "east",
            "contract_number": "0312345678",
            "additional_numbers": ["0312345679"],
            "auth_unit": "number",
            "temp_password": "12345678",
            "services": {"0312345679": ["fax_notice"]},
        },
    ).json

    assert [n["credential"]["kind"] for n in line["numbers"]] == ["temporary", "temporary"]
    assert [n["services"] for n in line["numbers"]] == [[], ["fax_notice"]]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        pytest.param({}, "region", id="no-region"),
        pytest.param({"region": "north"}, "region", id="unknown-region"),
        pytest.param(
            {"region": "east", "contract_number": "03-1234-5678"}, "contract_number", id="hyphens"
        ),
        pytest.param(
            {"region": "east", "contract_number": 312345678},
            "contract_number",
            id="number-not-string",
        ),
        pytest.param(
            {"region": "east", "contract_number": seed.GUIDE_CONTRACT},
            "contract_number",
            id="number-taken",
        ),
        pytest.param(
            {"region": "east", "additional_numbers": "0312345678"},
            "additional_numbers",
            id="additional-not-list",
        ),
        pytest.param(
            {"region": "east", "additional_numbers": ["0312345678", "0312345678"]},
            "additional_numbers",
            id="additional-twice",
        ),
        pytest.param(
            {"region": "east", "additional_count": 999}, "additional_count", id="too-many"
        ),
        pytest.param(
            {"region": "east", "services": ["call_waiting"]}, "services", id="unknown-service"
        ),
        pytest.param(
            {"region": "east", "services": "voice_warp"}, "services", id="services-not-list"
        ),
        pytest.param({"region": "east", "auth_unit": "family"}, "auth_unit", id="unknown-unit"),
        pytest.param({"region": "east", "password": "12345678"}, "password", id="digits-only"),
        pytest.param({"region": "east", "password": "abc1"}, "password", id="short-password"),
        pytest.param(
            {"region": "east", "temp_password": "1234567"}, "temp_password", id="seven-digit-temp"
        ),
        pytest.param({"region": "east", "label": "x" * 101}, "label", id="long-label"),
        pytest.param({"region": "east", "colour": "red"}, "colour", id="unknown-field"),
        pytest.param({"region": {}}, "region", id="region-object"),  # found by Schemathesis
    ],
)
def test_bad_lines_are_refused_naming_the_field(api, payload, field):
    before = api.get("/api/lines").json

    response = api.post("/api/lines", json=payload)

    assert response.status_code == 400, response.json
    assert response.json["field"] == field
    assert api.get("/api/lines").json == before


def test_reset_forgets_added_lines_and_moves_the_clock_back(api):
    seeded = api.get("/api/lines").json
    api.post("/api/lines", json={"region": "east"})
    api.post("/api/clock", json={"advance_seconds": 3600})

    response = api.post("/api/reset", json={})

    assert response.json["clock"]["offset_seconds"] == 0
    assert numbers(api.get("/api/lines").json) == numbers(seeded)


def numbers(listing: dict) -> list[list[str]]:
    return [[n["number"] for n in line["numbers"]] for line in listing["lines"]]


def test_unknown_endpoint_and_method_answer_in_json(api):
    assert api.get("/api/nothing").status_code == 404
    assert api.get("/api/nothing").json["error"]
    assert api.get("/api/reset").status_code == 405
    assert api.get("/api/reset").json["error"]


def test_openapi_document_lists_every_route(env, api):
    document = api.get("/api/openapi.json").json
    routes = {
        re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        for rule in env.apps["home"].url_map.iter_rules()
        if rule.rule.startswith("/api")
    }

    assert set(document["paths"]) == routes


def test_settings_change_until_reset(env, api):
    changed = api.post("/api/settings", json={"mail_charset": "iso-2022-jp", "otp_west": False})

    assert changed.json["settings"]["mail_charset"] == "iso-2022-jp"
    assert env.settings.otp_west is False
    api.post("/api/reset", json={})
    assert api.get("/api/settings").json["settings"]["mail_charset"] == "utf-8"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        pytest.param({"colour": "red"}, "colour", id="unknown"),
        pytest.param({"idle_timeout_minutes": "5"}, "idle_timeout_minutes", id="string-for-int"),
        pytest.param({"otp_east": 1}, "otp_east", id="int-for-bool"),
        pytest.param({"mail_charset": "shift_jis"}, "mail_charset", id="charset"),
        pytest.param({"password_hash_method": "plain"}, "password_hash_method", id="hash"),
        pytest.param({"mail_charset": 8}, "mail_charset", id="charset-number"),
    ],
)
def test_bad_settings_are_refused_and_change_nothing(env, api, payload, field):
    before = env.settings

    response = api.post("/api/settings", json=payload)

    assert (response.status_code, response.json["field"]) == (400, field)
    assert env.settings is before


def test_iso_2022_jp_mail_reads_back_as_sent(running_env):
    from mock_site.mail.send import compose, transmit

    running_env.settings = running_env.settings.with_overrides({"mail_charset": "iso-2022-jp"})
    body = "ワンタイムパスワード：123456"
    transmit(running_env, compose(running_env, "jis@example.jp", wording.MAIL_OTP_SUBJECT, body))

    [mail] = running_env.mailbox.wait_for(to="jis@example.jp")
    assert b"ISO-2022-JP" in mail.raw.upper()
    assert mail.subject == wording.MAIL_OTP_SUBJECT
    assert mail.otp() == "123456"
    assert mail.header("Date").endswith("+0900")  # the mock's clock, in Japan time


BOUNDED = [
    (declared.name, declared.metadata["within"])
    for declared in dataclasses.fields(Settings)
    if declared.metadata["within"]
]


@pytest.mark.parametrize(("name", "within"), BOUNDED, ids=[name for name, _ in BOUNDED])
def test_each_bound_refuses_one_past_it_and_the_document_says_it(env, api, name, within):
    low, high = within
    before = env.settings

    refused = [api.post("/api/settings", json={name: value}) for value in (low - 1, high + 1)]

    assert [(r.status_code, r.json["field"]) for r in refused] == [(400, name), (400, name)]
    assert env.settings is before
    documented = api.get("/api/openapi.json").json["components"]["schemas"]["SettingsChange"]
    assert documented["properties"][name] | within_schema(within) == documented["properties"][name]


def within_schema(within: tuple[int, int]) -> dict[str, int]:
    return {"minimum": within[0], "maximum": within[1]}
