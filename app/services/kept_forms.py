"""What someone wrote in a form sent after their session ended (app/models/kept_form.py):
kept for a day under a random token, given back only to the same account, on the form's
own page. Passwords and the CSRF token are never kept.

A form sent from this site by a browser whose session cookie had expired (a tab left open
overnight) is kept for nobody yet: the first account that logs in by the link given to that
browser, in that browser, takes it (app/stale_forms.py gives back only what the session
lists as kept in it). There are at most MAX_UNCLAIMED of those at a time, so requests made
up to look like them cannot fill the database."""

from __future__ import annotations

import json
import secrets
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import MultiDict

from app.extensions import db
from app.models import KeptForm
from app.models.user import utcnow

KEEP = timedelta(days=1)
MAX_CHARS = 200_000  # more than any of Koble's forms holds (a pitch: about 21,000)
PER_ACCOUNT = 5  # a logged-out tab sending a form over and over keeps the newest few
MAX_UNCLAIMED = 100
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _kept(name: str, skip: str) -> bool:
    return name != skip and "password" not in name.lower()


def keep(user_id: int | None, path: str, sent: MultiDict, skip: str) -> str | None:
    """Keep the fields `sent` to `path` (all but `skip`, the CSRF token's field, and any
    password) for this account (None: for whoever logs in by the link); the token to get
    them back with, or None when there is nothing to keep or too much."""
    pairs = [[name, value] for name, value in sent.items(multi=True) if _kept(name, skip)]
    if not any(value.strip() for _name, value in pairs):
        return None
    if sum(len(name) + len(value) for name, value in pairs) > MAX_CHARS or len(path) > 500:
        return None
    db.session.execute(delete(KeptForm).where(KeptForm.created_at <= utcnow() - KEEP))
    if user_id is None:
        if db.session.scalar(select(func.count()).select_from(KeptForm)
                             .where(KeptForm.user_id.is_(None))) >= MAX_UNCLAIMED:
            db.session.commit()
            return None
    else:
        older = db.session.scalars(select(KeptForm.token).where(KeptForm.user_id == user_id)
                                   .order_by(KeptForm.created_at.desc())
                                   .offset(PER_ACCOUNT - 1)).all()
        if older:
            db.session.execute(delete(KeptForm).where(KeptForm.token.in_(older)))
    token = secrets.token_urlsafe(24)
    db.session.add(KeptForm(token=token, user_id=user_id, path=path,
                            fields=json.dumps(pairs, ensure_ascii=False)))
    try:
        db.session.commit()
    except IntegrityError:  # the account is gone
        db.session.rollback()
        return None
    return token


def kept(user_id: int, token, path: str) -> MultiDict | None:
    """The fields kept under `token` for this account and this page, unless expired; kept
    for nobody yet, they become this account's."""
    if not isinstance(token, str) or not 16 <= len(token) <= 64 \
            or not set(token) <= _TOKEN_CHARS:
        return None
    row = db.session.get(KeptForm, token)
    if row is None or row.user_id not in (user_id, None) or row.path != path \
            or row.created_utc <= utcnow() - KEEP:
        return None
    if row.user_id is None:
        row.user_id = user_id
        db.session.commit()
    return MultiDict([(name, value) for name, value in json.loads(row.fields)])


def newest(user_id: int, tokens: list) -> tuple[str, str] | None:
    """(page, token) of the newest unexpired form among `tokens` kept for this account or
    for nobody yet; None when there is none."""
    tokens = [token for token in tokens if isinstance(token, str)][-PER_ACCOUNT:]
    if not tokens:
        return None
    row = db.session.execute(
        select(KeptForm.path, KeptForm.token)
        .where(KeptForm.token.in_(tokens), KeptForm.created_at > utcnow() - KEEP,
               (KeptForm.user_id == user_id) | KeptForm.user_id.is_(None))
        .order_by(KeptForm.created_at.desc()).limit(1)).first()
    return None if row is None else (row.path, row.token)


def prune() -> int:
    """Delete the kept forms older than KEEP; how many."""
    deleted = db.session.execute(delete(KeptForm)
                                 .where(KeptForm.created_at <= utcnow() - KEEP)).rowcount
    db.session.commit()
    return deleted
