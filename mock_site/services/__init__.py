"""The services' screens: ボイスワープ, 着信お知らせメール and FAXお知らせメール (SPEC §8, §10)."""
