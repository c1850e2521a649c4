"""Koble keeps whether a founder or investor chose "Decide from my municipality" or picked an
association by name (User.association_from_municipality). It used to keep only the resulting
association and guess the choice from whether it was the municipality's: someone who picked
their own municipality's association by name saw "Decide from my municipality" on the
account page, and their association moved with their next municipality."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, User
from app.services import account_access, account_details, member_import_apply
from app.services.accounts import association_by_slug
from tests.factories import make_user

PASSWORD = "fjord sol batteri 2026"


class _Selected(HTMLParser):
    """The value of the selected option of each <select>, by the select's name."""

    def __init__(self, html: str):
        super().__init__()
        self.selected: dict[str, str | None] = {}
        self._select: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "select":
            self._select = attributes.get("name")
            self.selected.setdefault(self._select, None)
        elif tag == "option" and self._select and "selected" in attributes:
            self.selected[self._select] = attributes.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def _register(client, association: str, email: str = "kari@example.no") -> User:
    response = client.post("/auth/register", data={
        "role": "founder", "name": "Kari Nordmann", "email": email, "municipality": "asker",
        "association": association, "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 302
    return db.session.scalar(select(User).where(User.email == email))


def _user(user_id: int) -> User:
    db.session.expire_all()
    return db.session.get(User, user_id)


def _shown_association(client) -> str | None:
    """What the account page preselects as the association ("" is "Decide from my
    municipality")."""
    return _Selected(client.get("/account/").get_data(as_text=True)).selected["association"]


def _move_as_the_page_offers(client, municipality: str) -> None:
    """Change the municipality on the account page, leaving the association as shown."""
    response = client.post("/account/municipality", data={
        "municipality": municipality, "association": _shown_association(client)})
    assert response.status_code == 303


@pytest.mark.parametrize("association, follows", [("", True), ("asker", False)])
def test_registration_stores_the_choice(client, association, follows):
    user = _register(client, association)
    assert user.association.slug == "asker"
    assert user.association_from_municipality is follows


def test_an_association_picked_by_name_survives_a_move(client):
    """Asker's association picked by name in Asker: the page shows it picked, and moving
    to Drammen keeps it."""
    user = _register(client, "asker")
    assert _shown_association(client) == "asker"
    _move_as_the_page_offers(client, "drammen")
    moved = _user(user.id)
    assert (moved.municipality, moved.association.slug) == ("drammen", "asker")
    assert moved.association_from_municipality is False
    assert _shown_association(client) == "asker"


def test_decide_from_my_municipality_follows_the_move(client):
    user = _register(client, "")
    assert _shown_association(client) == ""
    _move_as_the_page_offers(client, "drammen")
    moved = _user(user.id)
    assert (moved.municipality, moved.association.slug) == ("drammen", "drammen")
    assert moved.association_from_municipality is True
    assert _shown_association(client) == ""
    actions = [e.action for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.target == f"user:{user.id}")
        .order_by(AuditEvent.id))]
    assert actions == ["register", "municipality_changed", "association_changed"]


def test_the_account_page_changes_the_choice_alone(client):
    """The same association, now by name (and back): saved, no audit row, as nothing the
    others see changed."""
    user = _register(client, "")
    assert account_details.change_place(_user(user.id), "asker", "asker") is True
    assert _user(user.id).association_from_municipality is False
    assert _shown_association(client) == "asker"
    assert account_details.change_place(_user(user.id), "asker", "") is True
    assert _user(user.id).association_from_municipality is True
    assert account_details.change_place(_user(user.id), "asker", "") is False
    assert db.session.scalar(select(AuditEvent).where(
        AuditEvent.action.in_(("municipality_changed", "association_changed")))) is None


def test_the_personal_data_download_holds_the_choice(client):
    _register(client, "asker")
    data = json.loads(client.get("/account/export").get_data(as_text=True))
    assert data["account"]["association_from_municipality"] is False


def test_an_association_an_administrator_sets_is_by_name(app):
    """Staff of Drammen's association living in Asker, made a founder again, keep Drammen's
    association as picked, not "Decide from my municipality"."""
    admin = make_user("admin")
    user = make_user("founder", municipality="asker", association="asker",
                     association_from_municipality=True)
    account_access.set_role(user, "staff", admin,
                            association=association_by_slug("drammen"))
    account_access.set_role(_user(user.id), "founder", admin)
    assert _user(user.id).association_from_municipality is False


def test_an_import_that_moves_someone_leaves_their_association_by_name(app):
    """An import sets the municipality and never the association of someone already on
    Koble: once they differ, the association no longer follows the municipality."""
    user = make_user("founder", municipality="asker", association="asker",
                     association_from_municipality=True)
    member_import_apply.apply(None, [{"email": user.email, "name": user.name,
                                      "role": "founder", "municipality": "drammen"}])
    moved = _user(user.id)
    assert (moved.municipality, moved.association.slug) == ("drammen", "asker")
    assert moved.association_from_municipality is False
    member_import_apply.apply(None, [{"email": "ny@example.no", "name": "Ny Person",
                                      "role": "founder", "municipality": "drammen"}])
    new = db.session.scalar(select(User).where(User.email == "ny@example.no"))
    assert new.association.slug == "drammen" and new.association_from_municipality is True

