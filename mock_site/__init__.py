"""The mock ひかり電話設定サイト: create_app for one region, and the environment of them all."""

from __future__ import annotations

import hashlib
import mimetypes
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Flask, Response, abort, jsonify, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException

from . import wording
from .regions import region as find_region

if TYPE_CHECKING:
    from .environment import Environment

csrf = CSRFProtect()


def create_app(
    region: str, config: dict[str, Any] | None = None, *, env: Environment | None = None
):
    """Create the settings site of one region (east or west), sharing env's state and clock."""
    if env is None:
        from .environment import Environment

        env = Environment()
    app = Flask(__name__)
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
    app.extensions["hikari"] = env
    csrf.init_app(app)
    register_error_pages(app)
    serve_static_from_memory(app)

    from . import auth, buttons, otp, services

    app.jinja_env.globals.update(button_image=buttons.image, nav_field=buttons.NAV_FIELD)
    app.register_blueprint(buttons.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(otp.bp)
    app.register_blueprint(services.bp)

    @app.context_processor
    def inject_wording() -> dict[str, Any]:
        return {"w": wording, "region": app.config["REGION"]}

    def say(sentence: str, **values: Any) -> str:
        """Fill a sentence's rule numbers from the settings in force now."""
        return wording.fill(sentence, env.settings, **values)

    app.jinja_env.globals["say"] = say  # a global: imported macros (field_row) see it too

    return app


def serve_static_from_memory(app: Flask) -> None:
    """Serve /static/ from bytes read once, with an ETag, instead of an open file per request.

    A browser that navigates away mid-download drops the connection; werkzeug's server then
    leaves the file it was sending open (a ResourceWarning at a random later moment).
    """
    folder = Path(app.static_folder)
    files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}

    def static(filename: str):
        data = files.get(filename)
        if data is None:
            abort(404)
        mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        response = Response(data, mimetype=mimetype)
        response.set_etag(hashlib.sha256(data).hexdigest()[:16])
        return response.make_conditional(request)

    app.view_functions["static"] = static


def register_error_pages(app: Flask) -> None:
    """Answer every error with a Japanese page (JSON under JSON_ERRORS_UNDER), never a traceback."""
    # Browsers ask for it on every new page; an empty answer spares a 404 page each time.
    app.add_url_rule("/favicon.ico", "favicon", lambda: ("", 204))

    def answer(title: str, message: str, code: int, detail: str | None = None):
        prefix = app.config.get("JSON_ERRORS_UNDER")
        if prefix and request.path.startswith(prefix):
            return jsonify(error=detail or message, field=None), code
        return render_template("error.html", title=title, message=message), code

    @app.errorhandler(CSRFError)
    def form_expired(error: CSRFError):
        return answer(wording.BAD_REQUEST_TITLE, wording.ERR_FORM_EXPIRED, 400)

    @app.errorhandler(404)
    def not_found(error: HTTPException):
        return answer(wording.NOT_FOUND_TITLE, wording.NOT_FOUND_TEXT, 404, "no such endpoint")

    @app.errorhandler(405)
    def method_not_allowed(error: HTTPException):
        return answer(
            wording.METHOD_NOT_ALLOWED_TITLE,
            wording.METHOD_NOT_ALLOWED_TEXT,
            405,
            f"method {request.method} not allowed here",
        )

    @app.errorhandler(HTTPException)
    def other_http_error(error: HTTPException):
        return answer(
            wording.BAD_REQUEST_TITLE, wording.SERVER_ERROR_TEXT, error.code or 400, error.name
        )

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        app.logger.exception("unexpected error")
        return answer(wording.SERVER_ERROR_TITLE, wording.SERVER_ERROR_TEXT, 500, "internal error")


def __getattr__(name: str):
    if name == "Environment":
        from .environment import Environment

        return Environment
    raise AttributeError(name)
