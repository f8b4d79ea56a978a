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
PASSWORD_RULE = "パスワードは8桁～12桁の半角英数字で設定してください。数字のみの設定はできません。"
PASSWORD_ADVICE = (
    "なお、不正アクセスを防止するため、他人が推測しにくいパスワード（誕生日や電話番号以外）を"
    "設定し、定期的に変更するようにしてください。"
)
SAME_AS_CURRENT_RULE = (
    "現在のパスワードと同一のパスワードを新しいパスワードに設定することはできません。"
)
# Assumed (not in the guide): what the screens say around the guide's words.
FORCED_CHANGE_AFTER_EXPIRY = (
    "パスワードの有効期限（60日間）が過ぎました。パスワードを変更してください。"
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

# Messages. The guide gives none of these texts; they follow domain-notes §5 (assumed).
ERR_LOGIN_FAILED = "電話番号またはパスワードが正しくありません。"
ERR_PASSWORD_VOID = (
    "パスワードの入力を連続して10回間違えたため、パスワードが無効になりました。"
    "仮パスワード設定用アクセス番号（{access}）へお電話のうえ、仮パスワードを設定してください。"
)
ERR_TEMP_VOID = (
    "仮パスワードが無効になりました（連続して3回の誤り、または設定後24時間以上の経過）。"
    "仮パスワード設定用アクセス番号（{access}）へお電話のうえ、再度仮パスワードを設定してください。"
)
ERR_ALREADY_LOGGED_IN = (
    "同一の電話番号・パスワードで同時に複数のログインはできません。"
    "ログアウトしてから、もう一度ログインしてください。ブラウザの閉じるボタン（×）で終了した場合は、"
    "{minutes}分ほど経ってからログインしてください。"
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
ERR_NEW_FORMAT = "新しいパスワードは8桁～12桁の半角英数字で入力してください。"
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
PHONE_NO_CALL = "通話していません。番号を押して「発信」してください。"
PHONE_BAD_KEYS = "押せるのは 0～9、＊、＃ だけです。"
PHONE_BAD_DIALLED = "発信する番号は、数字20桁以内で入力してください。"

# The softphone page (SPEC §14).
PHONE_CALLER = "通知番号"
PHONE_DATA = "データ接続通信"
PHONE_DIALLED = "発信する番号"
PHONE_DIAL = "発信"
PHONE_HANG_UP = "終話"
PHONE_LOG = "通話ログ"
PHONE_ACCESS_NUMBER = "仮パスワード設定用アクセス番号"
PHONE_CHARGE = "通話料 {yen}円（税込{yen_tax}円）／通話時間 {minutes}分{seconds:02d}秒"

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
    "確認用IDは「8～12桁の半角英数字」の文字を登録してください。英字は大文字、小文字どちらも"
    "利用できます。英字大文字のみ、英字小文字のみ、数字のみは利用できません。"
)
OTP_VERIFY_PASSWORD_RULE = (
    "確認用パスワードは「8～12桁の半角英数字」の文字を登録してください。英字は大文字、小文字"
    "どちらも利用できます。英字、数字の両方の文字の組み合わせが必要です。"
)
OTP_CONFIRM_TEXT = "入力した内容が正しいことを確認し、「登録」をクリックしてください。"
OTP_PROVISIONAL_TEXT = (
    "登録したワンタイムパスワード受信用メールアドレスに届く「メールアドレスの本登録お手続きURL」の"
    "リンクをクリックしてください。「メールアドレスの本登録お手続きURL」の有効期限は24時間です。"
    "24時間を経過した場合は、再度ひかり電話設定サイトにログインしてお手続きをお願いします。"
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
    "※有効期限は24時間（{deadline}まで）です。24時間を経過した場合は、"
    "再度ひかり電話設定サイトにログインしてお手続きをお願いします。\n"
    "※このメールは送信専用のアドレスから送信しています。\n"
)
MAIL_OTP_SUBJECT = "【ひかり電話設定サイト】ワンタイムパスワードのお知らせ"
MAIL_OTP_BODY = (
    "ひかり電話設定サイトのワンタイムパスワードをお知らせします。\n\n"
    "ワンタイムパスワード：{code}\n\n"
    "有効期限：{deadline}（{minutes}分間）\n"
    "※ワンタイムパスワードは1回のみ有効です。新しく送信すると、前のワンタイムパスワードは使えません。\n"
)
ERR_OTP_ADDRESS = "ワンタイムパスワード受信用メールアドレスを正しく入力してください。"
ERR_VERIFY_ID_FORMAT = "確認用IDは8～12桁の半角英数字で入力してください。"
ERR_VERIFY_ID_KINDS = "確認用IDに英字大文字のみ、英字小文字のみ、数字のみは利用できません。"
ERR_VERIFY_PASSWORD_FORMAT = "確認用パスワードは8～12桁の半角英数字で入力してください。"
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
    "このメールアドレスの本登録お手続きURLは、有効期限（24時間）が切れているか、すでに使用されています。"
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
