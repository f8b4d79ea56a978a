"""The 仮パスワード IVR as tables: key sequences → guidance and outcome (SPEC §4)."""

from __future__ import annotations

import pytest

from mock_site import seed, wording
from mock_site.environment import Environment
from mock_site.phone import CallError
from mock_site.regions import REGIONS
from mock_site.store import TEMPORARY

CONTRACT = seed.GUIDE_CONTRACT
FIRST, SECOND = seed.GUIDE_ADDITIONAL
PASSWORD = "12345678"
W = wording

ASK_NUMBER = W.IVR_NUMBER_ENTRY
WRONG = W.IVR_WRONG


def asks_password(number: str) -> str:
    return W.IVR_PASSWORD_ENTRY.format(number=number)


def done(number: str) -> str:
    return W.IVR_DONE.format(number=number)


# (caller, keys, guidance after the opening, the number set or None, the unit set or None)
# fmt: off
SEQUENCES = [
    pytest.param(CONTRACT, "1" + PASSWORD * 2,
                 [asks_password(CONTRACT), W.IVR_CONFIRM_ENTRY, done(CONTRACT)],
                 CONTRACT, W.UNIT_LINE, id="line-from-contract"),
    pytest.param(FIRST, "1" + PASSWORD * 2,
                 [asks_password(CONTRACT), W.IVR_CONFIRM_ENTRY, done(CONTRACT)],
                 CONTRACT, W.UNIT_LINE, id="line-from-additional-sets-contract"),
    pytest.param(CONTRACT, "2" + SECOND + "#" + PASSWORD * 2,
                 [ASK_NUMBER, asks_password(SECOND), W.IVR_CONFIRM_ENTRY, done(SECOND)],
                 SECOND, W.UNIT_NUMBER, id="number-from-contract"),
    pytest.param(FIRST, "2" + CONTRACT + "#" + PASSWORD * 2,
                 [ASK_NUMBER, asks_password(CONTRACT), W.IVR_CONFIRM_ENTRY, done(CONTRACT)],
                 CONTRACT, W.UNIT_NUMBER, id="number-from-additional-for-contract"),
    pytest.param(CONTRACT, "3" + FIRST + "#" + PASSWORD * 2,
                 [ASK_NUMBER, asks_password(FIRST), W.IVR_CONFIRM_ENTRY, done(FIRST)],
                 FIRST, W.UNIT_ADMIN, id="admin-from-contract-asks-number"),
    pytest.param(SECOND, "3" + PASSWORD * 2,
                 [asks_password(SECOND), W.IVR_CONFIRM_ENTRY, done(SECOND)],
                 SECOND, W.UNIT_ADMIN, id="admin-from-additional-sets-itself"),
    pytest.param(CONTRACT, "4" + "1" + PASSWORD * 2,
                 [WRONG, asks_password(CONTRACT), W.IVR_CONFIRM_ENTRY, done(CONTRACT)],
                 CONTRACT, W.UNIT_LINE, id="unknown-unit-then-right"),
    pytest.param(CONTRACT, "1" + "1234567#",
                 [asks_password(CONTRACT), WRONG],
                 None, None, id="short-password"),
    pytest.param(CONTRACT, "1" + "123456789",
                 [asks_password(CONTRACT), W.IVR_CONFIRM_ENTRY],
                 None, None, id="nine-digits-ninth-starts-the-confirmation"),
    pytest.param(CONTRACT, "1" + PASSWORD + "87654321",
                 [asks_password(CONTRACT), W.IVR_CONFIRM_ENTRY, WRONG],
                 None, None, id="mismatch"),
    pytest.param(CONTRACT, "1" + PASSWORD + "87654321" + PASSWORD,
                 [asks_password(CONTRACT), W.IVR_CONFIRM_ENTRY, WRONG, done(CONTRACT)],
                 CONTRACT, W.UNIT_LINE, id="mismatch-then-right"),
    pytest.param(CONTRACT, "2" + "0399999999#",
                 [ASK_NUMBER, WRONG],
                 None, None, id="number-not-in-contract"),
    pytest.param(CONTRACT, "2" + "0300001111222#",
                 [ASK_NUMBER, WRONG, WRONG],
                 None, None, id="overlong-number-then-the-rest-is-a-new-entry"),
    pytest.param(CONTRACT, "2" + "03*",
                 [ASK_NUMBER, WRONG],
                 None, None, id="star-in-number"),
    pytest.param(CONTRACT, "9" + "8" + "7",
                 [WRONG, WRONG, W.IVR_WRONG_FINAL],
                 None, None, id="third-strike-ends-the-call"),
    pytest.param(CONTRACT, "1" + "#" + "#" + "#",
                 [asks_password(CONTRACT), WRONG, WRONG, W.IVR_WRONG_FINAL],
                 None, None, id="third-strike-in-password"),
]
# fmt: on


@pytest.fixture(params=list(REGIONS))
def region(request) -> str:
    return request.param


@pytest.mark.parametrize(("caller", "keys", "guidance", "target", "unit"), SEQUENCES)
def test_ivr_sequences(region, caller, keys, guidance, target, unit):
    env = Environment()
    call = env.phone.call(caller, REGIONS[region].access_number)

    call.press(keys)

    assert call.guidance == [W.IVR_UNIT_CHOICE, *guidance]
    line = env.store.lines(region)[0]
    credentials = {n.number: n.credential for n in line.numbers}
    if target is None:
        assert all(c is None for c in credentials.values())
        assert line.auth_unit is None
    else:
        assert credentials[target].kind == TEMPORARY
        assert [n for n, c in credentials.items() if c] == [target]
        assert line.auth_unit == unit
        assert not call.active
    if guidance[-1] == W.IVR_WRONG_FINAL:
        assert not call.active


def test_choosing_another_unit_voids_the_old_units_passwords(region):
    env = Environment()
    access = REGIONS[region].access_number
    env.phone.call(CONTRACT, access).press("2" + FIRST + "#" + PASSWORD * 2)
    env.phone.call(CONTRACT, access).press("2" + SECOND + "#" + PASSWORD * 2)
    line = env.store.lines(region)[0]
    assert [bool(n.credential) for n in line.numbers] == [False, True, True]

    env.phone.call(CONTRACT, access).press("1" + PASSWORD * 2)

    assert line.auth_unit == W.UNIT_LINE
    assert [bool(n.credential) for n in line.numbers] == [True, False, False]


@pytest.mark.parametrize(
    ("caller", "dialled", "data", "said", "connected"),
    [
        pytest.param("0399999999", "east", False, W.IVR_NOT_CONTRACTED, True, id="not-contracted"),
        pytest.param(CONTRACT, "east", True, W.PHONE_DATA_CALL, False, id="data-call"),
        pytest.param(CONTRACT, "0312345678", False, W.PHONE_NO_SUCH_NUMBER, False, id="no-such"),
    ],
)
def test_calls_that_end_at_once(caller, dialled, data, said, connected):
    env = Environment()
    number = REGIONS[dialled].access_number if dialled in REGIONS else dialled

    call = env.phone.call(caller, number, data=data)

    assert call.guidance == [said]
    assert not call.active
    assert call.connected is connected


def test_a_west_line_cannot_use_the_east_access_number():
    env = Environment()
    west_only = next(line for line in env.seeded if line.region == "west" and line.password)

    call = env.phone.call(west_only.contract_number, REGIONS["east"].access_number)

    assert call.guidance == [W.IVR_NOT_CONTRACTED]


@pytest.mark.parametrize(
    ("seconds", "yen", "yen_tax"),
    [(0, "8", "8.8"), (180, "8", "8.8"), (181, "16", "17.6"), (600, "32", "35.2")],
)
def test_calls_are_charged_per_started_three_minutes(seconds, yen, yen_tax):
    env = Environment()
    env.clock.freeze()
    call = env.phone.call(CONTRACT, REGIONS["east"].access_number)
    env.clock.advance(seconds)

    call.hang_up()

    record = call.as_json()
    assert record["duration_seconds"] == seconds
    assert (record["charge_yen"], record["charge_yen_tax_included"]) == (yen, yen_tax)
    assert env.phone.calls() == [call]


def test_hanging_up_mid_flow_sets_nothing():
    env = Environment()
    call = env.phone.call(CONTRACT, REGIONS["east"].access_number)
    call.press("1" + PASSWORD)

    call.hang_up()

    assert env.store.lines("east")[0].contract.credential is None
    with pytest.raises(CallError):
        call.press("1")


@pytest.mark.parametrize(
    "keys",
    ["a", "1a", "", "1" * 65, "+", "١"],
    ids=["letter", "mixed", "empty", "long", "plus", "arabic"],
)
def test_keys_outside_the_keypad_are_refused_whole(keys):
    env = Environment()
    call = env.phone.call(CONTRACT, REGIONS["east"].access_number)

    with pytest.raises(CallError):
        call.press(keys)

    assert call.keys == ""
    assert call.active


def test_full_width_keys_are_the_keypads():
    env = Environment()
    call = env.phone.call(CONTRACT, REGIONS["west"].access_number)

    call.press("２" + "０３００００２２２２＃")

    assert call.guidance[-1] == asks_password(FIRST)


def test_one_call_at_a_time_per_number():
    env = Environment()
    env.phone.call(CONTRACT, REGIONS["east"].access_number)

    with pytest.raises(CallError, match=W.PHONE_BUSY):
        env.phone.call(CONTRACT, REGIONS["east"].access_number)


@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [
        pytest.param(
            {"caller": "03-0000-1111", "dialled": "0363044747"}, 400, "caller", id="caller"
        ),
        pytest.param({"caller": CONTRACT, "dialled": 363044747}, 400, "dialled", id="dialled"),
        pytest.param({"caller": CONTRACT, "dialled": "abc"}, 400, "dialled", id="dialled-text"),
        pytest.param(
            {"caller": CONTRACT, "dialled": "0363044747", "data": "yes"}, 400, "data", id="data"
        ),
        pytest.param({"caller": CONTRACT}, 400, "dialled", id="no-dialled"),
    ],
)
def test_phone_api_refuses_bad_calls(payload, status, field):
    env = Environment()
    api = env.apps["home"].test_client()

    response = api.post("/api/phone/calls", json=payload)

    assert (response.status_code, response.json["field"]) == (status, field)
    assert env.phone.calls() == []


def test_phone_api_walks_a_call_and_explains_bad_keys():
    env = Environment()
    api = env.apps["home"].test_client()
    call = api.post("/api/phone/calls", json={"caller": CONTRACT, "dialled": "0664806430"}).json

    bad = api.post(f"/api/phone/calls/{call['id']}/keys", json={"keys": "x"})
    good = api.post(f"/api/phone/calls/{call['id']}/keys", json={"keys": "1" + PASSWORD * 2})
    after = api.post(f"/api/phone/calls/{call['id']}/keys", json={"keys": "1"})

    assert (bad.status_code, bad.json["error"]) == (400, W.PHONE_BAD_KEYS)
    assert good.json["said"][-1] == done(CONTRACT) and good.json["state"] == "ended"
    assert (after.status_code, after.json["error"]) == (409, W.PHONE_NO_CALL)
    assert api.get("/api/phone/calls/999").status_code == 404
