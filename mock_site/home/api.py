"""The JSON control API: the clock, seeding lines, resetting; documented in openapi.json."""

from __future__ import annotations

import dataclasses
import json
import math
from datetime import datetime
from importlib import resources
from typing import Any

from flask import Blueprint, jsonify, request

from .. import config, credentials, wording
from ..clock import ClockOutOfRange
from ..config import SettingError
from ..regions import REGIONS
from ..store import TEMPORARY, Line, StoreError
from ..web import env

bp = Blueprint("api", __name__, url_prefix="/api")

# One number of seconds a request may move the clock: about a hundred years.
MAX_ADVANCE_SECONDS = 100 * 366 * 24 * 3600


class BadField(ValueError):
    """Reject a request body, naming the field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@bp.errorhandler(BadField)
def bad_field(error: BadField):
    return jsonify(error=str(error), field=error.field), 400


def body() -> dict[str, Any]:
    """Return the request's JSON object; anything else is a 400 naming the body."""
    if not request.is_json:
        raise BadField("body", "send a JSON object with Content-Type: application/json")
    try:
        data = request.get_json(silent=True)
    except RecursionError:  # nested too deep for the JSON parser: not an object we take
        data = None
    if not isinstance(data, dict):
        raise BadField("body", "the body is not a JSON object")
    return data


def allow_only(data: dict[str, Any], names: set[str]) -> None:
    unknown = sorted(set(data) - names)
    if unknown:
        raise BadField(unknown[0], f"unknown field; allowed: {', '.join(sorted(names))}")


@bp.get("/")
def describe():
    """Say where each part of the environment listens."""
    return jsonify(env().describe())


@bp.get("/openapi.json")
def openapi():
    """Serve the OpenAPI description of this API."""
    text = resources.files(__package__).joinpath("openapi.json").read_text(encoding="utf-8")
    document = json.loads(text)
    # The settings a change may set, with their bounds, come from config.py: one owner.
    document["components"]["schemas"]["SettingsChange"] = config.json_schema()
    change = document["paths"]["/api/settings"]["post"]["requestBody"]["content"]
    change["application/json"]["schema"] = {"$ref": "#/components/schemas/SettingsChange"}
    return jsonify(document)


@bp.get("/clock")
def get_clock():
    """Tell the mock's time."""
    return jsonify(clock_json())


@bp.post("/clock")
def move_clock():
    """Move the mock's time by advance_seconds or to now; frozen stops or restarts it."""
    data = body()
    allow_only(data, {"advance_seconds", "now", "frozen"})
    if not data:
        raise BadField("advance_seconds", "give advance_seconds, now or frozen")
    if "advance_seconds" in data and "now" in data:
        raise BadField("advance_seconds", "give advance_seconds or now, not both")
    seconds = data.get("advance_seconds")
    if "advance_seconds" in data and (
        isinstance(seconds, bool)
        or not isinstance(seconds, int | float)
        or not math.isfinite(seconds)
        or abs(seconds) > MAX_ADVANCE_SECONDS
    ):
        raise BadField("advance_seconds", "a number of seconds (may be negative)")
    when = parse_time(data["now"]) if "now" in data else None
    frozen = data.get("frozen")
    if frozen is not None and not isinstance(frozen, bool):
        raise BadField("frozen", "true or false")
    clock = env().clock
    try:
        if seconds is not None:
            clock.advance(seconds)
        if when is not None:
            clock.set(when)
    except ClockOutOfRange as error:
        raise BadField("advance_seconds" if seconds is not None else "now", str(error)) from None
    if frozen is not None:
        clock.freeze(frozen)
    return jsonify(clock_json())


@bp.get("/settings")
def get_settings():
    """List every setting and assumption with its value now."""
    return jsonify(settings=dataclasses.asdict(env().settings))


@bp.post("/settings")
def change_settings():
    """Change settings until the next reset, e.g. {"mail_charset": "iso-2022-jp"}."""
    data = body()
    if "password_hash_method" in data:
        raise BadField("password_hash_method", "fixed at start-up (hikari-mock serve --set)")
    try:
        env().settings = env().settings.with_overrides(data)
    except SettingError as error:
        raise BadField(error.name, str(error)) from None
    return jsonify(settings=dataclasses.asdict(env().settings))


@bp.get("/lines")
def list_lines():
    """List the lines, of one region when ?region= is given."""
    region = request.args.get("region")
    if region is not None and region not in REGIONS:
        raise BadField("region", f"use one of {', '.join(REGIONS)}")
    return jsonify(lines=[line_json(line) for line in env().store.lines(region)])


@bp.post("/lines")
def add_line():
    """Seed a line; Faker makes up whatever numbers are left out."""
    data = body()
    allow_only(
        data,
        {
            "region",
            "contract_number",
            "additional_numbers",
            "additional_count",
            "services",
            "auth_unit",
            "password",
            "temp_password",
            "label",
            "otp",
        },
    )
    region = data.get("region")
    if not isinstance(region, str) or region not in REGIONS:
        raise BadField("region", f"required; use one of {', '.join(REGIONS)}")
    contract = optional_str(data, "contract_number")
    additional = data.get("additional_numbers")
    if additional is not None and (
        not isinstance(additional, list) or not all(isinstance(n, str) for n in additional)
    ):
        raise BadField("additional_numbers", "a list of 10-digit strings")
    count = data.get("additional_count", 2)
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 20:
        raise BadField("additional_count", "a whole number from 0 to 20")
    unit = optional_str(data, "auth_unit")
    if unit is not None and unit not in wording.UNIT_NAMES:
        raise BadField("auth_unit", f"use one of {', '.join(wording.UNIT_NAMES)}")
    password = optional_str(data, "password")
    if password is not None and not credentials.is_password(password, env().settings):
        raise BadField("password", "8–12 half-width letters and digits, not digits only")
    temp = optional_str(data, "temp_password")
    digits = env().settings.temp_password_digits
    if temp is not None and not (len(temp) == digits and temp.isascii() and temp.isdigit()):
        raise BadField("temp_password", f"exactly {digits} half-width digits")
    label = optional_str(data, "label") or ""
    if len(label) > 100:
        raise BadField("label", "at most 100 characters")
    services = parse_services(data.get("services"))
    otp = data.get("otp")
    if (
        otp is not None
        and otp != "decline"
        and not (
            isinstance(otp, dict) and set(otp) == {"address"} and isinstance(otp["address"], str)
        )
    ):
        raise BadField("otp", 'null (not chosen yet), "decline", or {"address": "..."} (in use)')
    try:
        line = env().add_line(
            region,
            contract,
            additional,
            additional_count=count,
            services=services,
            auth_unit=unit,
            password=password,
            temp_password=temp,
            label=label,
            otp=otp,
        )
    except StoreError as error:
        raise BadField(error.field, str(error)) from error
    return jsonify(line_json(line)), 201


@bp.post("/reset")
def reset():
    """Return the environment to its seeded state."""
    env().reset()
    return jsonify(lines=[line_json(line) for line in env().store.lines()], clock=clock_json())


# Helpers --------------------------------------------------------------------------------------


def optional_str(data: dict[str, Any], name: str) -> str | None:
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise BadField(name, "a string")
    return value


def parse_services(value: Any) -> list[str] | dict[str, list[str]] | None:
    """Accept a list (for every number) or a {number: [service, ...]} object."""
    if value is None:
        return None
    known = set(wording.SERVICE_NAMES)
    hint = f"a list of {', '.join(wording.SERVICE_NAMES)}, or an object of such lists by number"

    def checked(keys: Any) -> list[str]:
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise BadField("services", hint)
        if set(keys) - known:
            raise BadField("services", hint)
        return keys

    if isinstance(value, list):
        return checked(value)
    if isinstance(value, dict):
        return {number: checked(keys) for number, keys in value.items()}
    raise BadField("services", hint)


def parse_time(value: Any) -> datetime:
    if not isinstance(value, str):
        raise BadField("now", "an ISO-8601 date and time, e.g. 2026-11-25T09:00:00+09:00")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise BadField("now", "an ISO-8601 date and time, e.g. 2026-11-25T09:00:00+09:00") from None


def clock_json() -> dict[str, Any]:
    clock = env().clock
    return {
        "now": clock.now().isoformat(),
        "offset_seconds": clock.offset_seconds,
        "frozen": clock.frozen,
    }


def line_json(line: Line) -> dict[str, Any]:
    return {
        "id": line.id,
        "region": line.region,
        "label": line.label,
        "auth_unit": line.auth_unit,
        "numbers": [
            {
                "number": n.number,
                "display": n.display,
                "kind": "contract" if n.is_contract else "additional",
                "services": [key for key in wording.SERVICE_NAMES if key in n.services],
                "otp": {"choice": n.otp.choice, "address": n.otp.address},
                "credential": None
                if n.credential is None
                else {
                    "kind": "temporary" if n.credential.kind == TEMPORARY else "password",
                    "void": n.credential.void,
                    "issued_at": n.credential.issued_at.isoformat(),
                    "failures": n.credential.failures,
                },
            }
            for n in line.numbers
        ],
    }
