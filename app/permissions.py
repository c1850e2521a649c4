"""Role checks for routes: wrong role → 403, someone else's object → 404."""

from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from app.extensions import db


def role_required(*roles: str):
    """Allow only logged-in users with one of the roles (admin counts as staff)."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            role = current_user.role
            allowed = role in roles or (role == "admin" and "staff" in roles)
            if not allowed:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def owned_or_404(model, object_id: int, owner_attr: str = "owner_id"):
    """Load an object that must belong to the current user, or 404."""
    obj = db.session.get(model, object_id)
    if obj is None or getattr(obj, owner_attr) != current_user.id:
        abort(404)
    return obj
