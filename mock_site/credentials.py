"""The guide's rules for passwords and credentials, as pure functions (units: accounts.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from . import wording
from .config import Settings
from .store import TEMPORARY, Credential


def new_password_errors(new: str, confirm: str, settings: Settings) -> list[str]:
    """Return what is wrong with a new password and its confirmation, in field order."""
    errors = []
    if not new:
        errors.append(wording.ERR_NEW_REQUIRED)
    elif not (
        settings.password_min_length <= len(new) <= settings.password_max_length
        and new.isascii()
        and new.isalnum()
    ):
        errors.append(wording.fill(wording.ERR_NEW_FORMAT, settings))
    elif new.isdigit():
        errors.append(wording.ERR_NEW_DIGITS_ONLY)
    if not confirm:
        errors.append(wording.ERR_CONFIRM_REQUIRED)
    elif new and confirm != new:
        errors.append(wording.ERR_CONFIRM_MISMATCH)
    return errors


def is_password(value: str, settings: Settings) -> bool:
    """Tell whether value may be set as a パスワード (SPEC §6)."""
    return not new_password_errors(value, value, settings)


def expires_at(credential: Credential, settings: Settings) -> datetime:
    """Return when a credential stops working: after temp_password_valid_hours for a 仮パスワード,
    after password_valid_days otherwise."""
    if credential.kind == TEMPORARY:
        return credential.issued_at + timedelta(hours=settings.temp_password_valid_hours)
    return credential.issued_at + timedelta(days=settings.password_valid_days)


def is_expired(credential: Credential, now: datetime, settings: Settings) -> bool:
    """Tell whether the credential's life is over (guide: 「…時間以上経過すると無効」)."""
    return now >= expires_at(credential, settings)


def in_notice_window(credential: Credential, now: datetime, settings: Settings) -> bool:
    """Tell whether a パスワード is in its last days, when the 期限予告 is shown."""
    if credential.kind == TEMPORARY:
        return False
    deadline = expires_at(credential, settings)
    return deadline - timedelta(days=settings.password_notice_days) <= now < deadline


def failure_limit(credential: Credential, settings: Settings) -> int:
    """Return how many consecutive wrong entries void this credential."""
    if credential.kind == TEMPORARY:
        return settings.temp_password_max_failures
    return settings.password_max_failures
