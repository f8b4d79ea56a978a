"""The services' state of one number, read and set through the control API (/api/services/)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify

from .. import wording
from ..regions import REGIONS
from ..services import rules
from ..services.incoming import kept_faxes
from ..store import VOICE_WARP_ENTRIES, Number
from .api import BadField, allow_only, body, env

bp = Blueprint("services_api", __name__, url_prefix="/api/services")


@bp.errorhandler(BadField)
def bad_field(error: BadField):
    return jsonify(error=str(error), field=error.field), 400


def find(region: str, number: str) -> Number:
    if region not in REGIONS:
        raise BadField("region", f"use one of {', '.join(REGIONS)}")
    found = env().store.find_number(region, number)
    if found is None:
        raise BadField("number", f"{number} is not a number of a line in {region}")
    return found[1]


def services_json(number: Number) -> dict[str, Any]:
    """Describe a number's service settings and its kept FAXes."""
    warp = number.voice_warp
    return {
        "number": number.number,
        "services": [key for key in wording.SERVICE_NAMES if key in number.services],
        "voice_warp": {
            "destinations": list(warp.destinations),
            "selected": warp.selected,
            "mode": warp.mode,
            "ring_seconds": rules.ring_seconds(warp, env().settings),
        },
        "call_notice": {
            "addresses": list(number.call_notice.addresses),
            "condition": number.call_notice.condition,
            "skip_anonymous": number.call_notice.skip_anonymous,
        },
        "fax_notice": {"addresses": list(number.fax_notice.addresses)},
        "faxes": [
            {
                "id": fax.id,
                "received_at": fax.received_at.isoformat(),
                "sender": fax.sender,
                "pages": fax.pages,
            }
            for fax in kept_faxes(number, env().clock.now(), env().settings)
        ],
    }


@bp.get("/<region>/<number>")
def show(region: str, number: str):
    """Describe one number's ボイスワープ, 着信お知らせメール, FAXお知らせメール and FAXes."""
    with env().store.transaction():
        return jsonify(services_json(find(region, number)))


@bp.post("/<region>/<number>")
def change(region: str, number: str):
    """Set any part of the settings, checked by the site's own rules; all or nothing."""
    data = body()
    allow_only(data, {"voice_warp", "call_notice", "fax_notice"})
    settings = env().settings
    with env().store.transaction():
        target = find(region, number)
        warp = data.get("voice_warp")
        if warp is not None:
            warp = checked_voice_warp(warp, target, settings)
        notices = {}
        for service in (wording.CALL_NOTICE, wording.FAX_NOTICE):
            if data.get(service) is not None:
                notices[service] = checked_notice(service, data[service], settings)
        if warp is not None:
            target.voice_warp.destinations[:] = warp["destinations"]
            target.voice_warp.selected = warp["selected"]
            target.voice_warp.mode = warp["mode"]
            target.voice_warp.ring_seconds = warp["ring_seconds"]
        for service, values in notices.items():
            notice = target.call_notice if service == wording.CALL_NOTICE else target.fax_notice
            notice.addresses[:] = values["addresses"]
            notice.condition = values.get("condition", notice.condition)
            notice.skip_anonymous = values.get("skip_anonymous", notice.skip_anonymous)
        return jsonify(services_json(target))


def checked_voice_warp(value: Any, target: Number, settings) -> dict[str, Any]:
    field = "voice_warp"
    if not isinstance(value, dict):
        raise BadField(field, "an object: destinations, selected, mode, ring_seconds")
    allow_only(value, {"destinations", "selected", "mode", "ring_seconds"})
    current = target.voice_warp
    destinations = value.get("destinations", current.destinations)
    if (
        not isinstance(destinations, list)
        or len(destinations) > VOICE_WARP_ENTRIES
        or not all(isinstance(d, str) for d in destinations)
    ):
        raise BadField(field, f"destinations: up to {VOICE_WARP_ENTRIES} strings")
    destinations = (destinations + [""] * VOICE_WARP_ENTRIES)[:VOICE_WARP_ENTRIES]
    selected = value.get("selected", current.selected)
    mode = value.get("mode", current.mode)
    if not isinstance(mode, str) or mode not in wording.VW_MODES:
        raise BadField(field, f"mode: one of {', '.join(wording.VW_MODES)}")
    if isinstance(selected, bool) or not isinstance(selected, int):
        raise BadField(field, "selected: the list entry in use, 1 to 4")
    errors = rules.destination_errors(destinations, selected, target.number, mode)
    if errors:
        raise BadField(field, " ".join(errors))
    ring = value.get("ring_seconds", current.ring_seconds)
    if ring is not None and rules.parse_ring(str(ring), settings) is None:
        raise BadField(field, rules.ring_error(wording.VW_RING, settings))
    if isinstance(ring, bool) or not isinstance(ring, int | None):
        raise BadField(field, "ring_seconds: a whole number")
    return {"destinations": destinations, "selected": selected, "mode": mode, "ring_seconds": ring}


def checked_notice(service: str, value: Any, settings) -> dict[str, Any]:
    names = {"addresses"} | ({"condition", "skip_anonymous"} if service == "call_notice" else set())
    if not isinstance(value, dict):
        raise BadField(service, f"an object: {', '.join(sorted(names))}")
    allow_only(value, names)
    addresses = value.get("addresses", [])
    if not isinstance(addresses, list) or not all(isinstance(a, str) for a in addresses):
        raise BadField(service, "addresses: a list of strings")
    errors = rules.address_errors(addresses, settings)
    if errors:
        raise BadField(service, " ".join(errors))
    if "condition" in value:
        errors = rules.condition_errors(value["condition"])
        if errors:
            raise BadField(service, f"condition: one of {', '.join(wording.NOTICE_CONDITIONS)}")
    if "skip_anonymous" in value and not isinstance(value["skip_anonymous"], bool):
        raise BadField(service, "skip_anonymous: true or false")
    return value
