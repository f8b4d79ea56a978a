"""The drift check of the markup contract (issue 30), offline: the replica meets its own contract,
saved pages made to differ show exactly their changes and the selectors each breaks, an
unreachable site exits 2, and the read-only walk changes nothing and never retries a login."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fixtures.site_client import login
from hikari_e2e.drift import contract
from hikari_e2e.drift.check import SAFE, Browser, check
from hikari_e2e.drift.cli import main
from hikari_e2e.drift.compare import compare
from hikari_e2e.drift.markup import read
from mock_site.client import ControlClient
from mock_site.config import SettingError, Settings
from mock_site.environment import Environment
from mock_site.seed import DECLINED, LineToSeed

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "abcd1234"
# The path of each screen the contract has markup for.
SCREEN_PATHS = {s.key: "/" + s.path for s in contract.SCREENS if s.markup is not None}


def a_line(env, region: str = "east"):
    return env.add_line(LineToSeed(region, additional_count=0, password=PASSWORD, otp=DECLINED,
                                   auth_unit="number"))  # fmt: skip


@pytest.mark.parametrize("region", ["east", "west"])
def test_every_screen_of_the_replica_meets_the_contract(region):
    env = Environment()
    client = env.apps[region].test_client()
    for key, path in SCREEN_PATHS.items():
        if key == "top":
            login(client, a_line(env, region).contract.number, PASSWORD)
        html = client.get(path, follow_redirects=True).get_data(as_text=True)

        drift = compare(contract.BY_KEY[key], read(html))

        assert drift.changes == [], f"{region} {key}: {[c.detail for c in drift.changes]}"


@pytest.fixture
def served(running_env, monkeypatch):
    """The replica served, a line to walk with in PROD_NUMBER / PROD_PASSWORD."""
    line = a_line(running_env)
    monkeypatch.setenv("PROD_NUMBER", line.contract.number)
    monkeypatch.setenv("PROD_PASSWORD", PASSWORD)
    return running_env, line


def test_the_replica_against_itself_shows_no_drift_and_the_walk_changes_nothing(served):
    env, line = served
    hikari = ControlClient(env.url("home"))
    before = (hikari.services.get("east", line.contract.number), hikari.lines.list("east"))

    report = check(env.url("east"), login_from="PROD")

    assert report.status == 0, report.markdown()
    assert [s.key for s in report.screens] == [
        "portal",
        "login",
        *(key for key, _ in contract.WALK),
    ]
    after = (hikari.services.get("east", line.contract.number), hikari.lines.list("east"))
    assert after == before  # no setting, credential or failure count changed


def test_a_failed_login_stops_the_walk_and_is_never_retried(served, monkeypatch):
    env, line = served
    monkeypatch.setenv("PROD_PASSWORD", "wrong2468x")

    report = check(env.url("east"), login_from="PROD")

    assert report.status == 2 and "not retried" in report.unreachable
    assert line.contract.credential.failures == 1  # one attempt, however the walk ended
    assert [s.key for s in report.screens] == ["portal", "login"]


def test_the_walk_presses_nothing_that_changes_a_setting():
    with pytest.raises(ValueError, match="never presses"):
        Browser("http://127.0.0.1:9/").press("設定")
    assert "設定" not in SAFE and "サービス開始／停止" not in SAFE


def saved_pages(tmp_path: Path, login_html: str) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    env = Environment()
    client = env.apps["east"].test_client()
    (tmp_path / "AGT_Main.htm").write_text(
        client.get("/AGT_Main.htm").get_data(as_text=True), encoding="utf-8"
    )
    (tmp_path / "AGL_Disp.do").write_text(login_html, encoding="utf-8")
    return tmp_path


def replica_login_html() -> str:
    return Environment().apps["east"].test_client().get("/AGL_Disp.do").get_data(as_text=True)


def test_saved_pages_made_to_differ_show_exactly_their_changes_and_what_each_breaks(tmp_path):
    html = replica_login_html()
    moved = (
        html.replace('id="phoneNo"', 'id="tel"')  # an id renamed
        .replace('alt="ログイン" title="ログイン"', 'alt="サインイン" title="サインイン"')
        .replace('class="actions btn_login"', 'class="actions btn_signin"')  # a class dropped
        .replace('action="/AGL_Login.do"', 'action="/AGL_Auth.do"')  # a form action moved
        .replace("</form>", '<input type="text" name="captcha" id="captcha"></form>', 1)
    )
    assert moved.count("tel") and "AGL_Auth.do" in moved  # the page really was changed
    pages = saved_pages(tmp_path, moved)

    report = check(pages=pages)
    login_drift = next(s for s in report.screens if s.key == "login")

    assert report.status == 1
    assert next(s for s in report.screens if s.key == "portal").status == "same"
    found = {(c.kind, c.detail): login_drift.breaks[c.detail] for c in login_drift.changes}
    assert found == {
        ("changed", "field name=phoneNo id=phoneNo type=text maxlength=10 → "
                    "field name=phoneNo id=tel type=text maxlength=10"):
            ["#phoneNo (S1 (name), S3 (id))"],
        ("changed", "image button alt=ログイン → alt=サインイン title=サインイン"):
            ["input[alt=ログイン] (S1)"],
        ("removed", "class btn_login"): [],
        ("removed", "form action AGL_Login.do (post)"): ["AGL_Login.do (S1)"],
        ("added", "form action AGL_Auth.do (post)"): [],
        ("added", "field name=captcha id=captcha type=text"): [],
    }  # fmt: skip


def test_the_command_writes_markdown_and_json_and_exits_1_on_drift(tmp_path, capsys):
    pages = saved_pages(tmp_path / "pages", replica_login_html().replace('id="pass"', 'id="pw"'))

    status = main(["--pages", str(pages), "--json", str(tmp_path / "drift.json"),
                   "--markdown", str(tmp_path / "drift.md")])  # fmt: skip

    assert status == 1
    written = json.loads((tmp_path / "drift.json").read_text(encoding="utf-8"))
    [change] = next(s for s in written["screens"] if s["screen"] == "login")["changes"]
    assert change["breaks"] == ["#pass (S1, S2, S3)"]
    assert "breaks `#pass (S1, S2, S3)`" in (tmp_path / "drift.md").read_text(encoding="utf-8")
    assert "drift found" in capsys.readouterr().out


def test_an_unreachable_site_exits_2_saying_so(capsys):
    status = main(["--against", "http://127.0.0.1:9/"])

    assert status == 2
    assert "could not read the portal screen" in capsys.readouterr().err


def test_the_docs_table_is_the_contracts():
    docs = (ROOT / "docs" / "production-markup.md").read_text(encoding="utf-8")
    assert contract.table() in docs, "docs/production-markup.md is out of date: run `make docs`"


def test_the_browser_tests_read_every_known_selector_from_the_contract():
    """e2e/test_production_markup.py drives production's selectors by their names in the
    contract (KNOWN), each of them, and restates none."""
    suite = (ROOT / "e2e" / "test_production_markup.py").read_text(encoding="utf-8")
    unread = [name for name in contract.KNOWN if f'KNOWN["{name}"]' not in suite]
    restated = [s for s in contract.KNOWN.values() if len(s) > 6 and (f'"{s}"' in suite)]
    assert (unread, restated) == ([], [])


def test_the_replica_serves_the_newer_markup_behind_a_setting_that_the_check_proposes(tmp_path):
    newer = "id:phoneNo=tel;alt:ログイン=サインイン"
    env = Environment(Settings(markup_renames=newer))
    client = env.apps["east"].test_client()
    html = client.get("/AGL_Disp.do").get_data(as_text=True)
    (tmp_path / "AGT_Main.htm").write_text(client.get("/AGT_Main.htm").get_data(as_text=True))
    (tmp_path / "AGL_Disp.do").write_text(html, encoding="utf-8")

    report = check(pages=tmp_path)

    assert 'id="tel"' in html and 'for="tel"' in html and 'id="phoneNo"' not in html
    assert report.status == 1 and set(report.renames().split(";")) == set(newer.split(";"))
    number = a_line(env).contract.number  # the server reads the same field names as before
    assert "ボイスワープ" in login(client, number, PASSWORD).get_data(as_text=True)


def test_markup_renames_refuses_what_it_cannot_apply():
    for bad in ("id:a=b;", "name:phoneNo=tel", 'id:a="b', "alt:<x>=y"):
        with pytest.raises(SettingError):
            Settings().with_overrides({"markup_renames": bad})


def test_saved_pages_in_shift_jis_are_read_by_their_meta_charset(tmp_path):
    """Production's older pages may be Shift_JIS: the words of its buttons must still compare."""
    env = Environment()
    client = env.apps["east"].test_client()
    for path in ("AGT_Main.htm", "AGL_Disp.do"):
        html = client.get("/" + path).get_data(as_text=True)
        html = re.sub(r'<meta charset="[^"]+">', '<meta charset="Shift_JIS">', html, flags=re.I)
        assert "Shift_JIS" in html
        (tmp_path / path).write_bytes(html.encode("shift_jis"))

    report = check(pages=tmp_path)

    assert report.status == 0, report.markdown()
