"""The Nu HTML Checker (vnu) finds no error in any screen of either site, nor in the home pages.

`make unit` installs the checker (npm vnu-jar) and a Java runtime when missing; run by hand, set
HIKARI_VNU_JAR to a vnu.jar. Accessibility (axe-core) is checked in a browser: e2e/test_quality.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from fixtures.screens import every_home_page, every_screen
from mock_site.environment import Environment

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = Path(
    os.environ.get("HIKARI_VNU_JAR", ROOT / ".venv/npm/node_modules/vnu-jar/build/dist/vnu.jar")
)


# Where production's markup is invalid HTML, the replica copies it; each exception is listed here
# per screen with its reason (docs/production-markup.md), and must still be there.
PRODUCTION_QUIRKS: dict[str, set[str]] = {
    # 転送先電話番号設定: every radio has id="listValue" (S3 finds them by that repeated id).
    "vw-destinations": {"Duplicate ID “listValue”."},
}


def quirk(page: str, message: str) -> bool:
    """Tell whether message on page (region-name) is one of production's listed oddities."""
    return message in PRODUCTION_QUIRKS.get(str(page).split("-", 1)[-1], set())


def served_pages():
    for region in ("east", "west"):
        for name, path, html in every_screen(region):
            yield f"{region}-{name}", path, html
    yield from every_home_page(Environment())


def test_every_screen_is_valid_html(tmp_path):
    java = shutil.which("java")
    assert java and VNU_JAR.exists(), (
        f"the Nu HTML Checker needs java and {VNU_JAR}: run `make unit` once, or set "
        "HIKARI_VNU_JAR (npm install vnu-jar; apt-get install default-jre-headless)"
    )
    pages = {}  # file name: (page, path)
    for name, path, html in served_pages():
        (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
        pages[f"{name}.html"] = (name, path)
    assert len(pages) >= 60, sorted(pages)

    run = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always",
         *(str(tmp_path / file) for file in pages)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip

    messages = json.loads(run.stderr or run.stdout)["messages"]
    found = [
        (
            *pages.get(Path(m.get("url", "")).name, (m.get("url"), "")),
            m.get("lastLine"),
            m["message"],
        )
        for m in messages  # fmt: skip
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    errors = [f"{page} ({path}) line {line}: {message}" for page, path, line, message in found
              if not quirk(page, message)]  # fmt: skip
    assert not errors, "\n".join(errors)
    kept = {(page.split("-", 1)[1], message) for page, _, _, message in found}
    listed = {(page, message) for page, quirks in PRODUCTION_QUIRKS.items() for message in quirks}
    assert listed <= kept, f"production's quirks no longer served: {listed - kept}"


@pytest.mark.parametrize("region", ["east", "west"])
def test_the_catalogue_reaches_every_get_screen_of_the_site(region):
    """Every screen a customer can open by GET is in the catalogue the checkers read."""
    env = Environment()
    screens = {
        rule.rule
        for rule in env.apps[region].url_map.iter_rules()
        if "GET" in rule.methods and rule.rule.endswith(".do")
    }
    reached = {path for _, path, _ in every_screen(region)}
    # AOR_Regist shows 本登録完了 (in the catalogue as the page its token opens); FNR_View is a PDF.
    missing = screens - reached - {"/FNR_View.do"}
    assert not missing, sorted(missing)
