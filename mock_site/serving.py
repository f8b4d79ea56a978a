"""The HTTP servers of the environment: werkzeug's threaded server, bounded.

Each request has a deadline for its request line, headers and body together, and each read a
timeout; a stall anywhere gets its 408 and its connection closed. A chunked body is read here,
up to the same limit as any other body, so one over it is a 413 before the app sees it. The
threads serving requests are counted: past the limit a connection gets a 503 at once. Errors
answered here, before any app runs, are the apps' own Japanese error pages, rendered once.
"""

from __future__ import annotations

import io
import socket
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus

from flask import Flask, render_template
from werkzeug.serving import DechunkedInput, ThreadedWSGIServer, WSGIRequestHandler

from . import wording
from .web import MAX_REQUEST_BYTES

MAX_DRAIN_BYTES = 64 * 2**20  # what is read of a refused request before its connection closes


@dataclass(frozen=True)
class Limits:
    """What one request may take of a server: time to arrive, and threads to be served by."""

    read_timeout: float = 10.0  # seconds one read may wait for the client
    deadline: float = 30.0  # seconds the request line, headers and body may take together
    threads: int = 128  # requests served at once by one part; more get a 503
    body_bytes: int = MAX_REQUEST_BYTES


# What a request that never reached an app is told: (title, message) from the wording.
REFUSALS = {
    HTTPStatus.BAD_REQUEST: (wording.BAD_REQUEST_TITLE, wording.ERR_UNREADABLE),
    HTTPStatus.REQUEST_TIMEOUT: (wording.BAD_REQUEST_TITLE, wording.ERR_READ_TIMEOUT),
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE: (wording.BAD_REQUEST_TITLE, wording.ERR_TOO_LARGE),
    HTTPStatus.REQUEST_URI_TOO_LONG: (wording.BAD_REQUEST_TITLE, wording.ERR_TOO_LARGE),
    HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE: (wording.BAD_REQUEST_TITLE, wording.ERR_TOO_LARGE),
    HTTPStatus.NOT_IMPLEMENTED: (wording.METHOD_NOT_ALLOWED_TITLE, wording.METHOD_NOT_ALLOWED_TEXT),
    HTTPStatus.SERVICE_UNAVAILABLE: (wording.BUSY_TITLE, wording.BUSY_TEXT),
    HTTPStatus.HTTP_VERSION_NOT_SUPPORTED: (wording.BAD_REQUEST_TITLE, wording.ERR_HTTP_VERSION),
}


def render_refusals(app: Flask) -> dict[int, bytes]:
    """Render each refusal as a whole HTTP/1.1 response of the app's error page."""
    answers = {}
    with app.test_request_context():
        for status, (title, message) in REFUSALS.items():
            body = render_template("error.html", title=title, message=message).encode()
            head = (
                f"HTTP/1.1 {status.value} {status.phrase}\r\n"
                "Content-Type: text/html; charset=utf-8\r\n"
                f"Content-Length: {len(body)}\r\n"
                "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
                "X-Frame-Options: DENY\r\nContent-Security-Policy: frame-ancestors 'none'\r\n"
                + ("Retry-After: 1\r\n" if status == HTTPStatus.SERVICE_UNAVAILABLE else "")
                + "Connection: close\r\n\r\n"
            )
            answers[status.value] = head.encode() + body
    return answers


class _Arrival(io.RawIOBase):
    """Read the connection, each read waiting no longer than the read timeout and none past
    the request's deadline."""

    def __init__(self, connection: socket.socket, limits: Limits) -> None:
        self._connection = connection
        self._read_timeout = limits.read_timeout
        self._deadline = time.monotonic() + limits.deadline
        self.received = 0
        self.timed_out = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        remaining = self._deadline - time.monotonic()
        try:
            if remaining <= 0:
                raise TimeoutError("the request did not arrive within its deadline")
            self._connection.settimeout(min(self._read_timeout, remaining))
            count = self._connection.recv_into(buffer)
        except TimeoutError:
            self.timed_out = True
            raise
        self.received += count
        return count


class Handler(WSGIRequestHandler):
    """Serve one request (werkzeug closes every connection after one) within the limits."""

    # Headers and body are written apart; without this the body waits ~40 ms for an ACK.
    disable_nagle_algorithm = True
    server: Server

    def setup(self) -> None:
        super().setup()
        self._arrival = _Arrival(self.connection, self.server.limits)
        self.rfile = io.BufferedReader(self._arrival)
        self._answered = False

    def handle_one_request(self) -> None:
        super().handle_one_request()
        # A stall in the request line or the headers: http.server gives up without a word.
        if self._arrival.timed_out and not self._answered and self._arrival.received:
            self._refuse(HTTPStatus.REQUEST_TIMEOUT)

    def run_wsgi(self) -> None:
        self._answered = True
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            refusal = self._read_chunked_body()
            if refusal is not None:
                self._refuse(refusal)
                return
        super().run_wsgi()

    def _read_chunked_body(self) -> HTTPStatus | None:
        """Read a chunked body whole, within the limit, and hand it on with its length."""
        limit = self.server.limits.body_bytes
        try:
            body = DechunkedInput(self.rfile).read(limit + 1)
        except TimeoutError:
            return HTTPStatus.REQUEST_TIMEOUT
        except (OSError, ValueError):  # a malformed chunk size or framing
            return HTTPStatus.BAD_REQUEST
        if len(body) > limit:
            return HTTPStatus.REQUEST_ENTITY_TOO_LARGE
        del self.headers["Transfer-Encoding"]
        self.headers["Content-Length"] = str(len(body))
        self.rfile = io.BufferedReader(io.BytesIO(body))
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        """Answer a request http.server cannot parse with the app's Japanese page."""
        self._refuse(HTTPStatus(code) if int(code) in self.server.refusals else HTTPStatus(400))

    def _refuse(self, status: HTTPStatus) -> None:
        """Answer with the refusal's page and close, reading what is left of the request (up
        to its deadline) so that the client sees the answer rather than a reset."""
        self._answered = True
        self.close_connection = True
        if self.server.log_requests:
            self.log("info", '"%s" %s -', getattr(self, "requestline", ""), status.value)
        try:
            self.wfile.write(self.server.refusals[status.value])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            drained, buffer = 0, bytearray(65536)
            while drained < MAX_DRAIN_BYTES:
                count = self._arrival.readinto(buffer)
                if not count:
                    break
                drained += count
        except OSError:
            pass  # the client has gone, or the deadline came

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if self.server.log_requests:
            super().log_request(code, size)

    def log_error(self, format: str, *args) -> None:
        if self.server.log_requests:
            super().log_error(format, *args)


class Server(ThreadedWSGIServer):
    """werkzeug's threaded server, serving at most limits.threads requests at once."""

    def __init__(
        self,
        host: str,
        app: Flask,
        sock: socket.socket,
        limits: Limits,
        log_requests: bool = False,
    ) -> None:
        super().__init__(host, sock.getsockname()[1], app, Handler, fd=sock.fileno())
        self.limits = limits
        self.log_requests = log_requests
        self.refusals = render_refusals(app)
        self._slots = threading.BoundedSemaphore(limits.threads)

    def process_request(self, request, client_address) -> None:
        if not self._slots.acquire(blocking=False):
            self._turn_away(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def _turn_away(self, connection: socket.socket) -> None:
        """Answer 503 without a thread: write the page, then read what came, so the client
        sees the answer rather than a reset."""
        try:
            connection.settimeout(1.0)
            connection.sendall(self.refusals[HTTPStatus.SERVICE_UNAVAILABLE])
            connection.shutdown(socket.SHUT_WR)
            connection.setblocking(False)
            while connection.recv(65536):
                pass
        except OSError:
            pass  # nothing more to read now, or the client has gone
        finally:
            connection.close()
