"""The admin blueprint (/admin) and what its pages share. The pages are in people,
account_changes, associations and audit_trail (app.admin.routes registers them all on `bp`,
so every endpoint is admin.<view>)."""

from __future__ import annotations

from flask import Blueprint, abort

from app.services import admin_users
from app.services.errors import DomainError, NotFound

bp = Blueprint("admin", __name__, url_prefix="/admin")


def user_or_404(user_id: int):
    try:
        return admin_users.get_user(user_id)
    except NotFound:
        abort(404)


def add_error(form, error: DomainError, default: str) -> None:
    field = getattr(form, error.field or default, None) or getattr(form, default)
    field.errors = [*field.errors, error.message]
