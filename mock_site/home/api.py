"""The JSON control API: the clock, seeding lines, resetting; documented in openapi.json."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources
from typing import Any, TypeVar

from flask import Blueprint, jsonify, request

from .. import config, credentials, wording
from ..clock import ClockOutOfRange
from ..errors import FieldError
from ..regions import REGIONS
from ..store import TEMPORARY, Line
from ..web import env, environment
from . import models
from .models import Body

bp = Blueprint("api", __name__, url_prefix="/api")
B = TypeVar("B", bound=Body)


@bp.app_errorhandler(FieldError)  # for every blueprint of the control API
def bad_field(error: FieldError):
    """Every refusal of the mock (StoreError, CallError, SpaceError, SettingError…), as JSON."""
    return jsonify(error=str(error), field=error.field), error.status


def parsed(model: type[B]) -> B:
    """Return the request's JSON body as model declares it; else a 400 naming the field."""
    return model.parse(request.get_data(cache=True))


def body() -> dict[str, Any]:
    """Return the request's JSON object (a body whose fields are checked elsewhere)."""
    try:
        data = json.loads(request.get_data(cache=True) or b"{}")
    except (ValueError, RecursionError):  # not JSON, or nested too deep for the parser
        data = None
    if not isinstance(data, dict):
        raise FieldError("body", "the body is not a JSON object")
    return data


@bp.get("/")
def describe():
    """Say where each part of the environment listens."""
    described = environment().describe()
    return jsonify({**described, "space": env().space_id})


@bp.get("/openapi.json")
def openapi():
    """Serve the OpenAPI description of this API."""
    text = resources.files(__package__).joinpath("openapi.json").read_text(encoding="utf-8")
    document = json.loads(text)
    # The request bodies come from their models, the settings (with their bounds) from
    # config.py: declared once, here only referenced by the paths.
    schemas = document["components"]["schemas"]
    schemas.update(models.request_schemas())
    schemas["SettingsChange"] = config.json_schema()
    return jsonify(document)


@bp.get("/clock")
def get_clock():
    """Tell the mock's time."""
    return jsonify(clock_json())


@bp.post("/clock")
def move_clock():
    """Move the mock's time by advance_seconds or to now; frozen stops or restarts it."""
    change = parsed(models.ClockChange)
    clock = env().clock
    try:
        if change.advance_seconds is not None:
            clock.advance(change.advance_seconds)
        if change.now is not None:
            clock.set(change.now)
    except ClockOutOfRange as error:
        field = "advance_seconds" if change.advance_seconds is not None else "now"
        raise FieldError(field, str(error)) from None
    if change.frozen is not None:
        clock.freeze(change.frozen)
    return jsonify(clock_json())


@bp.get("/errors")
def server_errors():
    """What the views raised unexpectedly since the last reset (each answered a 500)."""
    return jsonify(errors=list(env().server_errors))


@bp.get("/settings")
def get_settings():
    """List every setting and assumption with its value now."""
    return jsonify(settings=dataclasses.asdict(env().settings))


@bp.post("/settings")
def change_settings():
    """Change settings until the next reset, e.g. {"mail_charset": "iso-2022-jp"}."""
    data = body()
    if "password_hash_method" in data:
        raise FieldError("password_hash_method", "fixed at start-up (hikari-mock serve --set)")
    env().settings = env().settings.with_overrides(data)  # a SettingError names the field
    return jsonify(settings=dataclasses.asdict(env().settings))


@bp.get("/lines")
def list_lines():
    """List the lines, of one region when ?region= is given."""
    region = request.args.get("region")
    if region is not None and region not in REGIONS:
        raise FieldError("region", f"use one of {', '.join(REGIONS)}")
    return jsonify(lines=[line_json(line) for line in env().store.lines(region)])


@bp.post("/lines")
def add_line():
    """Seed a line; Faker makes up whatever numbers are left out."""
    new = parsed(models.NewLine)
    settings = env().settings
    if new.password is not None and not credentials.is_password(new.password, settings):
        raise FieldError("password", models.NewLine.model_fields["password"].description)
    digits = settings.temp_password_digits
    temp = new.temp_password
    if temp is not None and not (len(temp) == digits and temp.isascii() and temp.isdigit()):
        raise FieldError("temp_password", f"exactly {digits} half-width digits")
    line = env().add_line(new.to_seed())  # a StoreError names the field
    return jsonify(line_json(line)), 201


@bp.post("/reset")
def reset():
    """Return the environment to its seeded state."""
    parsed(models.Nothing)
    env().reset()
    return jsonify(lines=[line_json(line) for line in env().store.lines()], clock=clock_json())


# Helpers --------------------------------------------------------------------------------------


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
