"""The guide's whole journey in one browser context, against the physical floor for this browser.

Journey (east, 回線単位): the 仮パスワード set by the phone API (142-style call), login with it,
the forced password change, login again, ワンタイムパスワード registration, the mailed URL, 送信,
the mailed code, the top screen, ログアウト. One context and one page per run.

Floor: the same number of navigations, fills and clicks, in the same order, against static
pages served by a bare werkzeug server on this machine, in the same run, in the same browser.
Every navigation waits for its page's heading, as the journey's expect() calls do.
Target: journey / floor ≤ 1.5 (medians).

    .venv/bin/python bench/bench_journey.py [--runs 9]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, expect, sync_playwright
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import percentile, print_table  # noqa: E402
from hikari_e2e.builders import LineBuilder  # noqa: E402
from hikari_e2e.journeys import Customer  # noqa: E402
from hikari_e2e.mailbox import Mailbox  # noqa: E402
from hikari_e2e.phone import temp_password_keys  # noqa: E402
from hikari_e2e.scenarios.runner import Options, environment, launch, watching  # noqa: E402
from mock_site import wording  # noqa: E402
from mock_site.client import ControlClient  # noqa: E402
from mock_site.regions import REGIONS  # noqa: E402

REGION = "east"
FIELDS = 6  # inputs on each static page; no page of the journey fills more


def journey(page: Page, client: ControlClient, builder: LineBuilder) -> None:
    """The documented journey, as the suite's journeys walk it, for a newly seeded line."""
    client.reset()
    spec = builder.line(REGION, auth_unit=wording.UNIT_LINE, with_password=False, otp=None)
    client.lines.add(spec)
    number, temp, new = spec.contract_number, builder.temp_password(), builder.password()
    call = client.phone.call(number, REGIONS[REGION].access_number, region=REGION)
    call.press(temp_password_keys(wording.UNIT_LINE, True, number, temp))
    if not call.completed:
        raise SystemExit(f"the 仮パスワード call did not complete: {call.guidance[-1]}")
    site = client.site_url(REGION)
    customer = Customer(page, site, client.home_url, REGION, Mailbox(client))
    customer.first_login(number, temp, new)
    customer.log_out(customer.register_otp(builder.otp_account()))


class Log(list):
    """What the journey does, in order: each action's name, and "nav" for each navigation."""

    def before_action(self, kind: str) -> None:
        self.append(kind)  # returning no handle lets the action run as it would


@contextmanager
def recording(page: Page, log: Log):
    """Log every action on this page's locators and every main-frame navigation."""

    def navigated(frame) -> None:
        if frame is page.main_frame:
            log.append("nav")

    page.on("framenavigated", navigated)
    try:
        with watching(page, log):
            yield
    finally:
        page.remove_listener("framenavigated", navigated)


def static_site() -> tuple[str, callable]:
    """Serve numbered static pages, each with FIELDS inputs, a submit and an inert button."""
    inputs = "".join(f'<label>項目{i}<input id="f{i}" name="f{i}"></label>' for i in range(FIELDS))

    @Request.application
    def app(request: Request) -> Response:
        if not request.path.strip("/").isdigit():
            return Response(status=204)  # the favicon: answered empty, as the mock does
        n = int(request.path.strip("/"))
        html = (
            f'<!doctype html><html lang="ja"><meta charset="utf-8"><title>{n}</title>'
            f'<h1>ページ {n}</h1><form action="/{n + 1}">{inputs}'
            '<button type="button" id="inert">確認</button><button id="next">次へ</button></form>'
        )
        return Response(html, content_type="text/html; charset=utf-8")

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return f"http://127.0.0.1:{server.server_port}", stop


def floor(page: Page, url: str, log: list[str]) -> None:
    """Replay log on the static pages: each action, each navigation, each heading awaited."""
    n, field = 0, 0
    for i, event in enumerate(log):
        navigates = i + 1 < len(log) and log[i + 1] == "nav"
        if event == "nav":
            if i == 0 or log[i - 1] not in ("click", "press_sequentially"):
                page.goto(f"{url}/{n + 1}")
            n, field = n + 1, 0
            expect(page.get_by_role("heading")).to_have_text(f"ページ {n}")
        elif event == "click":
            page.locator("#next" if navigates else "#inert").click()
        elif event in ("fill", "press_sequentially"):
            getattr(page.locator(f"#f{field % FIELDS}"), event)("0123")
            field += 1
        else:  # check, select_option …: a click on the page's inert button costs alike
            page.locator("#inert").click()


def timed(browser: Browser, work) -> float:
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    page = context.new_page()
    began = time.perf_counter()
    work(page)
    elapsed = time.perf_counter() - began
    context.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    builder = LineBuilder(8)  # not the environment's seed: its lines are already there
    log = Log()
    ours, static = [], []
    with environment(None) as client, sync_playwright() as playwright:
        browser = launch(playwright, Options())
        url, stop = static_site()

        def record(page: Page) -> None:
            with recording(page, log):
                journey(page, client, builder)

        timed(browser, record)  # warm-up, and the log of what the journey does
        for _ in range(args.runs):  # interleaved, so drift touches both alike
            ours.append(timed(browser, lambda page: journey(page, client, builder)))
            static.append(timed(browser, lambda page: floor(page, url, log)))
        stop()
        browser.close()
    counts = {kind: log.count(kind) for kind in dict.fromkeys(log)}
    ours_p50, static_p50 = statistics.median(ours), statistics.median(static)
    print(f"journey: {args.runs} runs each, interleaved; per run " + ", ".join(
        f"{count} {kind}" for kind, count in counts.items()
    ))  # fmt: skip
    print_table(
        [
            (
                "static floor: same navigations, fills, clicks (p50)",
                f"{static_p50:.2f} s",
                "—",
                "1.0× (the floor)",
            ),
            (
                "whole documented journey, one context (p50 / p95)",
                f"{ours_p50:.2f} s / {percentile(ours, 0.95):.2f} s",
                "≤ 1.5× the floor",
                f"{ours_p50 / static_p50:.2f}× the floor",
            ),
        ]
    )


if __name__ == "__main__":
    main()
