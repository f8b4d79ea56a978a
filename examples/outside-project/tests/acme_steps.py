"""ACME's own step, added to hikari-e2e's step library (HIKARI_SCENARIOS=tests/acme_steps.py
for hikari-e2e run; the test module imports it for pytest)."""

from hikari_e2e.pages.site import VoiceWarpMenuPage
from hikari_e2e.scenarios.stepbook import OUTCOME
from hikari_e2e.scenarios.steps import BOOK


@BOOK.step(
    "ボイスワープ サービスメニューが表示される",
    kind=OUTCOME,
    example="ボイスワープ サービスメニューが表示される",
    expected="ボイスワープ サービスメニューの見出し",
)
def menu_shown(world) -> None:
    VoiceWarpMenuPage(world.run.page, world.site_url).expect_loaded()
