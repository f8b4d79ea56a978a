"""The services' screens through Flask's test client: the top's services, the number choice,
the 入力→確認→完了 of each form, hostile input in every field, stale windows (SPEC §8)."""

from __future__ import annotations

import re

import pytest

from fixtures.screens import forms_on
from fixtures.site_client import (
    HOSTILE,
    LANDLINE,
    MOBILE,
    OWN,
    A,
    alerts,
    apply,
    choose,
    logged_in,
    screen_title,
    submit,
    tokens,
)
from mock_site import wording as W
from mock_site.config import Settings
from mock_site.environment import Environment
from mock_site.store import VoiceWarp

DEFAULTS = Settings()  # the rules' numbers, as the environment starts


# Screens (through Flask's test client) -----------------------------------------------------------


@pytest.fixture(params=["east", "west"])
def region(request) -> str:
    return request.param


def test_top_lists_only_services_in_use_within_reach(region):
    env = Environment()
    services = {OWN: [W.VOICE_WARP], "0311113333": [W.CALL_NOTICE], "0311114444": []}
    client, _ = logged_in(env, region, index=1, services=services)  # a ユーザ: its own number
    html = client.get("/AGS_Disp.do").get_data(as_text=True)
    buttons = re.findall(r'<input type="image"[^>]*name="(\w+)">', html)
    assert buttons == [W.CALL_NOTICE]
    assert choose(client, W.VOICE_WARP).location.endswith("/AGS_Disp.do")
    assert "ボイスワープ" not in re.search(r'class="menu".*?</ul>', html, re.S).group(0)


@pytest.mark.parametrize(
    ("unit", "index", "numbers_offered"),
    [
        (W.UNIT_LINE, 0, 3),
        (W.UNIT_ADMIN, 0, 3),
        (W.UNIT_ADMIN, 1, 1),
        (W.UNIT_NUMBER, 0, 1),
        (W.UNIT_NUMBER, 2, 1),
    ],
)
def test_the_number_is_picked_first_only_when_several_may_be_set(
    region, unit, index, numbers_offered
):
    env = Environment()
    client, line = logged_in(env, region, unit, index)
    response = choose(client, W.VOICE_WARP)
    if numbers_offered == 1:
        assert response.location.endswith("/VUM_Disp.do")
        page = client.get("/VUM_Disp.do").get_data(as_text=True)
        assert line.numbers[index].display in page
    else:
        page = response.get_data(as_text=True)
        assert W.NUMBER_CHOICE_TITLE in page
        assert len(re.findall(r'name="telNo" type="radio"', page)) == numbers_offered


def test_a_clicked_image_button_names_the_service_through_the_number_choice(region):
    env = Environment()
    client, line = logged_in(env, region)  # the 管理者: every number uses ボイスワープ
    html = client.get("/AGS_Disp.do").get_data(as_text=True)
    clicked = {f"{W.VOICE_WARP}.x": "12", f"{W.VOICE_WARP}.y": "7"}  # what a browser posts

    choice = client.post("/AGS_Select.do", data={**tokens(html), **clicked})
    [form] = [f for f in forms_on(choice.get_data(as_text=True)) if f.action == "/AGS_Select.do"]
    data = form.defaults() | {"telNo": line.numbers[2].number}
    response = client.post("/AGS_Select.do", data=data)

    assert screen_title(choice) == W.NUMBER_CHOICE_TITLE
    assert response.location.endswith("/VUM_Disp.do")
    page = client.get("/VUM_Disp.do").get_data(as_text=True)
    assert line.numbers[2].display in page


def test_a_user_cannot_reach_another_number_by_posting_it(region):
    env = Environment()
    client, line = logged_in(env, region, W.UNIT_ADMIN, index=1)
    response = choose(client, W.VOICE_WARP, number=OWN)  # the 管理者's number
    assert response.location.endswith("/AGS_Disp.do")
    assert W.ERR_SERVICE_NOT_IN_REACH in client.get("/AGS_Disp.do").get_data(as_text=True)
    page = client.get("/VUM_Disp.do").get_data(as_text=True)
    assert line.numbers[1].display in page and line.numbers[0].display not in page


def test_choosing_without_a_number_says_so(region):
    env = Environment()
    client, _ = logged_in(env, region)
    html = choose(client, W.VOICE_WARP).get_data(as_text=True)
    response = client.post("/AGS_Select.do", data={**tokens(html), "service": W.VOICE_WARP,
                                                   "step": "choose"})  # fmt: skip
    assert alerts(response) == [W.ERR_NUMBER_CHOICE]


def test_destination_list_input_confirm_done_and_back(region):
    env = Environment()
    client, line = logged_in(env, region, W.UNIT_NUMBER)
    choose(client, W.VOICE_WARP)
    confirm = submit(client, "/VUL_Disp.do", "/VUL_Confirm.do",
                     {"listValue": "2", "dest1": MOBILE, "dest2": f" {LANDLINE} "})  # fmt: skip
    assert "090-1234-5678" in confirm.get_data(as_text=True)
    back = client.get("/VUL_Disp.do").get_data(as_text=True)  # 戻る keeps what was typed
    assert f'value="{LANDLINE}"' in back and line.contract.voice_warp.destinations[1] == ""
    confirm = client.post("/VUL_Confirm.do", data={**tokens(back), "listValue": "2",
                                                   "dest1": MOBILE, "dest2": LANDLINE})  # fmt: skip
    done = apply(client, confirm, "/VUL_Regist.do")

    assert W.DONE_TEXT in done.get_data(as_text=True)
    warp = line.contract.voice_warp
    assert (warp.destinations, warp.selected) == ([MOBILE, LANDLINE, "", ""], 2)


def test_a_change_by_phone_between_confirm_and_set_is_not_overwritten(region):
    env = Environment()
    client, line = logged_in(env, region, W.UNIT_NUMBER)
    choose(client, W.VOICE_WARP)
    confirm = submit(client, "/VUL_Disp.do", "/VUL_Confirm.do", {"listValue": "1", "dest1": MOBILE})
    env.phone.call(OWN, W.VW_IVR_NUMBER, region=region).press("2" + LANDLINE + "#1")

    response = apply(client, confirm, "/VUL_Regist.do")

    assert response.location.endswith("/VUL_Disp.do")
    assert W.ERR_CHANGED_ELSEWHERE in client.get("/VUL_Disp.do").get_data(as_text=True)
    assert line.contract.voice_warp.destinations[0] == LANDLINE


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"transfer": W.VW_NO_ANSWER, "call_sec2": "4"}, "無応答時転送の呼出秒数"),
        ({"transfer": W.VW_NO_ANSWER, "call_sec2": "61"}, "無応答時転送の呼出秒数"),
        ({"transfer": W.VW_NO_ANSWER, "call_sec2": "abc"}, "無応答時転送の呼出秒数"),
        ({"transfer": W.VW_NO_ANSWER_BUSY, "call_sec4": "abc"}, "無応答時＋話中時転送の呼出秒数"),
        ({"transfer": "sideways"}, "転送の方法"),
        ({}, "転送の方法"),
    ],
)
def test_switch_refuses_bad_input_naming_the_field(region, data, error):
    env = Environment()
    client, line = logged_in(env, region, W.UNIT_NUMBER)
    line.contract.voice_warp.destinations[0] = MOBILE
    before = VoiceWarp(**vars(line.contract.voice_warp))
    choose(client, W.VOICE_WARP)

    response = submit(client, "/VUS_Disp.do", "/VUS_Confirm.do", data)

    assert response.status_code == 200
    [message] = alerts(response)
    assert message.startswith(error)
    assert line.contract.voice_warp == before


def test_switch_starts_with_the_ring_time_and_stops(region):
    env = Environment()
    client, line = logged_in(env, region, W.UNIT_NUMBER)
    line.contract.voice_warp.destinations[0] = MOBILE
    choose(client, W.VOICE_WARP)
    both = {"transfer": W.VW_NO_ANSWER_BUSY, "call_sec2": "99", "call_sec4": "45"}
    confirm = submit(client, "/VUS_Disp.do", "/VUS_Confirm.do", both)
    apply(client, confirm, "/VUS_Regist.do")
    warp = line.contract.voice_warp
    assert (warp.mode, warp.ring_seconds) == (W.VW_NO_ANSWER_BUSY, 45)

    confirm = submit(client, "/VUS_Disp.do", "/VUS_Confirm.do", {"transfer": W.VW_STOP})
    apply(client, confirm, "/VUS_Regist.do")
    assert (warp.mode, warp.ring_seconds) == (W.VW_STOP, 45)


SCREENS = {
    "VUL": (
        "/VUL_Disp.do",
        "/VUL_Confirm.do",
        ["listValue", "dest1", "dest2", "dest3", "dest4"],
        {"listValue": "1", "dest1": MOBILE},
    ),
    "VUS": (
        "/VUS_Disp.do",
        "/VUS_Confirm.do",
        ["transfer", "call_sec2"],
        {"transfer": W.VW_NO_ANSWER, "call_sec2": "20"},
    ),
    "VUS4": (
        "/VUS_Disp.do",
        "/VUS_Confirm.do",
        ["call_sec4"],
        {"transfer": W.VW_NO_ANSWER_BUSY, "call_sec4": "20"},
    ),
    "CNM": (
        "/CNM_Disp.do",
        "/CNM_Confirm.do",
        ["mailAddress1", "mailAddress2", "mailAddress5", "condition", "skip_anonymous"],
        {"mailAddress1": A, "condition": "all"},
    ),
    "FNL": (
        "/FNL_Disp.do",
        "/FNL_Confirm.do",
        ["mailAddress1", "mailAddress3"],
        {"mailAddress1": A},
    ),
}
SERVICE_OF = {
    "VUL": W.VOICE_WARP,
    "VUS": W.VOICE_WARP,
    "VUS4": W.VOICE_WARP,
    "CNM": W.CALL_NOTICE,
    "FNL": W.FAX_NOTICE,
}
# Values the site rightly accepts: any value of a checkbox; an empty list (clears it, stopped).
HARMLESS = {("dest1", "empty"), ("skip_anonymous", "empty"), ("skip_anonymous", "non-ascii"),
            ("skip_anonymous", "10000-chars"), ("skip_anonymous", "control-chars"),
            ("skip_anonymous", "sql-like"), ("skip_anonymous", "script-like")}  # fmt: skip


@pytest.mark.parametrize(
    ("screen", "field", "value"),
    [
        pytest.param(screen, field, case.values[0], id=f"{screen}-{field}-{case.id}")
        for screen, (_, _, names, _) in SCREENS.items()
        for field in names
        for case in HOSTILE
        if (field, case.id) not in HARMLESS
        and not (case.id == "empty" and field in ("dest2", "dest3", "dest4",
                                                  "mailAddress2", "mailAddress3", "mailAddress5"))
    ],
)  # fmt: skip
def test_hostile_input_in_every_field_is_refused_in_japanese(screen, field, value):
    env = Environment()
    client, line = logged_in(env, "east", W.UNIT_NUMBER)
    number = line.contract
    number.voice_warp.destinations[0] = "0611112222"
    before = (VoiceWarp(**vars(number.voice_warp)), vars(number.call_notice).copy(),
              vars(number.fax_notice).copy())  # fmt: skip
    choose(client, SERVICE_OF[screen])
    if screen == "FNL":
        client.get("/FNM_Disp.do")
    page, confirm, _, good = SCREENS[screen]

    response = submit(client, page, confirm, {**good, field: value})

    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert alerts(response), f"no error for {field}={value[:20]!r}"
    assert all(re.search(r"[ぁ-んァ-ヶ一-龠]", message) for message in alerts(response))
    assert "<script>alert" not in body
    after = (number.voice_warp, vars(number.call_notice), vars(number.fax_notice))
    assert after == before
    assert number.voice_warp.mode == W.VW_STOP  # not even a draft applied
    assert client.post(confirm.replace("Confirm", "Regist"), data=tokens(body)).status_code == 302


def test_more_than_five_addresses_and_duplicates_are_refused(region):
    env = Environment()
    client, line = logged_in(env, region, W.UNIT_NUMBER)
    choose(client, W.CALL_NOTICE)
    six = {f"mailAddress{i}": f"u{i}@example.jp" for i in range(1, 7)}

    too_many = submit(client, "/CNM_Disp.do", "/CNM_Confirm.do", {**six, "condition": "all"})
    twice = submit(client, "/CNM_Disp.do", "/CNM_Confirm.do",
                   {"mailAddress1": A, "mailAddress2": A, "condition": "all"})  # fmt: skip

    assert alerts(too_many) == [W.fill(W.ERR_NOTICE_TOO_MANY, DEFAULTS)]
    assert alerts(twice) == [W.ERR_NOTICE_DUPLICATE.format(n=2, first=1)]
    assert line.contract.call_notice.addresses == []


def test_notice_settings_are_applied_after_confirmation(region):
    env = Environment()
    client, line = logged_in(env, region, W.UNIT_NUMBER)
    choose(client, W.CALL_NOTICE)
    confirm = submit(client, "/CNM_Disp.do", "/CNM_Confirm.do",
                     {"mailAddress1": A, "mailAddress3": "b@example.jp", "condition": "missed",
                      "skip_anonymous": "y"})  # fmt: skip
    assert line.contract.call_notice.addresses == []
    apply(client, confirm, "/CNM_Regist.do")

    notice = line.contract.call_notice
    assert (notice.addresses, notice.condition, notice.skip_anonymous) == (
        [A, "b@example.jp"], "missed", True)  # fmt: skip


def test_a_form_from_an_older_window_is_refused_and_changes_nothing(region):
    env = Environment()
    client, line = logged_in(env, region, W.UNIT_NUMBER)
    choose(client, W.VOICE_WARP)
    older = client.get("/VUL_Disp.do").get_data(as_text=True)
    client.get("/VUL_Disp.do")  # a second window shows the same screen

    response = client.post(
        "/VUL_Confirm.do", data={**tokens(older), "listValue": "1", "dest1": MOBILE}
    )

    assert response.status_code == 409
    assert W.ERR_STALE_WINDOW in response.get_data(as_text=True)
    assert g_draft(env, line) is None


def g_draft(env: Environment, line):
    [session] = env.store.sessions_for(line.region, line.contract.number)
    return session.service_draft
