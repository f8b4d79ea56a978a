"""What every blueprint of the sites shares: the session, the stage routing, form tokens, forms,
error pages and static files. No blueprint imports another's views; they all import this.
"""

from __future__ import annotations

import hashlib
import hmac
import mimetypes
import re
import secrets
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from flask import (
    Flask,
    Response,
    abort,
    current_app,
    flash,
    g,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import ClientDisconnected, HTTPException
from wtforms import HiddenField

from . import accounts, faults, wording
from .buttons import NAV_FIELD
from .store import (
    MUST_CHANGE,
    NOTICE,
    OTP_CHOICE,
    OTP_CODE,
    READY,
    SERVER_ERROR_HEADER,
    SPACE_COOKIE,
    SPACE_HEADER,
    Line,
    Number,
    SpaceError,
)
from .store import Session as ServerSession

if TYPE_CHECKING:
    from .environment import Environment
    from .state import State

csrf = CSRFProtect()

# The screen each stage of a session must see before anything else.
STAGE_SCREENS = {
    MUST_CHANGE: "auth.forced_change_form",
    NOTICE: "auth.notice",
    OTP_CHOICE: "otp.choice",
    OTP_CODE: "otp.entry",
}


SPACE_ENVIRON = "hikari.space"  # a space named by the path: /api/spaces/ID/... on the home
LOGIN_PATH = "/AGL_Login.do"  # where a number logs in, and so finds its space


def env() -> State:
    """Return the state of the space this request is in."""
    return g.hikari_state


_EXTENSION = "hikari"  # where an app keeps the environment it serves (Flask's app.extensions)


def serve(app: Flask, whole: Environment) -> None:
    """Let app's requests reach the environment it is part of (web.environment())."""
    app.extensions[_EXTENSION] = whole


def environment() -> Environment:
    """Return the whole environment this request's app serves: every space, every part."""
    return current_app.extensions[_EXTENSION]


def find_space() -> Any:
    """Put the request in its space, the first that applies: a login's number (a number is in
    one space only, whatever the browser names), the API path's space (/api/spaces/ID/…), the
    logged-in session's, the X-Hikari-Space header, the hikari_space cookie; else the default
    space. A space named but gone gets its page (JSON on the API), changing nothing."""
    spaces = environment().spaces
    if request.endpoint in ("static", "favicon", "buttons.svg_file"):
        g.hikari_state = spaces.default.state
        return None
    region = current_app.config.get("REGION")
    if region is not None and request.method == "POST" and request.path == LOGIN_PATH:
        owner = spaces.owner(region.key, request.form.get("phoneNo", ""))
        if owner is not None:
            g.hikari_state = owner.state
            return None
    named = request.environ.get(SPACE_ENVIRON)  # the API's path names it ("" is refused)
    if named is None:
        named = (
            session.get("space")
            or request.headers.get(SPACE_HEADER)
            or request.cookies.get(SPACE_COOKIE)
        )
    if named is None:
        g.hikari_state = spaces.default.state
        return None
    try:
        g.hikari_state = spaces.find(named).state
    except SpaceError as error:
        g.hikari_state = spaces.default.state
        if "space" in session:
            session.clear()  # the space and its sessions are gone: so is the login
        prefix = current_app.config.get("JSON_ERRORS_UNDER")
        if prefix and request.path.startswith(prefix):
            raise  # the control API answers it as JSON (home/spaces_api.py)
        response = make_response(space_gone_page(named, error))
        response.delete_cookie(SPACE_COOKIE)  # the next page is the default space's
        return response
    return None


def space_gone_page(named: str, error: SpaceError):
    """Say in Japanese that the space named is not there (deleted, expired, or never made)."""
    message = wording.SPACE_GONE.format(space=named[:40])
    page = render_template("error.html", title=wording.SPACE_GONE_TITLE, message=message)
    return page, 404 if error.status == 404 else 400


def region_key() -> str:
    """Return this site's region key (east or west)."""
    return current_app.config["REGION"].key


def renamed_markup(response: Response) -> Response:
    """Serve production's newer markup before the contract takes it (markup_renames: ids, the
    labels pointing at them, class tokens, image buttons' alt and title), HTML pages only."""
    renames = env().settings.markup_renames if g.get("hikari_state") else ""
    if not renames or response.mimetype != "text/html" or response.direct_passthrough:
        return response
    html = response.get_data(as_text=True)
    for pair in renames.split(";"):
        kind, _, change = pair.partition(":")
        old, _, new = change.partition("=")
        if kind == "id":
            html = html.replace(f'id="{old}"', f'id="{new}"')
            html = html.replace(f'for="{old}"', f'for="{new}"')
        elif kind == "alt":
            html = html.replace(f'alt="{old}"', f'alt="{new}"')
            html = html.replace(f'title="{old}"', f'title="{new}"')
        else:
            html = re.sub(r'class="([^"]*)"', _class_renamer(old, new), html)
    response.set_data(html)
    return response


def _class_renamer(old: str, new: str) -> Callable[[re.Match], str]:
    def rename(match: re.Match) -> str:
        tokens = [new if token == old else token for token in match.group(1).split()]
        return f'class="{" ".join(tokens)}"'

    return rename


def init_app(app: Flask) -> None:
    """Give any app of the environment its body limit, security headers, error pages and
    static files."""
    if app.config.get("MAX_CONTENT_LENGTH") is None:
        app.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    app.before_request(find_space)  # first: every other step reads the request's space
    app.after_request(security_headers)
    app.after_request(relative_redirects)
    register_error_pages(app)
    serve_static_from_memory(app)


def init_site(app: Flask) -> None:
    """Give a regional site all of init_app, and the session, CSRF and the stale-window page."""
    init_app(app)
    csrf.init_app(app)
    app.before_request(play_faults)
    app.before_request(load_session)
    app.after_request(no_store_when_logged_in)
    app.after_request(renamed_markup)
    app.register_error_handler(StaleWindow, stale_window)


# Faults (mock_site/faults.py) --------------------------------------------------------------------


def play_faults():
    """Play the fault set for this request's number and path: a maintenance page, a system
    error, a slow answer, or the session dropped before the request is served."""
    if request.endpoint in ("static", "favicon", "buttons.svg_file"):
        return None
    sid = session.get("sid")
    live = env().store.session(sid) if sid else None
    number = live.number if live else request.form.get("phoneNo") or None
    # A session can be dropped only where there is one: the login itself does not spend it.
    kinds = (
        None if live else tuple(k for k in faults.KINDS[faults.SITE] if k != faults.DROP_SESSION)
    )
    rule = env().faults.take(faults.SITE, region_key(), number, request.path, kinds)
    if rule is None:
        return None
    if rule.kind == faults.MAINTENANCE:
        page = render_template(
            "error.html", title=wording.MAINTENANCE_TITLE, message=wording.MAINTENANCE_TEXT
        )
        return page, 503, {"Retry-After": "600"}
    if rule.kind == faults.ERROR:
        page = render_template(
            "error.html", title=wording.SERVER_ERROR_TITLE, message=wording.SERVER_ERROR_TEXT
        )
        return page, 500
    if rule.kind == faults.DROP_SESSION:
        env().store.drop_session(live.sid)
    if rule.kind == faults.LATENCY:
        time.sleep(faults.latency_seconds(rule))  # the browser waits in real time
    return None


# The logged-in session -------------------------------------------------------------------------


def load_session() -> None:
    """Attach the live server-side session named by the cookie; end idle ones first.

    A dead session's id stays in the cookie until the next login, so every screen asked for
    after an idle timeout says why the customer was logged out.
    """
    g.session = None
    g.timed_out = False
    if request.endpoint in ("static", "favicon", "buttons.svg_file"):
        return  # fetching a stylesheet or an image is not the customer doing anything
    accounts.expire_idle_sessions(env().store, env().clock.now(), env().settings)
    sid = session.get("sid")
    if not sid:
        return
    g.session = env().store.session(sid)
    if g.session is None:
        g.timed_out = env().store.timed_out(sid)
        return
    g.session.last_seen = env().clock.now()


def logged_in() -> tuple[Line, Number]:
    """Return the line and the number of this request's session."""
    return accounts.logged_in(env().store, g.session)


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


def number_kind(number: Number) -> str:
    """Name a number as the region's site does: 契約者回線番号, or マイナンバー / 追加番号."""
    if number.is_contract:
        return wording.CONTRACT_NUMBER
    return current_app.config["REGION"].additional_number_name


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
    session["space"] = env().space_id  # the default too: a cookie naming another must not win
    g.session = server_session


def end_session() -> None:
    """End the server session and forget the cookie's contents."""
    if g.session is not None:
        env().store.close_session(g.session.sid)
        g.session = None
    clear_cookie()


# Requests that only show a screen --------------------------------------------------------------


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


# Forms -----------------------------------------------------------------------------------------


class StaleWindow(Exception):
    """Raised when a form comes from an older screen than the newest one shown."""


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


class OneTimeForm(FlaskForm):
    """Carry the one-time token that refuses a form sent from a stale second window."""

    form_token = HiddenField()

    def is_submitted(self) -> bool:
        """Tell a submission from a request that only shows the screen (see is_display_request)."""
        return super().is_submitted() and not is_display_request()

    def validate_on_submit(self, extra_validators=None) -> bool:
        """Validate as Flask-WTF does, then spend the token; a stale one raises StaleWindow."""
        if not super().validate_on_submit(extra_validators):
            return False
        if not accept_form_token(self.form_token.data):
            raise StaleWindow
        return True


def form_errors(form) -> list[str]:
    """Gather the form's messages in field order, once each."""
    messages: list[str] = []
    for field in form:
        for message in field.errors:
            if message not in messages:
                messages.append(message)
    return messages


def stale_window(error: StaleWindow | None = None):
    """Refuse a form sent from an older screen, changing nothing."""
    return render_template(
        "error.html",
        title=wording.BAD_REQUEST_TITLE,
        message=wording.ERR_STALE_WINDOW,
        back=url_for("auth.top"),
    ), 409


# Every app of the environment: headers, static files and error pages ---------------------------


def security_headers(response: Response) -> Response:
    """Forbid framing (no clickjacking of the login or password screens) and type sniffing."""
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    policy = response.headers.get("Content-Security-Policy")
    if policy is None:
        response.headers["Content-Security-Policy"] = "frame-ancestors 'none'"
    elif "frame-ancestors" not in policy:
        response.headers["Content-Security-Policy"] = policy + "; frame-ancestors 'none'"
    return response


def no_store_when_logged_in(response: Response) -> Response:
    """Keep a logged-in customer's screens out of every cache (the browser's back button too),
    error pages shown before the session was looked up (a refused form's) included."""
    logged_in = g.get("session") is not None or "sid" in session
    if logged_in and response.mimetype == "text/html":
        response.headers["Cache-Control"] = "no-store"
    return response


def relative_redirects(response: Response) -> Response:
    """Redirect within this server by path alone: werkzeug builds a slash redirect's URL from
    the Host header, which the client chose."""
    location = response.headers.get("Location")
    if location:
        parts = urlsplit(location)
        if parts.netloc and parts.netloc == request.host:
            response.headers["Location"] = urlunsplit(("", "", parts.path, parts.query, ""))
    return response


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


MAX_REQUEST_BYTES = 1024 * 1024  # a form or a JSON body larger than this is a 413


def record_server_error(error: Exception) -> str | None:
    """Keep what a view raised in its space's state (GET /api/errors); its id, or None when
    the request reached no space (the error came before it was put in one)."""
    state = g.get("hikari_state")
    return None if state is None else state.record_error(request.method, request.path, error)


def register_error_pages(app: Flask) -> None:
    """Answer every error with a Japanese page (JSON under JSON_ERRORS_UNDER), never a traceback."""
    # Browsers ask for it on every new page; an empty answer spares a 404 page each time.
    app.add_url_rule("/favicon.ico", "favicon", lambda: ("", 204))

    def answer(title: str, message: str, code: int, detail: str | None = None):
        prefix = app.config.get("JSON_ERRORS_UNDER")
        if prefix and request.path.startswith(prefix):
            return jsonify(error=detail or message, field=None), code
        return render_template("error.html", title=title, message=message), code

    @app.errorhandler(TimeoutError)
    @app.errorhandler(ClientDisconnected)
    def stalled(error: Exception):
        """A body that stopped coming: 408 if the client stalled past the read timeout
        (werkzeug raises ClientDisconnected from the socket's TimeoutError), else 400."""
        if not isinstance(error, TimeoutError) and not isinstance(error.__context__, TimeoutError):
            return answer(wording.BAD_REQUEST_TITLE, wording.ERR_UNREADABLE, 400, "cut-off body")
        response = make_response(
            answer(wording.BAD_REQUEST_TITLE, wording.ERR_READ_TIMEOUT, 408, "read timeout")
        )
        response.headers["Connection"] = "close"  # what is left of the body is never read
        return response

    # An error answered the same way each time: (title, message, code, detail for JSON).
    plain = {
        OSError: (  # a malformed chunked body, say: werkzeug cannot read it
            wording.BAD_REQUEST_TITLE, wording.ERR_UNREADABLE, 400, "unreadable body"),
        413: (wording.BAD_REQUEST_TITLE, wording.ERR_TOO_LARGE, 413, "request too large"),
        CSRFError: (wording.BAD_REQUEST_TITLE, wording.ERR_FORM_EXPIRED, 400, None),
        404: (wording.NOT_FOUND_TITLE, wording.NOT_FOUND_TEXT, 404, "no such endpoint"),
    }  # fmt: skip
    for error, said in plain.items():
        app.register_error_handler(error, lambda _error, said=said: answer(*said))

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
        response = make_response(
            answer(wording.SERVER_ERROR_TITLE, wording.SERVER_ERROR_TEXT, 500, "internal error")
        )
        recorded = record_server_error(error)
        if recorded is not None:  # a test's plugin fails the test at once, with the traceback
            response.headers[SERVER_ERROR_HEADER] = recorded
        return response
