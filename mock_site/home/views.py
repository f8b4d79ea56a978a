"""The home's pages for people: the index of every part, the softphone and the inbox."""

from __future__ import annotations

from flask import Blueprint, abort, make_response, render_template
from markupsafe import Markup, escape

from .. import wording
from ..mail import extract
from ..regions import REGIONS
from ..store import TEMPORARY
from ..web import env as web_env
from ..web import environment

bp = Blueprint("views", __name__)


@bp.get("/")
def index():
    state = web_env()
    lines = [(REGIONS[key], state.store.lines(key)) for key in REGIONS]
    return render_template(
        "home/index.html",
        lines=lines,
        parts=environment().describe(),
        now=state.clock.now(),
        credential_state=credential_state,
        unit_names=wording.UNIT_NAMES,
        quick_password=next((s.password for s in state.seeded if s.password), None),
        spaces=environment().spaces.all(),
    )


@bp.get("/phone")
def phone():
    callers: dict[str, list[str]] = {}
    state = web_env()
    for key, region in REGIONS.items():
        for line in state.store.lines(key):
            for number in line.numbers:
                place = f"{region.company} {line.label or line.id}"
                callers.setdefault(number.number, []).append(place)
    return render_template(
        "home/phone.html",
        callers=[(n, f"{n}（{'、'.join(places)}）") for n, places in callers.items()],
        regions=list(REGIONS.values()),
        receivers=[
            (
                f"{key}:{number.number}",
                f"{number.number}（{region.company} {line.label or line.id}）",
            )
            for key, region in REGIONS.items()
            for line in state.store.lines(key)
            for number in line.numbers
        ],
    )


@bp.get("/phone/speech/<key>.wav")
def speech(key: str):
    """Serve one guidance sentence's audio (synthesized once, kept by sentence and region)."""
    wav = environment().speech.wav(key) if len(key) == 32 and key.isalnum() else None
    if wav is None:
        abort(404)
    response = make_response(wav)
    response.headers["Content-Type"] = "audio/wav"
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


@bp.get("/mail")
def mail():
    response = make_response(
        render_template("home/mail.html", mails=list(reversed(web_env().mailbox.all())))
    )
    response.headers["Content-Security-Policy"] = MAIL_CSP  # subjects are the senders' text
    return response


@bp.get("/mail/<int:mail_id>")
def mail_page(mail_id: int):
    found = web_env().mailbox.get(mail_id)
    if found is None:
        abort(404)
    response = make_response(
        render_template(
            "home/mail_detail.html",
            mail=found,
            text_html=linkify(found.text),
            source=found.source(),
        )
    )
    # Whatever the mail holds, nothing in it runs or loads: it is shown as text.
    response.headers["Content-Security-Policy"] = MAIL_CSP
    return response


MAIL_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


def linkify(text: str) -> Markup:
    """Escape the mail's text and make its http(s) URLs links."""
    parts, last = [], 0
    for match in extract.URL.finditer(text):
        parts.append(escape(text[last : match.start()]))
        url = match.group(0)
        parts.append(Markup('<a href="{0}" rel="noreferrer">{0}</a>').format(url))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def credential_state(number) -> str:
    """Name the state of a number's credential for the home page's table."""
    credential = number.credential
    if credential is None:
        return wording.CREDENTIAL_NONE
    if credential.void:
        return wording.CREDENTIAL_VOID
    return wording.CREDENTIAL_TEMP if credential.kind == TEMPORARY else wording.CREDENTIAL_PASSWORD
