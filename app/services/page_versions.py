"""Raising the page versions with every committed change a cached page could show.

Writes are watched where they pass, not where they are made, so a new write path cannot
forget to invalidate: the session's flushes (objects added, changed, deleted) and its
`execute` of INSERT/UPDATE/DELETE statements. A change that concerns a pair (a mark) or one
user (a notification) raises the users' own versions; anything else raises the site-wide one,
except tables no page shows. The raise happens just before COMMIT, in the same transaction:
a reader that sees the new rows sees the new version, and the version row stays locked for
an instant only, however long the writing transaction ran (a rebuild: a minute).

Writes these hooks cannot read (a connection's `exec_driver_sql`, a `text()` statement) call
`changed_everything`; the one `text()` UPDATE in the app (app/services/arenas.py) only locks a
row and changes nothing.
"""

from __future__ import annotations

import secrets
from itertools import chain

from sqlalchemy import event, inspect, or_, select, update
from sqlalchemy.orm import Session

from app.models import (
    ApiToken,
    AuditEvent,
    Interest,
    InvestorProfile,
    Notification,
    PageVersion,
    Pitch,
    User,
)

QUIET = (ApiToken, AuditEvent, PageVersion)  # no page shows them
QUIET_TABLES = frozenset(model.__table__.name for model in QUIET)
# User columns that change without changing any page: logins and session rotation, and
# which notice e-mails the person gets
BOOKKEEPING = frozenset({"last_login_at", "session_token", "password_hash", "page_version",
                         "notice_mail_off"})
_OWN = {"page_version_bump": True}  # marks the raises themselves, which are not changes


def _pending(session: Session) -> dict:
    return session.info.setdefault("page_changes", {"all": False, "users": set(),
                                                    "pairs": set()})


def changed_everything(session: Session) -> None:
    """Note a change that may alter any page (for writes that bypass the session)."""
    _pending(session)["all"] = True


def renew(session: Session) -> None:
    """Give the site-wide version a value never used before (after a restore, which brings
    back an older one: pages kept under the versions that follow it would show the data
    that was replaced). Versions are only compared for equality, so a random one will do."""
    _set_site_version(session, secrets.randbelow(2**30))
    session.commit()


def _set_site_version(session: Session, value) -> None:
    session.execute(update(PageVersion).where(PageVersion.id == 1).values(version=value)
                    .execution_options(synchronize_session=False, **_OWN))


def _user_change_shows(user: User) -> bool:
    state = inspect(user)
    return any(attr.history.has_changes() for attr in state.attrs
               if attr.key not in BOOKKEEPING and attr.key in state.mapper.column_attrs)


def _after_flush(session: Session, _context) -> None:
    pending = _pending(session)
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, QUIET):
            continue
        if isinstance(obj, Interest):
            pending["pairs"].add((obj.pitch_id, obj.investor_profile_id))
        elif isinstance(obj, Notification):
            if obj.user_id is not None:
                pending["users"].add(obj.user_id)
        elif isinstance(obj, User):
            # a new account is on nobody's page yet
            if obj not in session.new and (obj in session.deleted or _user_change_shows(obj)):
                pending["all"] = True
        else:
            pending["all"] = True


def _on_execute(state) -> None:
    if state.execution_options.get("page_version_bump"):
        return
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if getattr(table, "name", None) not in QUIET_TABLES:
            _pending(state.session)["all"] = True


def _before_commit(session: Session) -> None:
    session.flush()  # the commit's own flush comes after this hook; its changes count too
    pending = session.info.pop("page_changes", None)
    if not pending:
        return
    if pending["all"]:
        _set_site_version(session, PageVersion.version + 1)
        return  # every key changes anyway
    pairs = pending["pairs"]
    conditions = []
    if pending["users"]:
        conditions.append(User.id.in_(pending["users"]))
    if pairs:
        conditions.append(User.id.in_(select(Pitch.owner_id).where(
            Pitch.id.in_({p for p, _q in pairs}))))
        conditions.append(User.id.in_(select(InvestorProfile.user_id).where(
            InvestorProfile.id.in_({q for _p, q in pairs}))))
    if conditions:
        session.execute(update(User).where(or_(*conditions))
                        .values(page_version=User.page_version + 1)
                        .execution_options(synchronize_session=False, **_OWN))


def install(session_factory) -> None:
    """Watch every session the factory makes (Flask-SQLAlchemy's `db.session`)."""
    if event.contains(session_factory, "after_flush", _after_flush):
        return
    event.listen(session_factory, "after_flush", _after_flush)
    event.listen(session_factory, "do_orm_execute", _on_execute)
    # Nothing is forgotten on rollback: a raise too many costs a page render, one too few a
    # stale page (and a savepoint's rollback must not drop its transaction's changes).
    event.listen(session_factory, "before_commit", _before_commit)
