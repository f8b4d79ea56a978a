"""Login, the top screen and logout, at production's paths (AGL_Disp.do, AGS_Disp.do)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    session,
    url_for,
)

from .. import wording
from ..store import Session
from . import service
from .forms import LoginForm, LogoutForm

bp = Blueprint("auth", __name__)


def env():
    """Return the environment this site belongs to."""
    return current_app.extensions["hikari"]


def region_key() -> str:
    """Return this site's region key (east or west)."""
    return current_app.config["REGION"].key


@bp.before_app_request
def load_session() -> None:
    """Attach the server-side session named by the cookie, if it is still alive."""
    g.session = None
    sid = session.get("sid")
    if sid:
        g.session = env().store.session(sid)


def login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Send visitors without a live session back to the login screen."""

    @wraps(view)
    def wrapped(**kwargs: Any) -> Any:
        if g.session is None:
            flash(wording.ERR_LOGIN_REQUIRED, "error")
            return redirect(url_for("auth.login_form"))
        return view(**kwargs)

    return wrapped


@bp.get("/")
def index():
    """Send the site's root to the login screen, as production's portal does."""
    return redirect(url_for("auth.login_form"))


@bp.get("/AGL_Disp.do")
def login_form():
    """Show the login screen."""
    return render_template("auth/login.html", form=LoginForm())


@bp.post("/AGL_Login.do")
def login():
    """Check 電話番号 and パスワード, then open a fresh session on the top screen."""
    form = LoginForm()
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form, errors=form_errors(form))
    result = service.authenticate(env(), region_key(), form.phone_no.data, form.password.data)
    if result.error:
        return render_template("auth/login.html", form=form, errors=[result.error])
    start_session(result.session)
    return redirect(url_for("auth.top"))


@bp.get("/AGS_Disp.do")
@login_required
def top():
    """Show the top screen with the services in use."""
    found = env().store.find_number(region_key(), g.session.number)
    if found is None:
        return redirect(url_for("auth.login_form"))
    _, number = found
    services = [
        wording.SERVICE_BUTTONS[key] for key in wording.SERVICE_NAMES if key in number.services
    ]
    return render_template("auth/top.html", number=number, services=services, form=LogoutForm())


@bp.post("/AGL_Logout.do")
def logout():
    """End the session at once and return to the login screen."""
    form = LogoutForm()
    if form.validate_on_submit() and g.session is not None:
        env().store.close_session(g.session.sid)
    session.clear()
    flash(wording.MSG_LOGGED_OUT, "info")
    return redirect(url_for("auth.login_form"))


def start_session(server_session: Session) -> None:
    """Rotate the cookie so nothing from before login survives it."""
    session.clear()
    session["sid"] = server_session.sid


def form_errors(form: LoginForm) -> list[str]:
    """Gather the form's messages in field order, once each."""
    messages: list[str] = []
    for field in form:
        for message in field.errors:
            if message not in messages:
                messages.append(message)
    return messages
