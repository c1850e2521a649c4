"""A deleted account's member page says whose hand deleted it, as its deletion's audit event
says: the person's own ("Deleted by its owner") or an administrator's ("Deleted by an
administrator"), and plain "Deleted" when the audit log no longer says (pruned). Before, it
said "Deleted by its owner" of every deleted account, an administrator's deletion too."""

from __future__ import annotations

import pytest
from sqlalchemy import delete

from app.extensions import db
from app.models import AuditEvent
from tests.app.admin_questions import confirm
from tests.app.leaving import delete_own_account
from tests.app.security.principals import log_in, logged_in_client
from tests.factories import make_user

SAYS = {"en": {"self": "Deleted by its owner", "admin": "Deleted by an administrator",
               None: "Deleted"},
        "nb": {"self": "Slettet av eieren", "admin": "Slettet av en administrator",
               None: "Slettet"}}


def _state(app, viewer, person) -> str:
    page = logged_in_client(app, viewer).get(f"/staff/members/{person.id}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    start = text.index('id="account-state">') + len('id="account-state">')
    return text[start:text.index("</dd>", start)].strip()


def _delete_as_admin(app, person) -> None:
    client = app.test_client()
    log_in(client, make_user("admin", association=None))
    assert confirm(client, person.id, "delete").status_code == 303


@pytest.mark.parametrize("locale", ["en", "nb"])
@pytest.mark.parametrize("by", ["self", "admin", None])
def test_the_member_page_says_who_deleted_the_account(app, by, locale):
    person = make_user("founder")
    if by == "self":
        delete_own_account(app, person)
    else:
        _delete_as_admin(app, person)
    if by is None:  # the audit log pruned of the deletion's event
        db.session.execute(delete(AuditEvent).where(AuditEvent.target == f"user:{person.id}"))
        db.session.commit()
    for viewer in (make_user("staff", locale=locale),
                   make_user("admin", association=None, locale=locale)):
        assert _state(app, viewer, person) == SAYS[locale][by]
