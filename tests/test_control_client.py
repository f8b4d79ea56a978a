"""The control client by part (clock, lines, mail, phone, faults, services): typed records in,
typed records out, and one refusal type whether the mock runs in-process or behind HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mock_site import wording as W
from mock_site.client import ControlClient, ControlError
from mock_site.config import Settings
from mock_site.errors import FieldError
from mock_site.records import FaultRecord, LineRecord, ServicesRecord
from mock_site.regions import REGIONS
from mock_site.seed import DECLINED, LineToSeed

PASSWORD = "abcd1234"


@pytest.fixture
def client(running_env) -> ControlClient:
    return ControlClient(running_env.url("home"))


def test_each_part_answers_typed_records(client):
    line = client.lines.add(LineToSeed("east", additional_count=1, password=PASSWORD,
                                       otp=DECLINED))  # fmt: skip
    number = line.contract.number

    assert isinstance(line, LineRecord) and [n.kind for n in line.numbers] == [
        "contract", "additional"]  # fmt: skip
    assert line.contract.credential.kind == "password" and line.contract.otp_choice == "decline"
    assert number in [n.number for line in client.lines.list("east") for n in line.numbers]
    frozen = client.clock.freeze()
    assert (
        client.clock.advance(hours=1) - frozen == timedelta(hours=1) == client.clock.now() - frozen
    )
    warp = client.services.set("east", number, voice_warp={"destinations": ["09012345678"]})
    assert isinstance(warp, ServicesRecord) and warp.voice_warp.destinations[0] == "09012345678"
    assert client.phone.incoming("east", number, "0312345678").result == "missed"
    fault = client.faults.site("maintenance", number, uses=1)
    assert isinstance(fault, FaultRecord) and client.faults.list() == [fault]
    client.faults.end()
    assert client.faults.list() == []
    assert isinstance(client.settings(), Settings) and client.server_errors() == []


def test_a_refusal_is_one_type_in_process_and_through_the_client(running_env, client):
    bad = LineToSeed("east", "123")
    lines = len(client.lines.list())

    with pytest.raises(FieldError) as in_process:
        running_env.add_line(bad)
    with pytest.raises(FieldError) as remote:
        client.lines.add(bad)

    assert isinstance(remote.value, ControlError)
    assert (in_process.value.field, remote.value.field) == ("contract_number", "contract_number")
    assert (in_process.value.status, remote.value.status) == (400, 400)
    assert len(client.lines.list()) == lines  # nothing was added


def test_a_refusal_carries_the_status_the_part_answers_with(client):
    caller = client.lines.add(LineToSeed("east", additional_count=0)).contract.number
    client.phone.call(caller, REGIONS["east"].access_number)  # still on the line

    with pytest.raises(ControlError) as unknown:
        client.phone.incoming("east", "0399999999", "0312345678")
    with pytest.raises(ControlError) as busy:
        client.phone.call(caller, REGIONS["east"].access_number)

    assert (unknown.value.field, unknown.value.status) == ("number", 404)
    assert (busy.value.field, busy.value.status, busy.value.args[0]) == (
        "caller", 409, W.PHONE_BUSY)  # fmt: skip
