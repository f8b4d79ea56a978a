"""Faults on the site and the phone, scoped as the mail's are: what production does to a
customer's automation (a maintenance window, a slow answer, a session dropped by the server, a
system error; a call that drops mid-guidance, a busy access number), played for one number (or
one line) and optionally one path, until the next reset or for a number of uses.

The mail's faults (refuse, delay, hang up, for one recipient) live with the sink
(mail/sink.py); the control API's /api/faults shows both as one resource.
"""

from __future__ import annotations

import itertools
import random
import threading
from dataclasses import asdict, dataclass, field

SITE, PHONE, MAIL = "site", "phone", "mail"
MAINTENANCE, LATENCY, DROP_SESSION, ERROR = "maintenance", "latency", "drop_session", "error"
DROP_CALL, BUSY = "drop_call", "busy"
REFUSE, DELAY, DROP = "refuse", "delay", "drop"  # the mail's, played by the sink
KINDS = {
    SITE: (MAINTENANCE, LATENCY, DROP_SESSION, ERROR),
    PHONE: (DROP_CALL, BUSY),
    MAIL: (REFUSE, DELAY, DROP),
}


@dataclass
class Rule:
    """One fault: what to play, for which numbers and path, how many more times."""

    channel: str
    kind: str
    region: str | None = None  # None: both regions
    numbers: frozenset[str] = frozenset()  # empty: every number (and requests with none)
    path: str | None = None  # the site's path (e.g. /VUM_Disp.do); None: every path
    latency_ms: int = 0
    latency_max_ms: int | None = None  # latency drawn between latency_ms and this
    after_sentences: int = 0  # a dropped call ends after this many sentences
    uses: int | None = None  # None: until the reset
    used: int = 0
    id: int = 0
    number: str | None = field(default=None, repr=False)  # as asked, for the description
    line: bool = False

    def matches(self, channel: str, region: str | None, number: str | None, path: str | None):
        return (
            self.channel == channel
            and (self.region is None or self.region == region)
            and (not self.numbers or number in self.numbers)
            and (self.path is None or self.path == path)
        )

    def as_json(self) -> dict:
        described = asdict(self)
        described["numbers"] = sorted(self.numbers)
        return described


class FaultBook:
    """Hold the site's and the phone's faults; a match spends one use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[Rule] = []
        self._ids = itertools.count(1)

    def add(self, rule: Rule) -> Rule:
        with self._lock:
            rule.id = next(self._ids)
            self._rules.append(rule)
            return rule

    def remove(self, rule_id: int) -> bool:
        with self._lock:
            kept = [rule for rule in self._rules if rule.id != rule_id]
            removed = len(kept) != len(self._rules)
            self._rules[:] = kept
            return removed

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def all(self) -> list[Rule]:
        with self._lock:
            return list(self._rules)

    def take(
        self,
        channel: str,
        region: str | None,
        number: str | None,
        path: str | None = None,
        kinds: tuple[str, ...] | None = None,
    ) -> Rule | None:
        """Return the newest fault that applies (of kinds, when given), and spend one of its
        uses (gone when spent)."""
        with self._lock:
            for rule in reversed(self._rules):
                if rule.matches(channel, region, number, path) and (
                    kinds is None or rule.kind in kinds
                ):
                    rule.used += 1
                    if rule.uses is not None and rule.used >= rule.uses:
                        self._rules.remove(rule)
                    return rule
            return None


def latency_seconds(rule: Rule) -> float:
    """Return how long a latency fault holds this answer: fixed, or drawn between its bounds."""
    high = rule.latency_max_ms if rule.latency_max_ms is not None else rule.latency_ms
    return random.uniform(rule.latency_ms, max(high, rule.latency_ms)) / 1000
