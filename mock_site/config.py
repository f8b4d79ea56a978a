"""Every setting of the mock environment, and every assumption the guide leaves open.

Each assumption from SPEC.md is a named field here with its default, so a QA team can align the
mock with production in one place. docs/settings.md lists them in the same order (make docs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import FieldError

ASSUMED = "assumed"
GUIDE = "guide"


def _setting(
    default: Any, source: str, doc: str, within: tuple[int, int] | None = None, form: str = ""
) -> Any:
    """Declare a setting; within bounds a number, form (a regular expression) a string."""
    return field(
        default=default, metadata={"source": source, "doc": doc, "within": within, "form": form}
    )


# What an override may set a number to: each bound keeps the environment answering (a timeout of
# a billion minutes overflows the clock's arithmetic on every request).
HOURS, DAYS, COUNT, LENGTH = (1, 24 * 365), (1, 3650), (1, 1000), (1, 64)
YEN = r"\d{1,4}(\.\d{1,2})?"  # an amount of yen as the guide writes it: 8, 8.8
# markup_renames: KIND:OLD=NEW pairs separated by ";" (KIND is id, class or alt).
_RENAME = r"(id|class|alt):[^=;:\s\"'<>&]+=[^=;:\s\"'<>&]+"
RENAMES = rf"({_RENAME}(;{_RENAME})*)?"


@dataclass(frozen=True)
class Settings:
    """Hold the rules of the mock; fields marked assumed are not stated by the guide."""

    temp_password_digits: int = _setting(8, GUIDE, "仮パスワードの桁数 (SPEC §4)", within=(4, 16))
    temp_password_valid_hours: int = _setting(
        24, GUIDE, "仮パスワードの有効期間 (SPEC §4)", within=HOURS
    )
    temp_password_max_failures: int = _setting(
        3, GUIDE, "仮パスワードを連続して間違えると無効になる回数 (SPEC §5)", within=COUNT
    )
    password_max_failures: int = _setting(
        10, GUIDE, "パスワードを連続して間違えると無効になる回数 (SPEC §5)", within=COUNT
    )
    password_valid_days: int = _setting(60, GUIDE, "パスワードの有効期限 (SPEC §5)", within=DAYS)
    password_min_length: int = _setting(8, GUIDE, "パスワードの最小桁数 (SPEC §6)", within=LENGTH)
    password_max_length: int = _setting(12, GUIDE, "パスワードの最大桁数 (SPEC §6)", within=LENGTH)
    password_notice_days: int = _setting(
        7, ASSUMED, "パスワード期限予告を出す、期限前の日数 (SPEC §5)", within=(0, 3650)
    )
    idle_timeout_minutes: int = _setting(
        30, ASSUMED, "操作がないと自動的にログアウトされるまでの分数 (SPEC §5)", within=(1, 24 * 60)
    )
    one_time_form_tokens: bool = _setting(
        True, ASSUMED, "別画面から送られた古いフォームを拒否する (SPEC §5)"
    )
    relogin_blocked_until_idle_timeout: bool = _setting(
        True, ASSUMED, "×で閉じた古いセッションがタイムアウトするまで再ログインを拒否する (SPEC §5)"
    )
    unit_change_voids_passwords: bool = _setting(
        True, ASSUMED, "別の認証単位を電話で選ぶと旧単位のパスワードを無効にする (SPEC §3)"
    )
    line_unit_any_caller_sets_contract: bool = _setting(
        True,
        ASSUMED,
        "回線単位では追加番号から掛けても契約者回線番号の仮パスワードを設定する (SPEC §4)",
    )
    call_charge_yen: str = _setting(
        "8",
        GUIDE,
        "仮パスワード設定用アクセス番号の通話料（円／3分） (SPEC §4)",
        form=YEN,
    )
    call_charge_yen_tax_included: str = _setting(
        "8.8", GUIDE, "同じ通話料の税込額（円／3分） (SPEC §4)", form=YEN
    )
    otp_east: bool = _setting(True, ASSUMED, "東日本でワンタイムパスワードを使う (SPEC §12)")
    otp_west: bool = _setting(True, ASSUMED, "西日本でワンタイムパスワードを使う (SPEC §12)")
    otp_digits: int = _setting(6, ASSUMED, "ワンタイムパスワードの桁数 (SPEC §7)", within=(4, 12))
    otp_valid_minutes: int = _setting(
        10, ASSUMED, "ワンタイムパスワードの有効時間 (SPEC §7)", within=(1, 24 * 60)
    )
    otp_max_failures: int = _setting(
        5, ASSUMED, "ワンタイムパスワードを続けて間違えると使えなくなる回数 (SPEC §7)", within=COUNT
    )
    verify_min_length: int = _setting(
        8, GUIDE, "確認用ID・確認用パスワードの最小桁数 (SPEC §7)", within=LENGTH
    )
    verify_max_length: int = _setting(
        12, GUIDE, "確認用ID・確認用パスワードの最大桁数 (SPEC §7)", within=LENGTH
    )
    registration_url_valid_hours: int = _setting(
        24, GUIDE, "メールアドレスの本登録お手続きURLの有効期限 (SPEC §7)", within=HOURS
    )
    mail_charset: str = _setting(
        "utf-8",
        ASSUMED,
        "サイトが送るメールの文字コード: utf-8 か iso-2022-jp (SPEC §11)",
        form=r"[Uu][Tt][Ff]-8|[Ii][Ss][Oo]-2022-[Jj][Pp]",
    )
    mail_sender_local_part: str = _setting(
        "noreply", ASSUMED, "送信元アドレスの@より前 (SPEC §11)", form=r"[A-Za-z0-9._+-]{1,64}"
    )
    voice_warp_default_ring_seconds: int = _setting(
        20, ASSUMED, "無応答時転送の呼出秒数の初期値 (domain-notes §2)", within=(1, 600)
    )
    voice_warp_min_ring_seconds: int = _setting(
        5, ASSUMED, "呼出秒数の下限 (domain-notes §2)", within=(1, 600)
    )
    voice_warp_max_ring_seconds: int = _setting(
        60, ASSUMED, "呼出秒数の上限 (domain-notes §2)", within=(1, 600)
    )
    voice_warp_switch_confirm: bool = _setting(
        True,
        ASSUMED,
        "サービス開始／停止に確認画面を出す。falseなら「設定」で即時反映 "
        "(SPEC §10; 2020年のS2は確認画面なし; docs/production-markup.md)",
    )
    ivr_speech: bool = _setting(
        True,
        ASSUMED,
        "仮パスワード設定・142のガイダンスを音声で流す (Open JTalk; 無ければ無音のまま; "
        "docs/environment.md#the-phone)",
    )
    notification_max_addresses: int = _setting(
        5, ASSUMED, "着信／FAXお知らせメールの宛先の上限 (domain-notes §7, §8)", within=(1, 50)
    )
    fax_retention_days: int = _setting(30, ASSUMED, "受信FAXの保存日数 (SPEC §10)", within=DAYS)
    markup_renames: str = _setting(
        "",
        "mock",
        "本番で変わったマークアップを、確認するまで模擬サイトで出す: "
        "id・class・alt(title) の付け替え（例 id:phoneNo=tel;class:mes_error=mes_err）。"
        "hikari-e2e drift が提案する (docs/drift.md)",
        form=RENAMES,
    )
    password_hash_method: str = _setting(
        "scrypt:1024:8:1", "mock", "パスワードのハッシュ方式 (werkzeug の書式; 本番より軽い)"
    )

    def with_overrides(self, overrides: dict[str, Any] | None) -> Settings:
        """Return a copy with the given fields replaced; refuse unknown names, values of the
        wrong type or outside their bounds, and bounds that contradict each other."""
        if not overrides:
            return self
        declared = {f.name: f for f in fields(self)}
        unknown = sorted(set(overrides) - set(declared))
        if unknown:
            raise SettingError(unknown[0], f"unknown setting(s): {', '.join(unknown)}")
        for name, value in overrides.items():
            check_value(declared[name], value)
        changed = replace(self, **overrides)
        for low, high in ORDERED:
            if getattr(changed, low) > getattr(changed, high):
                raise SettingError(low, f"{low} must not exceed {high}")
        return changed


class SettingError(FieldError):
    """Say which setting (field) an override got wrong, and why."""


# Pairs that must stay in order (the smaller first).
ORDERED = (
    ("password_min_length", "password_max_length"),
    ("verify_min_length", "verify_max_length"),
    ("voice_warp_min_ring_seconds", "voice_warp_default_ring_seconds"),
    ("voice_warp_default_ring_seconds", "voice_warp_max_ring_seconds"),
    ("password_notice_days", "password_valid_days"),
)


def check_value(declared: Any, value: Any) -> None:
    """Refuse a value of the wrong type, outside its bounds or not of its form."""
    kind = type(declared.default)
    if type(value) is not kind:
        raise SettingError(declared.name, f"{declared.name} takes a {kind.__name__}")
    within, form = declared.metadata["within"], declared.metadata["form"]
    if within is not None and not within[0] <= value <= within[1]:
        raise SettingError(declared.name, f"{declared.name} takes {within[0]} to {within[1]}")
    if form and not re.fullmatch(form, value):
        raise SettingError(declared.name, f"{declared.name} must match {form}")


def json_schema() -> dict[str, Any]:
    """Describe a settings change as JSON Schema, bounds and forms included (the API's doc)."""
    properties: dict[str, Any] = {}
    for declared in fields(Settings):
        if declared.name == "password_hash_method":  # fixed at start-up
            continue
        meta, kind = declared.metadata, type(declared.default)
        schema: dict[str, Any] = {"description": meta["doc"]}
        if kind is bool:
            schema["type"] = "boolean"
        elif kind is int:
            schema["type"] = "integer"
            if meta["within"]:
                schema["minimum"], schema["maximum"] = meta["within"]
        else:
            schema["type"] = "string"
            if meta["form"]:
                schema["pattern"] = f"^(?:{meta['form']})$"
        properties[declared.name] = schema
    return {"type": "object", "properties": properties, "additionalProperties": False}


def parse_override(text: str) -> tuple[str, Any]:
    """Parse NAME=VALUE into a setting name and a value of that setting's type."""
    name, sep, raw = text.partition("=")
    types = {f.name: type(f.default) for f in fields(Settings)}
    if not sep or name not in types:
        raise ValueError(f"{text!r}: expected NAME=VALUE with NAME one of {', '.join(types)}")
    kind = types[name]
    if kind is bool:
        if raw.lower() not in ("true", "false", "1", "0", "yes", "no"):
            raise ValueError(f"{name} takes true or false")
        return name, raw.lower() in ("true", "1", "yes")
    if kind is int:
        try:
            return name, int(raw)
        except ValueError:
            raise ValueError(f"{name} takes a whole number") from None
    return name, raw


def describe() -> list[tuple[str, Any, str, str]]:
    """Return (name, default, source, description) for every setting, in declaration order."""
    return [(f.name, f.default, f.metadata["source"], f.metadata["doc"]) for f in fields(Settings)]
