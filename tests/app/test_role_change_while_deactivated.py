"""An administrator changing the role or association of a deactivated account no longer
e-mails them. The mail said "You were logged out, so that the new role applies at once.
When you log in again, you see the pages of your role" to someone who cannot log in, and
nothing else is mailed to a deactivated account (notices.send skips it). The in-app notice
still waits for them, and the mail that tells them the account is active again names what
changed while it was off, in their language; a change made before the deactivation, mailed
then, is not said again."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Notification
from app.services import account_access
from app.services.accounts import association_by_slug
from tests.factories import make_pitch, make_user, outbox_of

SAID = {
    "en": {"while": "While it was deactivated:",
           "role": "An administrator changed your role on Koble to investor.",
           "moved": "An administrator moved you to Bærum Næringsråd on Koble.",
           "subject": "Your Koble account is active again"},
    "nb": {"while": "Mens den var deaktivert:",
           "role": "En administrator har endret rollen din på Koble til investor.",
           "moved": "En administrator har flyttet deg til Bærum Næringsråd på Koble.",
           "subject": "Koble-kontoen din er aktiv igjen"},
}


@pytest.fixture
def admin():
    return make_user("admin", "sjef@koble.no", association=None, locale="en")


def _mails_to(app, user) -> list:
    return [mail for mail in outbox_of(app) if mail.to == [user.email]]


def _text(mail) -> str:
    return " ".join(mail.body.split())


def _deactivated_founder(admin, locale: str):
    founder = make_user("founder", "ase@example.no", name="Åse Berg", locale=locale)
    make_pitch(founder, title="Solkraft på låven")
    account_access.set_active(founder, False, actor=admin)
    return founder


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_a_role_change_while_deactivated_is_mailed_at_reactivation(app, admin, locale):
    founder = _deactivated_founder(admin, locale)
    sent = len(_mails_to(app, founder))  # the deactivation's mail

    account_access.set_role(founder, "investor", actor=admin)

    assert len(_mails_to(app, founder)) == sent  # nothing mailed to a deactivated account
    (note,) = db.session.scalars(select(Notification).where(
        Notification.user_id == founder.id, Notification.kind == "role_changed"))
    assert note.read_at is None  # it waits for them

    account_access.set_active(founder, True, actor=admin)

    mail = _mails_to(app, founder)[-1]
    said = SAID[locale]
    assert mail.subject == said["subject"]
    body = _text(mail)
    assert f"{said['while']} - {said['role']}" in body, body


def test_staff_moved_while_deactivated_are_told_at_reactivation(app, admin):
    staff = make_user("staff", "stine@example.no", association="asker", locale="nb")
    account_access.set_active(staff, False, actor=admin)
    sent = len(_mails_to(app, staff))
    account_access.set_role(staff, "staff", association=association_by_slug("baerum"),
                            actor=admin)
    assert len(_mails_to(app, staff)) == sent
    account_access.set_active(staff, True, actor=admin)
    assert SAID["nb"]["moved"] in _text(_mails_to(app, staff)[-1])


def test_a_change_made_before_the_deactivation_is_not_said_again(app, admin):
    """A guard: mailed when it was made, it is no news at the reactivation."""
    founder = make_user("founder", "ase@example.no", locale="en")
    account_access.set_role(founder, "investor", actor=admin)
    assert SAID["en"]["role"] in _text(_mails_to(app, founder)[-1])  # an active account
    account_access.set_active(founder, False, actor=admin)
    account_access.set_active(founder, True, actor=admin)
    body = _text(_mails_to(app, founder)[-1])
    assert SAID["en"]["subject"] == _mails_to(app, founder)[-1].subject
    assert SAID["en"]["while"] not in body and SAID["en"]["role"] not in body
