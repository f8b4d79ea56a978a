"""The services' state of one number, read and set through the control API (/api/services/)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify

from .. import wording
from ..errors import FieldError
from ..regions import REGIONS
from ..services import rules
from ..services.incoming import kept_faxes
from ..store import VOICE_WARP_ENTRIES, Number
from . import models
from .api import env, parsed

bp = Blueprint("services_api", __name__, url_prefix="/api/services")


def find(region: str, number: str) -> Number:
    if region not in REGIONS:
        raise FieldError("region", f"use one of {', '.join(REGIONS)}")
    found = env().store.find_number(region, number)
    if found is None:
        raise FieldError("number", f"{number} is not a number of a line in {region}")
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
    asked = parsed(models.ServicesChange)
    settings = env().settings
    with env().store.transaction():
        target = find(region, number)
        warp = checked_voice_warp(asked.voice_warp, target, settings)
        notices = {
            wording.CALL_NOTICE: checked_notice(wording.CALL_NOTICE, asked.call_notice, settings),
            wording.FAX_NOTICE: checked_notice(wording.FAX_NOTICE, asked.fax_notice, settings),
        }
        if warp is not None:
            target.voice_warp.destinations[:] = warp["destinations"]
            target.voice_warp.selected = warp["selected"]
            target.voice_warp.mode = warp["mode"]
            target.voice_warp.ring_seconds = warp["ring_seconds"]
        for service, values in notices.items():
            if values is None:
                continue
            notice = target.call_notice if service == wording.CALL_NOTICE else target.fax_notice
            notice.addresses[:] = values["addresses"]
            notice.condition = values.get("condition", notice.condition)
            notice.skip_anonymous = values.get("skip_anonymous", notice.skip_anonymous)
        return jsonify(services_json(target))


def checked_voice_warp(
    asked: models.VoiceWarpChange | None, target: Number, settings
) -> dict[str, Any] | None:
    """Return the ボイスワープ settings after the change, if the site's rules take them."""
    if asked is None:
        return None
    given = asked.model_dump(exclude_unset=True)
    current = target.voice_warp
    destinations = given.get("destinations", current.destinations)
    destinations = (list(destinations) + [""] * VOICE_WARP_ENTRIES)[:VOICE_WARP_ENTRIES]
    selected = given.get("selected", current.selected)
    mode = given.get("mode", current.mode)
    errors = rules.destination_errors(destinations, selected, target.number, mode)
    if errors:
        raise FieldError("voice_warp", " ".join(errors))
    ring = given.get("ring_seconds", current.ring_seconds)
    if ring is not None and rules.parse_ring(str(ring), settings) is None:
        raise FieldError("voice_warp", rules.ring_error(wording.VW_RING, settings))
    return {"destinations": destinations, "selected": selected, "mode": mode, "ring_seconds": ring}


def checked_notice(
    service: str, asked: models.FaxNoticeChange | None, settings
) -> dict[str, Any] | None:
    """Return a お知らせメール's settings after the change, if the site's rules take them."""
    if asked is None:
        return None
    errors = rules.address_errors(asked.addresses, settings)
    if errors:
        raise FieldError(service, " ".join(errors))
    return asked.model_dump(exclude_unset=True) | {"addresses": asked.addresses}
