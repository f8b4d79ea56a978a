"""The rules of logging in, apart from the web layer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import wording
from ..security import hash_password, verify_password
from ..store import Session

if TYPE_CHECKING:
    from ..environment import Environment


@dataclass(frozen=True)
class LoginResult:
    """Carry either the opened session or the message to show."""

    session: Session | None = None
    error: str | None = None


def authenticate(env: Environment, region: str, number: str, password: str) -> LoginResult:
    """Open a session when the number's credential matches; never tell which part was wrong."""
    with env.store.transaction() as store:
        found = store.find_number(region, number)
        credential = found[1].credential if found else None
        if credential is None or credential.void:
            # Spend the same time as a real check, so timing does not tell which numbers exist.
            verify_password(_dummy_hash(env), password)
            return LoginResult(error=wording.ERR_LOGIN_FAILED)
        if not verify_password(credential.password_hash, password):
            return LoginResult(error=wording.ERR_LOGIN_FAILED)
        return LoginResult(session=store.open_session(region, number, env.clock.now()))


_DUMMY_HASHES: dict[str, str] = {}


def _dummy_hash(env: Environment) -> str:
    method = env.settings.password_hash_method
    if method not in _DUMMY_HASHES:
        _DUMMY_HASHES[method] = hash_password("not-a-password", method)
    return _DUMMY_HASHES[method]
