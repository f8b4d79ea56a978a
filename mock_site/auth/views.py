"""The screens of logging in and of passwords (SPEC §5, §6, §8, §9)."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, session, url_for
from wtforms.fields.choices import SelectChoice

from .. import accounts, wording
from .. import credentials as rules
from ..otp import service as otp_service
from ..otp.flow import continue_after_password
from ..store import MUST_CHANGE, NOTICE
from ..web import (
    OneTimeForm,
    end_session,
    env,
    form_errors,
    forward,
    is_display_request,
    issue_form_token,
    logged_in,
    login_required,
    number_kind,
    region_key,
    start_session,
)
from . import service
from .forms import LoginForm, LogoutForm, PasswordChangeForm

bp = Blueprint("auth", __name__)


@bp.get("/")
def index():
    """Send the site's root to the portal."""
    return redirect(url_for("auth.portal"))


@bp.get("/AGT_Main.htm")
def portal():
    """Show production's portal page, whose 「ログイン」 opens the login screen (S2, S3)."""
    return render_template("auth/portal.html")


@bp.route("/AGL_Disp.do", methods=["GET", "POST"])
def login_form():
    """Show the login screen."""
    return render_template("auth/login.html", form=LoginForm(formdata=None))


@bp.post("/AGL_Login.do")
def login():
    """Check 電話番号 and パスワード; answer with the session's first screen at this URL.

    Production answers the login's POST itself (S1 checks the URL ends with AGL_Login.do):
    the top screen, the OTP screens, the パスワード期限予告 or the forced change, forwarded
    here rather than redirected to. A navigation button posting here (「ログイン画面へ戻る」)
    shows the login screen.
    """
    if is_display_request():
        return login_form()
    form = LoginForm()
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form, errors=form_errors(form))
    result = service.authenticate(
        env(), region_key(), form.phone_no.data, form.password.data, session.get("sid")
    )
    if result.error:
        return render_template("auth/login.html", form=form, errors=[result.error])
    start_session(result.session)
    if result.session.stage == MUST_CHANGE:
        return forward("auth.forced_change_form")
    if result.session.stage == NOTICE:
        return forward("auth.notice")
    return forward(continue_after_password())


@bp.route("/AGS_Disp.do", methods=["GET", "POST"])
@login_required()
def top():
    """Show the numbers this login may set, with the services each uses."""
    line, number = logged_in()
    numbers = accounts.reach(line, number)
    g.session.target = g.session.service_draft = None
    return render_template(
        "auth/top.html",
        number=number,
        numbers=numbers,
        in_use=[key for key in wording.SERVICE_NAMES if any(key in n.services for n in numbers)],
        kind=number_kind,
        otp_enabled=otp_service.enabled(env().settings, region_key()),
    )


@bp.post("/AGL_Logout.do")
def logout():
    """End the session at once and return to the login screen."""
    if LogoutForm().validate_on_submit():
        end_session()
        flash(wording.MSG_LOGGED_OUT, "info")
    else:
        session.clear()
    return redirect(url_for("auth.login_form"))


# パスワード期限予告 (assumed path) --------------------------------------------------------


@bp.route("/AGL_Notice.do", methods=["GET", "POST"])
@login_required(NOTICE)
def notice():
    """Say when the password ends; 「OK」 goes on to the top screen."""
    form = OneTimeForm()
    _, number = logged_in()
    if form.validate_on_submit():
        return redirect(url_for(continue_after_password()))
    deadline = rules.expires_at(number.credential, env().settings)
    form.form_token.data = issue_form_token()
    return render_template(
        "auth/notice.html", form=form, deadline=deadline.strftime("%Y年%m月%d日 %H:%M")
    )


# The forced change after a 仮パスワード or an expired パスワード (assumed paths) ------------------


@bp.route("/AGP_Disp.do", methods=["GET", "POST"])
@login_required(MUST_CHANGE)
def forced_change_form():
    """Make the customer replace a 仮パスワード or an expired パスワード before anything else."""
    _, number = logged_in()
    form = PasswordChangeForm()
    errors: list[str] = []
    if form.validate_on_submit():
        with env().store.transaction():  # the check and the change as one, against a double post
            errors = service.change_errors(
                env().settings, number, number, form.current.data, form.new.data, form.confirm.data
            )
            if not errors:
                service.set_password(number, form.new.data, env().settings, env().clock.now())
        if not errors:
            end_session()
            return render_template(
                "auth/changed.html",
                message=wording.PASSWORD_CHANGED_FORCED,
                link=(url_for("auth.login"), wording.BACK_TO_LOGIN_FORCED),
            )
    elif form.is_submitted():
        errors = form_errors(form)
    form.form_token.data = issue_form_token()
    reason = (
        wording.FORCED_CHANGE_AFTER_TEMP
        if g.session.reason == service.REASON_TEMP
        else wording.fill(wording.FORCED_CHANGE_AFTER_EXPIRY, env().settings)
    )
    return render_template(
        "auth/change.html",
        form=form,
        errors=errors,
        reason=reason,
        choose_number=False,
        action=url_for("auth.forced_change_form"),
    )


# パスワード変更 from the top screen ---------------------------------------------------------


@bp.route("/APW_Disp.do", methods=["GET", "POST"])
@login_required()
def change_form():
    """Change the password of this number or, for the 管理者, of any number of the line."""
    line, number = logged_in()
    targets = accounts.password_change_targets(line, number)
    form = PasswordChangeForm()
    form.number.choices = [
        SelectChoice(n.number, f"{n.display}（{number_kind(n)}）") for n in targets
    ]
    errors: list[str] = []
    if form.validate_on_submit():
        target = next((n for n in targets if n.number == (form.number.data or number.number)), None)
        if target is None:
            errors = [wording.ERR_NUMBER_NOT_IN_REACH]
        else:
            with env().store.transaction():  # the check and the change as one
                errors = service.change_errors(
                    env().settings, number, target, form.current.data, form.new.data,
                    form.confirm.data,
                )  # fmt: skip
                if not errors:
                    service.set_password(target, form.new.data, env().settings, env().clock.now())
        if not errors:
            message = wording.PASSWORD_CHANGED_FOR.format(
                number=target.display, kind=number_kind(target)
            )
            if target.is_contract:
                end_session()
                link = (url_for("auth.login"), wording.BACK_TO_LOGIN)
            else:
                link = (url_for("auth.top"), wording.BACK)
            return render_template("auth/changed.html", message=message, link=link)
    elif form.is_submitted():
        errors = form_errors(form)
    if not form.number.data:
        form.number.data = number.number
    form.form_token.data = issue_form_token()
    return render_template(
        "auth/change.html",
        form=form,
        errors=errors,
        reason=None,
        choose_number=len(targets) > 1,
        action=url_for("auth.change_form"),
    )
