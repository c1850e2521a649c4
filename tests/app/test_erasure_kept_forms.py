"""A deleted account leaves no kept form behind: what someone wrote in a form sent after
being logged out (app/services/kept_forms.py) goes with the rest of their data, though the
erased account's row stays (so the table's ON DELETE CASCADE never fires)."""

from __future__ import annotations

from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from app.extensions import db
from app.models import KeptForm
from app.services import erasure, kept_forms
from tests.app.security.principals import log_in
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


def test_the_data_export_holds_the_kept_forms_but_not_their_tokens(app):
    """Download your data is everything Koble holds about the person: a kept form holds
    what they wrote; the token that gives it back is a key, left out like a session's."""
    founder, other = make_user("founder"), make_user("founder")
    token = kept_forms.keep(founder.id, "/pitches/new", MultiDict(
        [("title", "Biogass fra matavfall"), ("sectors", "energy"), ("sectors", "circular")]),
        "csrf_token")
    kept_forms.keep(other.id, "/pitches/new", MultiDict([("title", "Ikke min")]), "csrf_token")
    client = app.test_client()
    log_in(client, founder)
    response = client.get("/account/export")
    data = response.get_json()
    assert [(k["path"], k["fields"]) for k in data["kept_forms"]] == [
        ("/pitches/new", [["title", "Biogass fra matavfall"], ["sectors", "energy"],
                          ["sectors", "circular"]])]
    assert data["kept_forms"][0]["created_at"].endswith("+00:00")
    assert token not in response.get_data(as_text=True)
