"""The environment's state, apart from its servers: settings, clock, store, mailbox, faults and
calls, and the seeding of lines (the ワンタイムパスワード choice included).

Everything the sites, the phone and the control API change lives here; environment.py builds
the apps on a State and serves them.
"""

from __future__ import annotations

import random
import traceback
from typing import TYPE_CHECKING

from . import accounts, seed, wording
from .clock import Clock
from .config import Settings
from .faults import FaultBook
from .mail import Faults, Mailbox
from .mail.outbox import Outbox
from .mail.send import MailNotSent, transmit
from .phone import PhoneNetwork
from .phone.speech import Speech
from .security import hash_password
from .services.incoming import Switchboard
from .store import DEFAULT_SPACE, PASSWORD, TEMPORARY, Credential, Line, NumberBook, Store

if TYPE_CHECKING:
    from faker import Faker

# A new space's seeded numbers: a seeded Random would give every new space the same ones.
_RANDOM = random.SystemRandom()


class State:
    """Hold one space's settings, clock, store, mailbox, faults and calls, and seed lines into
    them. Numbers are booked across spaces (book), so each number is in one space only."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        seed_value: int = 2026,
        space_id: str = DEFAULT_SPACE,
        book: NumberBook | None = None,
        speech: Speech | None = None,
    ) -> None:
        self.initial_settings = self.settings = settings or Settings()
        self.seed_value = seed_value
        self.space_id = space_id
        self.clock = Clock()
        self.store = Store(book, space_id)
        self.mailbox = Mailbox(self.clock.now)
        self.mail_faults = Faults()  # the sink's, by recipient
        self.outbox = Outbox(lambda message: transmit(self, message))
        self.faults = FaultBook()  # the site's and the phone's, by number and path
        # What a view raised unexpectedly (the page said 500): for the test that caused it.
        self.server_errors: list[dict[str, str]] = []
        self.speech = speech or Speech()
        self.phone = PhoneNetwork(self)
        self.switchboard = Switchboard(self)
        # Where the running parts are, for links in mails; set by the environment that serves them.
        self.site_urls: dict[str, str] = {}
        self.smtp: tuple[str, int] | None = None
        self._faker: Faker | None = None
        self._seed_hashes: dict[str, str] = {}
        self._chosen: set[str] = set()
        lines = seed.default_lines(seed_value)
        if space_id != DEFAULT_SPACE:  # the guide's numbers are the default space's
            lines = seed.renumbered(lines, lambda region: self._free_number(region, _RANDOM))
        self._seed_lines = lines
        self.reset()

    def record_error(self, method: str, path: str, error: BaseException) -> str:
        """Keep what a view (or the sink) raised unexpectedly, for GET /api/errors; its id."""
        number = str(len(self.server_errors) + 1)
        self.server_errors.append({
            "id": number,
            "method": method,
            "path": path,
            "exception": "".join(traceback.format_exception_only(error)).strip(),
            "traceback": "".join(traceback.format_exception(error)),
        })  # fmt: skip
        return number

    def reset(self) -> None:
        """Return to the seeded lines, the wall clock and an empty inbox."""
        with self.store.transaction():
            self.store.reset(
                (line.region, number) for line in self._seed_lines for number in line.numbers
            )
            self.clock.reset()
            self.mailbox.clear()
            self.mail_faults.clear()
            self.faults.clear()
            self.server_errors.clear()
            self.settings = self.initial_settings
            self.phone.reset()
            self.switchboard.reset()
            self._faker = None
            self.seeded = self._seed_lines
            for seeded in self.seeded:
                line = self.store.add_line(
                    seeded.region,
                    seeded.contract_number,
                    seeded.additional_numbers,
                    {n: seed.ALL_SERVICES for n in seeded.numbers},
                    seeded.auth_unit,
                    seeded.label,
                )
                if seeded.password:
                    # The same password every reset: hash it once, not before every test.
                    if seeded.password not in self._seed_hashes:
                        self._seed_hashes[seeded.password] = self.hash(seeded.password)
                    line.contract.credential = Credential(
                        PASSWORD, self._seed_hashes[seeded.password], self.clock.now()
                    )
                    # So that a call or FAX from the softphone mails someone out of the box.
                    for number in line.numbers:
                        number.call_notice.addresses.append(seed.notice_address("call", number))
                        number.fax_notice.addresses.append(seed.notice_address("fax", number))

    @property
    def faker(self) -> Faker:
        """Return the seeded Faker (ja_JP), made on first use: it is slow to load."""
        if self._faker is None:
            from faker import Faker

            self._faker = Faker("ja_JP")
            self._faker.seed_instance(self.seed_value + 1)
        return self._faker

    def hash(self, password: str) -> str:
        """Hash a password with the configured method."""
        return hash_password(password, self.settings.password_hash_method)

    def add_line(self, new: seed.LineToSeed) -> Line:
        """Seed a line; Faker makes the numbers left out, credentials go where the unit allows
        (回線単位 when a credential is given and no unit), every number uses all three services
        unless said otherwise, and the numbers that log in start in the given ワンタイムパスワード
        state."""
        with self.store.transaction() as store:
            contract_number = new.contract_number or self._free_number(new.region)
            additional_numbers = new.additional_numbers
            if additional_numbers is None:
                additional_numbers = [
                    self._free_number(new.region) for _ in range(new.additional_count)
                ]
            services = seed.ALL_SERVICES if new.services is None else new.services
            if not isinstance(services, dict):
                services = {n: services for n in [contract_number, *additional_numbers]}
            auth_unit = new.auth_unit
            if auth_unit is None and (new.password or new.temp_password):
                auth_unit = wording.UNIT_LINE
            line = store.add_line(
                new.region, contract_number, list(additional_numbers), services, auth_unit,
                new.label,
            )  # fmt: skip
            for number in accounts.login_numbers(line):
                for kind, secret in ((PASSWORD, new.password), (TEMPORARY, new.temp_password)):
                    if secret:
                        number.credential = Credential(kind, self.hash(secret), self.clock.now())
                if new.otp is not None:
                    number.otp.choice, number.otp.address = new.otp.choice, new.otp.address
            return line

    def _free_number(self, region: str, rng: random.Random | None = None) -> str:
        """Return a number no space holds; with rng, a new space's seed, kept apart from the
        seeds chosen before it (they are booked only when seeded)."""
        while True:
            number = seed.fake_number(rng or self.faker.random, region)
            if number not in self._chosen and self.store.book.owner(region, number) is None:
                if rng is not None:
                    self._chosen.add(number)
                return number

    def smtp_address(self) -> tuple[str, int]:
        """Return where the site sends mail: the running sink."""
        if self.smtp is None:
            raise MailNotSent("the SMTP sink is not running; start the environment first")
        return self.smtp
