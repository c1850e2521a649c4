"""A new arena's form sent twice at once (a double click): the second send checked for the
first before it committed, so it goes on to save and loses on form_use's primary key, getting
the arena that won (services/form_once). The route recorded 'arena_created' for it all the
same, so the audit trail said the one arena was created twice."""

from __future__ import annotations

from app.extensions import db
from app.models import Arena, AuditEvent
from app.services import form_once
from tests.app.test_arenas_staff import arena_form
from tests.app.test_create_forms_once import _count, _token
from tests.factories import make_user


def test_a_new_arena_send_that_lost_the_race_records_no_second_creation(client, auth,
                                                                        monkeypatch):
    auth.login(make_user("staff", association="asker").email)
    form = arena_form(once=_token(client.get("/staff/arenas/new").get_data(as_text=True)))
    first = client.post("/staff/arenas/new", data=form)
    real, checks = form_once.made_by, []

    def not_yet_committed(*args):  # the route's own check, before the first committed
        checks.append(args)
        return None if len(checks) == 1 else real(*args)

    monkeypatch.setattr(form_once, "made_by", not_yet_committed)
    again = client.post("/staff/arenas/new", data=form)

    assert again.location == first.location and _count(Arena) == 1
    assert db.session.query(AuditEvent).filter_by(action="arena_created").count() == 1
