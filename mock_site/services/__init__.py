"""The services' screens: ボイスワープ, 着信お知らせメール and FAXお知らせメール (SPEC §8, §10)."""

from flask import Blueprint

bp = Blueprint("services", __name__)

from . import views  # noqa: E402,F401  (registers the routes on bp)
