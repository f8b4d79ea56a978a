"""ACME's QA scenario: HIKARI_SCENARIOS=acme_scenarios hikari-e2e run acme-busy-forward."""

from playwright.sync_api import expect

from hikari_e2e import wording as W
from hikari_e2e.scenarios import scenario


@scenario("acme-busy-forward", "ACME：話中時転送を開始する")
def busy_forward(run):
    line = run.line()
    run.hikari.services.set(
        run.region, line.contract_number, voice_warp={"destinations": ["09012345678"]}
    )
    customer = run.customer  # the guide's journeys as verbs, each a captioned step
    top = customer.log_in(line.contract_number, line.password)
    menu = customer.open_service(top, W.VOICE_WARP, run.pick(line))
    customer.switch_voice_warp(menu, W.VW_BUSY)
    with run.step("確認：サービスの状態が「開始」になっています。"):
        expect(menu.state).to_have_text(W.VW_STATE_ON)
