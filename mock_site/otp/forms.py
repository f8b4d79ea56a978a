"""Forms of the ワンタイムパスワード screens, with the guide's labels."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, RadioField, StringField
from wtforms.fields.choices import SelectChoice

from .. import wording
from ..web import OneTimeForm


class ChoiceForm(OneTimeForm):
    """Choose 「ワンタイムパスワードを利用する」 or 「…利用しない」."""

    choice = RadioField(
        wording.OTP_CHOICE_TITLE,
        choices=[
            SelectChoice("use", wording.OTP_USE),
            SelectChoice("decline", wording.OTP_DECLINE),
        ],
        validate_choice=False,
    )


class RegistrationForm(OneTimeForm):
    """Ask for the OTP mail address, 確認用ID and 確認用パスワード."""

    address = StringField(
        wording.OTP_ADDRESS, render_kw={"autocomplete": "email", "inputmode": "email"}
    )
    verify_id = StringField(wording.OTP_VERIFY_ID, description=wording.OTP_VERIFY_ID_RULE)
    verify_password = PasswordField(
        wording.OTP_VERIFY_PASSWORD,
        description=wording.OTP_VERIFY_PASSWORD_RULE,
        render_kw={"autocomplete": "new-password"},
    )


class CodeForm(OneTimeForm):
    """Ask for the mailed ワンタイムパスワード."""

    code = StringField(
        wording.OTP_CODE, render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"}
    )


class TicketForm(FlaskForm):
    """Carry the 本登録完了 screen's single 「ワンタイムパスワードを送信」."""

    ticket = HiddenField()
