"""Wire the mock environment, the browser, the clock and test data into pytest."""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from typing import Protocol

import pytest

from e2e import browser
from fixtures.builders import LineBuilder, LineSpec
from fixtures.mailbox import Mailbox
from fixtures.phone import temp_password_keys
from mock_site import wording
from mock_site.client import ControlClient, ControlError, controlled_environment
from mock_site.regions import REGIONS

URL_OPTION = "--hikari-url"
URL_ENV = "HIKARI_URL"
SERVER_OPTION = "--browser-server"
SERVER_ENV = "HIKARI_BROWSER_SERVER"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("hikari", "hikari-e2e")
    group.addoption(
        URL_OPTION,
        default=os.environ.get(URL_ENV),
        metavar="URL",
        help="run against an already running environment (its home, e.g. http://127.0.0.1:5000) "
        f"instead of starting one in-process; also ${URL_ENV}. Run it without -n: every test "
        "resets that one environment.",
    )
    group.addoption(
        SERVER_OPTION,
        default=os.environ.get(SERVER_ENV),
        metavar="WS_URL",
        help="drive a remote browser: a `playwright run-server --unsafe` at WS_URL (e.g. "
        f"ws://10.0.0.5:3000/); it reaches this machine's mock through expose_network. Also "
        f"${SERVER_ENV}.",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("hikari_url") and (config.getoption("numprocesses", None) or 0):
        raise pytest.UsageError(
            f"{URL_OPTION} shares one environment that every test resets; run it without -n"
        )


@pytest.fixture(scope="session")
def hikari(pytestconfig: pytest.Config) -> Iterator[ControlClient]:
    """Start the whole environment once per worker (or reach a running one) and control it."""
    url = pytestconfig.getoption("hikari_url")
    if url:
        try:
            ControlClient(url).describe()
        except (OSError, ControlError) as error:
            pytest.exit(f"cannot reach the environment at {url}: {error}. Is `make serve` on?", 2)
    with controlled_environment(url) as client:
        yield client


@pytest.fixture(params=["east", "west"])
def region(request: pytest.FixtureRequest) -> str:
    """Run the test once against the East site and once against the West site."""
    return request.param


@pytest.fixture
def site_url(hikari: ControlClient, region: str) -> str:
    """Return the base URL of this test's regional site."""
    return hikari.site_url(region)


@pytest.fixture
def home_url(hikari: ControlClient) -> str:
    """Return the base URL of the environment's home."""
    return hikari.home_url


@pytest.fixture
def clock(hikari: ControlClient) -> ControlClient:
    """Move the mock's clock: clock.advance(hours=24), clock.set_now(...), clock.now()."""
    return hikari


class MakeLine(Protocol):
    def __call__(self, region: str, **options: object) -> LineSpec: ...


@pytest.fixture
def line_builder(request: pytest.FixtureRequest) -> LineBuilder:
    """Return a Faker builder seeded by the test's id, so every run gets the same data."""
    return LineBuilder(zlib.crc32(request.node.nodeid.encode()))


@pytest.fixture
def make_line(hikari: ControlClient, line_builder: LineBuilder) -> MakeLine:
    """Seed a line built by line_builder (options as LineBuilder.line) and return its spec."""

    def make(region: str, **options: object) -> LineSpec:
        spec = line_builder.line(region, **options)
        hikari.add_line(region, **spec.api_fields())
        return spec

    return make


# pytest-playwright: extend its fixtures, never replace them.


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Use Playwright's Chromium when installed, else the system's with offline flags."""
    headless = browser_type_launch_args.get("headless", True)
    try:
        launch_plan = browser.plan(headless=headless)
    except browser.NoBrowser as error:
        pytest.exit(str(error), 2)
    return launch_plan.merge(browser_type_launch_args)


@pytest.fixture(scope="session")
def connect_options(pytestconfig: pytest.Config, browser_type_launch_args: dict) -> dict | None:
    """With --browser-server, connect to that Playwright browser server instead of launching.

    The server launches the browser with our launch options (sent as the protocol expects),
    and expose_network lets it reach the mock on this machine's loopback.
    """
    server = pytestconfig.getoption("browser_server")
    if not server:
        return None
    return {
        "endpoint": server,
        "expose_network": "<loopback>",
        "headers": {
            "x-playwright-launch-options": browser.wire_launch_options(browser_type_launch_args)
        },
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """Browse as a customer in Japan does."""
    return {**browser_context_args, "locale": "ja-JP", "timezone_id": "Asia/Tokyo"}


class SetTempPassword(Protocol):
    def __call__(self, region: str, caller: str, unit: str, target: str | None = None) -> str: ...


@pytest.fixture
def set_temp_password(hikari: ControlClient, line_builder: LineBuilder) -> SetTempPassword:
    """Set a 仮パスワード by phone in one line: call the access number and press the keys.

    caller is a number of the line; target defaults to the number the guide's flow picks
    (the contract number under 回線単位, the caller otherwise). Returns the 仮パスワード.
    """

    def set_by_phone(region: str, caller: str, unit: str, target: str | None = None) -> str:
        line = next(
            line
            for line in hikari.lines(region)
            if caller in [n["number"] for n in line["numbers"]]
        )
        contract = line["numbers"][0]["number"]
        if target is None:
            target = contract if unit == wording.UNIT_LINE else caller
        password = line_builder.temp_password()
        call = hikari.call(caller, REGIONS[region].access_number)
        call.press(temp_password_keys(unit, caller == contract, target, password))
        if not call.completed:
            raise AssertionError(f"the IVR did not set the 仮パスワード: {call.guidance}")
        return password

    return set_by_phone


@pytest.fixture
def mailbox(hikari: ControlClient) -> Mailbox:
    """Return the inbox of the environment's SMTP sink (emptied before every browser test)."""
    return Mailbox(hikari)
