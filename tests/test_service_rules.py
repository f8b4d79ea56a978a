"""The services' rules below the screens: ボイスワープ destinations and 呼出秒数, notice
addresses, how calls follow the mode, the call notice's conditions, the FAX PDF (SPEC §8, §10)."""

from __future__ import annotations

import pytest

from fixtures.site_client import LANDLINE, MOBILE, OWN, A
from mock_site import wording as W
from mock_site.config import Settings
from mock_site.services import rules
from mock_site.services.pdf import fax_pdf
from mock_site.store import NoticeMail, VoiceWarp

DEFAULTS = Settings()  # the rules' numbers, as the environment starts


# Rules -----------------------------------------------------------------------------------------

# (entries 1–4, the entry chosen, the mode now, the errors)
# fmt: off
DESTINATIONS = [
    pytest.param([MOBILE, "", "", ""], 1, W.VW_STOP, [], id="one-mobile"),
    pytest.param([LANDLINE, MOBILE, "0120123456", "05012345678"], 4, W.VW_UNCONDITIONAL, [],
                 id="four-entries"),
    pytest.param(["", "", "", ""], 1, W.VW_STOP, [], id="all-empty-while-stopped"),
    pytest.param(["", "", "", ""], 1, W.VW_NO_ANSWER, [W.ERR_VW_SELECTED_EMPTY.format(entry=1)],
                 id="all-empty-while-running"),
    pytest.param([MOBILE, "", "", ""], 2, W.VW_STOP, [W.ERR_VW_SELECTED_EMPTY.format(entry=2)],
                 id="chosen-entry-empty"),
    pytest.param([MOBILE, "", "", ""], None, W.VW_STOP, [W.ERR_VW_CHOICE], id="none-chosen"),
    pytest.param([MOBILE, "", "", ""], 5, W.VW_STOP, [W.ERR_VW_CHOICE], id="entry-5"),
    pytest.param(["110", "", "", ""], 1, W.VW_STOP, [W.ERR_VW_DEST_SPECIAL.format(entry=1)],
                 id="110"),
    pytest.param([MOBILE, "119", "", ""], 1, W.VW_STOP, [W.ERR_VW_DEST_SPECIAL.format(entry=2)],
                 id="119"),
    pytest.param([MOBILE, "", "118", ""], 1, W.VW_STOP, [W.ERR_VW_DEST_SPECIAL.format(entry=3)],
                 id="118"),
    pytest.param([MOBILE, "", "", "177"], 1, W.VW_STOP, [W.ERR_VW_DEST_SPECIAL.format(entry=4)],
                 id="177"),
    pytest.param([OWN, "", "", ""], 1, W.VW_STOP, [W.ERR_VW_DEST_SELF.format(entry=1)],
                 id="the-number-itself"),
    pytest.param(["090-1234-5678", "", "", ""], 1, W.VW_STOP,
                 [W.ERR_VW_DEST_FORMAT.format(entry=1)], id="hyphens"),
    pytest.param(["０９０１２３４５６７８", "", "", ""], 1, W.VW_STOP,
                 [W.ERR_VW_DEST_FORMAT.format(entry=1)], id="full-width"),
    pytest.param(["031234567", "", "", ""], 1, W.VW_STOP,
                 [W.ERR_VW_DEST_FORMAT.format(entry=1)], id="9-digits"),
    pytest.param(["090123456789", "", "", ""], 1, W.VW_STOP,
                 [W.ERR_VW_DEST_FORMAT.format(entry=1)], id="12-digits"),
    pytest.param(["9012345678", "", "", ""], 1, W.VW_STOP,
                 [W.ERR_VW_DEST_FORMAT.format(entry=1)], id="no-leading-0"),
    pytest.param(["0012345678", "", "", ""], 1, W.VW_STOP,
                 [W.ERR_VW_DEST_FORMAT.format(entry=1)], id="00-prefix"),
]
# fmt: on


@pytest.mark.parametrize(("entries", "selected", "mode", "errors"), DESTINATIONS)
def test_destination_rules(entries, selected, mode, errors):
    assert rules.destination_errors(entries, selected, OWN, mode) == errors


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("5", 5),
        ("60", 60),
        ("20", 20),
        (" 30 ", 30),
        ("4", None),
        ("61", None),
        ("0", None),
        ("-5", None),
        ("abc", None),
        ("", None),
        (None, None),
        ("５", None),  # full-width: int() would take it, the rule does not
        ("1e1", None),
        ("9" * 400, None),
    ],
)
def test_ring_seconds_are_5_to_60_half_width_digits(text, seconds):
    assert rules.parse_ring(text, Settings()) == seconds


def test_ring_bounds_are_settings():
    settings = Settings(voice_warp_min_ring_seconds=10, voice_warp_max_ring_seconds=90)
    assert rules.parse_ring("5", settings) is None
    assert rules.parse_ring("90", settings) == 90


def test_starting_needs_a_number_in_the_chosen_entry():
    warp = VoiceWarp()
    choice, errors = rules.switch_errors(W.VW_UNCONDITIONAL, None, warp, Settings())
    assert (choice, errors) == (None, [W.ERR_VW_NO_DESTINATION])
    choice, errors = rules.switch_errors(W.VW_STOP, None, warp, Settings())
    assert errors == [] and choice.mode == W.VW_STOP


@pytest.mark.parametrize("mode", W.VW_MODES_WITH_RING)
@pytest.mark.parametrize("ring", ["4", "61", "abc"])
def test_ring_errors_name_the_field_of_the_mode(mode, ring):
    warp = VoiceWarp(destinations=[MOBILE, "", "", ""])
    _, errors = rules.switch_errors(mode, ring, warp, Settings())
    field = W.VW_RING_FOR.format(mode=W.VW_MODES[mode])
    assert errors == [W.fill(W.ERR_VW_RING, DEFAULTS, field=field)]


# fmt: off
ADDRESSES = [
    pytest.param([A], [], id="one"),
    pytest.param([f"u{i}@example.jp" for i in range(5)], [], id="five"),
    pytest.param(["", A, ""], [], id="gaps-are-skipped"),
    pytest.param([f"u{i}@example.jp" for i in range(6)], [W.fill(W.ERR_NOTICE_TOO_MANY, DEFAULTS)],
                 id="six"),
    pytest.param([], [W.ERR_NOTICE_NONE], id="none"),
    pytest.param(["", ""], [W.ERR_NOTICE_NONE], id="only-empty"),
    pytest.param([A, "A@EXAMPLE.JP"], [W.ERR_NOTICE_DUPLICATE.format(n=2, first=1)],
                 id="duplicate-any-case"),
    pytest.param(["not-an-address"], [W.ERR_NOTICE_ADDRESS.format(n=1)], id="no-at"),
    pytest.param([A, "ｕ@example.jp"], [W.ERR_NOTICE_ADDRESS.format(n=2)], id="full-width"),
    pytest.param(["x" * 120 + "@example.jp"], [W.ERR_NOTICE_ADDRESS.format(n=1)],
                 id="over-128"),
    pytest.param(["a@b"], [W.ERR_NOTICE_ADDRESS.format(n=1)], id="no-dot-domain"),
    pytest.param(["a b@example.jp"], [W.ERR_NOTICE_ADDRESS.format(n=1)], id="space"),
]
# fmt: on


@pytest.mark.parametrize(("addresses", "errors"), ADDRESSES)
def test_notification_address_rules(addresses, errors):
    assert rules.address_errors(addresses, DEFAULTS) == errors


# (mode, answered, busy) -> (result, ring seconds); 呼出秒数 15, entry 2 in use
# fmt: off
ROUTES = [
    (W.VW_STOP, False, False, rules.MISSED, 20),
    (W.VW_STOP, True, False, rules.ANSWERED, 0),
    (W.VW_STOP, False, True, rules.BUSY, 0),
    (W.VW_UNCONDITIONAL, False, False, rules.FORWARDED, 0),
    (W.VW_UNCONDITIONAL, True, False, rules.FORWARDED, 0),
    (W.VW_UNCONDITIONAL, False, True, rules.FORWARDED, 0),
    (W.VW_NO_ANSWER, False, False, rules.FORWARDED, 15),
    (W.VW_NO_ANSWER, True, False, rules.ANSWERED, 0),
    (W.VW_NO_ANSWER, False, True, rules.BUSY, 0),
    (W.VW_BUSY, False, False, rules.MISSED, 15),
    (W.VW_BUSY, True, False, rules.ANSWERED, 0),
    (W.VW_BUSY, False, True, rules.FORWARDED, 0),
    (W.VW_NO_ANSWER_BUSY, False, False, rules.FORWARDED, 15),
    (W.VW_NO_ANSWER_BUSY, True, False, rules.ANSWERED, 0),
    (W.VW_NO_ANSWER_BUSY, False, True, rules.FORWARDED, 0),
]
# fmt: on


@pytest.mark.parametrize(("mode", "answered", "busy", "result", "seconds"), ROUTES)
def test_calls_follow_the_transfer_mode(mode, answered, busy, result, seconds):
    warp = VoiceWarp(destinations=["", MOBILE, "", ""], selected=2, mode=mode, ring_seconds=15)
    outcome = rules.route_call(warp, answered, busy, Settings())
    if mode == W.VW_STOP and result == rules.MISSED:
        seconds = 15  # a stopped service still rings for the number's own 呼出秒数
    assert (outcome.result, outcome.ring_seconds) == (result, seconds)
    if result == rules.FORWARDED:
        assert (outcome.destination, outcome.entry) == (MOBILE, 2)


def test_a_number_without_voice_warp_just_rings():
    outcome = rules.route_call(None, False, False, Settings())
    assert outcome == rules.Outcome(rules.MISSED, 20)


@pytest.mark.parametrize(
    ("condition", "skip", "result", "special", "sent"),
    [
        ("all", False, rules.ANSWERED, False, True),
        ("missed", False, rules.ANSWERED, False, False),
        ("missed", False, rules.MISSED, False, True),
        ("missed", False, rules.BUSY, False, True),
        ("missed", False, rules.FORWARDED, False, True),
        ("all", True, rules.ANSWERED, True, False),
        ("all", True, rules.ANSWERED, False, True),
        ("all", False, rules.MISSED, True, True),
    ],
)
def test_call_notice_condition(condition, skip, result, special, sent):
    notice = NoticeMail([A], condition, skip)
    assert rules.should_notify(notice, rules.Outcome(result), special) is sent


def test_fax_pdf_is_a_well_formed_pdf():
    from datetime import datetime

    from mock_site.store import Fax

    fax = Fax("id", datetime(2026, 11, 26, 9, 30), "0612345678", 3)
    pdf = fax_pdf(fax, OWN)

    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    assert pdf.count(b"/Type /Page ") == 3
    xref = int(pdf.rsplit(b"startxref\n", 1)[1].split()[0])
    assert pdf[xref:].startswith(b"xref")
    offsets = [int(line[:10]) for line in pdf[xref:].split(b"\n") if line.endswith(b" 00000 n ")]
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(b"%d 0 obj" % number)
    assert b"From: 0612345678" in pdf
