"""What the phone network, the switchboard and the mail sender read of the environment's state.

They are parts of the state (state.py builds them), so they name it by this protocol rather
than by State itself, and the state imports them without an import going round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from .clock import Clock
from .config import Settings
from .faults import FaultBook
from .store import Store

if TYPE_CHECKING:
    from .mail.outbox import Outbox
    from .phone.speech import Speech


class Parts(Protocol):
    """The settings, clock and store, the outbox, where the sites and the sink are, and password
    hashing."""

    settings: Settings
    clock: Clock
    store: Store
    faults: FaultBook
    speech: Speech
    outbox: Outbox
    site_urls: dict[str, str]
    space_id: str

    def hash(self, password: str) -> str: ...

    def smtp_address(self) -> tuple[str, int]: ...
