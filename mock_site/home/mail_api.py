"""The inbox's JSON API under /api/mail/: list, wait (long-poll), read, raw, and faults."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from ..mail import Fault, MailTimeout
from ..mail.sink import MailboxClosing
from ..web import env
from .api import BadField, allow_only, body

bp = Blueprint("mail_api", __name__, url_prefix="/api/mail")
MAX_WAIT_SECONDS = 60.0


@bp.errorhandler(BadField)
def bad_field(error: BadField):
    return jsonify(error=str(error), field=error.field), 400


def query_int(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadField(name, f"a whole number from {low} to {high}") from None
    if not low <= value <= high:
        raise BadField(name, f"a whole number from {low} to {high}")
    return value


@bp.get("")
def list_mail():
    """List the mails, newest first; ?to= keeps those sent to exactly that address."""
    mails = env().mailbox.matching(request.args.get("to"), request.args.get("subject"))
    return jsonify(mails=[m.as_json() for m in reversed(mails)])


@bp.get("/wait")
def wait():
    """Answer the moment count mails to ?to= (subject containing ?subject=) have landed."""
    to = request.args.get("to")
    if not to:
        raise BadField("to", "the recipient address to wait for")
    try:
        timeout = float(request.args.get("timeout", "5"))
    except ValueError:
        raise BadField("timeout", f"seconds, at most {MAX_WAIT_SECONDS:g}") from None
    if not 0 <= timeout <= MAX_WAIT_SECONDS:
        raise BadField("timeout", f"seconds, at most {MAX_WAIT_SECONDS:g}")
    count = query_int("count", 1, 1, 100)
    after = query_int("after", 0, 0, 2**31)
    try:
        mails = env().mailbox.wait_for(to, request.args.get("subject"), timeout, count, after)
    except MailTimeout as error:
        return jsonify(error=str(error), field=None), 408
    except MailboxClosing as error:  # answered, not cut off, when the environment stops
        return jsonify(error=str(error), field=None), 503
    return jsonify(mails=[m.as_json(full=True) for m in mails])


@bp.get("/<int:mail_id>")
def show(mail_id: int):
    """Describe one mail: headers and text decoded, links, notes."""
    mail = env().mailbox.get(mail_id)
    if mail is None:
        return jsonify(error=f"no mail {mail_id}", field="mail_id"), 404
    return jsonify(mail.as_json(full=True))


@bp.get("/<int:mail_id>/raw")
def raw(mail_id: int):
    """Return the mail's bytes exactly as the sink received them."""
    mail = env().mailbox.get(mail_id)
    if mail is None:
        return jsonify(error=f"no mail {mail_id}", field="mail_id"), 404
    return Response(mail.raw, mimetype="message/rfc822")


@bp.post("/faults")
def add_fault():
    """Make the sink fail for one recipient: refuse at rcpt or data, delay, or hang up."""
    data = body()
    allow_only(data, {"to", "stage", "code", "message", "delay_seconds", "drop"})
    to = data.get("to")
    if not isinstance(to, str) or "@" not in to or len(to) > 254:
        raise BadField("to", "the recipient address the fault is for")
    stage = data.get("stage", "rcpt")
    if stage not in ("rcpt", "data"):
        raise BadField("stage", "rcpt or data")
    code = data.get("code", 550)
    if isinstance(code, bool) or not isinstance(code, int) or not 200 <= code <= 599:
        raise BadField("code", "an SMTP reply code from 200 to 599 (below 400: no refusal)")
    message = data.get("message", "Mailbox unavailable")
    if not isinstance(message, str) or len(message) > 200 or not message.isascii():
        raise BadField("message", "ASCII text of at most 200 characters")
    delay = data.get("delay_seconds", 0)
    if isinstance(delay, bool) or not isinstance(delay, int | float) or not 0 <= delay <= 30:
        raise BadField("delay_seconds", "seconds from 0 to 30")
    drop = data.get("drop", False)
    if not isinstance(drop, bool):
        raise BadField("drop", "true or false")
    fault = Fault(to, stage, code, message.replace("\r", " ").replace("\n", " "), delay, drop)
    env().faults.set(fault)
    return jsonify(fault.__dict__), 201


@bp.delete("/faults")
def clear_faults():
    """Remove every fault."""
    env().faults.clear()
    return jsonify(faults=[])
