"""Who may log in and what a login reaches (認証方法, SPEC §3), and which sessions are alive (§5).

Every blueprint and the control API ask these; none asks another blueprint.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from . import wording
from .config import Settings
from .store import Line, Number, Store
from .store import Session as ServerSession

UNITS_WHERE_EVERY_NUMBER_LOGS_IN = (wording.UNIT_NUMBER, wording.UNIT_ADMIN)


def may_log_in(line: Line, number: Number) -> bool:
    """Tell whether number may log in under its line's unit (SPEC §3)."""
    if line.auth_unit is None:
        return False
    return number.is_contract or line.auth_unit in UNITS_WHERE_EVERY_NUMBER_LOGS_IN


def login_numbers(line: Line) -> list[Number]:
    """Return the numbers of a line that may log in under its unit (SPEC §3)."""
    if line.auth_unit in (None, wording.UNIT_LINE):
        return [line.contract]
    return list(line.numbers)


def reach(line: Line, number: Number) -> list[Number]:
    """Return the numbers a login with number may set and change passwords for (SPEC §3)."""
    if number.is_contract and line.auth_unit in (wording.UNIT_LINE, wording.UNIT_ADMIN):
        return list(line.numbers)
    return [number]


def password_change_targets(line: Line, number: Number) -> list[Number]:
    """Return the numbers whose password this login may change (SPEC §9).

    Under 回線単位 only the contract number has a password, so only 管理者 picks among several.
    """
    if number.is_contract and line.auth_unit == wording.UNIT_ADMIN:
        return list(line.numbers)
    return [number]


def logged_in(store: Store, session: ServerSession) -> tuple[Line, Number] | None:
    """Return the line and number a session logged in with."""
    return store.find_number(session.region, session.number)


def expire_idle_sessions(store: Store, now: datetime, settings: Settings) -> list[ServerSession]:
    """End every session idle for idle_timeout_minutes or longer (by the mock's clock)."""
    return store.expire_sessions(now - timedelta(minutes=settings.idle_timeout_minutes))
