"""The inbox's JSON API under /api/mail/: list, wait (long-poll), read and raw. Its faults are
the mail channel of /api/faults (faults_api)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from ..errors import FieldError
from ..mail import MailTimeout
from ..mail.sink import MailboxClosing
from ..web import env

bp = Blueprint("mail_api", __name__, url_prefix="/api/mail")
MAX_WAIT_SECONDS = 60.0


def query_int(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise FieldError(name, f"a whole number from {low} to {high}") from None
    if not low <= value <= high:
        raise FieldError(name, f"a whole number from {low} to {high}")
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
        raise FieldError("to", "the recipient address to wait for")
    try:
        timeout = float(request.args.get("timeout", "5"))
    except ValueError:
        raise FieldError("timeout", f"seconds, at most {MAX_WAIT_SECONDS:g}") from None
    if not 0 <= timeout <= MAX_WAIT_SECONDS:
        raise FieldError("timeout", f"seconds, at most {MAX_WAIT_SECONDS:g}")
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
