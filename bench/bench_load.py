"""The mock under load: 20 clients loop login → top → logout for a bounded time, 0 errors.

The environment runs as `hikari-mock serve` does, in its own process; each client is a thread
here with its own connection, cookies and line (one login per number, as the guide says).
Every iteration is four requests, each checked: the login screen (its CSRF token), the login
POST (answering with the top screen itself, as production's AGL_Login.do does), the top screen
again (its heading, the logout form's token) and the logout POST (302 to the login screen).
Latency is per request, as the client sees it.

Two loads: paced, each client pausing --think-ms (100) after each answer, as a browser does
while it renders and fills the page (a browser step takes 250–500 ms here: bench_journey), so
20 clients are 20 browser tests at once, faster than any; and saturated, no pause at all (what
the mock can do flat out). Compared in the same run: one bare werkzeug server, in its own
process, answering a fixed page to the same 20 paced clients (the floor for this server stack
on this machine), and the mock's own bounded server (mock_site.serving) answering that page.
Targets: paced p99 ≤ 50 ms, 0 errors; the bounded server's p99 ≤ 3× the floor.

    .venv/bin/python bench/bench_load.py [--clients 20] [--seconds 10] [--think-ms 100]
"""

from __future__ import annotations

import argparse
import http.client
import re
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import percentile, print_table  # noqa: E402
from hikari_e2e.builders import LineBuilder  # noqa: E402
from mock_site import wording  # noqa: E402
from mock_site.client import ControlClient  # noqa: E402

TOKEN = re.compile(r'name="csrf_token"[^>]*? value="([^"]+)"')
BARE_SERVER = """
import sys
from werkzeug.serving import make_server
page = b"<!doctype html><title>bare</title><h1>bare</h1>" * 40
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(page)))])
    return [page]
server = make_server("127.0.0.1", 0, app, threaded=True)
print(f"http://127.0.0.1:{server.server_port}", flush=True)
server.serve_forever()
"""
# The same page through the mock's own server (mock_site.serving: deadlines, the body limit, the
# thread bound), so the serving layer's cost is seen apart from the apps'.
BOUNDED_SERVER = BARE_SERVER.replace("server.server_port", "server.port").replace(
    'server = make_server("127.0.0.1", 0, app, threaded=True)',
    """import logging, socket
logging.getLogger("werkzeug").disabled = True
from mock_site.environment import Environment
from mock_site.serving import Limits, Server
with socket.create_server(("127.0.0.1", 0)) as sock:
    server = Server("127.0.0.1", Environment().apps["east"], sock, Limits())
server.app = app  # its refusal pages are the site's; its requests get the fixed page""",
)


class Failed(Exception):
    """A request answered something other than what the flow expects."""


class Client:
    """One browser-like client: a keep-alive connection and its cookies."""

    def __init__(self, url: str, latencies: list[float], think: float) -> None:
        parts = urllib.parse.urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        self.cookies: dict[str, str] = {}
        self.latencies = latencies
        self.think = think

    def request(self, method: str, path: str, form: dict[str, str] | None = None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        began = time.perf_counter()
        self.connection.request(method, path, body, headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        self.latencies.append(time.perf_counter() - began)
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        time.sleep(self.think)  # the browser rendering the answer, the customer typing
        return response.status, response.headers.get("Location", ""), text


def login_top_logout(client: Client, number: str, password: str) -> None:
    status, _, page = client.request("GET", "/AGL_Disp.do")
    token = TOKEN.search(page)
    if status != 200 or not token:
        raise Failed(f"login screen: {status}")
    form = {"csrf_token": token[1], "phoneNo": number, "pass": password}
    status, _, page = client.request("POST", "/AGL_Login.do", form)
    if status != 200 or f"<h1>{wording.TOP_TITLE}</h1>" not in page:
        raise Failed(f"login: {status}")
    status, _, page = client.request("GET", "/AGS_Disp.do")
    token = TOKEN.search(page)
    if status != 200 or f"<h1>{wording.TOP_TITLE}</h1>" not in page or not token:
        raise Failed(f"top: {status}")
    status, location, _ = client.request("POST", "/AGL_Logout.do", {"csrf_token": token[1]})
    if status != 302 or not location.endswith("/AGL_Disp.do"):
        raise Failed(f"logout: {status} {location}")


def fetch_bare(client: Client) -> None:
    status, _, page = client.request("GET", "/")
    if status != 200 or "<h1>bare</h1>" not in page:
        raise Failed(f"bare: {status}")


def load(
    url: str, work: list[Callable[[Client], None]], seconds: float, think: float
) -> tuple[list[float], int, float]:
    """Run each work item in its own client thread for seconds (after a 1 s warm-up).

    Return (latencies, errors, elapsed) for the measured part."""
    latencies: list[float] = []
    errors = [0]
    measuring = threading.Event()
    stop = threading.Event()

    def loop(item: Callable[[Client], None]) -> None:
        warm: list[float] = []
        client = Client(url, warm, think)
        while not stop.is_set():
            if measuring.is_set() and client.latencies is warm:
                client.latencies = []
            try:
                item(client)
            except (Failed, OSError, http.client.HTTPException) as error:
                errors[0] += measuring.is_set()
                print(f"  error: {error}", file=sys.stderr)
                client = Client(url, client.latencies, think)
        if client.latencies is not warm:
            latencies.extend(client.latencies)

    threads = [threading.Thread(target=loop, args=(item,)) for item in work]
    for thread in threads:
        thread.start()
    time.sleep(1.0)  # warm-up: connections, first renders
    measuring.set()
    began = time.perf_counter()
    time.sleep(seconds)
    stop.set()
    elapsed = time.perf_counter() - began
    for thread in threads:
        thread.join()
    return latencies, errors[0], elapsed


@contextmanager
def serving(command: list[str], first_line: Callable[[list[str]], str | None]):
    """Start a server process, read its start-up lines until first_line finds what to return."""
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        seen: list[str] = []
        for line in process.stdout:
            seen.append(line)
            found = first_line(seen)
            if found:
                break
        else:
            raise SystemExit("the server did not start:\n" + "".join(seen))
        yield found
    finally:
        process.terminate()
        process.wait()
        process.stdout.close()


def mock_urls(seen: list[str]) -> tuple[str, str] | None:
    text = "".join(seen)
    home = re.search(rf"{wording.HOME_TITLE}: (http://\S+)/\n", text)
    east = re.search(r"site\s+(http://\S+)/AGL_Disp.do", text)
    return (home[1], east[1]) if home and east else None


def row(label: str, latencies: list[float], errors: int, elapsed: float, target: str, vs: str):
    return (
        label,
        f"{len(latencies) / elapsed:.0f} req/s; p50 {percentile(latencies, 0.5) * 1000:.1f} ms, "
        f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms; {errors} errors",
        target,
        vs,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--think-ms", type=float, default=100.0)
    args = parser.parse_args()
    think = args.think_ms / 1000
    serve = [sys.executable, "-m", "mock_site", "serve", "--quiet"]
    serve += [f"--{part}-port=0" for part in ("home", "east", "west", "smtp")]
    with serving(serve, mock_urls) as (home, east):
        hikari = ControlClient(home)
        builder = LineBuilder(20)  # not the environment's seed: its lines are already there
        work = []
        for _ in range(args.clients):
            spec = builder.line("east", additional=0)
            hikari.lines.add(spec)
            work.append(
                lambda c, n=spec.contract_number, p=spec.password: login_top_logout(c, n, p)
            )
        paced, paced_errors, paced_time = load(east, work, args.seconds, think)
        flat, flat_errors, flat_time = load(east, work, args.seconds, 0.0)
    bare_server = [sys.executable, "-c", BARE_SERVER]
    with serving(bare_server, lambda seen: seen[-1].strip()) as url:
        bare, bare_errors, bare_time = load(url, [fetch_bare] * args.clients, args.seconds, think)
    bounded_server = [sys.executable, "-c", BOUNDED_SERVER]
    with serving(bounded_server, lambda seen: seen[-1].strip()) as url:
        ours, ours_errors, ours_time = load(url, [fetch_bare] * args.clients, args.seconds, think)
    print(f"load: {args.clients} clients, {args.seconds:.0f} s per load after a 1 s warm-up, "
          f"pausing {args.think_ms:.0f} ms after each answer when paced")  # fmt: skip
    per_second = len(flat) / 4 / flat_time
    print_table(
        [
            row(f"bare werkzeug, fixed page, {args.clients} paced clients", bare, bare_errors,
                bare_time, "—", "1.0× (floor)"),
            row(f"the mock's bounded server, the same page, {args.clients} paced clients", ours,
                ours_errors, ours_time, "p99 ≤ 3× the floor",
                f"p99 {percentile(ours, 0.99) / percentile(bare, 0.99):.1f}× the floor"),
            row(f"login → top → logout, {args.clients} paced clients, per request", paced,
                paced_errors, paced_time, "p99 ≤ 50 ms, 0 errors",
                f"p99 {percentile(paced, 0.99) / percentile(bare, 0.99):.1f}× the floor"),
            row(f"the same, {args.clients} clients without pause (saturated)", flat, flat_errors,
                flat_time, "—", f"{per_second:.0f} logins/s"),
        ]
    )  # fmt: skip


if __name__ == "__main__":
    main()
