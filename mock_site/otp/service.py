"""The rules of the ワンタイムパスワード (SPEC §7), apart from the web layer."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from .. import wording
from ..config import Settings
from ..mail.send import MailNotSent, compose
from ..security import hash_password
from ..security import verify_password as matches_hash
from ..store import Number, OtpChoice, OtpDraft, PendingRegistration

if TYPE_CHECKING:
    from ..state import State

USE, DECLINE = OtpChoice.USE, OtpChoice.DECLINE
ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def enabled(settings: Settings, region: str) -> bool:
    """Tell whether the region's site offers ワンタイムパスワード (SPEC §12)."""
    return getattr(settings, f"otp_{region}")


def digest(secret: str) -> str:
    """Hash a random token for storage; tokens carry their own entropy, so no salt is needed."""
    return hashlib.sha256(secret.encode()).hexdigest()


def registration_errors(
    address: str, verify_id: str, verify_password: str, settings: Settings
) -> list[str]:
    """Return what is wrong with the registration fields, in field order (guide p.11)."""
    errors = []
    if not (address and len(address) <= 254 and ADDRESS.match(address)):
        errors.append(wording.ERR_OTP_ADDRESS)
    if not _verify_format(verify_id, settings):
        errors.append(wording.fill(wording.ERR_VERIFY_ID_FORMAT, settings))
    elif verify_id.isdigit() or (
        verify_id.isalpha() and (verify_id.isupper() or verify_id.islower())
    ):
        errors.append(wording.ERR_VERIFY_ID_KINDS)
    if not _verify_format(verify_password, settings):
        errors.append(wording.fill(wording.ERR_VERIFY_PASSWORD_FORMAT, settings))
    elif verify_password.isdigit() or not any(c.isdigit() for c in verify_password):
        errors.append(wording.ERR_VERIFY_PASSWORD_KINDS)
    return errors


def _verify_format(value: str, settings: Settings) -> bool:
    length = len(value or "")
    within = settings.verify_min_length <= length <= settings.verify_max_length
    return within and value.isascii() and value.isalnum()


def verify_matches(number: Number, verify_id: str, verify_password: str) -> bool:
    """Tell whether the 確認用ID and 確認用パスワード are the ones registered."""
    account = number.otp
    if account.verify_id is None or account.verify_password_hash is None:
        return False
    same_id = hmac.compare_digest(account.verify_id.encode(), (verify_id or "").encode())
    return matches_hash(account.verify_password_hash, verify_password or "") and same_id


def register_provisionally(env: State, number: Number, draft: OtpDraft, site_url: str) -> None:
    """Mail the 本登録 URL (24 h, single use); keep nothing if the mail cannot be sent."""
    token = secrets.token_urlsafe(32)
    expires = env.clock.now() + timedelta(hours=env.settings.registration_url_valid_hours)
    url = f"{site_url}AOR_Regist.do?token={token}"
    body = wording.fill(
        wording.MAIL_REGISTRATION_BODY,
        env.settings,
        url=url,
        deadline=expires.strftime("%Y年%m月%d日 %H:%M"),
    )
    verify_password_hash = hash_password(draft.verify_password, env.settings.password_hash_method)
    pending = PendingRegistration(
        draft.address, draft.verify_id, verify_password_hash, digest(token), expires
    )
    # The URL is stored with its mail's place in the outbox, so however many 「登録」 clicks arrive
    # at once, the newest mail's URL is the one that works; the mail leaves after the lock.
    with env.store.transaction():
        previous, number.otp.pending = number.otp.pending, pending
        message = compose(env, draft.address, wording.MAIL_REGISTRATION_SUBJECT, body)
        letter = env.outbox.post(draft.address, message)
    try:
        env.outbox.deliver(letter)
    except MailNotSent:
        with env.store.transaction():
            if number.otp.pending is pending:  # nothing newer came meanwhile: keep nothing
                number.otp.pending = previous
        raise


def find_by_token(env: State, region: str, token: str) -> Number | None:
    """Return the number whose pending registration this unexpired URL token is."""
    wanted = digest(token or "")
    now = env.clock.now()
    for line in env.store.lines(region):
        for number in line.numbers:
            pending = number.otp.pending
            if (
                pending
                and hmac.compare_digest(pending.token_hash, wanted)
                and now < pending.expires
            ):
                return number
    return None


def complete_registration(number: Number) -> str:
    """Make the pending address the registered one; return the one-time send ticket."""
    account, pending = number.otp, number.otp.pending
    account.address = pending.address
    account.verify_id = pending.verify_id
    account.verify_password_hash = pending.verify_password_hash
    account.choice = USE
    account.pending = None
    ticket = secrets.token_urlsafe(32)
    account.ticket_hash = digest(ticket)
    return ticket


def take_ticket(env: State, region: str, ticket: str) -> Number | None:
    """Return the number this 本登録完了 ticket is for, and spend the ticket."""
    wanted = digest(ticket or "")
    for line in env.store.lines(region):
        for number in line.numbers:
            stored = number.otp.ticket_hash
            if stored and hmac.compare_digest(stored, wanted):
                number.otp.ticket_hash = None
                return number
    return None


def send_code(env: State, number: Number) -> None:
    """Mail a fresh code (otp_digits long, valid otp_valid_minutes, single use) in place of any."""
    settings = env.settings
    code = f"{secrets.randbelow(10**settings.otp_digits):0{settings.otp_digits}d}"
    expires = env.clock.now() + timedelta(minutes=settings.otp_valid_minutes)
    body = wording.fill(
        wording.MAIL_OTP_BODY, settings, code=code, deadline=expires.strftime("%Y年%m月%d日 %H:%M")
    )
    # The code is stored with its mail's place in the outbox: two sends at once (a double click)
    # can then never leave an older mail's code valid and the newest one's refused.
    account = number.otp
    with env.store.transaction():
        previous = (account.code_hash, account.code_expires, account.code_failures)
        account.code_hash, account.code_expires, account.code_failures = digest(code), expires, 0
        message = compose(env, account.address, wording.MAIL_OTP_SUBJECT, body)
        letter = env.outbox.post(account.address, message)
    try:
        env.outbox.deliver(letter)
    except MailNotSent:
        with env.store.transaction():
            if account.code_hash == digest(code):  # nothing newer came meanwhile: keep the old
                account.code_hash, account.code_expires, account.code_failures = previous
        raise


def check_code(env: State, number: Number, code: str) -> str | None:
    """Spend the code if it is right; else return the message to show."""
    account = number.otp
    if not code:
        return wording.ERR_OTP_REQUIRED
    with env.store.transaction():  # two entries at once count twice and spend the code once
        if account.code_hash is None or env.clock.now() >= account.code_expires:
            return wording.ERR_OTP_EXPIRED
        if not hmac.compare_digest(account.code_hash, digest(code)):
            account.code_failures += 1
            if account.code_failures >= env.settings.otp_max_failures:
                account.code_hash = None
            return wording.ERR_OTP_WRONG
        account.code_hash = None
        return None
