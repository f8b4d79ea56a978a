"""The rules of logging in and changing passwords, apart from the web layer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from .. import wording
from ..regions import REGIONS
from ..security import hash_password, verify_password
from ..store import MUST_CHANGE, NOTICE, PASSWORD, READY, TEMPORARY, Credential, Line, Number
from ..store import Session as ServerSession
from . import rules

if TYPE_CHECKING:
    from ..environment import Environment

REASON_TEMP = "temporary"
REASON_EXPIRED = "expired"


@dataclass(frozen=True)
class LoginResult:
    """Carry either the opened session or the message to show."""

    session: ServerSession | None = None
    error: str | None = None


def expire_idle_sessions(env: Environment) -> list[ServerSession]:
    """End every session idle for the timeout or longer (by the mock's clock)."""
    idle = timedelta(minutes=env.settings.idle_timeout_minutes)
    return env.store.expire_sessions(env.clock.now() - idle)


def authenticate(
    env: Environment, region: str, number: str, password: str, own_sid: str | None = None
) -> LoginResult:
    """Check a login and open a session at the screen it must see first.

    Wrong entries count towards the credential's limit (3 for a 仮パスワード, 10 for a パスワード);
    a success resets the count. A refusal never tells whether the number exists, except that a
    voided credential says so, as the customer must then set a new one by phone.
    """
    settings = env.settings
    access = REGIONS[region].access_number_display
    with env.store.transaction() as store:
        expire_idle_sessions(env)
        found = store.find_number(region, number)
        credential = None
        if found is not None and rules.may_log_in(*found):
            credential = found[1].credential
        if credential is None:
            # Spend the same time as a real check, so timing does not tell which numbers exist.
            verify_password(_dummy_hash(env), password)
            return LoginResult(error=wording.ERR_LOGIN_FAILED)
        now = env.clock.now()
        if credential.kind == TEMPORARY and rules.is_expired(credential, now, settings):
            credential.void = True
        if credential.void:
            return LoginResult(error=void_message(credential, access))
        if not verify_password(credential.password_hash, password):
            credential.failures += 1
            if credential.failures >= rules.failure_limit(credential, settings):
                credential.void = True
                return LoginResult(error=void_message(credential, access))
            return LoginResult(error=wording.ERR_LOGIN_FAILED)
        credential.failures = 0
        others = [s for s in store.sessions_for(region, number) if s.sid != own_sid]
        if settings.relogin_blocked_until_idle_timeout and others:
            return LoginResult(
                error=wording.ERR_ALREADY_LOGGED_IN.format(minutes=settings.idle_timeout_minutes)
            )
        for other in others:
            store.close_session(other.sid)
        if own_sid:
            store.close_session(own_sid)
        stage, reason = READY, None
        if credential.kind == TEMPORARY:
            stage, reason = MUST_CHANGE, REASON_TEMP
        elif rules.is_expired(credential, now, settings):
            stage, reason = MUST_CHANGE, REASON_EXPIRED
        elif rules.in_notice_window(credential, now, settings):
            stage = NOTICE
        return LoginResult(session=store.open_session(region, number, now, stage, reason))


def void_message(credential: Credential, access: str) -> str:
    """Say that the credential is void and that a new 仮パスワード is set by phone."""
    template = wording.ERR_TEMP_VOID if credential.kind == TEMPORARY else wording.ERR_PASSWORD_VOID
    return template.format(access=access)


def check_current(env: Environment, number: Number, password: str) -> bool:
    """Tell whether password is the number's current (temporary or permanent) password."""
    credential = number.credential
    return (
        credential is not None
        and not credential.void
        and verify_password(credential.password_hash, password)
    )


def change_errors(
    env: Environment, login: Number, target: Number, current: str, new: str, confirm: str
) -> list[str]:
    """Return every reason to refuse a password change, in the order of the fields."""
    errors = []
    if not current:
        errors.append(wording.ERR_CURRENT_REQUIRED)
    elif not check_current(env, login, current):
        errors.append(wording.ERR_CURRENT_WRONG)
    errors += rules.new_password_errors(new, confirm, env.settings)
    if errors:
        return errors
    temporary = login.credential is not None and login.credential.kind == TEMPORARY
    if new == current or (target is not login and check_current(env, target, new)):
        errors.append(wording.ERR_NEW_SAME_AS_TEMP if temporary else wording.SAME_AS_CURRENT_RULE)
    return errors


def set_password(env: Environment, number: Number, new: str) -> None:
    """Give the number a fresh パスワード, valid for 60 days from now."""
    number.credential = Credential(
        PASSWORD, hash_password(new, env.settings.password_hash_method), env.clock.now()
    )


def find(env: Environment, session: ServerSession) -> tuple[Line, Number] | None:
    """Return the line and number a session logged in with."""
    return env.store.find_number(session.region, session.number)


_DUMMY_HASHES: dict[str, str] = {}


def _dummy_hash(env: Environment) -> str:
    method = env.settings.password_hash_method
    if method not in _DUMMY_HASHES:
        _DUMMY_HASHES[method] = hash_password("not-a-password", method)
    return _DUMMY_HASHES[method]
