"""One regional ひかり電話設定サイト as a Flask app, built on the environment's shared state."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from flask import Flask

from . import buttons, web, wording
from .auth.views import bp as auth_bp
from .otp.views import bp as otp_bp
from .regions import region as find_region
from .services.views import bp as services_bp

if TYPE_CHECKING:
    from .environment import Environment


def create_app(region: str, env: Environment, config: dict[str, Any] | None = None) -> Flask:
    """Create the settings site of one region (east or west); each request is served in its
    space's state (web.find_space)."""
    app = Flask(__name__.rsplit(".", 1)[0])
    app.config.from_mapping(
        SECRET_KEY=secrets.token_bytes(32),
        # East and West share 127.0.0.1 in one browser; cookies ignore ports, so names must differ.
        SESSION_COOKIE_NAME=f"hikari_{region}_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        WTF_CSRF_TIME_LIMIT=None,
        REGION=find_region(region),
    )
    if config:
        app.config.from_mapping(config)
    web.serve(app, env)
    web.init_site(app)

    def say(sentence: str, **values: Any) -> str:
        """Fill a sentence's rule numbers from the settings in force now."""
        return wording.fill(sentence, web.env().settings, **values)

    # Globals, so that imported macros (field_row, image_button) see them too.
    app.jinja_env.globals.update(say=say, button_image=buttons.image, nav_field=buttons.NAV_FIELD)
    for blueprint in (buttons.bp, auth_bp, otp_bp, services_bp):
        app.register_blueprint(blueprint)

    @app.context_processor
    def inject_wording() -> dict[str, Any]:
        return {"w": wording, "region": app.config["REGION"]}

    return app
