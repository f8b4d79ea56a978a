"""The pytest plugin (entry point pytest11 `hikari_e2e`): the environment and its parts as fixtures.

Installed with `pip install hikari-e2e[test]`, it gives any project the fixtures of this
repository's own suite; docs/plugin.md lists them. The environment starts once per worker (or
`--hikari-url` reaches a running one, shared by any number of jobs: every test then gets a
space of its own, made for it and deleted after it) and every test that asks for it gets it
reset. Playwright's
fixtures are extended, never replaced: the launch options pick the browser this machine has, the
contexts browse as a customer in Japan does.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pytest
from _pytest.junitxml import xml_key  # where --junitxml's writer is; record_testsuite_property's

from mock_site.regions import REGIONS  # the region fixture's parameters (plain data)

if TYPE_CHECKING:  # everything else loads on first use: pytest loads this plugin in every run
    # of a project it is installed in, and a run that uses none of it pays nothing for it (no
    # Flask, aiosmtpd or Faker imported, no version probed; tests/test_plugin_cost.py)
    from mock_site.client import Clock, ControlClient, Faults
    from mock_site.config import Settings
    from mock_site.records import ServerError
    from mock_site.seed import LineToSeed

    from .builders import LineBuilder
    from .mailbox import Mailbox

URL_OPTION = "--hikari-url"
URL_ENV = "HIKARI_URL"
SET_OPTION = "--hikari-set"
KEEP_OPTION = "--hikari-keep-failed-spaces"
SERVER_OPTION = "--browser-server"
SERVER_ENV = "HIKARI_BROWSER_SERVER"
PLAYWRIGHT_PLUGIN = "playwright"  # pytest-playwright's name in the plugin manager
_SETTINGS = pytest.StashKey[dict]()  # --hikari-set, parsed and checked at configure time
# The test's control client, to fetch the server's tracebacks for its report.
_CLIENT = pytest.StashKey["ControlClient"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("hikari", "hikari-e2e")
    group.addoption(
        URL_OPTION,
        default=os.environ.get(URL_ENV),
        metavar="URL",
        help="run against an already running environment (its home, e.g. http://127.0.0.1:5000) "
        f"instead of starting one in-process; also ${URL_ENV}. Every test gets a space of its "
        "own there (made in setup, deleted in teardown), so -n and other jobs may share it.",
    )
    group.addoption(
        KEEP_OPTION,
        action="store_true",
        help=f"with {URL_OPTION}: keep the space of a failed test for inspection (its id and "
        "the URL that opens it are in the report) instead of deleting it.",
    )
    group.addoption(
        SET_OPTION,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="start the in-process environment with a setting changed, as `hikari-mock serve "
        "--set` does (e.g. password_max_failures=5); repeat for more. `hikari-mock settings` "
        "lists them.",
    )
    group.addoption(
        "--hikari-evidence",
        metavar="DIR",
        help="keep the feature tests' evidence in DIR: each step's screenshot, mails and IVR "
        "speech, Allure results (DIR/allure-results, with the video and trace that --video and "
        "--tracing keep) and, at the end, the workbook DIR/evidence.xlsx and its PDF.",
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
    config.stash[_SETTINGS] = _overrides(config)  # with --hikari-url, each test's space gets them
    # Registered now, after every installed plugin, so that these extend pytest-playwright's
    # fixtures of the same names (a later plugin's fixture overrides and may request the earlier).
    if config.pluginmanager.has_plugin(PLAYWRIGHT_PLUGIN):
        from . import playwright_fixtures  # needs Playwright, which [test] installs

        config.pluginmanager.register(playwright_fixtures, "hikari_e2e.playwright_fixtures")


def _overrides(config: pytest.Config) -> dict[str, str]:
    """Parse and check --hikari-set, so that a bad one is refused before any test runs."""
    given = config.getoption("hikari_set")
    if not given:
        return {}
    from mock_site.config import SettingError, Settings, parse_override

    try:
        settings = dict(parse_override(item) for item in given)
        Settings().with_overrides(settings)
    except (ValueError, SettingError) as error:
        raise pytest.UsageError(f"{SET_OPTION}: {error}") from None
    return settings


# What ran is recorded only in a run that used the tool: one that set up the environment or a
# browser. A worker tells the xdist controller, which writes the reports, when it ends.
_USED = pytest.StashKey[bool]()
_USED_OUTPUT = "hikari_e2e_used"
_USED_BY = frozenset({"hikari_session", "browser"})
_RAN = pytest.StashKey[dict[str, str]]()


@pytest.hookimpl(tryfirst=True)  # a first-result hook: ours answers None, pytest's sets it up
def pytest_fixture_setup(fixturedef: pytest.FixtureDef, request: pytest.FixtureRequest) -> None:
    if fixturedef.argname in _USED_BY:
        request.config.stash[_USED] = True


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """(xdist, in the controller) a worker that ended says whether it used the tool."""
    if getattr(node, "workeroutput", {}).get(_USED_OUTPUT):
        node.config.stash[_USED] = True


@pytest.hookimpl(tryfirst=True)  # before --junitxml and pytest-html write their files
def pytest_sessionfinish(session: pytest.Session) -> None:
    """Put the versions that ran into the JUnit report's properties and pytest-html's table,
    where the reports are written (the xdist controller or a plain run)."""
    config = session.config
    if not config.stash.get(_USED, False):
        return
    if hasattr(config, "workerinput"):
        config.workeroutput[_USED_OUTPUT] = True
        return
    from . import versions

    found = config.stash[_RAN] = {**versions.collect(), **versions.run_properties(config)}
    xml = config.stash.get(xml_key, None)
    if xml is not None:
        for name, value in found.items():
            xml.add_global_property(name, value)
    metadata = config.stash.get(_metadata_key(), None)
    if metadata is not None:
        metadata.update(found)


def _metadata_key() -> Any:
    try:
        from pytest_metadata.plugin import metadata_key
    except ImportError:  # pytest-metadata (pytest-html's) not installed
        return pytest.StashKey[dict]()
    return metadata_key


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    found = config.stash.get(_RAN, None)
    if found:
        ran = ", ".join(f"{name} {value}" for name, value in found.items())
        terminalreporter.write_line(f"hikari-e2e ran with: {ran}")


@pytest.fixture(scope="session")
def hikari_session(pytestconfig: pytest.Config) -> Iterator[ControlClient]:
    """Start the whole environment once per worker (or reach --hikari-url) and control it."""
    from mock_site.client import ControlClient, ControlError
    from mock_site.client import controlled_environment as environment

    url = pytestconfig.getoption("hikari_url")
    if url:
        try:
            ControlClient(url).describe()
        except (OSError, ControlError) as error:
            pytest.exit(f"cannot reach the environment at {url}: {error}. Is it serving?", 2)
    with environment(url, **({} if url else pytestconfig.stash[_SETTINGS])) as client:
        yield client


@pytest.fixture
def hikari(
    request: pytest.FixtureRequest, hikari_session: ControlClient
) -> Iterator[ControlClient]:
    """Return the control client of a freshly reset environment (lines, clock, inbox, faults):
    the worker's own, or, with --hikari-url, a space of this test's own on the shared one.

    When the test fails, every mail it caused is saved as .eml in its output folder
    (pytest-playwright's --output), next to its screenshot and trace.
    """
    config = request.config
    playwright = config.pluginmanager.has_plugin(PLAYWRIGHT_PLUGIN)
    output = Path(request.getfixturevalue("output_path")) if playwright else None
    if config.getoption("hikari_url"):
        client = hikari_session.create_space(request.node.nodeid[-80:], **config.stash[_SETTINGS])
    else:
        client = hikari_session
        client.reset()
    request.node.stash[_CLIENT] = client
    yield client
    # A raise while the test passed (a page or a request it never looked at) fails it here,
    # once its mails are kept and its space is deleted (or kept) as for any failure.
    unseen = [] if _failed(request.node) else client.server_errors()
    failed = _failed(request.node) or bool(unseen)
    if output is not None and failed:
        _keep_mails(client, output)
    if client.space:
        if failed and config.getoption("hikari_keep_failed_spaces"):
            opened = f"{client.home_url}/space/{client.space}"
            request.node.add_report_section("teardown", "hikari space", f"kept: {opened}")
        else:
            client.delete_space()
    if unseen:
        pytest.fail(describe_server_errors(unseen), pytrace=False)


def _failed(item: pytest.Item) -> bool:
    reports = (item.stash.get(_REPORTS, {}).get(when) for when in ("setup", "call"))
    return any(report is not None and report.failed for report in reports)


def _keep_mails(hikari: ControlClient, folder: Path) -> None:
    mails = hikari.mail.list()
    if mails:
        folder.mkdir(parents=True, exist_ok=True)
    for mail in mails:
        (folder / f"mail-{mail.id}.eml").write_bytes(hikari.mail.raw(mail.id))


_REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Keep each phase's report on the test, so a fixture's teardown can tell a failure; a
    failure while the replica raised names the server's exception first."""
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    client = item.stash.get(_CLIENT, None)
    if report.failed and report.when == "call" and client is not None:
        try:
            errors = client.server_errors()
        except Exception:  # noqa: BLE001  (the replica is gone: the failure says enough)
            errors = []
        if errors:
            report.longrepr = (
                describe_server_errors(errors)
                + "\n\nwhat the test saw then:\n"
                + str(report.longrepr).strip().splitlines()[-1]
            )
    return report


def describe_server_errors(errors: list[ServerError]) -> str:
    """The replica's exceptions while serving a test, each with its traceback."""
    lines = [f"the replica raised while serving this test ({len(errors)}):"]
    for error in errors:
        lines.append(f"  {error.method} {error.path}: {error.exception}")
    for error in errors:
        lines += ["", f"{error.method} {error.path}:", error.traceback.rstrip()]
    return "\n".join(lines)


@pytest.fixture(params=sorted(REGIONS))
def region(request: pytest.FixtureRequest) -> str:
    """Run the test once against each regional site (east, then west)."""
    return request.param


@dataclass(frozen=True)
class GuideLine:
    """The guide's example line (p.5): its 契約者回線番号 and two 追加番号, seeded without a
    password. In the default space they are the guide's own numbers; a space of its own has the
    same line with numbers no other space has."""

    contract: str
    first: str
    second: str

    def __getitem__(self, role: str) -> str:
        """Return the number of a role: contract, first or second (for parametrized tables)."""
        return getattr(self, role)


@pytest.fixture
def guide_line(hikari: ControlClient, region: str) -> GuideLine:
    """Return this test's region's guide example line, as this environment numbers it."""
    from mock_site.seed import GUIDE_LABEL

    line = next(line for line in hikari.lines.list(region) if line.label == GUIDE_LABEL)
    return GuideLine(*(number.number for number in line.numbers))


@pytest.fixture
def site_url(hikari: ControlClient, region: str) -> str:
    """Return the base URL of this test's regional site."""
    return hikari.site_url(region)


@pytest.fixture
def home_url(hikari: ControlClient) -> str:
    """Return the base URL of the environment's home (control API, inbox, softphone)."""
    return hikari.home_url


@pytest.fixture
def clock(hikari: ControlClient) -> Clock:
    """The mock's clock: clock.advance(hours=24), clock.set(...), clock.now(), clock.freeze()."""
    return hikari.clock


@pytest.fixture
def frozen(clock: Clock) -> Clock:
    """The mock's clock, stopped before the test seeds anything, so deadlines are exact."""
    clock.freeze()
    return clock


@pytest.fixture
def faults(hikari: ControlClient) -> Faults:
    """Set faults on the site, the phone and the mail (faults.site("maintenance", number)…),
    scoped to this test's numbers; they end with the test."""
    return hikari.faults


@pytest.fixture
def mailbox(hikari: ControlClient) -> Mailbox:
    """Return the inbox of the environment's SMTP sink: wait_for(to=...) gives the next mail."""
    from .mailbox import Mailbox

    return Mailbox(hikari)


@pytest.fixture
def line_builder(request: pytest.FixtureRequest) -> LineBuilder:
    """Return a Faker builder seeded by the test's id, so every run gets the same data; with
    --hikari-url by its space's id too, since another job runs the same test at the same time
    and a number is in one space only. Its passwords and 仮パスワード follow the settings in
    force in the test's environment (--hikari-set, or hikari.settings(...) in the test)."""
    from .builders import LineBuilder

    key = request.node.nodeid
    if "hikari" not in request.fixturenames:
        return LineBuilder(zlib.crc32(key.encode()))
    hikari = request.getfixturevalue("hikari")
    if request.config.getoption("hikari_url"):
        key += hikari.space or ""
    return LineBuilder(zlib.crc32(key.encode()), hikari.settings)


@pytest.fixture
def settings(hikari: ControlClient) -> Settings:
    """Return the settings in force in this test's environment (--hikari-set applied): the
    one owner of every number a test's oracle restates (settings.otp_valid_minutes, …)."""
    return hikari.settings()


class MakeLine(Protocol):
    def __call__(self, region: str, **options: object) -> LineToSeed: ...


@pytest.fixture
def make_line(hikari: ControlClient, line_builder: LineBuilder) -> MakeLine:
    """Seed a line built by line_builder (options as LineBuilder.line) and return its spec."""

    def make(region: str, **options: object) -> LineToSeed:
        spec = line_builder.line(region, **options)
        hikari.lines.add(spec)
        return spec

    return make


class SetTempPassword(Protocol):
    def __call__(self, region: str, caller: str, unit: str, target: str | None = None) -> str: ...


@pytest.fixture
def set_temp_password(hikari: ControlClient, line_builder: LineBuilder) -> SetTempPassword:
    """Set a 仮パスワード by phone in one line: call the access number and press the keys.

    caller is a number of the line; target defaults to the number the guide's flow picks
    (the contract number under 回線単位, the caller otherwise). Returns the 仮パスワード.
    """

    from mock_site.wording import UNIT_LINE

    from .phone import temp_password_keys

    def set_by_phone(region: str, caller: str, unit: str, target: str | None = None) -> str:
        lines = hikari.lines.list(region)
        line = next(line for line in lines if caller in [n.number for n in line.numbers])
        contract = line.contract.number
        if target is None:
            target = contract if unit == UNIT_LINE else caller
        password = line_builder.temp_password()
        call = hikari.phone.call(caller, REGIONS[region].access_number)
        call.press(temp_password_keys(unit, caller == contract, target, password))
        if not call.completed:
            raise AssertionError(f"the IVR did not set the 仮パスワード: {call.guidance}")
        return password

    return set_by_phone
