"""Past one machine: the suite's journeys through a Playwright browser server (run-server)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Playwright, expect

from hikari_e2e import browser
from hikari_e2e.journeys import Customer
from hikari_e2e.pages import LoginPage
from mock_site import wording


@pytest.fixture
def browser_server(browser_type_launch_args: dict) -> Iterator[str]:
    """Start `playwright run-server` on a free local port; yield its ws:// endpoint.

    `python -m playwright` runs the Node.js driver as its child, which outlived its terminated
    parent (two Node.js processes of 110 MB left behind by every suite run). The server gets a
    process group of its own, and the whole group gets SIGINT, on which the driver closes its
    browsers and exits at once (on SIGTERM it was seen to linger).
    """
    server = subprocess.Popen(
        [sys.executable, "-m", "playwright", "run-server", "--host", "127.0.0.1", "--port", "0",
         "--unsafe"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        line = server.stdout.readline()  # "Listening on ws://127.0.0.1:PORT/"
        found = re.search(r"ws://\S+", line)
        if found is None:
            pytest.fail(f"run-server did not start: {line!r}")
        yield found.group(0)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=10)
        server.stdout.close()


def test_a_journey_runs_in_a_browser_from_a_browser_server(
    playwright: Playwright, browser_server, browser_type_launch_args, make_line, site_url,
    home_url, region, mailbox,
):  # fmt: skip
    remote = playwright.chromium.connect(
        browser_server,
        expose_network="<loopback>",  # the server's browser reaches our 127.0.0.1
        headers={
            "x-playwright-launch-options": browser.wire_launch_options(browser_type_launch_args)
        },
    )
    try:
        context = remote.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
        page = context.new_page()
        line = make_line(region)

        customer = Customer(page, site_url, home_url, region, mailbox)
        top = customer.log_in(line.contract_number, line.password)
        login = top.logout()

        expect(login.status).to_have_text(wording.MSG_LOGGED_OUT)
        expect(LoginPage(page, site_url).heading).to_have_text(wording.LOGIN_TITLE)
        assert remote.version  # a real browser answered, over the wire
    finally:
        remote.close()
