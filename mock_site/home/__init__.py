"""The environment's home: links to every part, the seeded lines, the inbox and the control API."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from flask import Flask, render_template

from .. import register_error_pages, wording
from ..regions import REGIONS
from ..store import TEMPORARY

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
    register_error_pages(app)

    from ..phone.api import bp as phone_api_bp
    from .api import bp as api_bp

    app.register_blueprint(api_bp)
    app.register_blueprint(phone_api_bp)

    @app.context_processor
    def inject_wording() -> dict[str, Any]:
        return {"w": wording, "region": None}

    @app.get("/")
    def index():
        lines = [(REGIONS[key], env.store.lines(key)) for key in REGIONS]
        return render_template(
            "home/index.html",
            lines=lines,
            parts=env.describe(),
            now=env.clock.now(),
            credential_state=credential_state,
            unit_names=wording.UNIT_NAMES,
            quick_password=next((s.password for s in env.seeded if s.password), None),
        )

    @app.get("/phone")
    def phone():
        callers: dict[str, list[str]] = {}
        for key, region in REGIONS.items():
            for line in env.store.lines(key):
                for number in line.numbers:
                    place = f"{region.company} {line.label or line.id}"
                    callers.setdefault(number.number, []).append(place)
        return render_template(
            "home/phone.html",
            callers=[(n, f"{n}（{'、'.join(places)}）") for n, places in callers.items()],
            regions=list(REGIONS.values()),
        )

    @app.get("/mail")
    def mail():
        return render_template("home/mail.html", mails=list(reversed(env.mailbox.all())))

    return app


def credential_state(number) -> str:
    """Name the state of a number's credential for the home page's table."""
    credential = number.credential
    if credential is None:
        return wording.CREDENTIAL_NONE
    if credential.void:
        return wording.CREDENTIAL_VOID
    return wording.CREDENTIAL_TEMP if credential.kind == TEMPORARY else wording.CREDENTIAL_PASSWORD
