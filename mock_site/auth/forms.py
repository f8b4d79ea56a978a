"""Forms of the login screens, with the guide's labels and rules."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import InputRequired, ValidationError

from .. import wording
from ..store import is_valid_number


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


class LogoutForm(FlaskForm):
    """Carry only the CSRF token of the ログアウト button."""
