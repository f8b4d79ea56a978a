"""Spaces: whole environments of their own inside one served replica.

A space holds one State (lines and numbers, clock, settings, inbox, faults, calls, sessions); a
team shares one replica, each job or tester in a space of its own. The `default` space is the
replica as it always was: paths without a space reach it. Numbers are booked across spaces, so
a number is in one space only and a login, a call or a mail finds its space by the number.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .config import Settings
from .state import State
from .store import DEFAULT_SPACE, NumberBook, SpaceError

SPACE_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")
MAX_NAME = 80


@dataclass(eq=False)
class Space:
    """One space: its id, its name, its state, and when it was made and last used."""

    id: str
    name: str
    state: State
    created_at: datetime
    last_used: float = field(default_factory=time.monotonic)

    def as_json(self, idle_hours: float) -> dict[str, Any]:
        """Describe the space for the control API."""
        idle = time.monotonic() - self.last_used
        return {
            "id": self.id,
            "name": self.name,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "now": self.state.clock.now().isoformat(),
            "lines": len(self.state.store.lines()),
            "mails": len(self.state.mailbox.all()),
            "idle_seconds": round(idle, 1),
            "expires_in_seconds": None
            if self.id == DEFAULT_SPACE
            else round(max(0.0, idle_hours * 3600 - idle), 1),
        }


class Spaces:
    """Make, find, list, expire and delete the spaces of one environment."""

    def __init__(
        self,
        make: Callable[[str, Settings | None], State],
        default: State,
        book: NumberBook,
        *,
        cap: int = 100,
        idle_hours: float = 24.0,
    ) -> None:
        self._make = make
        self._lock = threading.RLock()
        self.book = book
        self.cap = cap
        self.idle_hours = idle_hours
        self.default = Space(DEFAULT_SPACE, "既定", default, datetime.now(UTC))
        self._spaces: dict[str, Space] = {DEFAULT_SPACE: self.default}

    def create(self, name: str | None = None, settings: Settings | None = None) -> Space:
        """Make a fresh space with its own seeded lines; refuse one past the cap."""
        if name is not None and (not isinstance(name, str) or len(name) > MAX_NAME):
            raise SpaceError("name", f"a name is text of at most {MAX_NAME} characters")
        with self._lock:
            self.expire()
            if len(self._spaces) >= self.cap:
                raise SpaceError(
                    "space",
                    f"at most {self.cap} spaces (the default one included) may be open at once; "
                    "delete one (DELETE /api/spaces/ID), or wait for idle ones to expire after "
                    f"{self.idle_hours:g} hours",
                    409,
                )
            space_id = secrets.token_hex(6)
            state = self._make(space_id, settings)
            space = Space(space_id, name or space_id, state, datetime.now(UTC))
            self._spaces[space_id] = space
            return space

    def find(self, space_id: str) -> Space:
        """Return the space with this id, marked used; refuse a malformed, unknown or expired
        one, naming it."""
        if not isinstance(space_id, str) or not SPACE_ID.fullmatch(space_id):
            raise SpaceError(
                "space", f"{str(space_id)[:60]!r} is not a space id (1–40 of A–Z a–z 0–9 _ -)"
            )
        with self._lock:
            self.expire()
            space = self._spaces.get(space_id)
            if space is None:
                raise SpaceError(
                    "space", f"no space {space_id!r} (deleted, expired or never made)", 404
                )
            space.last_used = time.monotonic()
            return space

    def get(self, space_id: str) -> Space | None:
        """Return the space with this id, or None (a malformed id too)."""
        try:
            return self.find(space_id)
        except SpaceError:
            return None

    def owner(self, region: str, number: str) -> Space | None:
        """Return the space a number of region belongs to, or None."""
        owner = self.book.owner(region, number)
        with self._lock:
            return self._spaces.get(owner) if owner else None

    def owner_anywhere(self, number: str) -> Space | None:
        """Return the space a number belongs to in any region, if it is in one space only."""
        owners = self.book.owners(number)
        with self._lock:
            return self._spaces.get(next(iter(owners))) if len(owners) == 1 else None

    def all(self) -> list[Space]:
        """Return every live space, the default first."""
        with self._lock:
            self.expire()
            return list(self._spaces.values())

    def delete(self, space_id: str) -> None:
        """End a space: its sessions end, its waits are answered, its numbers are freed."""
        space = self.find(space_id)
        if space is self.default:
            raise SpaceError(
                "space", "the default space cannot be deleted (POST /api/reset resets it)", 409
            )
        with self._lock:
            self._spaces.pop(space_id, None)
        self._close(space)

    def expire(self) -> None:
        """Delete the spaces left idle longer than idle_hours."""
        limit = time.monotonic() - self.idle_hours * 3600
        with self._lock:
            idle = [
                s for s in self._spaces.values() if s is not self.default and s.last_used < limit
            ]
            for space in idle:
                del self._spaces[space.id]
        for space in idle:
            self._close(space)

    @staticmethod
    def _close(space: Space) -> None:
        space.state.mailbox.close()
        with space.state.store.transaction() as store:
            store.reset()
