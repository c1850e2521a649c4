"""Leaving Koble as the leaving tests do it, each in a client of its own: the person deletes
their own account, or an admin deactivates it (test_leaving_koble.py,
test_leaving_ends_requests.py)."""

from __future__ import annotations

from app.models import User
from tests.app.admin_questions import confirm
from tests.app.security.principals import log_in
from tests.factories import DEFAULT_PASSWORD, make_user


def delete_own_account(app, user) -> None:
    """The person deletes their account from the account page, with their password."""
    client = app.test_client()
    log_in(client, user)
    assert client.post("/account/delete", data={"password": DEFAULT_PASSWORD}).status_code \
        == 303


def deactivate_as_admin(app, user) -> User:
    """A new admin (of no association) deactivates the person's account; returns the admin."""
    admin = make_user("admin", association=None)
    client = app.test_client()
    log_in(client, admin)
    assert confirm(client, user.id, "deactivate").status_code == 303
    return admin
