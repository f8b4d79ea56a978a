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
from .store import OtpChoice

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
class SeedOtp:
    """The ワンタイムパスワード state a seeded line's login numbers start in: declined, or in use
    with an address. (Left out, None: not chosen yet, so the choice screen follows the login.)"""

    choice: OtpChoice
    address: str | None = None

    @classmethod
    def using(cls, address: str) -> SeedOtp:
        return cls(OtpChoice.USE, address)

    def to_wire(self) -> str | dict[str, str]:
        """As POST /api/lines takes it: "decline" or {"address": ...}."""
        return {"address": self.address} if self.choice == OtpChoice.USE else str(self.choice)


DECLINED = SeedOtp(OtpChoice.DECLINE)


@dataclass(frozen=True)
class LineToSeed:
    """A line to seed, one shape from the builder through POST /api/lines to the state: its
    region, numbers (Faker makes those left out: additional_count of them), services (every
    number's, or {number: [...]}; all three when left out), 認証方法, credentials on the numbers
    that log in, label and ワンタイムパスワード state."""

    region: str
    contract_number: str | None = None
    additional_numbers: tuple[str, ...] | None = None
    additional_count: int = 2
    services: tuple[str, ...] | dict[str, tuple[str, ...]] | None = None
    auth_unit: str | None = None
    password: str | None = None
    temp_password: str | None = None
    label: str = ""
    otp: SeedOtp | None = None

    @property
    def numbers(self) -> tuple[str, ...]:
        """The contract number followed by the additional numbers (those given)."""
        return (self.contract_number, *(self.additional_numbers or ()))

    def to_wire(self) -> dict:
        """The body of POST /api/lines for this line."""
        services = self.services
        if isinstance(services, dict):
            services = {number: list(keys) for number, keys in services.items()}
        elif services is not None:
            services = list(services)
        fields = {
            "region": self.region,
            "contract_number": self.contract_number,
            "additional_numbers": None if self.additional_numbers is None
            else list(self.additional_numbers),
            "additional_count": self.additional_count,
            "services": services,
            "auth_unit": self.auth_unit,
            "password": self.password,
            "temp_password": self.temp_password,
            "label": self.label,
            "otp": None if self.otp is None else self.otp.to_wire(),
        }  # fmt: skip
        return {key: value for key, value in fields.items() if value is not None}


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
def default_lines(seed: int) -> tuple[LineToSeed, ...]:
    """Return the guide's example line and a quick-try line with a password, in each region."""
    rng = random.Random(seed)
    lines = []
    for key in REGIONS:
        lines.append(LineToSeed(key, GUIDE_CONTRACT, GUIDE_ADDITIONAL, label=GUIDE_LABEL))
        lines.append(
            LineToSeed(
                key,
                fake_number(rng, key),
                (fake_number(rng, key),),
                auth_unit=wording.UNIT_LINE,
                password=QUICK_TRY_PASSWORD,
                label="お試し用（パスワード設定済み）",
            )
        )
    return tuple(lines)


def renumbered(
    lines: tuple[LineToSeed, ...], fresh: Callable[[str], str]
) -> tuple[LineToSeed, ...]:
    """Return the same lines with new numbers from fresh(region): a space's own seeded lines."""
    return tuple(
        replace(
            line,
            contract_number=fresh(line.region),
            additional_numbers=tuple(fresh(line.region) for _ in line.additional_numbers),
        )
        for line in lines
    )
