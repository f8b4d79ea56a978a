"""Start the replica's image (make image), drive it from outside as a team's job would, stop it.

Against the container, on free loopback ports given at run time: the control API (a space of
its own, a line with a ワンタイムパスワード address), one journey over HTTP (the login page, the
login, the mailed code read through the API, the code typed: the top screen), the IVR (a call to
the access number speaks: its first sentence's audio is a WAV), and deleting the space. Prints
'image: N passed, N failed'; exit 1 on any failure.

    .venv/bin/python scripts/image_test.py [--image localhost/hikari-e2e:latest]
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mock_site import wording  # noqa: E402
from mock_site.client import ControlClient, ControlError  # noqa: E402
from mock_site.regions import REGIONS  # noqa: E402
from mock_site.seed import LineToSeed, SeedOtp  # noqa: E402

NAME = "hikari-e2e-image-test"
PASSWORD = "abcd1234"
TOKEN = re.compile(r'name="(csrf_token|form_token)"[^>]*? value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> ControlClient:
    """Return a client once the replica answers; the container has no health check here."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            client = ControlClient(url, timeout=2)
            client.describe()
            return client
        except (OSError, ControlError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)  # a process starting in another namespace: nothing to wait on


def journey(root: ControlClient, east: str) -> list[str]:
    """Log in with a mailed ワンタイムパスワード in a space of its own; return what failed."""
    space = root.create_space("image-test")
    address = "image@example.jp"
    line = space.lines.add(LineToSeed("east", password=PASSWORD, otp=SeedOtp.using(address)))
    number = line.contract.number
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )

    def fetch(path: str, form: dict[str, str] | None = None) -> str:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        with opener.open(east + path, data=data, timeout=10) as response:
            return response.read().decode()

    def tokens(html: str) -> dict[str, str]:
        return dict(TOKEN.findall(html))

    failed = []
    entry = fetch("/AGL_Login.do", {**tokens(fetch("/AGL_Disp.do")), "phoneNo": number,
                                     "pass": PASSWORD})  # fmt: skip
    [mail] = space.mail.wait_for(address, subject=wording.MAIL_OTP_SUBJECT, timeout=10)
    top = fetch("/AOL_Disp.do", {**tokens(entry), "code": mail.otp()})
    if f"<h1>{wording.TOP_TITLE}</h1>" not in top:
        failed.append("the mailed code did not open the top screen")
    call = space.phone.call(number, REGIONS["east"].access_number)
    audio = call.state["audio"]
    if not call.guidance or call.guidance[0] != wording.IVR_UNIT_CHOICE:
        failed.append(f"the IVR said {call.guidance[:1]}")
    elif not audio:
        failed.append("the IVR is silent: the image has no voice")
    call.hang_up()
    space.delete_space()
    if space.space in [s["id"] for s in root.spaces()]:
        failed.append("the space outlived its deletion")
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--image", default="localhost/hikari-e2e:latest")
    args = parser.parse_args()
    os.environ.setdefault("CONTAINERS_CONF", str(ROOT / "image" / "containers.conf"))
    ports = {part: free_port() for part in ("home", "east", "west", "smtp")}
    flags = [f"--{part}-port={port}" for part, port in ports.items()]
    subprocess.run(
        ["podman", "run", "-d", "--replace", "--init", "--name", NAME, "--network", "host",
         "--pull=never", args.image, "--host", "127.0.0.1", *flags],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        root = wait_for(f"http://127.0.0.1:{ports['home']}")
        failed = journey(root, f"http://127.0.0.1:{ports['east']}")
    except Exception as error:  # report it as this check's failure, with what the image said
        logs = subprocess.run(["podman", "logs", NAME], capture_output=True, text=True)
        failed = [f"{type(error).__name__}: {error}\n{logs.stdout[-2000:]}{logs.stderr[-2000:]}"]
    finally:
        subprocess.run(["podman", "rm", "-f", "-t", "2", NAME], capture_output=True)
    for failure in failed:
        print(f"image: {failure}", file=sys.stderr)
    checks = 4
    print(f"image: {checks - min(len(failed), checks)} passed, {min(len(failed), checks)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
