"""The environment's home: links to every part, the seeded lines, the inbox and the control API."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from flask import Flask, g, jsonify, request

from .. import wording
from ..web import init_app, serve

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
    serve(app, env)
    init_app(app)

    from .api import bp as api_bp
    from .faults_api import bp as faults_api_bp
    from .mail_api import bp as mail_api_bp
    from .phone_api import bp as phone_api_bp
    from .services_api import bp as services_api_bp
    from .spaces_api import NewSpaceForm
    from .spaces_api import bp as spaces_api_bp
    from .spaces_api import init_app as init_spaces
    from .views import bp as views_bp

    init_spaces(app)
    app.register_blueprint(views_bp)
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

    return app


def current():
    """Return the request's space's state, None where no space was found (a 404 before it)."""
    return g.get("hikari_state")
