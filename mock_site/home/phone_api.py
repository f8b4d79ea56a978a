"""The phone's JSON API under /api/phone/: dial, press keys, hang up, read the call record."""

from __future__ import annotations

from flask import Blueprint, g, jsonify

from ..phone.network import Call, CallError
from ..web import env, environment
from . import models
from .api import parsed

bp = Blueprint("phone_api", __name__, url_prefix="/api/phone")


def network():
    return env().phone


def in_space_of(number: str, region: str | None = None) -> None:
    """Put this request in the space of number (a caller, or the number rung): numbers are in
    one space only, so a call finds its space whatever space the request named."""
    spaces = environment().spaces
    owner = spaces.owner(region, number) if region else spaces.owner_anywhere(number)
    if owner is not None:
        g.hikari_state = owner.state


def find(call_id: int) -> Call:
    call = network().get(call_id)
    if call is None:
        raise CallError("call_id", f"no call {call_id}", 404)
    return call


@bp.get("/calls")
def list_calls():
    """List every call with its duration and charge, oldest first."""
    return jsonify(calls=[call.as_json() for call in network().calls()])


@bp.post("/calls")
def dial():
    """Call dialled from caller; the answer holds the first guidance."""
    dial = parsed(models.Dial)
    in_space_of(dial.caller)
    call = network().call(dial.caller, dial.dialled, dial.data, dial.region)
    return jsonify(call.as_json()), 201


@bp.get("/calls/<int:call_id>")
def show(call_id: int):
    """Describe one call."""
    return jsonify(find(call_id).as_json())


@bp.post("/calls/<int:call_id>/keys")
def press(call_id: int):
    """Press keys (0–9, *, #; ＊ and ＃ too) on a call, in order."""
    keys = parsed(models.Keys).keys
    call = find(call_id)
    said = call.press(keys)
    return jsonify({**call.as_json(), "said": said})


@bp.post("/calls/<int:call_id>/hangup")
def hang_up(call_id: int):
    """End a call."""
    parsed(models.Nothing)
    call = find(call_id)
    call.hang_up()
    return jsonify(call.as_json())


@bp.get("/speech")
def speech():
    """Say whether the IVR speaks, and how often a sentence's audio came from the cache."""
    return jsonify(env().speech.stats())


@bp.get("/incoming")
def list_incoming():
    """List every simulated incoming call and FAX with its outcome, oldest first."""
    board = env().switchboard
    return jsonify(incoming=[record.as_json() for record in board.records()])


@bp.post("/incoming")
def receive():
    """Ring a number from a caller (or anonymous, payphone, unavailable); or send it a FAX."""
    ring = parsed(models.IncomingCall)
    in_space_of(ring.number, ring.region)
    board = env().switchboard
    record = board.receive(
        ring.region, ring.number, ring.caller, answered=ring.answered, busy=ring.busy,
        fax=ring.fax, pages=ring.pages,
    )  # fmt: skip
    return jsonify(record.as_json()), 201
