"""The lines every environment starts with, and made-up numbers for lines seeded later."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from faker import Faker

from . import wording
from .config import Settings
from .regions import REGIONS

GUIDE_CONTRACT = "0300001111"
GUIDE_ADDITIONAL = ("0300002222", "0300003333")
GUIDE_NUMBERS = (GUIDE_CONTRACT, *GUIDE_ADDITIONAL)
GUIDE_LABEL = "ガイドの例（パスワード未設定）"  # another space has the line with numbers of its own
QUICK_TRY_PASSWORD = "hikari2026"
ALL_SERVICES = tuple(wording.SERVICE_NAMES)

# Area codes for made-up numbers: two-digit ones give 0A-BBBB-CCCC, three-digit 0AB-CCC-DDDD.
AREA_CODES = {
    "east": ("03", "011", "022", "045", "048"),
    "west": ("06", "052", "075", "078", "092"),
}


@dataclass(frozen=True)
class SeededLine:
    """Describe a default line: where it is and, for the quick-try line, its password."""

    region: str
    contract_number: str
    additional_numbers: tuple[str, ...]
    password: str | None
    label: str

    @property
    def all_numbers(self) -> tuple[str, ...]:
        """Return the contract number followed by the additional numbers."""
        return (self.contract_number, *self.additional_numbers)


def fake_number(rng: random.Random, region: str) -> str:
    """Return a made-up 10-digit number with one of the region's area codes.

    rng is a seeded random.Random, e.g. a Faker's own (faker.random).
    """
    area = rng.choice(AREA_CODES[region])
    digits = 10 - len(area)
    return area + str(rng.randrange(10**digits)).zfill(digits)


def notice_address(kind: str, number) -> str:
    """Return the quick-try line's 着信 (kind "call") or FAX notification address of a number."""
    return f"{kind}-{number.number}@example.jp"


def fake_password(faker: Faker, settings: Settings | None = None) -> str:
    """Return a password the rules in force accept: password_min_length up to four more
    (within password_max_length) letters and digits, not digits only."""
    rules = settings or Settings()
    shortest = rules.password_min_length
    length = faker.random_int(shortest, min(rules.password_max_length, shortest + 4))
    return faker.password(length=length, special_chars=False, digits=True, upper_case=True)


@cache
def default_lines(seed: int) -> tuple[SeededLine, ...]:
    """Return the guide's example line and a quick-try line with a password, in each region."""
    rng = random.Random(seed)
    lines = []
    for key in REGIONS:
        lines.append(SeededLine(key, GUIDE_CONTRACT, GUIDE_ADDITIONAL, None, GUIDE_LABEL))
        lines.append(
            SeededLine(
                key,
                fake_number(rng, key),
                (fake_number(rng, key),),
                QUICK_TRY_PASSWORD,
                "お試し用（パスワード設定済み）",
            )
        )
    return tuple(lines)


def renumbered(
    lines: tuple[SeededLine, ...], fresh: Callable[[str], str]
) -> tuple[SeededLine, ...]:
    """Return the same lines with new numbers from fresh(region): a space's own seeded lines."""
    return tuple(
        replace(
            line,
            contract_number=fresh(line.region),
            additional_numbers=tuple(fresh(line.region) for _ in line.additional_numbers),
        )
        for line in lines
    )
