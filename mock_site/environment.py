"""The whole mock environment: the state served as the East and West sites, the home with its
control API, and the SMTP sink."""

from __future__ import annotations

import errno
import socket
import threading
from dataclasses import dataclass
from typing import Any

from .config import Settings
from .home import create_home_app
from .mail import SmtpSink
from .mail.send import SENDER_DOMAIN
from .phone.speech import Speech
from .regions import REGIONS
from .serving import Limits, Server
from .site import create_app
from .spaces import Spaces
from .state import State
from .store import DEFAULT_SPACE, NumberBook

PARTS = ("home", "east", "west")
DEFAULT_PORTS = {"home": 5000, "east": 5001, "west": 5002, "smtp": 2525}
FREE_PORTS = dict.fromkeys(DEFAULT_PORTS, 0)  # each part on a port the system picks


class PortInUse(RuntimeError):
    """Say which part could not bind which address, and how to pick another."""


@dataclass
class _Running:
    server: Server
    thread: threading.Thread


class Environment:
    """Hold one state per space, build the apps on them and run every part on 127.0.0.1.

    The state's own attributes (store, clock, mailbox, add_line, reset…) read as the default
    space's, so code written before spaces keeps working on it.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        seed_value: int = 2026,
        host: str = "127.0.0.1",
        log_requests: bool = False,
        limits: Limits | None = None,
        max_spaces: int = 100,
        space_idle_hours: float = 24.0,
    ) -> None:
        self.book = NumberBook()
        self._speech = Speech()  # one cache of sentences for every space
        self.seed_value = seed_value
        self.site_urls: dict[str, str] = {}
        self.smtp: tuple[str, int] | None = None
        self._start_settings = settings  # every space's, unless it is made with its own
        default = self._make_state(DEFAULT_SPACE, None)
        self.spaces = Spaces(
            self._make_state, default, self.book, cap=max_spaces, idle_hours=space_idle_hours
        )
        self.default = default
        self.host = host
        self.log_requests = log_requests
        self.limits = limits or Limits()
        self.ports: dict[str, int] = {}
        self._servers: dict[str, _Running] = {}
        self._sink: SmtpSink | None = None
        self.apps = {
            "home": create_home_app(self),
            **{key: create_app(key, self) for key in REGIONS},
        }

    def _make_state(self, space_id: str, settings: Settings | None) -> State:
        state = State(
            settings or self._start_settings, seed_value=self.seed_value, space_id=space_id,
            book=self.book, speech=self._speech,
        )  # fmt: skip
        state.site_urls, state.smtp = self.site_urls, self.smtp
        return state

    def __getattr__(self, name: str) -> Any:
        # Only called for what the environment itself lacks: the default space's state.
        if name == "default":
            raise AttributeError(name)
        return getattr(self.default, name)

    @property
    def speech(self) -> Speech:
        """Return the IVR's speech, shared by every space (one cache of sentences)."""
        return self._speech

    @speech.setter
    def speech(self, value: Speech) -> None:
        self._speech = value
        for space in self.spaces.all():
            space.state.speech = value

    @property
    def settings(self) -> Settings:
        """Return the default space's settings."""
        return self.default.settings

    @settings.setter
    def settings(self, value: Settings) -> None:
        self.default.settings = value

    def space_of_sender(self, mail_from: str) -> State | None:
        """Return the state a mail from mail_from belongs to: the space its sender names by
        plus-addressing (local+SPACE@domain: the sites send so, and a test may too), else the
        default; None for the sites' mail from a space that is gone."""
        local, _, domain = mail_from.rpartition("@")
        tag = local.rpartition("+")[2] if "+" in local else ""
        space = self.spaces.get(tag) if tag else None
        if space is not None:
            return space.state
        ours = domain.lower() == SENDER_DOMAIN and tag
        return None if ours else self.default

    # Servers --------------------------------------------------------------------------------

    def start(self, ports: dict[str, int] | None = None) -> Environment:
        """Serve every part; port 0 picks a free one. Raise PortInUse naming the part."""
        wanted = {**DEFAULT_PORTS, **(ports or {})}
        for space in self.spaces.all():
            space.state.mailbox.close(False)
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
                self._servers[part] = _Running(server, thread)
                self.ports[part] = server.port
            sink = SmtpSink(self.space_of_sender, self.host, wanted["smtp"])
            try:
                sink.start()
            except OSError as error:
                raise self._port_error("smtp", wanted["smtp"], error) from error
            self._sink = sink
            self.ports["smtp"] = sink.port
            self.smtp = (self.host, sink.port)
            self.site_urls.update({key: self.url(key) for key in REGIONS})
            for space in self.spaces.all():
                space.state.smtp = self.smtp
        except BaseException:
            self.stop()
            raise
        return self

    def _bind(self, part: str, port: int) -> Server:
        # Bind here rather than in werkzeug, which prints to stderr and exits on a taken port.
        try:
            sock = socket.create_server((self.host, port), backlog=128)
        except OSError as error:
            raise self._port_error(part, port, error) from error
        with sock:
            return Server(self.host, self.apps[part], sock, self.limits, self.log_requests)

    def _port_error(self, part: str, port: int, error: OSError) -> PortInUse:
        reason = "address already in use" if error.errno == errno.EADDRINUSE else str(error)
        return PortInUse(
            f"cannot listen on {self.host}:{port} for {part} ({reason}); "
            f"choose another with --{part}-port"
        )

    def stop(self) -> None:
        """Stop every server and the sink; stopping twice does nothing. Long-polls for mail
        are answered (503) first, so no client is cut off mid-request."""
        for space in self.spaces.all():
            space.state.mailbox.close()
        for running in self._servers.values():
            running.server.shutdown()
            running.server.server_close()
            running.thread.join(timeout=5)
        self._servers.clear()
        if self._sink is not None:
            self._sink.stop()
            self._sink = None
        self.smtp = None
        self.site_urls.clear()
        for space in self.spaces.all():
            space.state.smtp = None

    def __enter__(self) -> Environment:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def url(self, part: str) -> str:
        """Return the base URL of a running part (home, east or west), without a trailing slash."""
        return f"http://{self.host}:{self.ports[part]}"

    def describe(self) -> dict[str, Any]:
        """Return where each part listens, for the control API and the CLI."""
        urls = {part: self.url(part) for part in PARTS if part in self.ports}
        smtp = {"host": self.host, "port": self.ports["smtp"]} if "smtp" in self.ports else None
        return {"urls": urls, "smtp": smtp, "regions": list(REGIONS)}
