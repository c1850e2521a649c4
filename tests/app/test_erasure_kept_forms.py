"""A deleted account leaves no kept form behind: what someone wrote in a form sent after
being logged out (app/services/kept_forms.py) goes with the rest of their data, though the
erased account's row stays (so the table's ON DELETE CASCADE never fires)."""

from __future__ import annotations

from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from app.extensions import db
from app.models import KeptForm
from app.services import erasure, kept_forms
from tests.factories import DEFAULT_PASSWORD, make_user


def _kept_for(user) -> int:
    return db.session.scalar(select(func.count()).select_from(KeptForm)
                             .where(KeptForm.user_id == user.id))


def test_deleting_an_account_deletes_the_forms_kept_for_it(app):
    leaving, staying = make_user("founder"), make_user("founder")
    for user in (leaving, staying):
        assert kept_forms.keep(user.id, "/pitches/new", MultiDict(
            [("title", "Biogass fra matavfall"), ("description", "Hemmelig plan")]),
            "csrf_token")
    erasure.delete_account(leaving, DEFAULT_PASSWORD)
    assert _kept_for(leaving) == 0
    assert _kept_for(staying) == 1


def test_an_administrator_deleting_an_account_deletes_them_too(app):
    admin, leaving = make_user("admin", association=None), make_user("investor")
    kept_forms.keep(leaving.id, "/investors/profile", MultiDict([("thesis", "Havvind")]),
                    "csrf_token")
    erasure.anonymise(leaving, actor=admin, by_admin=True)
    db.session.commit()
    assert _kept_for(leaving) == 0
