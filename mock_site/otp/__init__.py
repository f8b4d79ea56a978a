"""ワンタイムパスワード: the choice, the registration by mail, and the code at every login."""

from flask import Blueprint

bp = Blueprint("otp", __name__)

from . import views  # noqa: E402,F401  (registers the routes on bp)
