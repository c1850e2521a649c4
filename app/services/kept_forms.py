"""What someone wrote in a form sent after their session ended (app/models/kept_form.py):
kept for a day under a random token, given back only to the same account, on the form's
own page. Passwords and the CSRF token are never kept."""

from __future__ import annotations

import json
import secrets
from datetime import timedelta

from sqlalchemy import delete, select
from werkzeug.datastructures import MultiDict

from app.extensions import db
from app.models import KeptForm
from app.models.user import utcnow

KEEP = timedelta(days=1)
MAX_CHARS = 200_000  # more than any of Koble's forms holds (a pitch: about 21,000)
PER_ACCOUNT = 5  # a logged-out tab sending a form over and over keeps the newest few
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _kept(name: str, skip: str) -> bool:
    return name != skip and "password" not in name.lower()


def keep(user_id: int, path: str, sent: MultiDict, skip: str) -> str | None:
    """Keep the fields `sent` to `path` (all but `skip`, the CSRF token's field, and any
    password) for this account; the token to get them back with, or None when there is
    nothing to keep or too much."""
    pairs = [[name, value] for name, value in sent.items(multi=True) if _kept(name, skip)]
    if not any(value.strip() for _name, value in pairs):
        return None
    if sum(len(name) + len(value) for name, value in pairs) > MAX_CHARS or len(path) > 500:
        return None
    db.session.execute(delete(KeptForm).where(KeptForm.created_at <= utcnow() - KEEP))
    older = db.session.scalars(select(KeptForm.token).where(KeptForm.user_id == user_id)
                               .order_by(KeptForm.created_at.desc())
                               .offset(PER_ACCOUNT - 1)).all()
    if older:
        db.session.execute(delete(KeptForm).where(KeptForm.token.in_(older)))
    token = secrets.token_urlsafe(24)
    db.session.add(KeptForm(token=token, user_id=user_id, path=path,
                            fields=json.dumps(pairs, ensure_ascii=False)))
    db.session.commit()
    return token


def kept(user_id: int, token, path: str) -> MultiDict | None:
    """The fields kept under `token` for this account and this page, unless expired."""
    if not isinstance(token, str) or not 16 <= len(token) <= 64 \
            or not set(token) <= _TOKEN_CHARS:
        return None
    row = db.session.get(KeptForm, token)
    if row is None or row.user_id != user_id or row.path != path \
            or row.created_utc <= utcnow() - KEEP:
        return None
    return MultiDict([(name, value) for name, value in json.loads(row.fields)])


def prune() -> int:
    """Delete the kept forms older than KEEP; how many."""
    deleted = db.session.execute(delete(KeptForm)
                                 .where(KeptForm.created_at <= utcnow() - KEEP)).rowcount
    db.session.commit()
    return deleted
