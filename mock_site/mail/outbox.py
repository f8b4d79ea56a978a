"""Mail written under the store's lock and sent after it, in the order written.

What a mail carries (a code's hash, a registration URL's token) is stored under the store's lock
together with the mail's place in the outbox; the mail itself leaves after the lock is released,
so a slow or failing mail server holds only the requests that send to that address. Mails to
one address leave one at a time in the order they were written, so the newest mail always
carries the newest code, however many sends overlap.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message

from .send import MailNotSent


@dataclass(eq=False)
class _Lane:
    """The mails to one address, in the order written, and the lock of their sending."""

    queue: deque[Letter] = field(default_factory=deque)
    sending: threading.Lock = field(default_factory=threading.Lock)
    users: int = 0  # letters posted and not yet sent; the lane goes when none are left


@dataclass(eq=False)
class Letter:
    """One mail posted to the outbox, and, once sent, how it went."""

    to: str
    message: Message
    lane: _Lane
    sent: threading.Event = field(default_factory=threading.Event)
    error: MailNotSent | None = None


class Outbox:
    """Queue mail under the caller's lock and send it outside every lock, one lane per address."""

    def __init__(self, transmit: Callable[[Message], None]) -> None:
        self._transmit = transmit
        self._lock = threading.Lock()
        self._lanes: dict[str, _Lane] = {}

    def post(self, to: str, message: Message) -> Letter:
        """Queue a mail; call it under the lock that stores what the mail carries."""
        key = to.lower()
        with self._lock:
            lane = self._lanes.setdefault(key, _Lane())
            lane.users += 1
            letter = Letter(to, message, lane)
            lane.queue.append(letter)
        return letter

    def deliver(self, letter: Letter) -> None:
        """Send the letter, after any written before it to the same address; hold no lock of
        the caller's. Raise MailNotSent when the mail server refused it."""
        lane = letter.lane
        with lane.sending:  # only mails to the same address wait for each other
            while not letter.sent.is_set():
                with self._lock:
                    first = lane.queue.popleft()
                try:
                    self._transmit(first.message)
                except MailNotSent as error:
                    first.error = error
                finally:
                    self._done(first)
        if letter.error is not None:
            raise letter.error

    def _done(self, letter: Letter) -> None:
        with self._lock:
            letter.lane.users -= 1
            if letter.lane.users == 0 and self._lanes.get(letter.to.lower()) is letter.lane:
                del self._lanes[letter.to.lower()]
        letter.sent.set()

    def lanes(self) -> int:
        """Return how many addresses have mail waiting (for tests: none once all is sent)."""
        with self._lock:
            return len(self._lanes)
