"""The whole mock environment: East and West sites, the home with its control API, the SMTP sink."""

from __future__ import annotations

import errno
import socket
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from . import create_app, seed, wording
from .clock import Clock
from .config import Settings
from .mail import Faults, Mailbox, SmtpSink
from .mail.send import MailNotSent
from .phone import PhoneNetwork
from .regions import REGIONS
from .security import hash_password
from .services.incoming import Switchboard
from .store import PASSWORD, TEMPORARY, Credential, Line, Store

if TYPE_CHECKING:
    from faker import Faker

PARTS = ("home", "east", "west")
DEFAULT_PORTS = {"home": 5000, "east": 5001, "west": 5002, "smtp": 2525}
FREE_PORTS = dict.fromkeys(DEFAULT_PORTS, 0)  # each part on a port the system picks


class PortInUse(RuntimeError):
    """Say which part could not bind which address, and how to pick another."""


class _Handler(WSGIRequestHandler):
    # Headers and body are written apart; without this the body waits ~40 ms for an ACK.
    disable_nagle_algorithm = True


class _QuietHandler(_Handler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


@dataclass
class _Server:
    server: BaseWSGIServer
    thread: threading.Thread


class Environment:
    """Hold the shared clock, store and mailbox, and run every part on 127.0.0.1."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        seed_value: int = 2026,
        host: str = "127.0.0.1",
        log_requests: bool = False,
    ) -> None:
        self.initial_settings = self.settings = settings or Settings()
        self.seed_value = seed_value
        self.host = host
        self.log_requests = log_requests
        self.clock = Clock()
        self.store = Store()
        self.mailbox = Mailbox(self.clock.now)
        self.faults = Faults()
        self.phone = PhoneNetwork(self)
        self.switchboard = Switchboard(self)
        self._faker: Faker | None = None
        self._seed_hashes: dict[str, str] = {}
        self.ports: dict[str, int] = {}
        self._servers: dict[str, _Server] = {}
        self._sink: SmtpSink | None = None
        from .home import create_home_app

        self.apps = {
            "home": create_home_app(self),
            **{key: create_app(key, env=self) for key in REGIONS},
        }
        self.reset()

    # State ----------------------------------------------------------------------------------

    def reset(self) -> None:
        """Return to the seeded lines, the wall clock and an empty inbox."""
        with self.store.transaction():
            self.store.reset()
            self.clock.reset()
            self.mailbox.clear()
            self.faults.clear()
            self.settings = self.initial_settings
            self.phone.reset()
            self.switchboard.reset()
            self._faker = None
            self.seeded = seed.default_lines(self.seed_value)
            for seeded in self.seeded:
                line = self.store.add_line(
                    seeded.region,
                    seeded.contract_number,
                    seeded.additional_numbers,
                    {n: seed.ALL_SERVICES for n in seeded.all_numbers},
                    wording.UNIT_LINE if seeded.password else None,
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
        """Return the environment's seeded Faker (ja_JP), made on first use: it is slow to load."""
        if self._faker is None:
            from faker import Faker

            self._faker = Faker("ja_JP")
            self._faker.seed_instance(self.seed_value + 1)
        return self._faker

    def hash(self, password: str) -> str:
        """Hash a password with the configured method."""
        return hash_password(password, self.settings.password_hash_method)

    def add_line(
        self,
        region: str,
        contract_number: str | None = None,
        additional_numbers: Iterable[str] | None = None,
        *,
        additional_count: int = 2,
        services: dict[str, Iterable[str]] | Iterable[str] | None = None,
        auth_unit: str | None = None,
        password: str | None = None,
        temp_password: str | None = None,
        label: str = "",
    ) -> Line:
        """Seed a line; Faker makes the numbers left out, credentials go where the unit allows.

        services is a list for every number or a {number: [service, ...]} mapping; by default
        every number uses all three services, as in the guide's example.
        """
        with self.store.transaction() as store:
            contract_number = contract_number or self._free_number(region)
            if additional_numbers is None:
                additional_numbers = [self._free_number(region) for _ in range(additional_count)]
            if services is None:
                services = seed.ALL_SERVICES
            if not isinstance(services, dict):
                services = {n: services for n in [contract_number, *additional_numbers]}
            if auth_unit is None and (password or temp_password):
                auth_unit = wording.UNIT_LINE
            line = store.add_line(
                region, contract_number, additional_numbers, services, auth_unit, label
            )
            for kind, secret in ((PASSWORD, password), (TEMPORARY, temp_password)):
                if secret:
                    for number in self.login_numbers(line):
                        number.credential = Credential(kind, self.hash(secret), self.clock.now())
            return line

    def login_numbers(self, line: Line):
        """Return the numbers of a line that may log in under its unit (SPEC §3)."""
        if line.auth_unit in (None, wording.UNIT_LINE):
            return [line.contract]
        return list(line.numbers)

    def _free_number(self, region: str) -> str:
        while True:
            number = seed.fake_number(self.faker.random, region)
            if self.store.find_number(region, number) is None:
                return number

    # Servers --------------------------------------------------------------------------------

    def start(self, ports: dict[str, int] | None = None) -> Environment:
        """Serve every part; port 0 picks a free one. Raise PortInUse naming the part."""
        wanted = {**DEFAULT_PORTS, **(ports or {})}
        try:
            for part in PARTS:
                server = self._bind(part, wanted[part])
                thread = threading.Thread(
                    target=server.serve_forever,
                    kwargs={"poll_interval": 0.05},
                    name=f"hikari-{part}",
                    daemon=True,
                )
                thread.start()
                self._servers[part] = _Server(server, thread)
                self.ports[part] = server.port
            sink = SmtpSink(self.mailbox, self.host, wanted["smtp"], self.faults)
            try:
                sink.start()
            except OSError as error:
                raise self._port_error("smtp", wanted["smtp"], error) from error
            self._sink = sink
            self.ports["smtp"] = sink.port
        except BaseException:
            self.stop()
            raise
        return self

    def _bind(self, part: str, port: int) -> BaseWSGIServer:
        handler = _Handler if self.log_requests else _QuietHandler
        # Bind here rather than in werkzeug, which prints to stderr and exits on a taken port.
        try:
            sock = socket.create_server((self.host, port), backlog=128)
        except OSError as error:
            raise self._port_error(part, port, error) from error
        with sock:
            return make_server(
                self.host,
                port,
                self.apps[part],
                threaded=True,
                request_handler=handler,
                fd=sock.fileno(),
            )

    def _port_error(self, part: str, port: int, error: OSError) -> PortInUse:
        reason = "address already in use" if error.errno == errno.EADDRINUSE else str(error)
        return PortInUse(
            f"cannot listen on {self.host}:{port} for {part} ({reason}); "
            f"choose another with --{part}-port"
        )

    def stop(self) -> None:
        """Stop every server and the sink; stopping twice does nothing."""
        for running in self._servers.values():
            running.server.shutdown()
            running.server.server_close()
            running.thread.join(timeout=5)
        self._servers.clear()
        if self._sink is not None:
            self._sink.stop()
            self._sink = None

    def __enter__(self) -> Environment:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def smtp_address(self) -> tuple[str, int]:
        """Return where the site sends mail: the running sink."""
        if self._sink is None:
            raise MailNotSent("the SMTP sink is not running; start the environment first")
        return self.host, self._sink.port

    def url(self, part: str) -> str:
        """Return the base URL of a running part (home, east or west), without a trailing slash."""
        return f"http://{self.host}:{self.ports[part]}"

    def describe(self) -> dict[str, Any]:
        """Return where each part listens, for the control API and the CLI."""
        urls = {part: self.url(part) for part in PARTS if part in self.ports}
        smtp = {"host": self.host, "port": self.ports["smtp"]} if "smtp" in self.ports else None
        return {"urls": urls, "smtp": smtp, "regions": list(REGIONS)}
