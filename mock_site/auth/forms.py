"""Forms of the login and password screens, with the guide's labels and production's names."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField
from wtforms.validators import InputRequired, ValidationError

from .. import wording
from ..store import is_valid_number
from ..web import OneTimeForm


def phone_number(form: FlaskForm, field: StringField) -> None:
    """Refuse anything but 10 half-width digits without hyphens."""
    if not is_valid_number(field.data or ""):
        raise ValidationError(wording.ERR_PHONE_FORMAT)


class LoginForm(FlaskForm):
    """Ask for 電話番号 and パスワード (production's field names phoneNo and pass)."""

    phone_no = StringField(
        wording.PHONE_NUMBER,
        name="phoneNo",
        validators=[InputRequired(wording.ERR_PHONE_REQUIRED), phone_number],
        description=wording.PHONE_NUMBER_HINT,
        render_kw={"inputmode": "numeric", "autocomplete": "username", "maxlength": 10},
    )
    password = PasswordField(
        wording.PASSWORD,
        name="pass",
        validators=[InputRequired(wording.ERR_PASSWORD_REQUIRED)],
        description=wording.PASSWORD_HINT,
        render_kw={"autocomplete": "current-password"},
    )


class PasswordChangeForm(OneTimeForm):
    """Ask for 現在のパスワード and the new one twice (production's ids culpass, newPass...)."""

    number = SelectField(wording.PHONE_NUMBER, name="telNo", validate_choice=False)
    current = PasswordField(
        wording.CURRENT_PASSWORD, name="culpass", render_kw={"autocomplete": "current-password"}
    )
    new = PasswordField(
        wording.NEW_PASSWORD,
        name="newPass",
        description=wording.PASSWORD_RULE,
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        wording.NEW_PASSWORD_CONFIRM,
        name="confirmpass",
        render_kw={"autocomplete": "new-password"},
    )


class LogoutForm(FlaskForm):
    """Carry only the CSRF token of the ログアウト button."""
