"""Every word the mock shows or speaks, copied from the guide (or SPEC.md where marked).

The site, the phone and the tests import these names; nothing else spells them. A rule's number
is never written here: a sentence names the setting ({password_max_failures}) and fill() reads
it from the Settings in force, so `--set password_max_failures=5` makes the site say 5回.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any


def fill(sentence: str, settings: Any, **values: Any) -> str:
    """Fill a sentence: each {setting} from settings, every other placeholder from values."""
    rules = {f.name: getattr(settings, f.name) for f in fields(settings)}
    return sentence.format(**rules, **values)


SITE_NAME = "ひかり電話設定サイト"

# Services (SPEC §8): key -> how the top screen names it.
VOICE_WARP = "voice_warp"
CALL_NOTICE = "call_notice"
FAX_NOTICE = "fax_notice"
SERVICE_NAMES: dict[str, str] = {
    VOICE_WARP: "転送電話（ボイスワープ）",
    CALL_NOTICE: "着信お知らせメール",
    FAX_NOTICE: "FAXお知らせメール",
}
# Button names on the top screen (SPEC §13).
SERVICE_BUTTONS: dict[str, str] = {
    VOICE_WARP: "ボイスワープ",
    CALL_NOTICE: "着信お知らせメール",
    FAX_NOTICE: "FAXお知らせメール",
}

# Authentication units (SPEC §3).
UNIT_LINE = "line"
UNIT_NUMBER = "number"
UNIT_ADMIN = "admin"
UNIT_NAMES: dict[str, str] = {
    UNIT_LINE: "回線単位",
    UNIT_NUMBER: "電話番号単位",
    UNIT_ADMIN: "管理者／ユーザ単位",
}

CONTRACT_NUMBER = "契約者回線番号"

# The portal, production's AGT_Main.htm (domain-notes §1): the guide's step 2 and its notes (p.8).
PORTAL_TITLE = SITE_NAME
PORTAL_NOTES: tuple[str, ...] = (
    "はじめて接続する場合は、設定した仮パスワードを利用して接続します。",
    "ひかり電話設定サイトへ接続する際、ご利用の通信サービスにより、通信料、パケット通信料等が"
    "かかる場合があります。",
    "ご利用の端末、ブラウザ等の条件により、正しく動作しない場合があります。",
)

# Login screen (SPEC §5, §13).
LOGIN_TITLE = "ログイン"
PHONE_NUMBER = "電話番号"
PHONE_NUMBER_HINT = "本サービスを契約している電話番号（ハイフンなし）"
PASSWORD = "パスワード"
PASSWORD_HINT = "パスワード（はじめて接続する場合は仮パスワード）"
LOGIN = "ログイン"
LOGOUT = "ログアウト"
LOGIN_NOTES: tuple[str, ...] = (
    "ブラウザは1画面のみでご利用ください。2画面以上でご利用いただいた場合、"
    "正常に設定が反映されない場合があります。",
    "ログイン状態で、しばらくなにも操作しなかった場合には、自動的にログアウトされます。"
    "設定作業を続ける場合には、再度ログインする必要があります。",
    "同一の電話番号・パスワードで同時に複数のログインはできません。",
    "設定作業を終了する際は、必ず「ログアウト」をクリックしてください。ブラウザの閉じるボタン"
    "（×）をクリックして終了した場合、再ログインが可能になるまでしばらく時間がかかる場合があります。",
)

# Top screen (SPEC §8).
TOP_TITLE = "ひかり電話設定サイト トップ"
TOP_INSTRUCTION = "設定する項目をクリックします。"
CHANGE_PASSWORD = "パスワード変更"
OTP_CHOICE_CHANGE = "ワンタイムパスワード利用選択変更"

# Password screens (SPEC §6, §9, §13).
PASSWORD_CHANGE_TITLE = "パスワード変更"
PASSWORD_CHANGED_TITLE = "パスワード変更完了"
CURRENT_PASSWORD = "現在のパスワード"
NEW_PASSWORD = "新しいパスワード"
NEW_PASSWORD_CONFIRM = "新しいパスワード（確認用）"
CHANGE_PASSWORD_BUTTON = "パスワード変更"
BACK_TO_LOGIN_FORCED = "ログイン画面へ戻る"
BACK = "戻る"
FORCED_CHANGE_AFTER_TEMP = "仮パスワードで接続した場合は、パスワードの変更が必要です。"
PASSWORD_RULE = (
    "パスワードは{password_min_length}桁～{password_max_length}桁の半角英数字で設定してください。"
    "数字のみの設定はできません。"
)
PASSWORD_ADVICE = (
    "なお、不正アクセスを防止するため、他人が推測しにくいパスワード（誕生日や電話番号以外）を"
    "設定し、定期的に変更するようにしてください。"
)
SAME_AS_CURRENT_RULE = (
    "現在のパスワードと同一のパスワードを新しいパスワードに設定することはできません。"
)
# Assumed (not in the guide): what the screens say around the guide's words.
FORCED_CHANGE_AFTER_EXPIRY = (
    "パスワードの有効期限（{password_valid_days}日間）が過ぎました。パスワードを変更してください。"
)
PASSWORD_CHANGED_FORCED = "パスワードを変更しました。新しいパスワードで、再度ログインしてください。"
PASSWORD_CHANGED_FOR = "{number}（{kind}）のパスワードを変更しました。"
EXPIRY_NOTICE_TITLE = "パスワード期限予告"
EXPIRY_NOTICE_TEXT = (
    "パスワードの有効期限は{deadline}までです。期限が過ぎる前に、トップ画面の「パスワード変更」"
    "からパスワードを変更してください。"
)
OK = "OK"
REACH_CAPTION = "設定できる電話番号"
SERVICES_IN_USE = "ご利用中のサービス"

# Messages. The guide gives none of these texts; they follow domain-notes §5 (assumed).
ERR_LOGIN_FAILED = "電話番号またはパスワードが正しくありません。"
ERR_PASSWORD_VOID = (
    "パスワードの入力を連続して{password_max_failures}回間違えたため、パスワードが無効になりました。"
    "仮パスワード設定用アクセス番号（{access}）へお電話のうえ、仮パスワードを設定してください。"
)
ERR_TEMP_VOID = (
    "仮パスワードが無効になりました（連続して{temp_password_max_failures}回の誤り、"
    "または設定後{temp_password_valid_hours}時間以上の経過）。"
    "仮パスワード設定用アクセス番号（{access}）へお電話のうえ、再度仮パスワードを設定してください。"
)
ERR_ALREADY_LOGGED_IN = (
    "同一の電話番号・パスワードで同時に複数のログインはできません。"
    "ログアウトしてから、もう一度ログインしてください。ブラウザの閉じるボタン（×）で終了した場合は、"
    "{idle_timeout_minutes}分ほど経ってからログインしてください。"
)
ERR_TIMED_OUT = (
    "しばらくなにも操作しなかったため、自動的にログアウトされました。"
    "設定作業を続ける場合には、再度ログインしてください。"
)
ERR_STALE_WINDOW = (
    "ブラウザは1画面のみでご利用ください。別の画面で操作が行われたため、"
    "この画面からの操作は反映していません。"
)
ERR_CURRENT_REQUIRED = "現在のパスワードを入力してください。"
ERR_CURRENT_WRONG = "現在のパスワードが正しくありません。"
ERR_NEW_REQUIRED = "新しいパスワードを入力してください。"
ERR_NEW_FORMAT = (
    "新しいパスワードは{password_min_length}桁～{password_max_length}桁の半角英数字で"
    "入力してください。"
)
ERR_NEW_DIGITS_ONLY = "新しいパスワードは数字のみの設定はできません。英字を含めてください。"
ERR_CONFIRM_REQUIRED = "新しいパスワード（確認用）を入力してください。"
ERR_CONFIRM_MISMATCH = "新しいパスワードと新しいパスワード（確認用）が一致しません。"
ERR_NEW_SAME_AS_TEMP = (
    "仮パスワードと同一のパスワードを新しいパスワードに設定することはできません。"
)
ERR_NUMBER_NOT_IN_REACH = "選択した電話番号のパスワードは変更できません。"
ERR_PHONE_REQUIRED = "電話番号を入力してください。"
ERR_PHONE_FORMAT = "電話番号は半角数字10桁（ハイフンなし）で入力してください。"
ERR_PASSWORD_REQUIRED = "パスワードを入力してください。"
ERR_FORM_EXPIRED = (
    "画面の有効期限が切れたか、別の画面から操作されたため、処理できませんでした。"
    "もう一度操作してください。"
)
ERR_LOGIN_REQUIRED = "ログインしてください。"
MSG_LOGGED_OUT = "ログアウトしました。"

# Error pages (not in the guide).
NOT_FOUND_TITLE = "ページが見つかりません"
NOT_FOUND_TEXT = "お探しのページは見つかりませんでした。URLをご確認ください。"
METHOD_NOT_ALLOWED_TITLE = "この操作はできません"
METHOD_NOT_ALLOWED_TEXT = (
    "この画面ではその操作を受け付けていません。画面の案内に沿って操作してください。"
)
BAD_REQUEST_TITLE = "リクエストが正しくありません"
ERR_TOO_LARGE = "送信された内容が大きすぎるため、処理できませんでした。入力内容をご確認ください。"
ERR_UNREADABLE = "送信された内容を読み取れませんでした。もう一度操作してください。"
ERR_READ_TIMEOUT = (
    "送信が一定時間内に完了しなかったため、処理を中止しました。もう一度操作してください。"
)
# Faults (docs/faults.md): no source shows production's maintenance page; these are assumptions.
MAINTENANCE_TITLE = "システムメンテナンス中"
MAINTENANCE_TEXT = (
    "ただいまシステムメンテナンス中のため、ひかり電話設定サイトをご利用いただけません。"
    "しばらくしてから再度アクセスしてください。"
)
ERR_HTTP_VERSION = "このHTTPのバージョンには対応していません。HTTP/1.1でアクセスしてください。"
SPACE_GONE_TITLE = "テスト空間がありません"
SPACE_GONE = (
    "テスト空間「{space}」はありません（削除されたか、使われないまま期限が切れました）。"
    "ログインしていた場合はログアウトしました。既定のテスト空間でもう一度操作してください。"
)
SPACE_TITLE = "テスト空間"
SPACE_NEW = "新しいテスト空間"
SPACE_CURRENT = "このブラウザのテスト空間"
SPACE_CAP = (
    "テスト空間は同時に{cap}個までです。"
    "使い終わったテスト空間を削除してから、もう一度操作してください。"
)
BUSY_TITLE = "ただいま混み合っています"
BUSY_TEXT = "ただいまアクセスが集中しています。しばらくしてから再度アクセスしてください。"
SERVER_ERROR_TITLE = "処理できませんでした"
SERVER_ERROR_TEXT = "処理中に問題が発生しました。もう一度操作してください。"
BACK_TO_LOGIN = "ログイン画面へ"

# The environment's home (not part of production).
HOME_TITLE = "hikari-e2e 模擬環境"
PHONE_TITLE = "ソフトフォン"
MAIL_TITLE = "メール受信箱"
MAIL_NO_SUBJECT = "（件名なし）"  # a mail without a Subject, in the inbox
MAIL_TO = "宛先"
MAIL_SUBJECT = "件名"
MAIL_RECEIVED = "受信日時"
MAIL_RAW_MARK = "（解読できないため、受信したまま表示）"
CREDENTIAL_NONE = "未設定"
CREDENTIAL_TEMP = "仮パスワード"
CREDENTIAL_PASSWORD = "パスワード"
CREDENTIAL_VOID = "無効"

# The 仮パスワード IVR (SPEC §4), verbatim; △△△△△△△△△△ is {number}.
IVR_UNIT_CHOICE = (
    "仮パスワードの設定を行います。仮パスワードを設定する単位を選択します。"
    "回線単位に設定する場合は１、電話番号単位に設定する場合は２、"
    "管理者／ユーザ単位に設定する場合は３を入力してください。"
)
IVR_NUMBER_ENTRY = "仮パスワードを設定する電話番号を市外局番から入力し、最後に＃を押してください。"
IVR_PASSWORD_ENTRY = (
    "{number}番の仮パスワードの設定を行います。設定したい仮パスワードを入力してください。"
)
IVR_CONFIRM_ENTRY = "確認のためにもう一度仮パスワードを入力してください。"
IVR_DONE = "{number}番の仮パスワードの設定が完了しました。ご利用ありがとうございました。"
IVR_WRONG = "入力された番号が正しくありません。もう一度押してください。"
# Assumed: the guide says only that the caller must hang up and start again after 3 mistakes,
# that a data call does not connect and that the call must come from the contracted line.
IVR_WRONG_FINAL = (
    "入力された番号が正しくありません。お手数ですが、一度電話を切り、はじめからおかけ直しください。"
)
IVR_NOT_CONTRACTED = (
    "この電話番号からはご利用いただけません。本サービスを契約している回線からおかけください。"
)
PHONE_DATA_CALL = "データ接続通信で発信した場合、接続できません。"
PHONE_NO_SUCH_NUMBER = "おかけになった電話番号は、現在使われておりません。"
PHONE_BUSY = "この電話番号は通話中です。終話してから発信してください。"
PHONE_ACCESS_BUSY = "ツー、ツー、ツー（話し中）"
PHONE_CALL_DROPPED = "（通話が切れました）"
PHONE_NO_CALL = "通話していません。番号を押して「発信」してください。"
PHONE_BAD_KEYS = "押せるのは 0～9、＊、＃ だけです。"
PHONE_REGION_AMBIGUOUS = (
    "この通知番号は東日本・西日本の両方の回線にあります。回線の地域を選んでから発信してください。"
)
PHONE_BAD_DIALLED = "発信する番号は、数字20桁以内で入力してください。"

# The softphone page (SPEC §14).
PHONE_CALLER = "通知番号"
PHONE_DATA = "データ接続通信"
PHONE_DIALLED = "発信する番号"
PHONE_DIAL = "発信"
PHONE_HANG_UP = "終話"
PHONE_LOG = "通話ログ"
PHONE_VOICE = "ガイダンス音声"
PHONE_ACCESS_NUMBER = "仮パスワード設定用アクセス番号"
PHONE_REGION = "回線の地域"
PHONE_REGION_AUTO = "自動（通知番号から）"
PHONE_VOICE_WARP = "ボイスワープの設定（142）"
# Simulating a call or FAX to a number (SPEC §14; the environment's own words).
IN_TITLE = "着信・FAXを試す"
IN_TO = "着信先"
IN_FROM = "発信者"
IN_FROM_NUMBER = "番号を通知"
IN_CALLER_NUMBER = "発信者番号"
IN_KIND = "種類"
IN_KIND_CALL = "電話"
IN_KIND_FAX = "FAX"
IN_PAGES = "枚数"
IN_ANSWER = "呼び出し中に応答する"
IN_MAKE_BUSY = "着信先を話し中にする"
IN_RING = "着信させる"
IN_ERR_CALLER = "発信者番号は、0から始まる半角数字10桁（ハイフンなし）で入力してください。"
IN_ERR_PAGES = "枚数は1～99の半角数字で入力してください。"
IN_ERR_SELF = "着信先と同じ電話番号からは着信させられません。"
IN_ERR_NUMBER = "着信先の電話番号が見つかりません。"

# ワンタイムパスワード (SPEC §7, §13).
OTP_CHOICE_TITLE = "ワンタイムパスワード利用選択"
OTP_USE = "ワンタイムパスワードを利用する"
OTP_DECLINE = "ワンタイムパスワードを利用しない"
OTP_RECOMMENDATION = (
    "ワンタイムパスワード利用の有無はひかり電話設定サイトにて切替できます。"
    "弊社ではセキュリティ強化の一環としてワンタイムパスワードのご利用をお勧めしております。"
)
NEXT = "次へ"
REGISTER = "登録"
AGREE = "同意する"
SEND_OTP = "ワンタイムパスワードを送信"
OTP_REGISTER_TITLE = "ワンタイムパスワード利用情報の登録"
OTP_CONFIRM_TITLE = "ワンタイムパスワード利用情報の確認"
OTP_PROVISIONAL_TITLE = "ワンタイムパスワード利用情報の仮登録完了"
OTP_REGISTERED_TITLE = "ワンタイムパスワード利用情報の本登録完了"
OTP_ENTRY_TITLE = "ワンタイムパスワード入力"
OTP_CONSENT_TITLE = "ワンタイムパスワードを利用しないことの確認"
OTP_ADDRESS_CHANGE_TITLE = "ワンタイムパスワード受信用メールアドレスの変更"
OTP_ADDRESS = "ワンタイムパスワード受信用メールアドレス"
OTP_VERIFY_ID = "確認用ID"
OTP_VERIFY_PASSWORD = "確認用パスワード"
OTP_CODE = "ワンタイムパスワード"
OTP_VERIFY_HINT = (
    "確認用ID、確認用パスワードは、"
    "ワンタイムパスワード受信用メールアドレスを変更する際に利用します。"
)
OTP_VERIFY_ID_RULE = (
    "確認用IDは「{verify_min_length}～{verify_max_length}桁の半角英数字」の文字を登録してください。英字は大文字、小文字どちらも"
    "利用できます。英字大文字のみ、英字小文字のみ、数字のみは利用できません。"
)
OTP_VERIFY_PASSWORD_RULE = (
    "確認用パスワードは「{verify_min_length}～{verify_max_length}桁の半角英数字」の文字を登録してください。英字は大文字、小文字"
    "どちらも利用できます。英字、数字の両方の文字の組み合わせが必要です。"
)
OTP_CONFIRM_TEXT = "入力した内容が正しいことを確認し、「登録」をクリックしてください。"
OTP_PROVISIONAL_TEXT = (
    "登録したワンタイムパスワード受信用メールアドレスに届く「メールアドレスの本登録お手続きURL」の"
    "リンクをクリックしてください。「メールアドレスの本登録お手続きURL」の有効期限は"
    "{registration_url_valid_hours}時間です。{registration_url_valid_hours}時間を経過した場合は、再度ひかり電話設定サイトにログインしてお手続きをお願いします。"
)
OTP_REGISTERED_TEXT = (
    "「ワンタイムパスワードを送信」をクリックし、ワンタイムパスワード受信用メールアドレスに届く"
    "ワンタイムパスワードを確認してください。"
)
OTP_ENTRY_TEXT = (
    "ワンタイムパスワード受信用メールアドレスに届いたワンタイムパスワードを入力し、"
    "「次へ」をクリックしてください。"
)
OTP_SENT = "ワンタイムパスワードを送信しました。"
OTP_CONSENT_TEXT = (
    "ワンタイムパスワードを利用しない場合、電話番号とパスワードだけでログインできます。"
    "ワンタイムパスワードを利用しないことに同意する場合は、"
    "「同意する」をクリックしてください。"
)
OTP_SWITCHED_ON = (
    "ワンタイムパスワードを利用する設定にしました。"
    "次回のログインからワンタイムパスワードが必要です。"
)
# Assumed (nothing public): the mails and the errors.
MAIL_REGISTRATION_SUBJECT = "【ひかり電話設定サイト】メールアドレス本登録のお手続き"
MAIL_REGISTRATION_BODY = (
    "ひかり電話設定サイトをご利用いただきありがとうございます。\n\n"
    "下記の「メールアドレスの本登録お手続きURL」にアクセスし、本登録を完了してください。\n\n"
    "メールアドレスの本登録お手続きURL\n{url}\n\n"
    "※有効期限は{registration_url_valid_hours}時間（{deadline}まで）です。"
    "{registration_url_valid_hours}時間を経過した場合は、"
    "再度ひかり電話設定サイトにログインしてお手続きをお願いします。\n"
    "※このメールは送信専用のアドレスから送信しています。\n"
)
MAIL_OTP_SUBJECT = "【ひかり電話設定サイト】ワンタイムパスワードのお知らせ"
MAIL_OTP_BODY = (
    "ひかり電話設定サイトのワンタイムパスワードをお知らせします。\n\n"
    "ワンタイムパスワード：{code}\n\n"
    "有効期限：{deadline}（{otp_valid_minutes}分間）\n"
    "※ワンタイムパスワードは1回のみ有効です。新しく送信すると、前のワンタイムパスワードは使えません。\n"
)
ERR_OTP_ADDRESS = "ワンタイムパスワード受信用メールアドレスを正しく入力してください。"
ERR_VERIFY_ID_FORMAT = (
    "確認用IDは{verify_min_length}～{verify_max_length}桁の半角英数字で入力してください。"
)
ERR_VERIFY_ID_KINDS = "確認用IDに英字大文字のみ、英字小文字のみ、数字のみは利用できません。"
ERR_VERIFY_PASSWORD_FORMAT = (
    "確認用パスワードは{verify_min_length}～{verify_max_length}桁の半角英数字で入力してください。"
)
ERR_VERIFY_PASSWORD_KINDS = "確認用パスワードは英字と数字を組み合わせてください。"
ERR_VERIFY_MISMATCH = "確認用IDまたは確認用パスワードが正しくありません。"
ERR_OTP_CHOICE = "ワンタイムパスワードを利用するか、利用しないかを選択してください。"
ERR_OTP_REQUIRED = "ワンタイムパスワードを入力してください。"
ERR_OTP_WRONG = "ワンタイムパスワードが正しくありません。"
ERR_OTP_EXPIRED = (
    "ワンタイムパスワードの有効期限が切れているか、すでに使用されています。"
    "「ワンタイムパスワードを送信」から、もう一度送信してください。"
)
ERR_REGISTRATION_URL = (
    "このメールアドレスの本登録お手続きURLは、有効期限（{registration_url_valid_hours}時間）が"
    "切れているか、すでに使用されています。"
    "再度ひかり電話設定サイトにログインしてお手続きをお願いします。"
)
ERR_MAIL_NOT_SENT = (
    "メールを送信できませんでした。入力した内容は保存されていません。"
    "しばらくしてから、もう一度お試しください。"
)
ERR_OTP_MAIL_NOT_SENT = (
    "ワンタイムパスワードのメールを送信できませんでした。"
    "しばらくしてから「ワンタイムパスワードを送信」をクリックしてください。"
)

# The services (SPEC §8, §10; domain-notes §1–3, §7–8). Button and screen names seen in
# production scripts are marked (production); the rest is assumed, as nothing public shows it.
SERVICE_MENU = "サービスメニューへ"  # (production) back to the menu one level up
SET = "設定"  # (production) on the input and the confirmation screens
VW_LIST_BUTTON = "転送先電話番号設定"  # (production)
VW_SWITCH_BUTTON = "サービス開始／停止"  # (production)
SERVICE_TARGET = "設定する電話番号"
NUMBER_CHOICE_TITLE = "設定する電話番号の選択"
NUMBER_CHOICE_TEXT = "設定する電話番号を選択し、「次へ」をクリックしてください。"
CONFIRM_TEXT = "入力した内容が正しいことを確認し、「設定」をクリックしてください。"
DONE_TEXT = "設定が完了しました。"
VW_MENU_TITLE = "ボイスワープ サービスメニュー"
VW_LIST_TITLE = "転送先電話番号設定"
VW_SWITCH_TITLE = "サービス開始／停止"
CONFIRM_SUFFIX = "（確認）"
DONE_SUFFIX = "（完了）"
VW_STATE = "サービスの状態"
VW_STATE_ON = "開始"
VW_STATE_OFF = "停止"
VW_SELECTED = "使用する転送先"
VW_DESTINATION = "転送先電話番号{entry}"
VW_USE_ENTRY = "転送先{entry}を使用する"
VW_ENTRY_NAME = "転送先リスト{entry}番"
VW_LIST_TEXT = (
    "転送先電話番号を市外局番から半角数字（ハイフンなし）で入力し、"
    "使用する転送先を1つ選択してください。"
)
VW_NOT_SET = "未登録"
VW_RING = "呼出秒数"
VW_RING_FOR = "{mode}の呼出秒数"
VW_RING_VALUE = "{seconds}秒"
VW_SWITCH_TEXT = (
    "転送の方法を選択してください。無応答時転送の呼出秒数は"
    "{voice_warp_min_ring_seconds}～{voice_warp_max_ring_seconds}秒です。"
)
VW_MODE = "転送の方法"
# Transfer modes (domain-notes §2): key -> name; stop last, as production's radios r1… stop.
VW_STOP = "stop"
VW_UNCONDITIONAL = "unconditional"
VW_NO_ANSWER = "no_answer"
VW_BUSY = "busy"
VW_NO_ANSWER_BUSY = "no_answer_busy"
VW_MODES: dict[str, str] = {
    VW_UNCONDITIONAL: "無条件転送",
    VW_NO_ANSWER: "無応答時転送",
    VW_BUSY: "話中時転送",
    VW_NO_ANSWER_BUSY: "無応答時＋話中時転送",
    VW_STOP: "停止",
}
VW_MODES_WITH_RING = (VW_NO_ANSWER, VW_NO_ANSWER_BUSY)

NOTICE_TITLE = {CALL_NOTICE: "着信お知らせメール設定", FAX_NOTICE: "FAXお知らせメール設定"}
NOTICE_TEXT = {
    CALL_NOTICE: "着信があったときにお知らせするメールアドレスを"
    "{notification_max_addresses}件まで登録できます。",
    FAX_NOTICE: "FAXを受信したときにお知らせするメールアドレスを"
    "{notification_max_addresses}件まで登録できます。",
}
NOTICE_ADDRESS = "お知らせ先メールアドレス{n}"
NOTICE_CONDITION = "送信条件"
NOTICE_ALL = "すべての着信"
NOTICE_MISSED = "応答しなかった着信のみ"
NOTICE_CONDITIONS: dict[str, str] = {"all": NOTICE_ALL, "missed": NOTICE_MISSED}
NOTICE_SKIP_ANONYMOUS = "非通知・公衆電話からの着信はお知らせしない"
NOTICE_SKIP_YES = "お知らせしない"
NOTICE_SKIP_NO = "お知らせする"
NOTICE_NONE = "（登録なし）"
FAX_MENU_TITLE = "FAXお知らせメール サービスメニュー"
FAX_SETTINGS_BUTTON = "メールアドレス設定"
FAX_LIST_BUTTON = "受信FAX一覧"
FAX_LIST_TITLE = "受信FAX一覧"
FAX_LIST_TEXT = "受信したFAXは、受信から{fax_retention_days}日間、PDFで表示できます。"
FAX_LIST_EMPTY = "表示できるFAXはありません。"
FAX_RECEIVED = "受信日時"
FAX_SENDER = "送信元電話番号"
FAX_PAGES = "枚数"
FAX_VIEW = "表示"
FAX_VIEW_NAME = "{received}のFAXを表示"

ERR_VW_DEST_FORMAT = (
    "転送先電話番号{entry}は、市外局番から半角数字10桁または11桁（ハイフンなし）で"
    "入力してください。"
)
ERR_VW_DEST_SPECIAL = (
    "転送先電話番号{entry}に、緊急通報番号（110・118・119）などの3桁の番号は設定できません。"
)
ERR_VW_DEST_SELF = "転送先電話番号{entry}に、設定する電話番号そのものは設定できません。"
ERR_VW_SELECTED_EMPTY = "使用する転送先（転送先{entry}）の転送先電話番号を入力してください。"
ERR_VW_CHOICE = "使用する転送先を選択してください。"
ERR_VW_MODE = "転送の方法を選択してください。"
ERR_VW_RING = (
    "{field}は{voice_warp_min_ring_seconds}～{voice_warp_max_ring_seconds}の半角数字で"
    "入力してください。"
)
ERR_VW_NO_DESTINATION = (
    "使用する転送先の転送先電話番号が登録されていないため、転送を開始できません。"
    "「転送先電話番号設定」で登録してください。"
)
ERR_NOTICE_ADDRESS = "お知らせ先メールアドレス{n}を正しく入力してください（半角、128文字以内）。"
ERR_NOTICE_DUPLICATE = "お知らせ先メールアドレス{n}は、お知らせ先メールアドレス{first}と同じです。"
ERR_NOTICE_TOO_MANY = "お知らせ先メールアドレスは{notification_max_addresses}件まで登録できます。"
ERR_NOTICE_NONE = "お知らせ先メールアドレスを1件以上入力してください。"
ERR_NOTICE_CONDITION = "送信条件を選択してください。"
ERR_NUMBER_CHOICE = "設定する電話番号を選択してください。"
ERR_SERVICE_NOT_IN_REACH = "選択した電話番号のこのサービスは、このログインでは設定できません。"
ERR_FAX_GONE = (
    "このFAXは保存期間（{fax_retention_days}日間）を過ぎたか、存在しないため、表示できません。"
)
ERR_CHANGED_ELSEWHERE = (
    "確認中に別の画面または電話（142）で設定が変更されました。もう一度入力してください。"
)

# Calls and FAXes to a number (SPEC §14), as the softphone's log tells them (assumed wording).
CALLER_ANONYMOUS = "非通知"
CALLER_PAYPHONE = "公衆電話"
CALLER_UNAVAILABLE = "表示圏外"
SPECIAL_CALLERS: dict[str, str] = {
    "anonymous": CALLER_ANONYMOUS,
    "payphone": CALLER_PAYPHONE,
    "unavailable": CALLER_UNAVAILABLE,
}
IN_CALL = "{caller}から{number}へ着信しました。"
IN_FAX = "{caller}から{number}へFAXが着信しました。"
IN_ANSWERED = "応答しました。"
IN_MISSED = "{seconds}秒呼び出しましたが、応答しませんでした。"
IN_BUSY = "話し中のため、つながりませんでした。"
IN_FORWARDED = "{entry}（{destination}）へ転送しました（{mode}）。"
IN_FORWARDED_AFTER = "{seconds}秒呼び出した後、{entry}（{destination}）へ転送しました（{mode}）。"
IN_FAX_STORED = "{pages}枚のFAXを受信し、保存しました。"
IN_FAX_NOT_STORED = (
    "{pages}枚のFAXを受信しました（FAXお知らせメールのご利用がないため保存していません）。"
)
IN_MAILS_SENT = "{service}を{count}件送信しました。"
IN_MAIL_FAILED = "{service}を{address}へ送信できませんでした。"

# 着信お知らせメール / FAXお知らせメール (domain-notes §7–8; assumed contents).
MAIL_CALL_SUBJECT = "着信お知らせメール"
MAIL_CALL_BODY = (
    "着信がありました。\n\n"
    "着信日時：{when}\n"
    "発信者番号：{caller}\n"
    "着信先電話番号：{number}\n"
    "応答：{outcome}\n\n"
    "※このメールは送信専用のアドレスから送信しています。\n"
)
MAIL_CALL_OUTCOMES = {
    "answered": "応答しました",
    "missed": "応答しませんでした",
    "busy": "話し中でした",
    "forwarded": "転送しました",
}
MAIL_FAX_SUBJECT = "FAXお知らせメール"
MAIL_FAX_BODY = (
    "FAXを受信しました。\n\n"
    "受信日時：{when}\n"
    "送信元電話番号：{caller}\n"
    "着信先電話番号：{number}\n"
    "枚数：{pages}枚\n\n"
    "受信したFAXは、ひかり電話設定サイトにログインし、"
    "「FAXお知らせメール」の「受信FAX一覧」から{fax_retention_days}日間ご覧いただけます。\n"
    "{url}\n\n"
    "※このメールは送信専用のアドレスから送信しています。\n"
)

# 142 (domain-notes §3). The menu keys follow the sources; the sentences are assumed.
VW_IVR_NUMBER = "142"
VW_IVR_OPENING = "ボイスワープの設定を行います。"
VW_IVR_OPENING_FOR = "{number}番の、ボイスワープの設定を行います。"
VW_IVR_MENU = (
    "サービスを停止する場合は０、開始する場合は１、転送先を登録する場合は２、"
    "呼出秒数を設定する場合は３、その他の設定は４、別の電話番号を設定する場合は５、"
    "設定内容を確認する場合は８を押してください。"
)
VW_IVR_MODE_CHOICE = (
    "転送の条件を選択します。無条件転送は１、無応答時転送は２、話中時転送は３、"
    "無応答時転送と話中時転送の両方は４を押してください。"
)
VW_IVR_STARTED = "{mode}で、ボイスワープのサービスを開始しました。"
VW_IVR_STOPPING = "ボイスワープのサービスを停止します。しばらくお待ちください。"
VW_IVR_STOPPED = "ボイスワープのサービスを停止しました。"
VW_IVR_AFTER = "サービスメニューに戻る場合は０を、終了する場合は電話をお切りください。"
VW_IVR_NO_DESTINATION = (
    "転送先が登録されていないため、サービスを開始できません。先に転送先を登録してください。"
)
VW_IVR_DESTINATION_ENTRY = (
    "転送先リスト{entry}番に登録する転送先の電話番号を市外局番から入力し、"
    "最後に＃を押してください。"
)
VW_IVR_DESTINATION_READBACK = (
    "転送先の電話番号は、{destination}番です。"
    "よろしければ１を、入力し直す場合は２を押してください。"
)
VW_IVR_UPDATING = "設定を更新しています。"
VW_IVR_DESTINATION_DONE = "転送先リスト{entry}番への登録が完了しました。"
VW_IVR_RING_ENTRY = (
    "呼出秒数を{voice_warp_min_ring_seconds}から{voice_warp_max_ring_seconds}の数字で入力し、"
    "最後に＃を押してください。"
)
VW_IVR_RING_DONE = "呼出秒数を{seconds}秒に設定しました。"
VW_IVR_OTHER_MENU = "転送先リストを選択する場合は０を押してください。"
VW_IVR_LIST_CHOICE = "使用する転送先リストの番号を、１から４で押してください。"
VW_IVR_LIST_DONE = "転送先リスト{entry}番を選択しました。"
VW_IVR_OTHER_NUMBER = "設定する電話番号を市外局番から入力し、最後に＃を押してください。"
VW_IVR_STATUS_ON = (
    "現在の設定をお知らせします。サービスは開始中で、転送の方法は{mode}です。"
    "使用する転送先は転送先リスト{entry}番、{destination}です。呼出秒数は{seconds}秒です。"
)
VW_IVR_STATUS_OFF = (
    "現在の設定をお知らせします。サービスは停止中です。"
    "使用する転送先は転送先リスト{entry}番、{destination}です。呼出秒数は{seconds}秒です。"
)
VW_IVR_NOT_SUBSCRIBED = "この電話番号では、ボイスワープをご利用いただけません。"

# The guide's step titles, verbatim, as the captions of scenarios and walkthroughs
# (「手順N …」). Login and OTP: p.8–14; 仮パスワード: p.5–7; パスワード変更: p.15–16.
STEP = "手順{n} {title}"
GUIDE_LOGIN_STEPS: dict[int, str] = {
    1: "パソコン、携帯電話等からひかり電話設定サイトへ接続します。",
    2: "ひかり電話設定サイトにログインします。",
    3: "「電話番号」「パスワード」を入力します。",
    4: "仮パスワードで接続した場合は、パスワードの変更が必要です。",
    5: "パスワード変更完了の画面が開きます。",
    6: "「電話番号」「パスワード」を入力し、再度ログインをしてください。",
    7: "ワンタイムパスワード利用について選択する。",
    8: "ワンタイムパスワード利用情報を登録する。",
    9: "入力した内容を確認する。",
    10: "登録したメールアドレス宛に本登録のお手続きURLを送信する。",
    11: "登録したメールアドレス宛にワンタイムパスワードを送信する。",
    12: "ワンタイムパスワードを入力しログインを行う。",
    13: "設定サイト トップ画面の表示",
    14: "ワンタイムパスワード利用について選択する。",
    15: "ワンタイムパスワードを利用しないことに同意する。",
    16: "設定サイト トップ画面の表示",
}
GUIDE_TEMP_STEPS: dict[int, str] = {
    1: "仮パスワード設定用アクセス番号へダイヤル",
    2: "{key}をダイヤル（{unit}）",
    3: "本サービスを契約している電話番号＋＃をダイヤル",
    4: "仮パスワードをダイヤル",
    5: "確認のためにもう一度仮パスワードをダイヤル",
    6: "設定完了",
}
GUIDE_PASSWORD_STEPS: dict[int, str] = {
    1: "「パスワード変更」をクリックします。",
    2: "「パスワード」を入力します。",
    3: "変更を確認します。",
}
# The walkthroughs' index page (the environment's own words).
WALKTHROUGH_TITLE = "ひかり電話設定サイト 操作ガイド"
WALKTHROUGH_COLUMNS = ("シナリオ", "地域", "動画", "図解ガイド")
WALKTHROUGH_FAILED = "（失敗）"
# The evidence's name for the 機能 of a scenario written in Python (a feature file names its own).
PYTHON_FEATURE = "Pythonのシナリオ"
# Assumed (the guide has no pages for the services): the captions of the service scenarios.
SERVICE_STEPS: dict[str, str] = {
    "open": "トップ画面で「{service}」をクリックします。",
    "number": "設定する電話番号を選択します。",
    "list": "転送先電話番号を入力し、使用する転送先を選択します。",
    "switch": "転送の方法を選択します。",
    "confirm": "入力した内容を確認し、「設定」をクリックします。",
    "done": "設定が完了しました。「サービスメニューへ」で戻ります。",
    "addresses": "お知らせ先メールアドレスを入力します。",
    "ring": "ソフトフォンで、着信を試します。",
    "fax": "ソフトフォンで、FAXの着信を試します。",
    "mail": "メール受信箱で、届いたメールを確認します。",
    "fax_settings": "「メールアドレス設定」をクリックします。",
    "fax_list": "「受信FAX一覧」で、受信したFAXを確認します。",
    "dial_142": "ソフトフォンで142へダイヤルします。",
    "menu_142": "ボイスワープのメニューに沿ってダイヤルします。",
    "logout": "「ログアウト」をクリックします。",
}
