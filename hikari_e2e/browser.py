"""Find a Chromium for the suite, install one where we may, and give video its ffmpeg.

Order: the Playwright-managed Chromium when it is installed; else HIKARI_CHROMIUM; else a system
Chromium on PATH (for headless runs its headless shell first, as Playwright itself does: the
full browser in headless mode costs about twice the CPU); else, as root on Debian or Ubuntu,
apt-get install chromium chromium-headless-shell fonts-noto-cjk; else stop with what to run.
Run `python -m hikari_e2e.browser` to provision (make does, through `hikari_e2e.provision`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import playwright

ENV_VAR = "HIKARI_CHROMIUM"
SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
HEADLESS_SHELL = "chromium-headless-shell"  # also its Debian package (12 and later; not Ubuntu)
# Without these a system Chromium keeps dialling Google's servers, which fails offline.
SYSTEM_ARGS = (
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
APT_PACKAGES = ("chromium", "fonts-noto-cjk")
CJK_FONT_DIR = Path("/usr/share/fonts/opentype/noto")


class NoBrowser(RuntimeError):
    """Say that no Chromium is usable, and what to run."""


@dataclass(frozen=True)
class LaunchPlan:
    """Describe how to launch Chromium: Playwright's own, or a system binary with extra flags."""

    executable_path: str | None
    args: tuple[str, ...] = field(default=())

    @property
    def managed(self) -> bool:
        return self.executable_path is None

    def merge(self, launch_args: dict) -> dict:
        """Return pytest-playwright's launch arguments with this plan applied."""
        if self.managed:
            return launch_args
        args = [*launch_args.get("args", []), *(a for a in self.args)]
        return {**launch_args, "executable_path": self.executable_path, "args": args}


def wire_launch_options(options: dict) -> str:
    """Return launch options as a browser server reads them (x-playwright-launch-options).

    The header goes to the server as it is, so the Python names must become the protocol's:
    executable_path → executablePath, slow_mo → slowMo.
    """

    def camel(name: str) -> str:
        head, *rest = name.split("_")
        return head + "".join(part.title() for part in rest)

    return json.dumps({camel(key): value for key, value in options.items()})


def browsers_path() -> Path:
    """Return where Playwright keeps its browsers (PLAYWRIGHT_BROWSERS_PATH or its cache)."""
    configured = os.environ.get("PLAYWRIGHT_BROWSERS_PATH")
    if configured == "0":
        return Path(playwright.__file__).parent / "driver" / "package" / ".local-browsers"
    if configured:
        return Path(configured)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "ms-playwright"


def _manifest() -> list[dict]:
    manifest = Path(playwright.__file__).parent / "driver" / "package" / "browsers.json"
    return json.loads(manifest.read_text())["browsers"]


def _revisions() -> dict[str, str]:
    return {b["name"]: b["revision"] for b in _manifest()}


def managed_version() -> str:
    """Return the version of the Chromium this Playwright downloads (its browsers.json)."""
    chromium = next(b for b in _manifest() if b["name"] == "chromium")
    return chromium.get("browserVersion", f"revision {chromium['revision']}")


def managed_chromium(headless: bool = True) -> bool:
    """Tell whether Playwright's own Chromium for this mode is installed and complete."""
    revisions = _revisions()
    name = "chromium_headless_shell" if headless else "chromium"
    revision = revisions.get(name.replace("_", "-"), revisions["chromium"])
    return (browsers_path() / f"{name}-{revision}" / "INSTALLATION_COMPLETE").exists()


def system_chromium(headless: bool = True) -> str | None:
    """Return HIKARI_CHROMIUM, or the first Chromium on PATH (the shell first if headless)."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        if not os.access(configured, os.X_OK):
            raise NoBrowser(f"{ENV_VAR}={configured} is not an executable file")
        return configured
    for name in (HEADLESS_SHELL, *SYSTEM_NAMES) if headless else SYSTEM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def plan(headless: bool = True) -> LaunchPlan:
    """Decide which Chromium the suite launches, without installing anything."""
    if not os.environ.get(ENV_VAR) and managed_chromium(headless):
        return LaunchPlan(None)
    found = system_chromium(headless)
    if found is None:
        raise NoBrowser(instructions())
    return LaunchPlan(found, SYSTEM_ARGS)


def instructions() -> str:
    return (
        "No Chromium found for the browser suite. Do one of these, then run again:\n"
        f"  - as root on Debian: apt-get install -y {' '.join(APT_PACKAGES)} {HEADLESS_SHELL}\n"
        f"  - point {ENV_VAR} at a Chromium or Chrome binary\n"
        "  - where Playwright's download servers are reachable:"
        " .venv/bin/playwright install chromium"
    )


def can_apt() -> bool:
    """Tell whether apt-get may install here: root on Debian (or Ubuntu)."""
    return (
        os.geteuid() == 0
        and Path("/etc/debian_version").exists()
        and shutil.which("apt-get") is not None
    )


def apt_install(packages: list[str]) -> None:
    """apt-get install the packages; the headless shell only where apt knows it (not Ubuntu)."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    if HEADLESS_SHELL in packages:
        known = subprocess.run(["apt-cache", "show", HEADLESS_SHELL], capture_output=True, env=env)
        if known.returncode != 0:
            packages = [name for name in packages if name != HEADLESS_SHELL]
    if packages:
        print(f"hikari_e2e.browser: installing {' '.join(packages)} with apt-get", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env)


def ensure_browser() -> LaunchPlan:
    """Return a launch plan, installing Debian's Chromium, headless shell and CJK fonts if root."""
    try:
        found: LaunchPlan | None = plan()
    except NoBrowser:
        if not can_apt():
            raise
        found = None
    if found is not None and found.managed:
        return found
    wanted = []
    if found is None:
        wanted.append("chromium")
    if not os.environ.get(ENV_VAR) and not shutil.which(HEADLESS_SHELL):
        wanted.append(HEADLESS_SHELL)
    if not CJK_FONT_DIR.exists():
        wanted.append("fonts-noto-cjk")
    if wanted and can_apt():
        try:
            apt_install(wanted)
        except subprocess.CalledProcessError as error:
            if found is None:
                raise
            # A Chromium is there: without apt (offline, say) the suite runs on it as it is.
            print(
                f"hikari_e2e.browser: could not install {' '.join(wanted)} ({error})",
                file=sys.stderr,
            )
        found = plan()
    elif not CJK_FONT_DIR.exists():
        print(
            "hikari_e2e.browser: no Japanese font found; screenshots and videos will show boxes. "
            "Install fonts-noto-cjk.",
            file=sys.stderr,
        )
    assert found is not None
    return found


def ffmpeg_path() -> Path:
    """Return where Playwright looks for the ffmpeg it records video with."""
    return browsers_path() / f"ffmpeg-{_revisions()['ffmpeg']}" / "ffmpeg-linux"


def ensure_ffmpeg() -> Path:
    """Link the ffmpeg inside the imageio-ffmpeg wheel where Playwright looks, if none is there."""
    target = ffmpeg_path()
    if target.exists():
        return target
    import imageio_ffmpeg

    source = Path(imageio_ffmpeg.get_ffmpeg_exe())
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_symlink():
        target.unlink()
    target.symlink_to(source)
    return target


def main() -> int:
    """Provision the browser and ffmpeg, and say what will be used."""
    try:
        found = ensure_browser()
    except (NoBrowser, subprocess.CalledProcessError) as error:
        print(f"hikari_e2e.browser: {error}", file=sys.stderr)
        if isinstance(error, subprocess.CalledProcessError):
            print(instructions(), file=sys.stderr)
        return 1
    which = "Playwright's own Chromium" if found.managed else found.executable_path
    print(f"hikari_e2e.browser: browser {which}; ffmpeg {ensure_ffmpeg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
