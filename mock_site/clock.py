"""The injectable clock that the whole environment reads instead of the wall clock.

It follows the wall clock plus an offset that tests move; frozen, it stands still until moved,
so a test can stand exactly one second before a deadline however slow the machine is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

# Japan time is UTC+9 without summer time since 1952; a fixed offset keeps far dates (a test
# may set any) in that offset too, where the tz database would give 1887's local mean time.
JST = timezone(timedelta(hours=9), "JST")


# The years the mock's clock may read: far dates overflow datetime arithmetic (year 1, year 9999
# in another time zone) and would break every later request, so a move outside is refused.
EARLIEST = datetime(2000, 1, 1, tzinfo=JST)
LATEST = datetime(2099, 12, 31, 23, 59, 59, tzinfo=JST)


class ClockOutOfRange(ValueError):
    """Say that a move would take the clock outside EARLIEST..LATEST; the clock did not move."""

    def __init__(self) -> None:
        super().__init__(
            f"the mock's clock stays between {EARLIEST:%Y-%m-%d} and {LATEST:%Y-%m-%d}"
        )


def check_in_range(when: datetime) -> None:
    """Refuse a time the clock may not read."""
    if not EARLIEST <= when <= LATEST:
        raise ClockOutOfRange


class Clock:
    """Tell the mock's time: the wall clock plus an offset that tests move."""

    def __init__(self, wall: Callable[[], datetime] | None = None) -> None:
        self._wall = wall or (lambda: datetime.now(UTC))
        self._offset = timedelta()
        self._frozen_at: datetime | None = None
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """Return the mock's current time, timezone-aware, in Japan time."""
        with self._lock:
            if self._frozen_at is not None:
                return self._frozen_at.astimezone(JST)
            offset = self._offset
        return (self._wall() + offset).astimezone(JST)

    def advance(self, seconds: float) -> datetime:
        """Move the clock forward (or back, for negative seconds) and return the new time."""
        try:
            check_in_range(self.now() + timedelta(seconds=seconds))
        except OverflowError:
            raise ClockOutOfRange from None
        with self._lock:
            self._offset += timedelta(seconds=seconds)
            if self._frozen_at is not None:
                self._frozen_at += timedelta(seconds=seconds)
        return self.now()

    def set(self, when: datetime) -> datetime:
        """Move the clock so that it reads when (naive times are taken as Japan time)."""
        if when.tzinfo is None:
            when = when.replace(tzinfo=JST)
        try:
            check_in_range(when)
        except OverflowError:
            raise ClockOutOfRange from None
        with self._lock:
            self._offset = when - self._wall()
            if self._frozen_at is not None:
                self._frozen_at = when
        return self.now()

    def freeze(self, frozen: bool = True) -> datetime:
        """Stop the clock where it stands (or let it run on from there, with frozen=False)."""
        now = self.now()
        with self._lock:
            if frozen:
                self._frozen_at = now
            else:
                self._frozen_at = None
                self._offset = now - self._wall()
        return self.now()

    @property
    def frozen(self) -> bool:
        """Tell whether the clock stands still."""
        with self._lock:
            return self._frozen_at is not None

    @property
    def offset_seconds(self) -> float:
        """Return how far the clock stands from the wall clock."""
        with self._lock:
            return self._offset.total_seconds()

    def reset(self) -> None:
        """Put the clock back on the running wall clock."""
        with self._lock:
            self._offset = timedelta()
            self._frozen_at = None
