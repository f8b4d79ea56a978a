"""The environment's home: links to every part, the seeded lines, the inbox and the control API."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from flask import Flask, abort, g, jsonify, make_response, render_template, request
from markupsafe import Markup, escape

from .. import wording
from ..mail import extract
from ..regions import REGIONS
from ..store import TEMPORARY
from ..web import env as web_env
from ..web import init_app

if TYPE_CHECKING:
    from ..environment import Environment


def create_home_app(env: Environment) -> Flask:
    """Create the home app that serves /, /phone, /mail and /api/."""
    app = Flask(__name__.rsplit(".", 1)[0])
    app.config.from_mapping(
        SECRET_KEY=secrets.token_bytes(32),
        SESSION_COOKIE_NAME="hikari_home_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        JSON_ERRORS_UNDER="/api/",
    )
    app.extensions["hikari"] = env
    init_app(app)

    from .api import bp as api_bp
    from .faults_api import bp as faults_api_bp
    from .mail_api import bp as mail_api_bp
    from .phone_api import bp as phone_api_bp
    from .services_api import bp as services_api_bp
    from .spaces_api import NewSpaceForm
    from .spaces_api import bp as spaces_api_bp
    from .spaces_api import init_app as init_spaces

    init_spaces(app)
    app.register_blueprint(spaces_api_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(phone_api_bp)
    app.register_blueprint(mail_api_bp)
    app.register_blueprint(services_api_bp)
    app.register_blueprint(faults_api_bp)

    @app.context_processor
    def inject_wording() -> dict[str, Any]:
        state = current()
        return {
            "w": wording,
            "region": None,
            "space": env.spaces.get(state.space_id) if state else None,
            "space_now": state.clock.now() if state else None,
            "new_space_form": NewSpaceForm,
        }

    @app.before_request
    def json_posts_only():
        """Refuse an API POST that is not JSON: a plain form of another page cannot drive it."""
        if request.method == "POST" and request.path.startswith("/api/") and not request.is_json:
            message = "send Content-Type: application/json (with {} when there is nothing to say)"
            return jsonify(error=message, field="Content-Type"), 415
        return None

    @app.get("/")
    def index():
        state = web_env()
        lines = [(REGIONS[key], state.store.lines(key)) for key in REGIONS]
        return render_template(
            "home/index.html",
            lines=lines,
            parts=env.describe(),
            now=state.clock.now(),
            credential_state=credential_state,
            unit_names=wording.UNIT_NAMES,
            quick_password=next((s.password for s in state.seeded if s.password), None),
            spaces=env.spaces.all(),
        )

    @app.get("/phone")
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

    @app.get("/phone/speech/<key>.wav")
    def speech(key: str):
        """Serve one guidance sentence's audio (synthesized once, kept by sentence and region)."""
        wav = env.speech.wav(key) if len(key) == 32 and key.isalnum() else None
        if wav is None:
            abort(404)
        response = make_response(wav)
        response.headers["Content-Type"] = "audio/wav"
        response.headers["Cache-Control"] = "public, max-age=86400"
        return response

    @app.get("/mail")
    def mail():
        response = make_response(
            render_template("home/mail.html", mails=list(reversed(web_env().mailbox.all())))
        )
        response.headers["Content-Security-Policy"] = MAIL_CSP  # subjects are the senders' text
        return response

    @app.get("/mail/<int:mail_id>")
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

    return app


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


def current():
    """Return the request's space's state, None where no space was found (a 404 before it)."""
    return g.get("hikari_state")


def credential_state(number) -> str:
    """Name the state of a number's credential for the home page's table."""
    credential = number.credential
    if credential is None:
        return wording.CREDENTIAL_NONE
    if credential.void:
        return wording.CREDENTIAL_VOID
    return wording.CREDENTIAL_TEMP if credential.kind == TEMPORARY else wording.CREDENTIAL_PASSWORD
