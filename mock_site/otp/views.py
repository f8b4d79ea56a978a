"""The ワンタイムパスワード screens (SPEC §7), at assumed paths in production's style."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for

from .. import wording
from ..mail.send import MailNotSent
from ..store import OTP_CHOICE, OTP_CODE, READY, OtpDraft
from ..web import (
    end_session,
    env,
    form_errors,
    issue_form_token,
    logged_in,
    login_required,
    region_key,
    start_session,
)
from . import service
from .flow import send_code_or_flash
from .forms import ChoiceForm, CodeForm, RegistrationForm, TicketForm

bp = Blueprint("otp", __name__)


def number():
    """Return the number entry of the logged-in session."""
    return logged_in()[1]


@bp.route("/AOS_Disp.do", methods=["GET", "POST"])
@login_required(OTP_CHOICE, READY)
def choice():
    """Choose to use the ワンタイムパスワード or not (guide steps 7 and 14)."""
    form = ChoiceForm()
    errors: list[str] = []
    if form.validate_on_submit():
        account = number().otp
        if form.choice.data == service.DECLINE:
            return redirect(url_for("otp.consent"))
        if form.choice.data == service.USE:
            if account.address and g.session.stage == READY:
                account.choice = service.USE
                flash(wording.OTP_SWITCHED_ON, "info")
                return redirect(url_for("auth.top"))
            return redirect(url_for("otp.register"))
        errors = [wording.ERR_OTP_CHOICE]
    if form.choice.data is None and number().otp.choice:
        form.choice.data = number().otp.choice
    form.form_token.data = issue_form_token()
    can_change_address = number().otp.choice == service.USE and bool(number().otp.address)
    return render_template(
        "otp/choice.html", form=form, errors=errors, can_change_address=can_change_address
    )


@bp.route("/AOC_Disp.do", methods=["GET", "POST"])
@login_required(OTP_CHOICE, READY)
def consent():
    """Ask for consent to log in without a ワンタイムパスワード (guide step 15)."""
    form = ChoiceForm()
    if form.validate_on_submit():
        number().otp.choice = service.DECLINE
        g.session.stage = READY
        return redirect(url_for("auth.top"))
    form.form_token.data = issue_form_token()
    return render_template("otp/consent.html", form=form)


def changing_address() -> bool:
    """Tell whether the registration form is changing an already registered address."""
    account = number().otp
    return g.session.stage == READY and account.choice == service.USE and bool(account.address)


@bp.route("/AOR_Disp.do", methods=["GET", "POST"])
@login_required(OTP_CHOICE, READY)
def register():
    """Take the OTP mail address, 確認用ID and 確認用パスワード (guide step 8)."""
    form = RegistrationForm()
    change = changing_address()
    errors: list[str] = []
    if form.validate_on_submit():
        address, verify_id = (form.address.data or "").strip(), form.verify_id.data or ""
        errors = service.registration_errors(
            address, verify_id, form.verify_password.data or "", env().settings
        )
        if (
            not errors
            and change
            and not service.verify_matches(number(), verify_id, form.verify_password.data)
        ):
            errors = [wording.ERR_VERIFY_MISMATCH]
        if not errors:
            g.session.draft = OtpDraft(address, verify_id, form.verify_password.data)
            return redirect(url_for("otp.confirm"))
    elif form.is_submitted():
        errors = form_errors(form)
    elif g.session.draft:
        form.address.data = g.session.draft.address
        form.verify_id.data = g.session.draft.verify_id
    form.form_token.data = issue_form_token()
    title = wording.OTP_ADDRESS_CHANGE_TITLE if change else wording.OTP_REGISTER_TITLE
    return render_template("otp/register.html", form=form, errors=errors, title=title)


@bp.route("/AOR_Confirm.do", methods=["GET", "POST"])
@login_required(OTP_CHOICE, READY)
def confirm():
    """Show what was entered, 確認用パスワード as ＊; 「登録」 mails the 本登録 URL (steps 9–10)."""
    draft = g.session.draft
    if draft is None:
        return redirect(url_for("otp.register"))
    form = ChoiceForm()
    errors: list[str] = []
    if form.validate_on_submit():
        try:
            service.register_provisionally(env(), number(), draft, request.host_url)
        except MailNotSent:
            errors = [wording.ERR_MAIL_NOT_SENT]
        else:
            end_session()
            return render_template("otp/provisional.html")
    form.form_token.data = issue_form_token()
    return render_template(
        "otp/confirm.html",
        form=form,
        errors=errors,
        draft=draft,
        masked="＊" * len(draft.verify_password),
    )


@bp.get("/AOR_Regist.do")
def registered():
    """Open the mailed 本登録 URL: 本登録完了 with 「ワンタイムパスワードを送信」 (step 11)."""
    with env().store.transaction():
        found = service.find_by_token(env(), region_key(), request.args.get("token", ""))
        if found is None:
            return render_template(
                "error.html",
                title=wording.OTP_REGISTERED_TITLE,
                message=wording.fill(wording.ERR_REGISTRATION_URL, env().settings),
            ), 410
        ticket = service.complete_registration(found)
    form = TicketForm(ticket=ticket)
    return render_template("otp/registered.html", form=form)


@bp.post("/AOR_Send.do")
def send_first_code():
    """Send the first code and go to its entry, logged in as far as the code (step 12)."""
    form = TicketForm()
    with env().store.transaction():
        found = (
            service.take_ticket(env(), region_key(), form.ticket.data) if form.validate() else None
        )
        if found is None:
            return render_template(
                "error.html",
                title=wording.OTP_REGISTERED_TITLE,
                message=wording.fill(wording.ERR_REGISTRATION_URL, env().settings),
            ), 410
        opened = env().store.open_session(
            region_key(), found.number, env().clock.now(), stage=OTP_CODE
        )
    start_session(opened)
    send_code_or_flash(found)
    return redirect(url_for("otp.entry"))


@bp.route("/AOL_Disp.do", methods=["GET", "POST"])
@login_required(OTP_CODE)
def entry():
    """Take the mailed code; the right one, once, in time, opens the top screen (step 13)."""
    form = CodeForm()
    errors: list[str] = []
    if form.validate_on_submit():
        error = service.check_code(env(), number(), (form.code.data or "").strip())
        if error is None:
            g.session.stage = READY
            return redirect(url_for("auth.top"))
        errors = [error]
    form.form_token.data = issue_form_token()
    return render_template("otp/entry.html", form=form, errors=errors, send=TicketForm())


@bp.post("/AOL_Send.do")
@login_required(OTP_CODE)
def resend():
    """Send a new code; the older one stops working."""
    if TicketForm().validate():
        send_code_or_flash(number())
    return redirect(url_for("otp.entry"))
