"""East/West facts and the name table (名称読み替え表, guide p.2)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    """Describe one regional ひかり電話設定サイト."""

    key: str
    company: str
    area: str
    production_url: str
    access_number: str
    access_number_display: str
    additional_number_name: str
    multi_channel_name: str


EAST = Region(
    key="east",
    company="NTT東日本",
    area="東日本エリア",
    production_url="https://www.hikari.ntt-east.net/",
    access_number="0363044747",
    access_number_display="0-3630-4-4747",
    additional_number_name="マイナンバー",
    multi_channel_name="ダブルチャネル",
)
WEST = Region(
    key="west",
    company="NTT西日本",
    area="西日本エリア",
    production_url="https://www.hikari.ntt-west.net/",
    access_number="0664806430",
    access_number_display="0-6648-0-6430",
    additional_number_name="追加番号",
    multi_channel_name="複数チャネル",
)
REGIONS: dict[str, Region] = {EAST.key: EAST, WEST.key: WEST}

# 名称読み替え表: (NTT東日本, NTT西日本, NTTドコモ（OCN）), rows in the guide's order.
NAME_TABLE: tuple[tuple[str, str, str], ...] = (
    ("ひかり電話", "ひかり電話", "OCN ひかり電話"),
    ("ナンバー・ディスプレイ", "ナンバー・ディスプレイ", "発信者電話番号表示"),
    ("ナンバー・リクエスト", "ナンバー・リクエスト", "発信者電話番号通知リクエスト"),
    ("キャッチホン", "キャッチホン", "通話中着信"),
    ("ボイスワープ", "ボイスワープ", "転送電話"),
    ("迷惑電話おことわりサービス", "迷惑電話おことわりサービス", "迷惑電話お断り"),
    ("着信お知らせメール", "着信お知らせメール", "着信お知らせメール"),
    ("FAXお知らせメール", "FAXお知らせメール", "FAXお知らせメール"),
    ("ダブルチャネル", "複数チャネル", "ダブルチャネル"),
    ("マイナンバー", "追加番号", "マイナンバー"),
    ("フリーアクセス・ひかりワイド", "フリーアクセス・ひかりワイド", "着信課金"),
    ("ひかり電話＃ダイヤル", "ひかり電話＃ダイヤル", "＃ダイヤル"),
    ("グループ通話定額", "グループ通話定額", "グループ通話定額"),
)


def region(key: str) -> Region:
    """Return the region named by key, or raise KeyError naming the valid keys."""
    try:
        return REGIONS[key]
    except KeyError:
        raise KeyError(f"unknown region {key!r}; use one of {', '.join(REGIONS)}") from None


def ntt_name(region_key: str, ocn_name: str) -> str:
    """Return the name the regional site shows for an OCN service name."""
    column = 0 if region_key == EAST.key else 1
    for row in NAME_TABLE:
        if row[2] == ocn_name:
            return row[column]
    raise KeyError(f"{ocn_name!r} is not in the name table")
