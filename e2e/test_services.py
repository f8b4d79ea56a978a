"""The services in a real browser: reach, ボイスワープ by web and by 142, notification mails and
FAXes in effect, bad input (SPEC §3, §8, §10, §14)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from playwright.sync_api import Page, expect

from fixtures.auth_units import MATRIX
from hikari_e2e.pages import FaxMenuPage, LoginPage, VoiceWarpMenuPage
from hikari_e2e.pages.phone import SoftphonePage
from mock_site import wording as W
from mock_site.config import Settings
from mock_site.store import format_number

DEFAULTS = Settings()  # the rules' numbers, as the environment starts

MOBILE = "09012345678"
LANDLINE = "0612345678"
# Each number of a seeded line uses its own services, so that reach shows in what is offered.
USES = ([W.VOICE_WARP], [W.CALL_NOTICE, W.VOICE_WARP], [W.FAX_NOTICE])


@pytest.fixture
def line_with_services(hikari, line_builder):
    """Seed a line whose three numbers use different services; return (spec, make)."""

    def make(region: str, unit: str = W.UNIT_ADMIN):
        spec = line_builder.line(region, auth_unit=unit)
        spec = replace(spec, services=dict(zip(spec.numbers, USES, strict=True)))
        hikari.lines.add(spec)
        return spec

    return make


@pytest.fixture
def number_login(page: Page, make_line, site_url, region):
    """Seed a 電話番号単位 line and log in with its contract number: (line, number, top)."""
    line = make_line(region, auth_unit=W.UNIT_NUMBER)
    top = LoginPage(page, site_url).open().login(line.contract_number, line.password)
    return line, line.contract_number, top


@pytest.mark.parametrize(
    ("unit", "login_with", "reach"),
    [param.values[:2] + param.values[3:] for param in MATRIX if param.values[2]],
    ids=[param.id for param in MATRIX if param.values[2]],
)
def test_top_offers_the_services_and_numbers_this_login_may_set(
    page: Page, line_with_services, site_url, region, unit, login_with, reach
):
    line = line_with_services(region, unit)
    top = LoginPage(page, site_url).open().login(line.numbers[login_with], line.password)

    in_use = [key for key in W.SERVICE_NAMES if any(key in USES[i] for i in reach)]
    expect(top.service_buttons).to_have_count(len(in_use))
    for index, key in enumerate(in_use):  # image buttons: named by alt, they have no text
        expect(top.service_buttons.nth(index)).to_have_accessible_name(W.SERVICE_BUTTONS[key])
    warp_numbers = [line.numbers[i] for i in reach if W.VOICE_WARP in USES[i]]
    if len(warp_numbers) > 1:
        choice = top.choose_number_for(W.VOICE_WARP)
        choice.expect_loaded()
        expect(choice.options).to_have_count(len(warp_numbers))
        menu = choice.choose(warp_numbers[-1], VoiceWarpMenuPage)
        expect(menu.target).to_contain_text(format_number(warp_numbers[-1]))
    elif warp_numbers:
        menu = top.open_service(W.VOICE_WARP)
        menu.expect_loaded()
        expect(menu.target).to_contain_text(format_number(warp_numbers[0]))


def test_voice_warp_set_on_the_web_forwards_calls(
    page: Page, customer, number_login, home_url, region
):
    _, number, top = number_login
    menu = top.open_service(W.VOICE_WARP)
    expect(menu.state).to_have_text(W.VW_STATE_OFF)

    menu = customer.set_destinations(menu, {1: MOBILE, 2: LANDLINE}, use=2)
    expect(menu.destination(1)).to_have_text(format_number(MOBILE))
    expect(menu.selected).to_have_text(W.VW_ENTRY_NAME.format(entry=2))
    menu = customer.switch_voice_warp(menu, W.VW_NO_ANSWER, ring=15)
    expect(menu.state).to_have_text(W.VW_STATE_ON)
    expect(menu.mode).to_have_text(W.VW_MODES[W.VW_NO_ANSWER])
    expect(menu.ring).to_have_text(W.VW_RING_VALUE.format(seconds=15))

    phone = SoftphonePage(page, home_url).open()
    phone.ring(region, number, "0311112222")
    expect(phone.incoming).to_have_text(
        [
            W.IN_CALL.format(caller="03-1111-2222", number=format_number(number)),
            W.IN_FORWARDED_AFTER.format(
                seconds=15,
                entry=W.VW_ENTRY_NAME.format(entry=2),
                destination=format_number(LANDLINE),
                mode=W.VW_MODES[W.VW_NO_ANSWER],
            ),
        ]
    )


def test_142_on_the_softphone_and_the_web_edit_one_state(
    page: Page, customer, make_line, site_url, home_url, region
):
    line = make_line(region, auth_unit=W.UNIT_NUMBER)
    number = line.contract_number
    phone = SoftphonePage(page, home_url).open()
    phone.dial(W.VW_IVR_NUMBER, caller=number, region=region)
    expect(phone.guidance).to_have_text([W.VW_IVR_OPENING_FOR.format(number=number), W.VW_IVR_MENU])
    phone.press("2" + MOBILE + "#" + "1")
    expect(phone.guidance.last).to_have_text(W.VW_IVR_AFTER)
    phone.press("0" + "1" + "1")  # back to the menu, start, 無条件転送
    expect(phone.guidance.nth(-2)).to_have_text(
        W.VW_IVR_STARTED.format(mode=W.VW_MODES[W.VW_UNCONDITIONAL])
    )
    phone.hang_up()

    top = LoginPage(page, site_url).open().login(number, line.password)
    menu = top.open_service(W.VOICE_WARP)
    expect(menu.state).to_have_text(W.VW_STATE_ON)
    expect(menu.mode).to_have_text(W.VW_MODES[W.VW_UNCONDITIONAL])
    expect(menu.destination(1)).to_have_text(format_number(MOBILE))
    customer.switch_voice_warp(menu, W.VW_STOP)

    phone = SoftphonePage(page, home_url).open()
    phone.dial(W.VW_IVR_NUMBER, caller=number, region=region)
    phone.press("8")
    expect(phone.guidance.nth(-2)).to_have_text(
        W.VW_IVR_STATUS_OFF.format(entry=1, destination=f"{MOBILE}番", seconds=20)
    )


def test_call_notice_mails_every_address_when_a_call_comes(
    page: Page, customer, number_login, hikari, line_builder, home_url, region, mailbox
):
    _, number, top = number_login
    addresses = [line_builder.address() for _ in range(2)]
    form = top.open_service(W.CALL_NOTICE)
    customer.set_notice_addresses(form, W.CALL_NOTICE, addresses, condition="missed")

    phone = SoftphonePage(page, home_url).open()
    phone.ring(region, number, "anonymous", answered=True)  # answered: no mail
    phone.ring(region, number, "payphone")
    expect(phone.incoming.last).to_have_text(
        W.IN_MAILS_SENT.format(service=W.SERVICE_NAMES[W.CALL_NOTICE], count=2)
    )

    for address in addresses:
        mail = mailbox.wait_for(to=address, subject=W.MAIL_CALL_SUBJECT)
        assert "発信者番号：公衆電話" in mail.text
        assert f"着信先電話番号：{format_number(number)}" in mail.text
        assert "応答：応答しませんでした" in mail.text
    assert len(hikari.mail.list(to=addresses[0])) == 1  # the answered call sent none


def test_fax_is_mailed_listed_as_pdf_and_gone_after_30_days(
    page: Page, customer, number_login, line_builder, site_url, home_url, region, mailbox, clock
):
    line, number, top = number_login
    address = line_builder.address()
    menu = top.open_service(W.FAX_NOTICE)
    customer.set_notice_addresses(menu.settings(), W.FAX_NOTICE, [address]).to_menu()

    phone = SoftphonePage(page, home_url).open()
    phone.ring(region, number, LANDLINE, fax_pages=3)
    mail = mailbox.wait_for(to=address, subject=W.MAIL_FAX_SUBJECT)
    assert "枚数：3枚" in mail.text and f"送信元電話番号：{format_number(LANDLINE)}" in mail.text

    faxes = FaxMenuPage(page, site_url).open().received()
    expect(faxes.rows).to_have_count(1)
    expect(faxes.rows.first).to_contain_text(format_number(LANDLINE))
    href = faxes.view_links.first.get_attribute("href")
    pdf = page.request.get(site_url + href)  # the browser's own cookies: the logged-in session
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-") and pdf.body().count(b"/Type /Page ") == 3

    clock.advance(days=30)  # the session times out long before: log in again
    top = LoginPage(page, site_url).open().login(number, line.password)
    faxes = top.open_service(W.FAX_NOTICE).received()
    expect(faxes.empty).to_be_visible()


@pytest.mark.parametrize(
    ("mode", "ring", "field"),
    [
        (W.VW_NO_ANSWER, "4", W.VW_RING_FOR.format(mode=W.VW_MODES[W.VW_NO_ANSWER])),
        (W.VW_NO_ANSWER, "61", W.VW_RING_FOR.format(mode=W.VW_MODES[W.VW_NO_ANSWER])),
        (W.VW_NO_ANSWER_BUSY, "abc", W.VW_RING_FOR.format(mode=W.VW_MODES[W.VW_NO_ANSWER_BUSY])),
    ],
)
def test_bad_ring_time_is_refused_naming_the_field(number_login, hikari, region, mode, ring, field):
    _, number, top = number_login
    hikari.services.set(region, number, voice_warp={"destinations": [MOBILE]})
    form = top.open_service(W.VOICE_WARP).switch()

    form.choose(mode, ring)
    form.submit()

    expect(form.alert).to_have_text(W.fill(W.ERR_VW_RING, DEFAULTS, field=field))
    form.expect_loaded()
    assert hikari.services.get(region, number).voice_warp.mode == W.VW_STOP


def test_bad_destinations_are_refused_and_back_keeps_what_was_typed(number_login, hikari, region):
    _, number, top = number_login
    form = top.open_service(W.VOICE_WARP).destinations()

    form.fill({1: number, 2: "119", 3: "03-1234-5678"}, use=1)
    form.submit()
    expect(form.alert_messages).to_have_text(
        [
            W.ERR_VW_DEST_SELF.format(entry=1),
            W.ERR_VW_DEST_SPECIAL.format(entry=2),
            W.ERR_VW_DEST_FORMAT.format(entry=3),
        ]
    )
    form.fill({1: MOBILE, 2: "", 3: ""}, use=1)
    confirm = form.submit()
    confirm.back()
    expect(form.field(1)).to_have_value(MOBILE)
    assert hikari.services.get(region, number).voice_warp.destinations[0] == ""


def test_duplicate_notification_addresses_are_refused(number_login, hikari, region):
    _, number, top = number_login
    form = top.open_service(W.CALL_NOTICE)

    form.fill(["same@example.jp", "other@example.jp", "SAME@example.jp"])
    form.submit()

    expect(form.alert).to_have_text(W.ERR_NOTICE_DUPLICATE.format(n=3, first=1))
    assert hikari.services.get(region, number).call_notice.addresses == ()


# Services in effect, through the control API (no browser needed) ------------------------------


@pytest.mark.parametrize(
    ("mode", "answered", "busy", "result"),
    [
        (W.VW_STOP, False, False, "missed"),
        (W.VW_STOP, False, True, "busy"),
        (W.VW_UNCONDITIONAL, True, False, "forwarded"),
        (W.VW_NO_ANSWER, False, False, "forwarded"),
        (W.VW_NO_ANSWER, True, False, "answered"),
        (W.VW_BUSY, False, True, "forwarded"),
        (W.VW_BUSY, False, False, "missed"),
        (W.VW_NO_ANSWER_BUSY, False, True, "forwarded"),
        (W.VW_NO_ANSWER_BUSY, False, False, "forwarded"),
    ],
)
def test_every_mode_routes_calls_and_mails_the_notice(
    hikari, make_line, line_builder, mailbox, region, mode, answered, busy, result
):
    line = make_line(region, auth_unit=W.UNIT_NUMBER)
    number, address = line.contract_number, line_builder.address()
    hikari.services.set(
        region,
        number,
        voice_warp={"destinations": [MOBILE], "mode": mode, "ring_seconds": 10},
        call_notice={"addresses": [address], "condition": "all"},
    )

    outcome = hikari.phone.incoming(region, number, "0311112222", answered=answered, busy=busy)

    assert outcome.result == result
    assert outcome.forwarded_to == (MOBILE if result == "forwarded" else None)
    mail = mailbox.wait_for(to=address, subject=W.MAIL_CALL_SUBJECT)
    assert f"応答：{W.MAIL_CALL_OUTCOMES[result]}" in mail.text
