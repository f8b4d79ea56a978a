"""Faults on every channel as one resource (/api/faults): the site's, the phone's, the mail's."""

from __future__ import annotations

from flask import Blueprint, jsonify

from .. import faults
from ..errors import FieldError
from ..mail import Fault
from ..regions import REGIONS
from . import models
from .api import env, parsed

bp = Blueprint("faults_api", __name__, url_prefix="/api/faults")


def every_fault() -> list[dict]:
    played = [rule.as_json() for rule in env().faults.all()]
    return played + [mail_json(fault) for fault in env().mail_faults.all()]


def mail_json(fault: Fault) -> dict:
    return {"channel": faults.MAIL, "kind": mail_kind(fault), **fault.__dict__}


def mail_kind(fault: Fault) -> str:
    return faults.DROP if fault.drop else faults.REFUSE if fault.code >= 400 else faults.DELAY


@bp.get("")
def list_faults():
    """List every fault in play, with how often each has played."""
    return jsonify(faults=every_fault())


@bp.post("")
def add_fault():
    """Set a fault on the site, the phone or the mail, scoped to a number (or its line) or an
    address; it plays until the reset or for `uses` times."""
    asked = parsed(models.FaultChange)
    if asked.channel == faults.MAIL:
        fault = Fault(
            asked.to, asked.stage,
            250 if asked.kind == faults.DELAY else asked.code, asked.message,
            asked.delay_seconds, asked.kind == faults.DROP, asked.uses,
        )  # fmt: skip
        env().mail_faults.set(fault)
        return jsonify(mail_json(fault)), 201
    numbers = frozenset([asked.number] if asked.number else [])
    if asked.line:
        regions = [asked.region] if asked.region else list(REGIONS)
        found = [env().store.find_number(region, asked.number) for region in regions]
        lines = [line for line, _ in filter(None, found)]
        if not lines:
            raise FieldError("number", f"{asked.number} is not a number of a line")
        numbers = frozenset(n.number for line in lines for n in line.numbers)
    rule = faults.Rule(
        asked.channel, asked.kind, asked.region, numbers, asked.path, asked.latency_ms,
        asked.latency_max_ms, asked.after_sentences, asked.uses,
        number=asked.number, line=asked.line,
    )  # fmt: skip
    return jsonify(env().faults.add(rule).as_json()), 201


@bp.delete("")
def clear_faults():
    """End every fault of every channel."""
    env().faults.clear()
    env().mail_faults.clear()
    return jsonify(faults=[])


@bp.delete("/<int:fault_id>")
def end_fault(fault_id: int):
    """End one site or phone fault."""
    if not env().faults.remove(fault_id):
        return jsonify(error=f"no fault {fault_id}", field="fault_id"), 404
    return jsonify(faults=every_fault())
