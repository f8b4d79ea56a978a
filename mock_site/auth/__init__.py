"""Login, the password screens, the top screen and logout, at production's paths where known."""

from __future__ import annotations

import hmac
import secrets
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
    request,
    session,
    url_for,
)

from .. import wording
from ..buttons import NAV_FIELD
from ..store import MUST_CHANGE, NOTICE, OTP_CHOICE, OTP_CODE, READY
from ..store import Session as ServerSession
from . import service
from .forms import StaleWindow

bp = Blueprint("auth", __name__)

# The screen each stage of a session must see before anything else.
STAGE_SCREENS = {
    MUST_CHANGE: "auth.forced_change_form",
    NOTICE: "auth.notice",
    OTP_CHOICE: "otp.choice",
    OTP_CODE: "otp.entry",
}


def env():
    """Return the environment this site belongs to."""
    return current_app.extensions["hikari"]


def region_key() -> str:
    """Return this site's region key (east or west)."""
    return current_app.config["REGION"].key


@bp.before_app_request
def load_session() -> None:
    """Attach the live server-side session named by the cookie; end idle ones first.

    A dead session's id stays in the cookie until the next login, so every screen asked for
    after an idle timeout says why the customer was logged out.
    """
    g.session = None
    g.timed_out = False
    if request.endpoint in ("static", "favicon"):
        return  # fetching a stylesheet or an icon is not the customer doing anything
    service.expire_idle_sessions(env())
    sid = session.get("sid")
    if not sid:
        return
    g.session = env().store.session(sid)
    if g.session is None:
        g.timed_out = env().store.timed_out(sid)
        return
    g.session.last_seen = env().clock.now()


def login_required(*stages: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Let only sessions at these stages (READY by default) in; send others on their way."""
    stages = stages or (READY,)

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapped(**kwargs: Any) -> Any:
            if g.session is None:
                flash(wording.ERR_TIMED_OUT if g.timed_out else wording.ERR_LOGIN_REQUIRED, "error")
                return redirect(url_for("auth.login_form"))
            if g.session.stage not in stages:
                return redirect(url_for(STAGE_SCREENS.get(g.session.stage, "auth.top")))
            return view(**kwargs)

        return wrapped

    return decorate


def is_display_request() -> bool:
    """Tell whether this request only shows its screen, changing nothing.

    A GET does, and so does a screen forwarded to inside another request (the login answers with
    the screen it leads to, as production's AGL_Login.do does) and the POST of a navigation
    image button (production's buttons are <input type="image"> in forms, even 「戻る」).
    """
    return request.method == "GET" or g.get("forwarded", False) or NAV_FIELD in request.form


def forward(endpoint: str):
    """Answer with another screen at this request's URL, as a Struts forward does."""
    g.forwarded = True
    return current_app.view_functions[endpoint]()


def clear_cookie() -> None:
    """Forget the cookie's contents, and the CSRF token this request already drew from them.

    Flask-WTF keeps a request's token in g; a screen shown in the same request (a forward, or
    a done screen with buttons) must carry a token of the new cookie, not of the old one.
    """
    session.clear()
    g.pop(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), None)


def start_session(server_session: ServerSession) -> None:
    """Rotate the cookie so nothing from before login survives it."""
    clear_cookie()
    session["sid"] = server_session.sid
    g.session = server_session


def end_session() -> None:
    """End the server session and forget the cookie's contents."""
    if g.session is not None:
        env().store.close_session(g.session.sid)
        g.session = None
    clear_cookie()


def issue_form_token() -> str:
    """Give the form about to be shown the one token the session will accept next."""
    token = secrets.token_urlsafe(16)
    g.session.form_token = token
    return token


def accept_form_token(submitted: str | None) -> bool:
    """Accept a form only with the newest token shown, once; other windows' forms fail."""
    if not env().settings.one_time_form_tokens:
        return True
    expected, g.session.form_token = g.session.form_token, None
    return bool(expected and submitted) and hmac.compare_digest(
        expected.encode(), submitted.encode()
    )


@bp.app_errorhandler(StaleWindow)
def stale_window(error: StaleWindow | None = None):
    """Refuse a form sent from an older screen, changing nothing."""
    return render_template(
        "error.html",
        title=wording.BAD_REQUEST_TITLE,
        message=wording.ERR_STALE_WINDOW,
        back=url_for("auth.top"),
    ), 409


def form_errors(form) -> list[str]:
    """Gather the form's messages in field order, once each."""
    messages: list[str] = []
    for field in form:
        for message in field.errors:
            if message not in messages:
                messages.append(message)
    return messages


from . import views  # noqa: E402,F401  (registers the routes on bp)
