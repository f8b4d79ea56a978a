"""No mail poisons the inbox: each hostile mail, sent over SMTP, on every inbox surface.

Every mail the sink accepted is listed, waited for, found by subject, shown and downloaded as
sent, however broken its headers or deep its structure; an undecodable header is shown raw and
marked. The mails stay in one inbox, so each list below also holds every mail before it.
"""

from __future__ import annotations

import json
import smtplib
import urllib.error
import urllib.parse
import urllib.request

import pytest

from fixtures.eml.hostile import corpus
from mock_site import wording
from mock_site.environment import FREE_PORTS, Environment
from mock_site.mail.sink import DEEP_NOTE

CORPUS = corpus()


@pytest.fixture(scope="module")
def inbox_env():
    """Serve one environment for the whole corpus, so that every mail shares the inbox."""
    env = Environment().start(FREE_PORTS)
    yield env
    env.stop()


def fetch(env: Environment, path: str) -> tuple[int, bytes]:
    """Return the status and body of a GET on the home app, error statuses included."""
    try:
        with urllib.request.urlopen(env.url("home") + path, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.parametrize(("index", "name", "raw"), [
    pytest.param(index, name, raw, id=name) for index, (name, raw) in enumerate(CORPUS)
])  # fmt: skip
def test_a_hostile_mail_is_listed_shown_and_kept_as_sent(inbox_env, index, name, raw):
    address = f"hostile-{index}@example.jp"
    with smtplib.SMTP(*inbox_env.smtp, timeout=60) as smtp:
        smtp.sendmail("sender@example.jp", [address], raw)

    status, body = fetch(inbox_env, f"/api/mail/wait?to={address}&timeout=10")
    assert status == 200, body[:500]
    mail = json.loads(body)["mails"][0]
    listed = json.loads(fetch(inbox_env, "/api/mail")[1])["mails"]
    assert mail["id"] in [m["id"] for m in listed]
    assert [m["id"] for m in json.loads(fetch(inbox_env, f"/api/mail?to={address}")[1])["mails"]] \
        == [mail["id"]]  # fmt: skip
    subject = urllib.parse.quote(mail["subject"][:20])
    assert fetch(inbox_env, f"/api/mail?subject={subject}")[0] == 200
    assert fetch(inbox_env, f"/api/mail/{mail['id']}")[0] == 200
    assert fetch(inbox_env, f"/api/mail/{mail['id']}/raw") == (200, raw)
    status, page = fetch(inbox_env, "/mail")
    assert status == 200 and f'href="/mail/{mail["id"]}"'.encode() in page
    assert fetch(inbox_env, f"/mail/{mail['id']}")[0] == 200
    # Waiting in vain for another address lists every mail, this one too.
    status, body = fetch(inbox_env, "/api/mail/wait?to=nobody@example.jp&timeout=0")
    assert status == 408 and f"#{mail['id']} to {address}" in json.loads(body)["error"]


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(dict(CORPUS)["subject-base64-one-char"], id="subject"),
        pytest.param(dict(CORPUS)["every-header-malformed"], id="every-header"),
    ],
)
def test_an_undecodable_header_is_shown_raw_and_marked(inbox_env, raw):
    address = "raw-header@example.jp"
    with smtplib.SMTP(*inbox_env.smtp, timeout=10) as smtp:
        smtp.sendmail("sender@example.jp", [address], raw)
    mail = inbox_env.mailbox.matching(to=address)[-1]

    assert mail.subject == "=?utf-8?b?A?="
    assert "Subject" in mail.raw_headers
    assert "Subject: not decodable as RFC 2047 words; shown raw" in mail.notes
    page = fetch(inbox_env, f"/mail/{mail.id}")[1].decode()
    assert f'=?utf-8?b?A?= <span class="raw-mark">{wording.MAIL_RAW_MARK}</span>' in page
    assert wording.MAIL_RAW_MARK in fetch(inbox_env, "/mail")[1].decode()


def test_a_structure_too_deep_is_shown_as_its_source_with_a_note(inbox_env):
    address = "deep@example.jp"
    with smtplib.SMTP(*inbox_env.smtp, timeout=10) as smtp:
        smtp.sendmail("sender@example.jp", [address], dict(CORPUS)["nested-5000-deep"])
    mail = inbox_env.mailbox.wait_for(to=address, after=inbox_env.mailbox.all()[-1].id - 1)[0]

    assert mail.subject == "deep"
    assert mail.notes == [DEEP_NOTE]
    assert mail.text.startswith("From: sender@example.jp")
