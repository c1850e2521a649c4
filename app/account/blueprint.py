"""The account blueprint (/account). Its pages are in app.account.routes (details, e-mail,
place, notifications, export, deletion) and app.account.token_routes (API tokens);
app.account.routes imports token_routes, so every endpoint is account.<view>."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("account", __name__)
