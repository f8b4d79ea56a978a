"""ボイスワープ by phone: the 142 menu's sequences and whom it serves (domain-notes §3)."""

from __future__ import annotations

import pytest

from fixtures.site_client import LANDLINE, MOBILE, OWN, warp_line
from mock_site import wording as W
from mock_site.config import Settings
from mock_site.environment import Environment
from mock_site.store import VoiceWarp

DEFAULTS = Settings()  # the rules' numbers, as the environment starts


# 142 ------------------------------------------------------------------------------------------


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
