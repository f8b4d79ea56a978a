"""Every word the mock shows or speaks, copied from the guide (or SPEC.md where marked).

The site, the phone and the tests import these names; nothing else spells them.
"""

from __future__ import annotations

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

# Messages. The guide gives none of these texts; they follow domain-notes §5 (assumed).
ERR_LOGIN_FAILED = "電話番号またはパスワードが正しくありません。"
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
SERVER_ERROR_TITLE = "処理できませんでした"
SERVER_ERROR_TEXT = "処理中に問題が発生しました。もう一度操作してください。"
BACK_TO_LOGIN = "ログイン画面へ"

# The environment's home (not part of production).
HOME_TITLE = "hikari-e2e 模擬環境"
PHONE_TITLE = "ソフトフォン"
MAIL_TITLE = "メール受信箱"
MAIL_TO = "宛先"
MAIL_SUBJECT = "件名"
MAIL_RECEIVED = "受信日時"
CREDENTIAL_NONE = "未設定"
CREDENTIAL_TEMP = "仮パスワード"
CREDENTIAL_PASSWORD = "パスワード"
CREDENTIAL_VOID = "無効"
