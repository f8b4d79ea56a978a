"""Every request is bounded: a deadline, a body limit and a thread limit, each with its answer.

A stall anywhere in a request (request line, headers, body, a chunked body) gets a 408 in
Japanese and its connection closed; a chunked body over the limit is a 413; past the thread
limit a request gets a 503 at once; a request http.server cannot parse gets the app's page
with a status line. The limits are the environment's (serving.Limits), shortened here.
"""

from __future__ import annotations

import select
import socket
import time

import pytest

from mock_site import wording
from mock_site.environment import FREE_PORTS, Environment
from mock_site.serving import Limits

FAST = Limits(read_timeout=0.5, deadline=1.5, threads=4)
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(scope="module")
def env():
    env = Environment(limits=FAST).start(FREE_PORTS)
    yield env
    env.stop()


def answer_to(env: Environment, part: str, sent: bytes, drip: bytes = b"") -> tuple[bytes, float]:
    """Send sent, then drip one byte at a time while the server says nothing for a third of
    the read timeout; return the whole answer and the seconds it took."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", env.ports[part]), timeout=10) as raw:
        raw.sendall(sent)
        for byte in drip:
            if select.select([raw], [], [], FAST.read_timeout / 3)[0]:
                break  # the server has answered
            try:
                raw.sendall(bytes([byte]))
            except OSError:
                break
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
    return answer, time.monotonic() - started


def chunked(body: bytes, size: int = 65536) -> bytes:
    framed = b"".join(
        b"%x\r\n" % len(body[i : i + size]) + body[i : i + size] + b"\r\n"
        for i in range(0, len(body), size)
    )
    return framed + b"0\r\n\r\n"


LOGIN = b"POST /AGL_Login.do HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM.encode()
CLOCK = b"POST /api/clock HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"


@pytest.mark.parametrize(
    ("sent", "drip"),
    [
        pytest.param(b"", b"GET /AGL_Disp.do HTTP/1.1\r\n" * 4, id="request-line-dripped"),
        pytest.param(b"GET /AGL_Disp.do HTTP/1.1\r\nHost: x\r\n", b"", id="headers-stalled"),
        pytest.param(b"GET /AGL_Disp.do HTTP/1.1\r\n", b"X-Slow: " + b"a" * 99,
                     id="headers-dripped"),
        pytest.param(LOGIN + b"\r\nContent-Length: 900\r\n\r\nphoneNo=1", b"", id="body-stalled"),
        pytest.param(LOGIN + b"\r\nContent-Length: 900\r\n\r\n", b"p" * 900, id="body-dripped"),
        pytest.param(LOGIN + b"\r\nTransfer-Encoding: chunked\r\n\r\n", b"1\r\na\r\n" * 100,
                     id="chunked-body-dripped"),
    ],
)  # fmt: skip
def test_a_stall_anywhere_gets_its_408_and_is_let_go(env, sent, drip):
    answer, seconds = answer_to(env, "east", sent, drip)

    assert answer.startswith(b"HTTP/1.1 408 ")
    assert wording.ERR_READ_TIMEOUT in answer.decode()
    assert seconds < FAST.deadline + FAST.read_timeout + 1  # let go at its deadline


def test_a_connection_that_never_says_a_word_is_closed_without_one(env):
    answer, seconds = answer_to(env, "east", b"")

    assert answer == b"" and seconds < FAST.deadline + 1


@pytest.mark.parametrize(
    ("part", "head"),
    [
        pytest.param("east", LOGIN, id="site-form"),
        pytest.param("home", CLOCK, id="control-api"),
    ],
)  # fmt: skip
def test_a_chunked_body_over_the_limit_is_a_413_and_changes_nothing(env, part, head):
    lines = len(env.store.lines())
    body = b"phoneNo=0342880483&pass=hikari2026&x=" + b"x" * (2 * FAST.body_bytes)

    answer, _ = answer_to(
        env, part, head + b"\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(body)
    )

    assert answer.startswith(b"HTTP/1.1 413 ")
    assert wording.ERR_TOO_LARGE in answer.decode()
    assert len(env.store.lines()) == lines


def test_a_chunked_body_within_the_limit_reaches_the_app(env):
    sent = CLOCK + b"\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(b"{}")

    answer, _ = answer_to(env, "home", sent)

    assert answer.startswith(b"HTTP/1.1 400 ")  # the API's own answer: the body said nothing
    assert b'"field":"advance_seconds"' in answer


def test_past_the_thread_limit_a_request_gets_a_503_at_once():
    env = Environment(limits=Limits(read_timeout=5, deadline=5, threads=2)).start(FREE_PORTS)
    address = ("127.0.0.1", env.ports["east"])
    try:
        holding = [socket.create_connection(address, timeout=10) for _ in range(2)]
        for connection in holding:  # each holds a thread, waiting for the rest of its headers
            connection.sendall(b"GET /AGL_Disp.do HTTP/1.1\r\n")
        started = time.monotonic()
        answer, _ = answer_to(env, "east", b"GET /AGL_Disp.do HTTP/1.1\r\nHost: x\r\n\r\n")
        refused_in = time.monotonic() - started
        for connection in holding:
            connection.sendall(b"Host: x\r\n\r\n")
            assert connection.recv(64).startswith(b"HTTP/1.1 200 ")
            connection.close()

        assert answer.startswith(b"HTTP/1.1 503 ")
        assert wording.BUSY_TEXT in answer.decode()
        assert refused_in < 1  # at once, not after the held requests' timeouts
    finally:
        env.stop()


@pytest.mark.parametrize(
    ("request_line", "status", "said"),
    [
        pytest.param(b"GET / HTTP/2.0", 505, wording.ERR_HTTP_VERSION, id="http-2"),
        pytest.param(b"GET / HTTP/1.x", 400, wording.ERR_UNREADABLE, id="bad-version"),
        pytest.param(b"GET /" + b"a" * 70_000 + b" HTTP/1.1", 414, wording.ERR_TOO_LARGE,
                     id="uri-too-long"),
    ],
)  # fmt: skip
def test_a_request_http_server_cannot_parse_gets_a_japanese_page(env, request_line, status, said):
    answer, _ = answer_to(env, "west", request_line + b"\r\nHost: x\r\n\r\n")

    assert answer.startswith(f"HTTP/1.1 {status} ".encode())
    assert said in answer.decode()
