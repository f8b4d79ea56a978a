"""The services' rules, screens, 142 menu and incoming calls, below the browser (SPEC §8, §10)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from fixtures.screens import forms_on
from mock_site import wording as W
from mock_site.config import Settings
from mock_site.environment import Environment
from mock_site.services import rules
from mock_site.services.pdf import fax_pdf
from mock_site.store import NoticeMail, VoiceWarp

from .test_site import HOSTILE, login, screen_title

DEFAULTS = Settings()  # the rules' numbers, as the environment starts

PASSWORD = "abcd1234"
OWN = "0311112222"
MOBILE = "09012345678"
LANDLINE = "0612345678"


# Rules -----------------------------------------------------------------------------------------

# (entries 1–4, the entry chosen, the mode now, the errors)
# fmt: off
DESTINATIONS = [
    pytest.param([MOBILE, "", "", ""], 1, W.VW_STOP, [], id="one-mobile"),
    pytest.param([LANDLINE, MOBILE, "0120123456", "05012345678"], 4, W.VW_UNCONDITIONAL, [],
                 id="four-entries"),
    pytest.param(["", "", "", ""], 1, W.VW_STOP, [], id="all-empty-while-stopped"),
    pytest.param(["", "", "", ""], 1, W.VW_NO_ANSWER, [W.ERR_VW_SELECTED_EMPTY.format(entry=1)],
                 id="all-empty-while-running"),
    pytest.param([MOBILE, "", "", ""], 2, W.VW_STOP, [W.ERR_VW_SELECTED_EMPTY.format(entry=2)],
                 id="chosen-entry-empty"),
    pytest.param([MOBILE, "", "", ""], None, W.VW_STOP, [W.ERR_VW_CHOICE], id="none-chosen"),
    pytest.param([MOBILE, "", "", ""], 5, W.VW_STOP, [W.ERR_VW_CHOICE], id="entry-5"),
    pytest.param(["110", "", "", ""], 1, W.VW_STOP, [W.ERR_VW_DEST_SPECIAL.format(entry=1)],
                 id="110"),
    pytest.param([MOBILE, "119", "", ""], 1, W.VW_STOP, [W.ERR_VW_DEST_SPECIAL.format(entry=2)],
                 id="119"),
    pytest.param([MOBILE, "", "118", ""], 1, W.VW_STOP, [W.ERR_VW_DEST_SPECIAL.format(entry=3)],
                 id="118"),
    pytest.param([MOBILE, "", "", "177"], 1, W.VW_STOP, [W.ERR_VW_DEST_SPECIAL.format(entry=4)],
                 id="177"),
    pytest.param([OWN, "", "", ""], 1, W.VW_STOP, [W.ERR_VW_DEST_SELF.format(entry=1)],
                 id="the-number-itself"),
    pytest.param(["090-1234-5678", "", "", ""], 1, W.VW_STOP,
                 [W.ERR_VW_DEST_FORMAT.format(entry=1)], id="hyphens"),
    pytest.param(["０９０１２３４５６７８", "", "", ""], 1, W.VW_STOP,
                 [W.ERR_VW_DEST_FORMAT.format(entry=1)], id="full-width"),
    pytest.param(["031234567", "", "", ""], 1, W.VW_STOP,
                 [W.ERR_VW_DEST_FORMAT.format(entry=1)], id="9-digits"),
    pytest.param(["090123456789", "", "", ""], 1, W.VW_STOP,
                 [W.ERR_VW_DEST_FORMAT.format(entry=1)], id="12-digits"),
    pytest.param(["9012345678", "", "", ""], 1, W.VW_STOP,
                 [W.ERR_VW_DEST_FORMAT.format(entry=1)], id="no-leading-0"),
    pytest.param(["0012345678", "", "", ""], 1, W.VW_STOP,
                 [W.ERR_VW_DEST_FORMAT.format(entry=1)], id="00-prefix"),
]
# fmt: on


@pytest.mark.parametrize(("entries", "selected", "mode", "errors"), DESTINATIONS)
def test_destination_rules(entries, selected, mode, errors):
    assert rules.destination_errors(entries, selected, OWN, mode) == errors


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("5", 5),
        ("60", 60),
        ("20", 20),
        (" 30 ", 30),
        ("4", None),
        ("61", None),
        ("0", None),
        ("-5", None),
        ("abc", None),
        ("", None),
        (None, None),
        ("５", None),  # full-width: int() would take it, the rule does not
        ("1e1", None),
        ("9" * 400, None),
    ],
)
def test_ring_seconds_are_5_to_60_half_width_digits(text, seconds):
    assert rules.parse_ring(text, Settings()) == seconds


def test_ring_bounds_are_settings():
    settings = Settings(voice_warp_min_ring_seconds=10, voice_warp_max_ring_seconds=90)
    assert rules.parse_ring("5", settings) is None
    assert rules.parse_ring("90", settings) == 90


def test_starting_needs_a_number_in_the_chosen_entry():
    warp = VoiceWarp()
    choice, errors = rules.switch_errors(W.VW_UNCONDITIONAL, None, warp, Settings())
    assert (choice, errors) == (None, [W.ERR_VW_NO_DESTINATION])
    choice, errors = rules.switch_errors(W.VW_STOP, None, warp, Settings())
    assert errors == [] and choice.mode == W.VW_STOP


@pytest.mark.parametrize("mode", W.VW_MODES_WITH_RING)
@pytest.mark.parametrize("ring", ["4", "61", "abc"])
def test_ring_errors_name_the_field_of_the_mode(mode, ring):
    warp = VoiceWarp(destinations=[MOBILE, "", "", ""])
    _, errors = rules.switch_errors(mode, ring, warp, Settings())
    field = W.VW_RING_FOR.format(mode=W.VW_MODES[mode])
    assert errors == [W.fill(W.ERR_VW_RING, DEFAULTS, field=field)]


A = "a@example.jp"
# fmt: off
ADDRESSES = [
    pytest.param([A], [], id="one"),
    pytest.param([f"u{i}@example.jp" for i in range(5)], [], id="five"),
    pytest.param(["", A, ""], [], id="gaps-are-skipped"),
    pytest.param([f"u{i}@example.jp" for i in range(6)], [W.fill(W.ERR_NOTICE_TOO_MANY, DEFAULTS)],
                 id="six"),
    pytest.param([], [W.ERR_NOTICE_NONE], id="none"),
    pytest.param(["", ""], [W.ERR_NOTICE_NONE], id="only-empty"),
    pytest.param([A, "A@EXAMPLE.JP"], [W.ERR_NOTICE_DUPLICATE.format(n=2, first=1)],
                 id="duplicate-any-case"),
    pytest.param(["not-an-address"], [W.ERR_NOTICE_ADDRESS.format(n=1)], id="no-at"),
    pytest.param([A, "ｕ@example.jp"], [W.ERR_NOTICE_ADDRESS.format(n=2)], id="full-width"),
    pytest.param(["x" * 120 + "@example.jp"], [W.ERR_NOTICE_ADDRESS.format(n=1)],
                 id="over-128"),
    pytest.param(["a@b"], [W.ERR_NOTICE_ADDRESS.format(n=1)], id="no-dot-domain"),
    pytest.param(["a b@example.jp"], [W.ERR_NOTICE_ADDRESS.format(n=1)], id="space"),
]
# fmt: on


@pytest.mark.parametrize(("addresses", "errors"), ADDRESSES)
def test_notification_address_rules(addresses, errors):
    assert rules.address_errors(addresses, DEFAULTS) == errors


# (mode, answered, busy) -> (result, ring seconds); 呼出秒数 15, entry 2 in use
# fmt: off
ROUTES = [
    (W.VW_STOP, False, False, rules.MISSED, 20),
    (W.VW_STOP, True, False, rules.ANSWERED, 0),
    (W.VW_STOP, False, True, rules.BUSY, 0),
    (W.VW_UNCONDITIONAL, False, False, rules.FORWARDED, 0),
    (W.VW_UNCONDITIONAL, True, False, rules.FORWARDED, 0),
    (W.VW_UNCONDITIONAL, False, True, rules.FORWARDED, 0),
    (W.VW_NO_ANSWER, False, False, rules.FORWARDED, 15),
    (W.VW_NO_ANSWER, True, False, rules.ANSWERED, 0),
    (W.VW_NO_ANSWER, False, True, rules.BUSY, 0),
    (W.VW_BUSY, False, False, rules.MISSED, 15),
    (W.VW_BUSY, True, False, rules.ANSWERED, 0),
    (W.VW_BUSY, False, True, rules.FORWARDED, 0),
    (W.VW_NO_ANSWER_BUSY, False, False, rules.FORWARDED, 15),
    (W.VW_NO_ANSWER_BUSY, True, False, rules.ANSWERED, 0),
    (W.VW_NO_ANSWER_BUSY, False, True, rules.FORWARDED, 0),
]
# fmt: on


@pytest.mark.parametrize(("mode", "answered", "busy", "result", "seconds"), ROUTES)
def test_calls_follow_the_transfer_mode(mode, answered, busy, result, seconds):
    warp = VoiceWarp(destinations=["", MOBILE, "", ""], selected=2, mode=mode, ring_seconds=15)
    outcome = rules.route_call(warp, answered, busy, Settings())
    if mode == W.VW_STOP and result == rules.MISSED:
        seconds = 15  # a stopped service still rings for the number's own 呼出秒数
    assert (outcome.result, outcome.ring_seconds) == (result, seconds)
    if result == rules.FORWARDED:
        assert (outcome.destination, outcome.entry) == (MOBILE, 2)


def test_a_number_without_voice_warp_just_rings():
    outcome = rules.route_call(None, False, False, Settings())
    assert outcome == rules.Outcome(rules.MISSED, 20)


@pytest.mark.parametrize(
    ("condition", "skip", "result", "special", "sent"),
    [
        ("all", False, rules.ANSWERED, False, True),
        ("missed", False, rules.ANSWERED, False, False),
        ("missed", False, rules.MISSED, False, True),
        ("missed", False, rules.BUSY, False, True),
        ("missed", False, rules.FORWARDED, False, True),
        ("all", True, rules.ANSWERED, True, False),
        ("all", True, rules.ANSWERED, False, True),
        ("all", False, rules.MISSED, True, True),
    ],
)
def test_call_notice_condition(condition, skip, result, special, sent):
    notice = NoticeMail([A], condition, skip)
    assert rules.should_notify(notice, rules.Outcome(result), special) is sent


def test_fax_pdf_is_a_well_formed_pdf():
    from datetime import datetime

    from mock_site.store import Fax

    fax = Fax("id", datetime(2026, 11, 26, 9, 30), "0612345678", 3)
    pdf = fax_pdf(fax, OWN)

    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    assert pdf.count(b"/Type /Page ") == 3
    xref = int(pdf.rsplit(b"startxref\n", 1)[1].split()[0])
    assert pdf[xref:].startswith(b"xref")
    offsets = [int(line[:10]) for line in pdf[xref:].split(b"\n") if line.endswith(b" 00000 n ")]
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(b"%d 0 obj" % number)
    assert b"From: 0612345678" in pdf


# 142 ------------------------------------------------------------------------------------------


def warp_line(env: Environment, region: str = "east", services=None):
    """Seed a line of three numbers using every service (or services)."""
    return env.add_line(region, OWN, ["0311113333", "0311114444"], services=services)


MENU = W.VW_IVR_MENU
AFTER = W.VW_IVR_AFTER
WRONG = W.IVR_WRONG


def entry_prompt(entry: int = 1) -> str:
    return W.VW_IVR_DESTINATION_ENTRY.format(entry=entry)


# (keys, guidance after the opening, the state after: (entries, selected, mode, ring seconds))
# fmt: off
IVR = [
    pytest.param("2" + MOBILE + "#" + "1",
                 [entry_prompt(), W.VW_IVR_DESTINATION_READBACK.format(destination=MOBILE),
                  W.VW_IVR_UPDATING, W.VW_IVR_DESTINATION_DONE.format(entry=1), AFTER],
                 ([MOBILE, "", "", ""], 1, W.VW_STOP, None), id="register-destination"),
    pytest.param("2" + MOBILE + "#" + "2" + LANDLINE + "#1",
                 [entry_prompt(), W.VW_IVR_DESTINATION_READBACK.format(destination=MOBILE),
                  entry_prompt(), W.VW_IVR_DESTINATION_READBACK.format(destination=LANDLINE),
                  W.VW_IVR_UPDATING, W.VW_IVR_DESTINATION_DONE.format(entry=1), AFTER],
                 ([LANDLINE, "", "", ""], 1, W.VW_STOP, None), id="register-re-entered"),
    pytest.param("2" + MOBILE + "#1" + "0" + "1" + "2",
                 [entry_prompt(), W.VW_IVR_DESTINATION_READBACK.format(destination=MOBILE),
                  W.VW_IVR_UPDATING, W.VW_IVR_DESTINATION_DONE.format(entry=1), AFTER, MENU,
                  W.VW_IVR_MODE_CHOICE,
                  W.VW_IVR_STARTED.format(mode=W.VW_MODES[W.VW_NO_ANSWER]), AFTER],
                 ([MOBILE, "", "", ""], 1, W.VW_NO_ANSWER, None), id="register-then-start"),
    pytest.param("1",
                 [W.VW_IVR_NO_DESTINATION, AFTER],
                 (["", "", "", ""], 1, W.VW_STOP, None), id="start-without-destination"),
    pytest.param("3" + "45#",
                 [W.fill(W.VW_IVR_RING_ENTRY, DEFAULTS), W.VW_IVR_RING_DONE.format(seconds=45),
                  AFTER],
                 (["", "", "", ""], 1, W.VW_STOP, 45), id="ring-45"),
    pytest.param("3" + "4#" + "61#" + "*",
                 [W.fill(W.VW_IVR_RING_ENTRY, DEFAULTS), WRONG, WRONG, W.IVR_WRONG_FINAL],
                 (["", "", "", ""], 1, W.VW_STOP, None), id="ring-4-61-then-third-strike"),
    pytest.param("2" + "110#" + OWN + "#",
                 [entry_prompt(), WRONG, WRONG],
                 (["", "", "", ""], 1, W.VW_STOP, None), id="special-and-own-number-refused"),
    pytest.param("40" + "3",
                 [W.VW_IVR_OTHER_MENU, W.VW_IVR_LIST_CHOICE, W.VW_IVR_LIST_DONE.format(entry=3),
                  AFTER],
                 (["", "", "", ""], 3, W.VW_STOP, None), id="choose-entry-3"),
    pytest.param("40" + "5",
                 [W.VW_IVR_OTHER_MENU, W.VW_IVR_LIST_CHOICE, WRONG],
                 (["", "", "", ""], 1, W.VW_STOP, None), id="entry-5-is-wrong"),
    pytest.param("8",
                 [W.VW_IVR_STATUS_OFF.format(entry=1, destination=W.VW_NOT_SET, seconds=20),
                  AFTER],
                 (["", "", "", ""], 1, W.VW_STOP, None), id="hear-settings"),
    pytest.param("0",
                 [W.VW_IVR_STOPPING, W.VW_IVR_STOPPED, AFTER],
                 (["", "", "", ""], 1, W.VW_STOP, None), id="stop"),
    pytest.param("8" + "9",
                 [W.VW_IVR_STATUS_OFF.format(entry=1, destination=W.VW_NOT_SET, seconds=20),
                  AFTER],
                 (["", "", "", ""], 1, W.VW_STOP, None), id="other-key-after-ends-the-call"),
    pytest.param("7" + "*" + "#",
                 [WRONG, WRONG, W.IVR_WRONG_FINAL],
                 (["", "", "", ""], 1, W.VW_STOP, None), id="third-wrong-menu-key-ends"),
]
# fmt: on


@pytest.mark.parametrize("region", ["east", "west"])
@pytest.mark.parametrize(("keys", "guidance", "state"), IVR)
def test_142_sequences(region, keys, guidance, state):
    env = Environment()
    line = warp_line(env, region)
    call = env.phone.call(OWN, W.VW_IVR_NUMBER)

    call.press(keys)

    opening = [W.VW_IVR_OPENING_FOR.format(number=OWN), MENU]
    assert call.guidance == opening + guidance
    warp = line.contract.voice_warp
    assert (warp.destinations, warp.selected, warp.mode, warp.ring_seconds) == state
    assert call.as_json()["charge_yen"] == "0"


def test_142_mode_keys_start_each_mode():
    env = Environment()
    line = warp_line(env)
    line.contract.voice_warp.destinations[0] = MOBILE
    for key, mode in (("1", W.VW_UNCONDITIONAL), ("2", W.VW_NO_ANSWER), ("3", W.VW_BUSY),
                      ("4", W.VW_NO_ANSWER_BUSY)):  # fmt: skip
        call = env.phone.call(OWN, W.VW_IVR_NUMBER)
        call.press("1" + key)
        assert call.guidance[-2:] == [W.VW_IVR_STARTED.format(mode=W.VW_MODES[mode]), AFTER]
        assert line.contract.voice_warp.mode == mode
        call.hang_up()


def test_142_sets_another_number_of_the_line_after_hash():
    env = Environment()
    line = warp_line(env)
    other = line.numbers[2]
    call = env.phone.call(OWN, W.VW_IVR_NUMBER)

    call.press("5" + other.number + "#" + "2" + MOBILE + "#1")

    assert W.VW_IVR_OPENING_FOR.format(number=other.number) in call.guidance
    assert other.voice_warp.destinations[0] == MOBILE
    assert line.contract.voice_warp.destinations[0] == ""


def test_142_refuses_another_line_and_numbers_without_voice_warp():
    env = Environment()
    line = warp_line(env, services={OWN: [W.VOICE_WARP], "0311113333": [W.CALL_NOTICE]})
    call = env.phone.call(OWN, W.VW_IVR_NUMBER)
    call.press("5" + "0311113333#" + "0300001111#")  # a wrong entry is asked again
    assert call.guidance[2:] == [W.VW_IVR_OTHER_NUMBER, WRONG, WRONG]

    refused = env.phone.call("0311113333", W.VW_IVR_NUMBER)
    assert refused.guidance == [W.VW_IVR_NOT_SUBSCRIBED] and not refused.active
    assert line.numbers[1].voice_warp == VoiceWarp()


def test_142_from_a_number_both_regions_have_needs_the_region():
    from mock_site.phone import CallError

    env = Environment()
    with pytest.raises(CallError) as refused:
        env.phone.call("0300001111", W.VW_IVR_NUMBER)
    assert refused.value.field == "region"
    call = env.phone.call("0300001111", W.VW_IVR_NUMBER, region="west")
    call.press("3" + "30#")
    west = env.store.find_number("west", "0300001111")[1]
    east = env.store.find_number("east", "0300001111")[1]
    assert (west.voice_warp.ring_seconds, east.voice_warp.ring_seconds) == (30, None)


# Screens (through Flask's test client) -----------------------------------------------------------


def tokens(html: str) -> dict[str, str]:
    found = dict(re.findall(r'name="(csrf_token|form_token)"[^>]*value="([^"]*)"', html))
    found.update(re.findall(r'value="([^"]*)"[^>]*name="(csrf_token|form_token)"', html)[::-1])
    return {k: v for k, v in found.items() if k in ("csrf_token", "form_token")}


def logged_in(env: Environment, region: str, unit: str = W.UNIT_ADMIN, index: int = 0, **kw):
    line = env.add_line(region, OWN, ["0311113333", "0311114444"], auth_unit=unit,
                        password=PASSWORD, **kw)  # fmt: skip
    for number in line.numbers:
        number.otp.choice = "decline"
    client = env.apps[region].test_client()
    response = login(client, line.numbers[index].number, PASSWORD)
    assert screen_title(response) == W.TOP_TITLE
    return client, line


def choose(client, service: str, number: str | None = None):
    html = client.get("/AGS_Disp.do").get_data(as_text=True)
    data = {**tokens(html), "service": service}
    if number:
        data.update(step="choose", telNo=number)
    return client.post("/AGS_Select.do", data=data)


def submit(client, screen: str, confirm: str, data: dict):
    html = client.get(screen).get_data(as_text=True)
    return client.post(confirm, data={**tokens(html), **data})


def apply(client, confirm_response, regist: str):
    return client.post(regist, data=tokens(confirm_response.get_data(as_text=True)))


def alerts(response) -> list[str]:
    body = response.get_data(as_text=True)
    box = re.search(r'role="alert">(.*?)</div>', body, re.S)
    return re.findall(r"<li>(.*?)</li>", box.group(1)) if box else []


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
