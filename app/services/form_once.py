"""One-time tokens of the create forms (app/models/form_use.py): the page of a new pitch,
arena or API token carries a fresh token; the save that uses it records what it made, and
the same form sent again, after the browser's Back brought it back filled in (or a reload of
the page it answered with), leads there instead of making a second, identical one."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import ApiToken, Arena, FormUse, Pitch
from app.models.user import utcnow

# what a form makes, and who made it: an id SQLite gave again after a delete may be someone
# else's by now
KINDS = {"pitch": (Pitch, Pitch.owner_id), "arena": (Arena, Arena.created_by_id),
         "api_token": (ApiToken, ApiToken.user_id)}
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
# Back brings a form back within minutes or days, not months
KEEP = timedelta(days=30)


def new_token() -> str:
    """A token for one form page."""
    return secrets.token_urlsafe(24)


def _usable(token) -> str | None:
    return token if isinstance(token, str) and _TOKEN.fullmatch(token) else None


def made_by(user, kind: str, token) -> Pitch | Arena | ApiToken | None:
    """What this user's form with `token` saved already, if it still exists."""
    token = _usable(token)
    if token is None:
        return None
    use = db.session.get(FormUse, (user.id, token))
    if use is None or use.kind != kind:
        return None
    model, maker = KINDS[kind]
    # a query, not session.get: a row deleted since must not come from the identity map
    return db.session.scalar(select(model).where(model.id == use.object_id,
                                                 maker == user.id))


def commit_once(user, kind: str, token, made: Pitch | Arena | ApiToken
                ) -> tuple[Pitch | Arena | ApiToken, bool]:
    """Commit `made` (new, in the session) with the form's token. (What stands, whether it
    is `made`): a send of the same form that committed first (a second click that arrived
    while this one was saved) wins, and this one is rolled back. Without a usable token
    (an old page), `made` is committed as before."""
    token = _usable(token)
    if token is not None:
        with db.session.no_autoflush:  # else `made` itself is found, as made earlier
            use = db.session.get(FormUse, (user.id, token))
            earlier = made_by(user, kind, token)
        if earlier is not None:
            db.session.rollback()
            return earlier, False
        db.session.flush()  # made.id
        if use is None:
            db.session.add(FormUse(user_id=user.id, token=token, kind=kind, object_id=made.id))
        else:  # what it made is deleted since: this send makes it anew
            use.kind, use.object_id = kind, made.id
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        earlier = made_by(user, kind, token)
        if earlier is None:
            raise
        return earlier, False
    return made, True


def prune() -> int:
    """Forget the tokens of forms saved more than KEEP ago; how many. Without it the table
    grows by a row per pitch or arena ever made, and on SQLite, which gives a deleted row's
    id again, an old token could point at someone's newer pitch (made_by checks the maker,
    so never another person's)."""
    deleted = db.session.execute(delete(FormUse).where(FormUse.created_at <= utcnow() - KEEP)
                                 ).rowcount
    db.session.commit()
    return deleted
