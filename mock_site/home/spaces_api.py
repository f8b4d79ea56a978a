"""Spaces on the home: the control API under /api/spaces, and the pages a tester picks one by.

Every resource of the control API is also under /api/spaces/ID/ (SpacePaths rewrites the path
and names the space), so a job or a tester drives its own space as it drove the one replica.
"""

from __future__ import annotations

import re
from typing import Any

from flask import (
    Blueprint,
    Flask,
    jsonify,
    make_response,
    redirect,
    render_template,
    url_for,
)
from flask_wtf import FlaskForm

from .. import wording
from ..config import SettingError, Settings
from ..errors import FieldError
from ..spaces import Space
from ..store import SPACE_COOKIE, SpaceError
from ..web import SPACE_ENVIRON, environment, space_gone_page
from . import models
from .api import parsed

bp = Blueprint("spaces_api", __name__)
SPACED = re.compile(r"^/api/spaces/([^/]*)(/.*)$")


class SpacePaths:
    """Serve /api/spaces/ID/REST as /api/REST in space ID (the space checked by find_space)."""

    def __init__(self, wsgi_app: Any) -> None:
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        found = SPACED.match(environ.get("PATH_INFO", ""))
        if found:
            environ[SPACE_ENVIRON] = found.group(1)
            environ["PATH_INFO"] = "/api" + found.group(2)
        return self.wsgi_app(environ, start_response)


def init_app(app: Flask) -> None:
    """Route /api/spaces/ID/... to the API in that space."""
    app.wsgi_app = SpacePaths(app.wsgi_app)  # type: ignore[method-assign]


def spaces():
    return environment().spaces


def space_json(space: Space) -> dict[str, Any]:
    """Describe a space and where its API is (paths on the home, never built from the Host
    header the client chose)."""
    return {
        **space.as_json(spaces().idle_hours),
        "api": f"/api/spaces/{space.id}/",
        "select": f"/space/{space.id}",
    }


@bp.get("/api/spaces")
def list_spaces():
    """List the live spaces, the default first."""
    return jsonify(spaces=[space_json(space) for space in spaces().all()])


@bp.post("/api/spaces")
def create_space():
    """Make a space of its own: fresh lines, its own clock, inbox, faults, calls, settings."""
    asked = parsed(models.NewSpace)
    try:
        settings = Settings().with_overrides(asked.settings) if asked.settings else None
    except SettingError as error:
        raise FieldError(f"settings.{error.field}", str(error)) from None
    return jsonify(space_json(spaces().create(asked.name, settings))), 201


@bp.get("/api/spaces/<space_id>")
def show_space(space_id: str):
    """Describe one space."""
    return jsonify(space_json(spaces().find(space_id)))


@bp.delete("/api/spaces/<space_id>")
def delete_space(space_id: str):
    """End a space: its sessions end (their next page says so), its numbers are freed."""
    spaces().delete(space_id)
    return jsonify(deleted=space_id)


class NewSpaceForm(FlaskForm):
    """The home's 「新しいテスト空間」 button (CSRF-checked: it is a form, not the JSON API)."""


@bp.get("/space/<space_id>")
def select(space_id: str):
    """Browse in this space: the home, the sites before login, the inbox and the softphone."""
    try:
        space = spaces().find(space_id)
    except SpaceError as error:
        return space_gone_page(space_id, error)
    response = make_response(redirect(url_for("views.index")))
    response.set_cookie(SPACE_COOKIE, space.id, samesite="Lax", httponly=True)
    return response


@bp.post("/space")
def new():
    """Make a fresh space for this browser and go to it."""
    form = NewSpaceForm()
    if not form.validate_on_submit():
        page = render_template(
            "error.html", title=wording.BAD_REQUEST_TITLE, message=wording.ERR_FORM_EXPIRED
        )
        return page, 400
    try:
        space = spaces().create()
    except SpaceError as error:
        message = wording.SPACE_CAP.format(cap=spaces().cap)
        return render_template("error.html", title=wording.SPACE_TITLE, message=message), (
            error.status
        )
    return select(space.id)
