"""The service screens: the number choice, ボイスワープ, 着信お知らせメール, FAXお知らせメール."""

from __future__ import annotations

from playwright.sync_api import Locator

from mock_site import wording
from mock_site.store import format_number

from .base import Screen


class ServiceScreen(Screen):
    """What every service screen has: the number being set and 「サービスメニューへ」."""

    @property
    def target(self) -> Locator:
        """Return where the screen names the number being set (03-0000-1111（…）)."""
        return self.page.get_by_test_id("service-target")

    def _click(self, role: str, name: str) -> None:
        self.page.get_by_role(role, name=name, exact=True).click()


class NumberChoicePage(Screen):
    """設定する電話番号の選択: under 回線単位 and for the 管理者, the number comes first."""

    PATH = "/AGS_Select.do"
    TITLE = wording.NUMBER_CHOICE_TITLE

    @property
    def options(self) -> Locator:
        """Return the radios, one per number that uses the service."""
        return self.page.get_by_role("radio")

    def choose(self, number: str, screen: type[Screen]) -> Screen:
        """Pick the number (given without hyphens) and click 「次へ」."""
        self.page.get_by_label(format_number(number), exact=False).check()
        self.page.get_by_role("button", name=wording.NEXT, exact=True).click()
        return screen(self.page, self.base_url)


class ConfirmPage(ServiceScreen):
    """Any （確認） screen: the values as a table, 「設定」 and 「戻る」."""

    def value(self, label: str) -> Locator:
        """Return the value shown beside a label."""
        row = self.page.get_by_role("row").filter(
            has=self.page.get_by_role("rowheader", name=label, exact=True)
        )
        return row.get_by_role("cell")

    def set(self) -> DonePage:
        """Click 「設定」."""
        self._click("button", wording.SET)
        return DonePage(self.page, self.base_url)

    def back(self) -> None:
        """Click 「戻る」: the input screen, still holding what was typed."""
        self._click("button", wording.BACK)


class DonePage(ServiceScreen):
    """Any （完了） screen: 設定が完了しました, then 「サービスメニューへ」."""

    def to_menu(self) -> None:
        """Click 「サービスメニューへ」."""
        self._click("button", wording.SERVICE_MENU)


class VoiceWarpMenuPage(ServiceScreen):
    """VUM_Disp.do: the settings now, 転送先電話番号設定 and サービス開始／停止."""

    PATH = "/VUM_Disp.do"
    TITLE = wording.VW_MENU_TITLE

    @property
    def state(self) -> Locator:
        """Return 開始 or 停止."""
        return self.page.get_by_test_id("vw-state")

    @property
    def mode(self) -> Locator:
        """Return the transfer mode's name (停止 while stopped)."""
        return self.page.get_by_test_id("vw-mode")

    @property
    def selected(self) -> Locator:
        """Return the entry in use (転送先リスト1番)."""
        return self.page.get_by_test_id("vw-selected")

    def destination(self, entry: int) -> Locator:
        """Return the number of a list entry, with hyphens, or 未登録."""
        return self.page.get_by_test_id(f"vw-destination-{entry}")

    @property
    def ring(self) -> Locator:
        """Return the 呼出秒数 (voice_warp_default_ring_seconds until set)."""
        return self.page.get_by_test_id("vw-ring")

    def destinations(self) -> DestinationListPage:
        """Click 「転送先電話番号設定」."""
        self._click("button", wording.VW_LIST_BUTTON)
        return DestinationListPage(self.page, self.base_url)

    def switch(self) -> SwitchPage:
        """Click 「サービス開始／停止」."""
        self._click("button", wording.VW_SWITCH_BUTTON)
        return SwitchPage(self.page, self.base_url)

    def to_top(self):
        """Click 「サービスメニューへ」: back to the top screen."""
        from .top import TopPage

        self._click("button", wording.SERVICE_MENU)
        return TopPage(self.page, self.base_url)


class DestinationListPage(ServiceScreen):
    """VUL_Disp.do: 転送先電話番号1–4 and the radio of the entry in use."""

    PATH = "/VUL_Disp.do"
    TITLE = wording.VW_LIST_TITLE

    def field(self, entry: int) -> Locator:
        """Return the text field of a list entry."""
        return self.page.get_by_label(wording.VW_DESTINATION.format(entry=entry), exact=True)

    def fill(self, entries: dict[int, str], use: int) -> None:
        """Type numbers into entries (1–4) and pick the one to use."""
        for entry, number in entries.items():
            self.field(entry).fill(number)
        self.page.get_by_label(wording.VW_USE_ENTRY.format(entry=use), exact=True).check()

    def submit(self) -> ConfirmPage:
        """Click 「設定」: the confirmation, or this screen again with an error."""
        self._click("button", wording.SET)
        return ConfirmPage(self.page, self.base_url)


class SwitchPage(ServiceScreen):
    """VUS_Disp.do: 無条件 / 無応答時 / 話中時 / 無応答時＋話中時 転送, or 停止."""

    PATH = "/VUS_Disp.do"
    TITLE = wording.VW_SWITCH_TITLE

    def ring_field(self, mode: str) -> Locator:
        """Return the 呼出秒数 field of a mode that rings first."""
        name = wording.VW_RING_FOR.format(mode=wording.VW_MODES[mode])
        return self.page.get_by_label(name, exact=True)

    def choose(self, mode: str, ring: int | str | None = None) -> None:
        """Pick the mode (a wording.VW_* key) and, for those that ring first, the seconds."""
        self.page.get_by_label(wording.VW_MODES[mode], exact=True).check()
        if ring is not None:
            self.ring_field(mode).fill(str(ring))

    def submit(self) -> ConfirmPage:
        """Click 「設定」."""
        self._click("button", wording.SET)
        return ConfirmPage(self.page, self.base_url)


class NoticePage(ServiceScreen):
    """着信お知らせメール or FAXお知らせメール settings: addresses 1–5 (and the 送信条件)."""

    PATH = "/CNM_Disp.do"
    TITLE = wording.NOTICE_TITLE[wording.CALL_NOTICE]

    def address(self, n: int) -> Locator:
        """Return the field お知らせ先メールアドレスn."""
        return self.page.get_by_label(wording.NOTICE_ADDRESS.format(n=n), exact=True)

    def fill(
        self,
        addresses: list[str],
        condition: str | None = None,
        skip_anonymous: bool | None = None,
    ) -> None:
        """Type the addresses from field 1 on; pick the 送信条件 ("all", "missed") if given."""
        for n, address in enumerate(addresses, start=1):
            self.address(n).fill(address)
        if condition is not None:
            name = wording.NOTICE_CONDITIONS[condition]
            self.page.get_by_label(name, exact=True).check()
        if skip_anonymous is not None:
            box = self.page.get_by_label(wording.NOTICE_SKIP_ANONYMOUS, exact=True)
            box.set_checked(skip_anonymous)

    def submit(self) -> ConfirmPage:
        """Click 「設定」."""
        self._click("button", wording.SET)
        return ConfirmPage(self.page, self.base_url)


class FaxMenuPage(ServiceScreen):
    """FNM_Disp.do: the addresses, メールアドレス設定 and 受信FAX一覧."""

    PATH = "/FNM_Disp.do"
    TITLE = wording.FAX_MENU_TITLE

    def settings(self) -> NoticePage:
        """Click 「メールアドレス設定」."""
        self._click("button", wording.FAX_SETTINGS_BUTTON)
        return NoticePage(self.page, self.base_url)

    def received(self) -> FaxListPage:
        """Click 「受信FAX一覧」."""
        self._click("button", wording.FAX_LIST_BUTTON)
        return FaxListPage(self.page, self.base_url)


class FaxListPage(ServiceScreen):
    """FNR_Disp.do: the FAXes kept, newest first, each with 「表示」 (a PDF)."""

    PATH = "/FNR_Disp.do"
    TITLE = wording.FAX_LIST_TITLE

    @property
    def rows(self) -> Locator:
        """Return one table row per FAX kept."""
        return self.page.get_by_role("table", name=wording.FAX_LIST_TITLE).locator("tbody tr")

    @property
    def view_links(self) -> Locator:
        """Return the 「表示」 links, newest FAX first."""
        return self.page.get_by_role("link", name=wording.FAX_VIEW)

    @property
    def empty(self) -> Locator:
        """Return the sentence saying no FAX is kept."""
        return self.page.get_by_text(wording.FAX_LIST_EMPTY)


ENTRY_SCREENS = {
    wording.VOICE_WARP: VoiceWarpMenuPage,
    wording.CALL_NOTICE: NoticePage,
    wording.FAX_NOTICE: FaxMenuPage,
}
