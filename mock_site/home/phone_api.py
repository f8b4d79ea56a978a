"""The phone's JSON API under /api/phone/: dial, press keys, hang up, read the call record."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify

from .. import wording
from ..phone.network import Call, CallError
from ..regions import REGIONS
from ..services.incoming import IncomingError
from ..store import is_valid_number
from .api import BadField, allow_only, body

bp = Blueprint("phone_api", __name__, url_prefix="/api/phone")


def network():
    return current_app.extensions["hikari"].phone


@bp.errorhandler(CallError)
def call_error(error: CallError):
    status = {"caller": 409, "call_id": 404}.get(error.field, 400)
    if str(error) == wording.PHONE_NO_CALL:
        status = 409
    return jsonify(error=str(error), field=error.field), status


@bp.errorhandler(IncomingError)
def incoming_error(error: IncomingError):
    return jsonify(error=str(error), field=error.field), 404 if error.field == "number" else 400


@bp.errorhandler(BadField)
def bad_field(error: BadField):
    return jsonify(error=str(error), field=error.field), 400


def find(call_id: int) -> Call:
    call = network().get(call_id)
    if call is None:
        raise CallError(f"no call {call_id}", "call_id")
    return call


@bp.get("/calls")
def list_calls():
    """List every call with its duration and charge, oldest first."""
    return jsonify(calls=[call.as_json() for call in network().calls()])


@bp.post("/calls")
def dial():
    """Call dialled from caller; the answer holds the first guidance."""
    data = body()
    allow_only(data, {"caller", "dialled", "data", "region"})
    caller = data.get("caller")
    if not isinstance(caller, str) or not is_valid_number(caller):
        raise BadField("caller", "the calling number: 10 half-width digits starting with 0")
    dialled = data.get("dialled")
    if not isinstance(dialled, str):
        raise BadField("dialled", "the number dialled, as a string of digits")
    is_data = data.get("data", False)
    if not isinstance(is_data, bool):
        raise BadField("data", "true for a データ接続通信 call, else false")
    region = data.get("region")
    if region is not None and (not isinstance(region, str) or region not in REGIONS):
        raise BadField("region", f"the caller's region, one of {', '.join(REGIONS)}")
    call = network().call(caller, dialled, is_data, region)
    return jsonify(call.as_json()), 201


@bp.get("/calls/<int:call_id>")
def show(call_id: int):
    """Describe one call."""
    return jsonify(find(call_id).as_json())


@bp.post("/calls/<int:call_id>/keys")
def press(call_id: int):
    """Press keys (0–9, *, #; ＊ and ＃ too) on a call, in order."""
    data = body()
    allow_only(data, {"keys"})
    keys = data.get("keys")
    if not isinstance(keys, str):
        raise BadField("keys", "a string of 0–9, * and #")
    call = find(call_id)
    said = call.press(keys)
    return jsonify({**call.as_json(), "said": said})


@bp.post("/calls/<int:call_id>/hangup")
def hang_up(call_id: int):
    """End a call."""
    call = find(call_id)
    call.hang_up()
    return jsonify(call.as_json())


@bp.get("/incoming")
def list_incoming():
    """List every simulated incoming call and FAX with its outcome, oldest first."""
    board = current_app.extensions["hikari"].switchboard
    return jsonify(incoming=[record.as_json() for record in board.records()])


@bp.post("/incoming")
def receive():
    """Ring a number from a caller (or anonymous, payphone, unavailable); or send it a FAX."""
    data = body()
    allow_only(data, {"region", "number", "caller", "answered", "busy", "fax", "pages"})
    region = data.get("region")
    if not isinstance(region, str) or region not in REGIONS:
        raise BadField("region", f"required; use one of {', '.join(REGIONS)}")
    number = data.get("number")
    if not isinstance(number, str) or not is_valid_number(number):
        raise IncomingError(wording.IN_ERR_NUMBER, "number")
    caller = data.get("caller", "anonymous")
    if not isinstance(caller, str):
        raise IncomingError(wording.IN_ERR_CALLER, "caller")
    flags = {}
    for name in ("answered", "busy", "fax"):
        value = data.get(name, False)
        if not isinstance(value, bool):
            raise BadField(name, "true or false")
        flags[name] = value
    pages = data.get("pages", 1)
    board = current_app.extensions["hikari"].switchboard
    record = board.receive(region, number, caller, pages=pages, **flags)
    return jsonify(record.as_json()), 201
