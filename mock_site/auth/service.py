"""The rules of logging in and changing passwords, apart from the web layer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from .. import accounts, wording
from .. import credentials as rules
from ..config import Settings
from ..regions import REGIONS
from ..security import hash_password, verify_password
from ..store import (
    MUST_CHANGE,
    NOTICE,
    PASSWORD,
    READY,
    TEMPORARY,
    Credential,
    Number,
    Store,
)
from ..store import Session as ServerSession

if TYPE_CHECKING:
    from ..state import State

REASON_TEMP = "temporary"
REASON_EXPIRED = "expired"


@dataclass(frozen=True)
class LoginResult:
    """Carry either the opened session or the message to show."""

    session: ServerSession | None = None
    error: str | None = None


def authenticate(
    env: State, region: str, number: str, password: str, own_sid: str | None = None
) -> LoginResult:
    """Check a login and open a session at the screen it must see first.

    Wrong entries count towards the credential's limit (temp_password_max_failures for a
    仮パスワード, password_max_failures for a パスワード);
    a success resets the count. A refusal never tells whether the number exists, except that a
    voided credential says so, as the customer must then set a new one by phone.
    """
    settings = env.settings
    access = REGIONS[region].access_number_display
    while True:
        with env.store.transaction() as store:
            accounts.expire_idle_sessions(store, env.clock.now(), settings)
            credential = _credential(store, region, number)
            if credential is not None:
                if credential.kind == TEMPORARY and rules.is_expired(
                    credential, env.clock.now(), settings
                ):
                    credential.void = True
                if credential.void:
                    return LoginResult(error=void_message(credential, access, settings))
            checked = _dummy_hash(settings) if credential is None else credential.password_hash
        # The password check (scrypt, a few ms) runs outside the store's lock, so that other
        # requests go on meanwhile; what it decides is applied under the lock, to the credential
        # as it is then, checked again from the start if it was replaced meanwhile.
        matches = verify_password(checked, password)
        if credential is None:
            # Same time as a real check, so timing does not tell which numbers exist.
            return LoginResult(error=wording.ERR_LOGIN_FAILED)
        with env.store.transaction() as store:
            if (
                _credential(store, region, number) is not credential
                or credential.password_hash != checked
            ):
                continue  # a new 仮パスワード or パスワード came meanwhile: check against it
            return _conclude(env, store, region, number, credential, matches, own_sid, access)


def _credential(store: Store, region: str, number: str) -> Credential | None:
    """Return the credential a login with this number checks, or None if it may not log in."""
    found = store.find_number(region, number)
    if found is not None and accounts.may_log_in(*found):
        return found[1].credential
    return None


def _conclude(
    env: State,
    store: Store,
    region: str,
    number: str,
    credential: Credential,
    matches: bool,
    own_sid: str | None,
    access: str,
) -> LoginResult:
    """Count a failure, or open the session (under the store's lock)."""
    settings = env.settings
    if credential.void:  # voided meanwhile (by failures alongside this one)
        return LoginResult(error=void_message(credential, access, settings))
    if not matches:
        credential.failures += 1
        if credential.failures >= rules.failure_limit(credential, settings):
            credential.void = True
            return LoginResult(error=void_message(credential, access, settings))
        return LoginResult(error=wording.ERR_LOGIN_FAILED)
    credential.failures = 0
    others = [s for s in store.sessions_for(region, number) if s.sid != own_sid]
    if settings.relogin_blocked_until_idle_timeout and others:
        return LoginResult(error=wording.fill(wording.ERR_ALREADY_LOGGED_IN, settings))
    for other in others:
        store.close_session(other.sid)
    if own_sid:
        store.close_session(own_sid)
    now = env.clock.now()
    stage, reason = READY, None
    if credential.kind == TEMPORARY:
        stage, reason = MUST_CHANGE, REASON_TEMP
    elif rules.is_expired(credential, now, settings):
        stage, reason = MUST_CHANGE, REASON_EXPIRED
    elif rules.in_notice_window(credential, now, settings):
        stage = NOTICE
    return LoginResult(session=store.open_session(region, number, now, stage, reason))


def void_message(credential: Credential, access: str, settings: Settings) -> str:
    """Say that the credential is void and that a new 仮パスワード is set by phone."""
    template = wording.ERR_TEMP_VOID if credential.kind == TEMPORARY else wording.ERR_PASSWORD_VOID
    return wording.fill(template, settings, access=access)


def check_current(number: Number, password: str) -> bool:
    """Tell whether password is the number's current (temporary or permanent) password."""
    credential = number.credential
    return (
        credential is not None
        and not credential.void
        and verify_password(credential.password_hash, password)
    )


def change_errors(
    settings: Settings, login: Number, target: Number, current: str, new: str, confirm: str
) -> list[str]:
    """Return every reason to refuse a password change, in the order of the fields."""
    errors = []
    if not current:
        errors.append(wording.ERR_CURRENT_REQUIRED)
    elif not check_current(login, current):
        errors.append(wording.ERR_CURRENT_WRONG)
    errors += rules.new_password_errors(new, confirm, settings)
    if errors:
        return errors
    temporary = login.credential is not None and login.credential.kind == TEMPORARY
    if new == current or (target is not login and check_current(target, new)):
        errors.append(wording.ERR_NEW_SAME_AS_TEMP if temporary else wording.SAME_AS_CURRENT_RULE)
    return errors


def set_password(number: Number, new: str, settings: Settings, now: datetime) -> None:
    """Give the number a fresh パスワード, valid for password_valid_days from now."""
    number.credential = Credential(PASSWORD, hash_password(new, settings.password_hash_method), now)


_DUMMY_HASHES: dict[str, str] = {}


def _dummy_hash(settings: Settings) -> str:
    method = settings.password_hash_method
    if method not in _DUMMY_HASHES:
        _DUMMY_HASHES[method] = hash_password("not-a-password", method)
    return _DUMMY_HASHES[method]
