"""East/West facts: each region's company, sites, access numbers and names."""

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


def region(key: str) -> Region:
    """Return the region named by key, or raise KeyError naming the valid keys."""
    try:
        return REGIONS[key]
    except KeyError:
        raise KeyError(f"unknown region {key!r}; use one of {', '.join(REGIONS)}") from None
