"""Journeys of the guide that span several screens, shared by tests (and later by scenarios)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from fixtures.phone import temp_password_keys
from mock_site import wording
from mock_site.regions import REGIONS

from .pages.phone import SoftphonePage


def set_temp_password_on_softphone(
    page: Page,
    home_url: str,
    region: str,
    caller: str,
    unit: str,
    target: str,
    password: str,
    caller_is_contract: bool,
) -> SoftphonePage:
    """Call the region's access number from caller and set target's 仮パスワード (guide p.5–7)."""
    phone = SoftphonePage(page, home_url).open()
    phone.dial(REGIONS[region].access_number, caller=caller)
    expect(phone.guidance.first).to_have_text(wording.IVR_UNIT_CHOICE)
    phone.press(temp_password_keys(unit, caller_is_contract, target, password))
    expect(phone.guidance.last).to_have_text(wording.IVR_DONE.format(number=target))
    return phone
