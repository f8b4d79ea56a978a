"""The SMTP sink: Japanese mail decoded right, waiting without polling, faults, hostile mail."""

from __future__ import annotations

import json
import smtplib
import socket
import threading
from pathlib import Path

import pytest

from mock_site.client import ControlClient
from mock_site.mail import MailTimeout
from mock_site.mail.extract import NotFound, link, otp

CORPUS = Path(__file__).parent.parent / "fixtures" / "eml"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def deliver(env, raw: bytes, to: str = "taro@example.jp", sender: str = "a@example.jp") -> None:
    with smtplib.SMTP(*env.smtp_address()) as smtp:
        smtp.sendmail(sender, [to], raw)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_decodes_without_a_replacement_character(running_env, name):
    deliver(running_env, (CORPUS / f"{name}.eml").read_bytes())

    [mail] = running_env.mailbox.wait_for(to="taro@example.jp")

    assert mail.subject == EXPECTED[name]["subject"]
    assert mail.text.replace("\r\n", "\n").strip() == EXPECTED[name]["text"]
    assert "\ufffd" not in mail.subject + mail.text


def test_corpus_has_at_least_twenty_mails():
    assert len(list(CORPUS.glob("*.eml"))) >= 20


def test_raw_bytes_are_kept_verbatim(running_env):
    raw = (CORPUS / "05-iso2022jp-nec-ibm.eml").read_bytes()
    deliver(running_env, raw)

    [mail] = running_env.mailbox.wait_for(to="taro@example.jp")

    # smtplib ends the data with CRLF; every byte before is the file's.
    assert mail.raw.replace(b"\r\n", b"\n").rstrip() == raw.replace(b"\r\n", b"\n").rstrip()


def test_wait_for_matches_addresses_exactly_and_lists_what_arrived(running_env):
    deliver(running_env, b"Subject: one\r\n\r\nx", to="aa@example.jp")

    with pytest.raises(MailTimeout, match=r"aa@example\.jp: 'one'"):
        running_env.mailbox.wait_for(to="a@example.jp", timeout=0.2)


def test_wait_for_returns_when_the_mail_lands(running_env):
    timer = threading.Timer(
        0.05, deliver, (running_env, b"Subject: late\r\n\r\nx"), {"to": "late@example.jp"}
    )
    timer.start()

    [mail] = running_env.mailbox.wait_for(to="late@example.jp", timeout=5)

    assert mail.subject == "late"


def test_wait_for_expects_exactly_one(running_env):
    deliver(running_env, b"Subject: a\r\n\r\nx", to="twice@example.jp")
    deliver(running_env, b"Subject: b\r\n\r\nx", to="twice@example.jp")

    with pytest.raises(MailTimeout, match="got 2"):
        running_env.mailbox.wait_for(to="twice@example.jp", timeout=0.1)
    assert len(running_env.mailbox.wait_for(to="twice@example.jp", count=2)) == 2


def test_long_poll_api_waits_and_times_out_with_a_listing(running_env):
    client = ControlClient(running_env.url("home"))
    deliver(running_env, (CORPUS / "18-otp-utf8.eml").read_bytes(), to="otp@example.jp")

    [mail] = client.mail.wait_for("otp@example.jp", subject="ワンタイムパスワード")

    assert mail.otp() == "482913"
    with pytest.raises(MailTimeout, match="otp@example.jp"):
        client.mail.wait_for("nobody@example.jp", timeout=0.1)


@pytest.mark.parametrize(
    ("stage", "code"), [("rcpt", 550), ("data", 451), ("rcpt", 421)], ids=["rcpt", "data", "421"]
)
def test_faults_refuse_one_recipient_only(running_env, stage, code):
    client = ControlClient(running_env.url("home"))
    client.faults.mail("refuse", "broken@example.jp", stage=stage, code=code)

    with pytest.raises(smtplib.SMTPException), smtplib.SMTP(*running_env.smtp_address()) as smtp:
        smtp.sendmail("a@example.jp", ["broken@example.jp"], b"Subject: x\r\n\r\nx")
    deliver(running_env, b"Subject: fine\r\n\r\nx", to="fine@example.jp")

    assert running_env.mailbox.wait_for(to="fine@example.jp")[0].subject == "fine"
    assert running_env.mailbox.matching(to="broken@example.jp") == []


def test_dropped_connection_loses_that_mail_and_the_sink_keeps_serving(running_env):
    ControlClient(running_env.url("home")).faults.mail("drop", "drop@example.jp", stage="data")

    with pytest.raises((smtplib.SMTPException, OSError)):
        with smtplib.SMTP(*running_env.smtp_address()) as smtp:
            smtp.sendmail("a@example.jp", ["drop@example.jp"], b"Subject: x\r\n\r\nx")
    deliver(running_env, b"Subject: after\r\n\r\nx", to="after@example.jp")

    assert running_env.mailbox.wait_for(to="after@example.jp")[0].subject == "after"


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"no headers at all, just bytes \xff\xfe", id="no-headers"),
        pytest.param(
            b"Content-Type: multipart/mixed; boundary=\r\n\r\n--\r\nbroken", id="bad-mime"
        ),
        pytest.param(b"Subject: =?x-unknown?B?////?=\r\n\r\nbody", id="unknown-charset"),
        pytest.param(b"Subject: \xff\xfe\xfd\r\n\r\nbody", id="8bit-garbage-header"),
        pytest.param(b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + b"x" * 50_000, id="long"),
    ],
)
def test_malformed_mail_is_kept_and_described(running_env, raw):
    deliver(running_env, raw)

    [mail] = running_env.mailbox.wait_for(to="taro@example.jp")

    assert mail.raw.startswith(raw[:20])
    assert isinstance(mail.subject, str) and isinstance(mail.text, str)
    home = running_env.apps["home"].test_client()
    assert home.get(f"/mail/{mail.id}").status_code == 200
    assert home.get(f"/api/mail/{mail.id}").status_code == 200


def test_a_30_mib_mail_is_received(running_env):
    raw = b"Subject: big\r\n\r\n" + (b"x" * 998 + b"\r\n") * (30 * 1024)

    deliver(running_env, raw)

    assert len(running_env.mailbox.wait_for(to="taro@example.jp")[0].raw) >= 30 * 1024 * 1000


def test_a_client_that_hangs_up_mid_data_does_not_stop_the_sink(running_env):
    with socket.create_connection(running_env.smtp_address()) as raw:
        for command in (
            b"EHLO x\r\n",
            b"MAIL FROM:<a@example.jp>\r\n",
            b"RCPT TO:<t@example.jp>\r\n",
            b"DATA\r\n",
            b"Subject: half",
        ):
            raw.sendall(command)
    deliver(running_env, b"Subject: next\r\n\r\nx", to="next@example.jp")

    assert running_env.mailbox.wait_for(to="next@example.jp")[0].subject == "next"
    assert running_env.mailbox.matching(to="t@example.jp") == []


def test_inbox_page_shows_text_with_links_but_never_runs_mail_html(running_env):
    deliver(running_env, (CORPUS / "12-multipart-alternative.eml").read_bytes())
    deliver(running_env, (CORPUS / "02-utf8-qp-url.eml").read_bytes())
    home = running_env.apps["home"].test_client()
    html_mail, url_mail = running_env.mailbox.all()

    page = home.get(f"/mail/{html_mail.id}")
    body = page.get_data(as_text=True)
    assert "<script>alert" not in body
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    url_page = home.get(f"/mail/{url_mail.id}").get_data(as_text=True)
    assert 'href="https://127.0.0.1:5001/AOR_Regist.do?token=a1B2=c3&amp;x=1"' in url_page


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ワンタイムパスワード：482913\n有効期限：2026/11/25 09:10", "482913"),
        ("お問い合わせ 0120-000-000\nワンタイムパスワード 123456", "123456"),
        ("発行日 20261125\n\n  654321  \n", "654321"),
    ],
)
def test_otp_is_found_and_never_a_date_or_phone_number(text, code):
    assert otp(text) == code


def test_otp_and_link_say_what_they_could_not_find():
    with pytest.raises(NotFound, match="expected one code"):
        otp("電話 03-0000-1111、2026/11/25")
    with pytest.raises(NotFound, match="AOR"):
        link("https://a.example/x https://b.example/y", contains="AOR")
