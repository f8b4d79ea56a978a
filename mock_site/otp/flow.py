"""Where a good password leads when ワンタイムパスワード is on, and mailing its code (SPEC §7)."""

from __future__ import annotations

from flask import flash, g

from .. import wording
from ..mail.send import MailNotSent
from ..store import OTP_CHOICE, OTP_CODE, READY, Number
from ..web import env, logged_in, region_key
from . import service as otp_service


def continue_after_password() -> str:
    """After a good password, move the session on and return the endpoint of its next screen:
    the OTP choice, the OTP entry (its code mailed), or straight the top screen."""
    g.session.stage = READY
    if otp_service.enabled(env().settings, region_key()):
        number = logged_in()[1]
        if number.otp.choice is None:
            g.session.stage = OTP_CHOICE
            return "otp.choice"
        if number.otp.choice == otp_service.USE and number.otp.address:
            g.session.stage = OTP_CODE
            send_code_or_flash(number)
            return "otp.entry"
    return "auth.top"


def send_code_or_flash(target: Number) -> bool:
    """Mail a ワンタイムパスワード and say so on the next screen, or say why it was not sent."""
    try:
        otp_service.send_code(env(), target)
    except MailNotSent:
        flash(wording.ERR_OTP_MAIL_NOT_SENT, "error")
        return False
    flash(wording.OTP_SENT, "info")
    return True
