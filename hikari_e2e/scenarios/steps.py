"""The built-in steps: what a Japanese feature file may say, each over the guide's journeys.

Every step is a function of the World (what one scenario has seeded, where its browser is) and
of its parameters. `hikari-e2e steps` and docs/steps.md list them, generated from here; a team
adds its own with `@BOOK.step(...)` in a module named by $HIKARI_SCENARIOS.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cucumber_expressions.parameter_type import ParameterType
from playwright.sync_api import expect

from mock_site import wording as W
from mock_site.seed import LineToSeed, SeedOtp

from .. import journeys as J
from ..pages.site import LoginPage, OtpChoicePage, TopPage
from .runner import Run
from .stepbook import CONTEXT, OUTCOME, REGION_NAMES, UNIT_WORDS, StepBook, key_of

BOOK = StepBook()
step = BOOK.step

# 「回線」, optionally after a region and a unit: 「西日本の管理者単位の回線」.
LINE_PHRASE = (
    f"(?:({'|'.join(REGION_NAMES.values())})の)?(?:({'|'.join(UNIT_WORDS.values())})の)?回線"
)
REGION_KEY, UNIT_KEY = key_of(REGION_NAMES), key_of(UNIT_WORDS)


@dataclass(frozen=True)
class LineChoice:
    """Which line a 前提 seeds: a region and a unit named in the step, else the run's."""

    region: str | None
    unit: str | None


BOOK.parameters.define_parameter_type(
    ParameterType(
        "回線",
        LINE_PHRASE,
        LineChoice,
        lambda region, unit: LineChoice(REGION_KEY(region), UNIT_KEY(unit)),
        False,
    )
)
LINE_PARAMETER = (
    "回線",
    "「回線」。前に「東日本の」「西日本の」と、「回線単位の」「電話番号単位の」「管理者単位の」を付けられる",
    "西日本の管理者単位の回線",
)
# 142's start menu: 1 無条件, 2 無応答時, 3 話中時, 4 無応答時＋話中時 (domain-notes §3).
IVR_MODE_KEYS = {W.VW_UNCONDITIONAL: "1", W.VW_NO_ANSWER: "2", W.VW_BUSY: "3",
                 W.VW_NO_ANSWER_BUSY: "4"}  # fmt: skip


NO_LINE = "回線がありません。「前提 回線にパスワードが設定されている」などで始めてください。"


@dataclass
class World:
    """One scenario's state: the run, the line seeded, its passwords, where the browser is."""

    run: Run
    region: str
    unit: str
    line: LineToSeed | None = None
    password: str | None = None
    temp_password: str | None = None
    otp_address: str | None = None
    addresses: list[str] = field(default_factory=list)
    top: TopPage | None = None  # the top screen, when the browser is on it
    signed_in: bool = False  # logged in (on the top or elsewhere on the site)
    on_otp_choice: bool = False
    screen: object = None  # the service screen last opened
    service: str | None = None

    @property
    def customer(self) -> J.Customer:
        run = self.run
        site = run.hikari.site_url(self.region)
        return J.Customer(run.page, site, run.home_url, self.region, run.inbox, run.step)

    @property
    def site_url(self) -> str:
        return self.run.hikari.site_url(self.region)

    @property
    def number(self) -> str:
        if self.line is None:
            raise AssertionError(
                "no line seeded: begin with a 前提 such as 「回線にパスワードが設定されている」"
            )
        return self.line.contract_number

    def seed(self, choice: LineChoice, **options) -> LineToSeed:
        """Seed a line of the chosen (or the run's) region and unit."""
        self.region = choice.region or self.region
        self.unit = choice.unit or self.unit
        builder = self.run.builder
        self.line = builder.line(self.region, auth_unit=self.unit, **options)
        self.run.hikari.lines.add(self.line)
        self.password = self.line.password
        self.temp_password = self.line.temp_password
        return self.line

    def address(self) -> str:
        self.addresses.append(self.run.address())
        return self.addresses[-1]

    def pick(self) -> str | None:
        """The number to pick on 設定する電話番号の選択 (None when the site asks nothing)."""
        return None if self.unit == W.UNIT_NUMBER else self.number

    def logged_in(self) -> TopPage:
        """The top screen: already there; back to it when logged in (a second service, say);
        else log in with the password first."""
        if self.top is not None:
            return self.top
        if self.signed_in:
            self.top = TopPage(self.run.page, self.site_url).open().expect_loaded()
        else:
            self.arrive(self.customer.log_in(self.number, self.password))
        return self.top

    def arrive(self, top: TopPage) -> None:
        """A login reached the top screen."""
        self.top, self.signed_in = top, True

    def at_otp_choice(self) -> None:
        """The ワンタイムパスワード choice screen: log in first, unless already there."""
        if not self.on_otp_choice:
            self.customer.log_in_to_otp_choice(self.number, self.password)
        self.on_otp_choice = False


# 前提: what is seeded before the browser does anything ------------------------------------------


@step(
    "{回線}にパスワードが設定されていない",
    kind=CONTEXT,
    example="回線にパスワードが設定されていない",
    expected="回線が登録され、パスワードはない",
)
def line_without_password(world: World, choice: LineChoice) -> None:
    """A line whose login numbers have no password yet (before the 仮パスワード)."""
    world.seed(choice, with_password=False, otp=None)


@step(
    "{回線}に仮パスワードが設定されている",
    kind=CONTEXT,
    example="回線に仮パスワードが設定されている",
    expected="回線に仮パスワードが設定されている",
)
def line_with_temp_password(world: World, choice: LineChoice) -> None:
    """A line whose contract number has a 仮パスワード (set by phone, p.5–7)."""
    world.seed(choice, with_password=False, with_temp_password=True, otp=None)


@step(
    "{回線}にパスワードが設定され、ワンタイムパスワードは未選択である",
    kind=CONTEXT,
    example="東日本の回線にパスワードが設定され、ワンタイムパスワードは未選択である",
    expected="ログインするとワンタイムパスワード利用選択画面になる",
)
def line_before_otp_choice(world: World, choice: LineChoice) -> None:
    """A line with a password whose ワンタイムパスワード is not chosen yet (before step 7)."""
    world.seed(choice, otp=None)


@step(
    "{回線}にパスワードが設定されている",
    kind=CONTEXT,
    example="西日本の管理者単位の回線にパスワードが設定されている",
    expected="ログインするとトップ画面になる（ワンタイムパスワードは利用しない）",
)
def line_with_password(world: World, choice: LineChoice) -> None:
    """A line with a password, the ワンタイムパスワード declined: a login reaches the top."""
    world.seed(choice)


@step(
    "{回線}にワンタイムパスワードが登録されている",
    kind=CONTEXT,
    example="回線にワンタイムパスワードが登録されている",
    expected="ログインするとワンタイムパスワード入力画面になる",
)
def line_with_otp(world: World, choice: LineChoice) -> None:
    """A line with a password and a registered ワンタイムパスワード address."""
    world.otp_address = world.run.builder.address()
    world.seed(choice, otp=SeedOtp.using(world.otp_address))


@step(
    "ボイスワープの転送先に{電話番号}が登録されている",
    kind=CONTEXT,
    example="ボイスワープの転送先に09012345678が登録されている",
    expected="転送先リスト1番にその番号がある",
)
def destination_registered(world: World, number: str) -> None:
    """The line's ボイスワープ has number as 転送先リスト1番 (set through the control API)."""
    world.run.hikari.services.set(world.region, world.number, voice_warp={"destinations": [number]})


@step(
    "着信お知らせメールの宛先が設定されている",
    kind=CONTEXT,
    expected="着信があるとその宛先にメールが届く",
)
def call_notice_registered(world: World) -> None:
    """The line's 着信お知らせメール sends to a made-up address (set through the control API)."""
    address = world.address()
    world.run.hikari.services.set(world.region, world.number, call_notice={"addresses": [address]})


@step(
    "サイトがメンテナンス中である",
    kind=CONTEXT,
    expected="この回線の番号でのアクセスはメンテナンス画面になる",
)
def maintenance(world: World) -> None:
    """A maintenance window on the site for the line's numbers (a site fault)."""
    world.run.hikari.faults.set("site", "maintenance", number=world.number, line=True)


# もし: what the customer does ---------------------------------------------------------------------


@step(
    "電話で仮パスワードを設定する",
    expected="IVRが「設定が完了しました」と案内する",
)
def temp_password_by_phone(world: World) -> None:
    """Call the region's access number from the contract number on the softphone and key a
    new 仮パスワード twice (guide p.5–7, 手順1–6)."""
    line, temp = world.line, world.run.temp_password()
    world.customer.set_temp_password(line.contract_number, world.number, world.unit, temp)
    world.temp_password = temp


@step(
    "仮パスワードでログインしてパスワードを変更する",
    expected="新しいパスワードで再ログインできる",
)
def first_login(world: World) -> None:
    """Log in with the 仮パスワード, set a new password, log in again (手順1–6)."""
    new = world.run.password()
    world.customer.first_login(world.number, world.temp_password, new)
    world.password, world.on_otp_choice = new, True


@step(
    "ワンタイムパスワードを登録してログインする",
    expected="メールの本登録URLとワンタイムパスワードでトップ画面になる",
)
def register_otp(world: World) -> None:
    """On the choice screen (logging in first if needed): register an address, open the mailed
    URL, send and type the mailed code (手順7–13)."""
    world.at_otp_choice()
    account = world.run.builder.otp_account()
    world.arrive(world.customer.register_otp(account))
    world.otp_address = account.address
    world.addresses.append(account.address)


@step(
    "ワンタイムパスワードを利用しないことに同意する",
    expected="トップ画面になる",
)
def decline_otp(world: World) -> None:
    """On the choice screen (logging in first if needed): 「利用しない」, 「同意する」 (14–16)."""
    world.at_otp_choice()
    world.arrive(world.customer.decline_otp())


@step(
    "ワンタイムパスワードでログインする",
    expected="メールで届いたワンタイムパスワードでトップ画面になる",
)
def log_in_with_otp(world: World) -> None:
    """Log in with the password and the code mailed to the registered address (2, 3, 12, 13)."""
    world.arrive(world.customer.log_in_with_otp(world.number, world.password, world.otp_address))


@step("ログインする", expected="トップ画面になる")
def log_in(world: World) -> None:
    """Log in with the contract number and its password (手順2–3)."""
    world.top, world.signed_in = None, False
    world.logged_in()


@step(
    "ログインしようとする",
    expected="（ここでは確かめない：出た画面は次の「ならば」で確かめる）",
)
def try_log_in(world: World) -> None:
    """Type the contract number and its password on the login screen and click 「ログイン」,
    expecting nothing: what the site answers (an error, a maintenance page) is the next
    ならば's to check."""
    run = world.run
    with run.step(J.login_step(2)):
        login = LoginPage(run.page, world.site_url).open()
    with run.step(J.login_step(3)):
        login.fill(world.number, world.password)
        login.submit()
    world.top, world.signed_in = None, False  # what the site answered is the next step's to see


@step("パスワードを変更する", expected="パスワード変更完了画面になる")
def change_password(world: World) -> None:
    """From the top (logging in first if needed): 「パスワード変更」 (guide p.15–16)."""
    new = world.run.password()
    world.customer.change_password(world.logged_in(), world.password, new)
    world.password, world.top = new, None


@step(
    "新しいパスワード{文言}と確認用{文言}でパスワードを変更しようとする",
    example="新しいパスワード「abc1」と確認用「abc1」でパスワードを変更しようとする",
    expected="パスワード変更画面のまま（変更されない）",
)
def try_password(world: World, new: str, confirm: str) -> None:
    """From the top (logging in first if needed): 「パスワード変更」, the current password,
    then new and confirm as given, 「パスワード変更」; the screen stays (the rules refuse)."""
    run = world.run
    with run.step(J.password_step(1)):
        change = world.logged_in().change_password().expect_loaded()
    with run.step(J.password_step(2)):
        change.change_expecting_error(world.password, new, confirm)
        change.expect_loaded()
    world.top = None


@step("ログアウトする", expected="「ログアウトしました。」と表示される")
def log_out(world: World) -> None:
    """Click 「ログアウト」 on the top screen."""
    world.customer.log_out(world.logged_in())
    world.top, world.signed_in = None, False


@step("{サービス}を開く", example="ボイスワープを開く", expected="そのサービスの画面になる")
def open_service(world: World, service: str) -> None:
    """Click the service on the top screen (logging in first if needed); pick the number when
    the site asks (管理者単位・回線単位)."""
    world.screen = world.customer.open_service(world.logged_in(), service, world.pick())
    world.service, world.top = service, None


@step(
    "転送先電話番号に{電話番号}を設定する",
    example="転送先電話番号に09012345678を設定する",
    expected="ボイスワープ サービスメニューに戻る",
)
def set_destination(world: World, number: str) -> None:
    """From the ボイスワープ menu: 転送先電話番号設定, number as 転送先1 in use, 確認, 設定."""
    world.screen = world.customer.set_destinations(world.screen, {1: number}, use=1)


@step(
    "ボイスワープを{転送の方法}で開始する",
    example="ボイスワープを話中時転送で開始する",
    expected="ボイスワープ サービスメニューに戻る",
)
def start_voice_warp(world: World, mode: str) -> None:
    """From the ボイスワープ menu: サービス開始／停止, the mode, 確認, 設定."""
    world.screen = world.customer.switch_voice_warp(world.screen, mode)


@step(
    "ボイスワープを{転送の方法}（呼出秒数{数}秒）で開始する",
    example="ボイスワープを無応答時転送（呼出秒数15秒）で開始する",
    expected="ボイスワープ サービスメニューに戻る",
)
def start_voice_warp_ringing(world: World, mode: str, seconds: int) -> None:
    """As above, with the 呼出秒数 of a mode that rings first."""
    world.screen = world.customer.switch_voice_warp(world.screen, mode, ring=seconds)


@step(
    "142に電話して、転送先{電話番号}を登録し{転送の方法}で開始する",
    example="142に電話して、転送先09012345678を登録し無条件転送で開始する",
    expected="IVRが設定の終わりを案内する",
)
def voice_warp_by_phone(world: World, number: str, mode: str) -> None:
    """Dial 142 from the contract number: 2 (register) number #, 1 (confirm), 0 (menu),
    1 (start), the mode's key (domain-notes §3)."""
    keys = "2" + number + "#" + "1" + "0" + "1" + IVR_MODE_KEYS[mode]
    world.customer.voice_warp_by_phone(world.number, keys)


@step(
    "お知らせ先メールアドレスを設定する",
    expected="設定の（完了）画面になる",
)
def set_notice_address(world: World) -> None:
    """On the お知らせメール service opened: type a made-up address, 確認, 設定."""
    set_notice_address_to(world, world.address())


@step(
    "お知らせ先メールアドレスに{アドレス}を設定する",
    example="お知らせ先メールアドレスにtaro@example.jpを設定する",
    expected="設定の（完了）画面になる",
)
def set_notice_address_to(world: World, address: str) -> None:
    """On the お知らせメール service opened: type address, 確認, 設定 (FAX: 「メールアドレス設定」
    first)."""
    if address not in world.addresses:
        world.addresses.append(address)
    form = world.screen
    if world.service == W.FAX_NOTICE:
        with world.run.step(J.service_step("fax_settings")):
            form = world.screen.settings()
    world.customer.set_notice_addresses(form, world.service, [address])


@step(
    "{電話番号}から着信し、届いたお知らせメールを開く",
    example="0312345678から着信し、届いたお知らせメールを開く",
    expected="着信お知らせメールが受信箱にある",
)
def ring(world: World, caller: str) -> None:
    """Ring the contract number from caller on the softphone; open the mail on the inbox page."""
    world.customer.ring_and_read_notice(world.number, caller, world.addresses[-1])


@step(
    "{電話番号}から{数}枚のFAXを受信し、届いたお知らせメールを開く",
    example="0312345678から2枚のFAXを受信し、届いたお知らせメールを開く",
    expected="FAXお知らせメールが受信箱にある",
)
def fax(world: World, caller: str, pages: int) -> None:
    """Send a FAX of pages to the contract number on the softphone; open the mail."""
    world.customer.ring_and_read_notice(world.number, caller, world.addresses[-1], fax_pages=pages)


@step("受信FAX一覧を開く", expected="受信したFAXが一覧にある")
def fax_list(world: World) -> None:
    """Open 「受信FAX一覧」 of the FAXお知らせメール number chosen before."""
    world.customer.open_fax_list()


@step("{数}分が経過する", example="10分が経過する", expected="模擬環境の時計が進む", chapter=True)
def minutes_pass(world: World, minutes: int) -> None:
    """Move the replica's clock (nothing waits)."""
    world.run.hikari.clock.advance(minutes=minutes)


@step(
    "{数}時間が経過する", example="24時間が経過する", expected="模擬環境の時計が進む", chapter=True
)
def hours_pass(world: World, hours: int) -> None:
    """Move the replica's clock (nothing waits)."""
    world.run.hikari.clock.advance(hours=hours)


@step("{数}日が経過する", example="60日が経過する", expected="模擬環境の時計が進む", chapter=True)
def days_pass(world: World, days: int) -> None:
    """Move the replica's clock (nothing waits)."""
    world.run.hikari.clock.advance(days=days)


# ならば: what the customer sees --------------------------------------------------------------


@step(
    "トップ画面が表示される",
    kind=OUTCOME,
    expected="トップ画面が表示される",
)
def top_shown(world: World) -> None:
    """The top screen's heading (「ひかり電話設定サイト トップ」)."""
    world.arrive(TopPage(world.run.page, world.site_url).expect_loaded())


@step(
    "ワンタイムパスワード利用選択画面が表示される",
    kind=OUTCOME,
    expected="ワンタイムパスワード利用選択画面が表示される",
)
def otp_choice_shown(world: World) -> None:
    """The ワンタイムパスワード利用選択 screen's heading."""
    OtpChoicePage(world.run.page, world.site_url).expect_loaded()
    world.on_otp_choice = True


@step(
    "ログイン画面が表示される",
    kind=OUTCOME,
    expected="ログイン画面が表示される",
)
def login_shown(world: World) -> None:
    """The login screen's heading."""
    LoginPage(world.run.page, world.site_url).expect_loaded()


@step(
    "画面の見出しが{文言}である",
    kind=OUTCOME,
    example="画面の見出しが「システムメンテナンス中」である",
    expected="見出しがその文言",
)
def heading_is(world: World, text: str) -> None:
    """The screen's one h1 reads text exactly."""
    expect(world.run.page.get_by_role("heading", level=1)).to_have_text(text)


@step(
    "エラー{文言}が表示される",
    kind=OUTCOME,
    example="エラー「新しいパスワードを入力してください。」が表示される",
    expected="エラーの枠にその文言がある",
)
def error_shown(world: World, text: str) -> None:
    """The error box (role=alert) has a message containing text."""
    expect(world.run.page.get_by_role("alert")).to_contain_text(text)


@step(
    "{文言}と表示される",
    kind=OUTCOME,
    example="「ログアウトしました。」と表示される",
    expected="その文言が画面にある",
)
def text_shown(world: World, text: str) -> None:
    """text is visible on the screen (anywhere, as part of the page's text)."""
    expect(world.run.page.get_by_text(text).first).to_be_visible()


@step(
    "ボイスワープの状態が{文言}になっている",
    kind=OUTCOME,
    example="ボイスワープの状態が「開始」になっている",
    expected="サービスメニューの「サービスの状態」がその文言",
)
def voice_warp_state(world: World, text: str) -> None:
    """The ボイスワープ menu's サービスの状態 reads text."""
    expect(world.screen.state).to_have_text(text)


@step(
    "転送先リスト{数}番が{文言}になっている",
    kind=OUTCOME,
    example="転送先リスト1番が「090-1234-5678」になっている",
    expected="サービスメニューの転送先リストにその番号（ハイフン付き）がある",
)
def destination_shown(world: World, entry: int, text: str) -> None:
    """The ボイスワープ menu shows text as the list entry's number (as shown: with hyphens)."""
    expect(world.screen.destination(entry)).to_have_text(text)


@step(
    "件名に{文言}を含むメールが届いている",
    kind=OUTCOME,
    example="件名に「本登録のお手続き」を含むメールが届いている",
    expected="最後に使ったアドレスにそのメールがある",
)
def mail_arrived(world: World, subject: str) -> None:
    """A mail whose subject contains subject has reached the address used last (waiting for it,
    no longer than the mail wait's timeout)."""
    if not world.addresses:
        raise AssertionError("no address used yet: which mail box to look in?")
    world.run.hikari.mail.wait_for(world.addresses[-1], subject=subject)
