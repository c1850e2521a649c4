"""A founder or investor changes their municipality and association on the account page, with
the choices registration offers: one who moved, or picked the wrong one at registration, was
stuck with it. Staff and admins are not: their association decides which arenas they manage,
so only an administrator changes it."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, PageVersion, User
from app.services import account_details, audit_details
from app.services.errors import DomainError, Forbidden
from tests.app.security.principals import log_in
from tests.factories import make_user


def _user(user_id: int) -> User:
    db.session.expire_all()
    return db.session.get(User, user_id)


def _place(user: User) -> tuple:
    return user.municipality, user.association.slug if user.association else None


def _events(user: User) -> list[tuple[str, str]]:
    return [(e.action, e.detail) for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.target == f"user:{user.id}")
        .order_by(AuditEvent.id))]


@pytest.fixture
def founder(client, app):
    user = make_user("founder", locale="en", municipality="asker", association="asker")
    log_in(client, user)
    return user


def test_the_account_page_offers_the_registration_choices(client, founder):
    html = client.get("/account/").get_data(as_text=True)
    assert 'action="/account/municipality"' in html
    assert '<option selected value="asker">' in html or '<option value="asker" selected' in html
    assert "Decide from my municipality" in html and "Ringerike Næringsforening" in html


def test_decide_from_municipality_follows_the_new_municipality(client, founder):
    version = db.session.get(PageVersion, 1).version
    response = client.post("/account/municipality",
                           data={"municipality": "drammen", "association": ""})
    assert response.status_code == 303 and response.location.endswith("/account/")
    assert _place(_user(founder.id)) == ("drammen", "drammen")
    assert _events(founder) == [("municipality_changed", "asker -> drammen"),
                                ("association_changed", "asker -> drammen")]
    event = db.session.scalar(select(AuditEvent).where(
        AuditEvent.action == "municipality_changed"))
    assert event.actor_id == founder.id
    # the pages that show people's associations are kept under the site-wide version
    assert db.session.get(PageVersion, 1).version != version
    page = client.get("/account/").get_data(as_text=True)
    assert "Your municipality and association are saved." in page


def test_an_explicit_association_is_kept(client, founder):
    client.post("/account/municipality", data={"municipality": "hole", "association": "baerum"})
    assert _place(_user(founder.id)) == ("hole", "baerum")
    html = client.get("/account/").get_data(as_text=True)
    assert '<option selected value="baerum">' in html or '<option value="baerum" selected' in html
    # moving again keeps it: the person chose it, not the municipality
    client.post("/account/municipality", data={"municipality": "modum", "association": "baerum"})
    assert _place(_user(founder.id)) == ("modum", "baerum")


def test_an_investor_changes_theirs_too(client, app):
    investor = make_user("investor", municipality="asker", association="asker")
    log_in(client, investor)
    response = client.post("/account/municipality",
                           data={"municipality": "abroad", "association": "kongsberg"})
    assert response.status_code == 303
    assert _place(_user(investor.id)) == ("abroad", "kongsberg")


@pytest.mark.parametrize("lang,data,field_message", [
    ("en", {"municipality": "oslo", "association": ""},
     "Choose one of the listed municipalities."),
    ("nb", {"municipality": "oslo", "association": ""}, "Velg en av kommunene i listen."),
    ("en", {"municipality": "drammen", "association": "nowhere"},
     "Choose one of the listed associations."),
    ("nb", {"municipality": "drammen", "association": "nowhere"},
     "Velg en av foreningene i listen."),
    ("en", {"municipality": "", "association": "drammen"},
     "Choose the municipality you live or work in."),
])
def test_values_not_in_the_lists_are_refused_and_nothing_changes(client, founder, lang, data,
                                                                  field_message):
    founder.locale = lang
    db.session.commit()
    response = client.post("/account/municipality", data=data)
    assert response.status_code == 422
    assert field_message in response.get_data(as_text=True)
    assert _place(_user(founder.id)) == ("asker", "asker")
    assert _events(founder) == []


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_and_admins_cannot_change_their_own_association(client, app, role):
    user = make_user(role, locale="en", municipality="asker", association="asker")
    log_in(client, user)
    html = client.get("/account/").get_data(as_text=True)
    assert 'action="/account/municipality"' not in html
    assert "Ask an administrator." in html and "Asker Næringsforening" in html
    response = client.post("/account/municipality",
                           data={"municipality": "drammen", "association": "drammen"})
    assert response.status_code == 403
    assert "Ask an administrator." in response.get_data(as_text=True)
    assert _place(_user(user.id)) == ("asker", "asker")
    with pytest.raises(Forbidden):
        account_details.change_place(_user(user.id), "drammen", "")
    assert _place(_user(user.id)) == ("asker", "asker")
    assert _events(user) == []


def test_the_service_refuses_unknown_values_itself(app):
    user = make_user("founder", municipality="asker", association="asker")
    for municipality, association, field in (("oslo", None, "municipality"),
                                             (None, None, "municipality"),
                                             ("drammen", "nowhere", "association")):
        with pytest.raises(DomainError) as refused:
            account_details.change_place(user, municipality, association)
        assert refused.value.field == field
    assert _place(_user(user.id)) == ("asker", "asker")


def test_the_audit_list_names_the_municipalities(app):
    assert audit_details.describe("municipality_changed", "asker -> ovre_eiker",
                                  audit_details.Names()) == "Asker → Øvre Eiker"


class _Ids(HTMLParser):
    """Every element's id in order, and the `for` of every label."""

    def __init__(self):
        super().__init__()
        self.ids: list[tuple[str, str, dict]] = []
        self.label_for: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append((attrs["id"], tag, attrs))
        if tag == "label" and attrs.get("for"):
            self.label_for.append(attrs["for"])


def _first_with_id(html: str) -> tuple[dict[str, str], list[str]]:
    parser = _Ids()
    parser.feed(html)
    first: dict[str, str] = {}
    for id_, tag, _attrs in parser.ids:
        first.setdefault(id_, tag)
    return first, parser.label_for


@pytest.mark.parametrize("refused", [False, True])
def test_the_municipality_select_is_the_one_its_label_and_error_link_name(client, founder,
                                                                           refused):
    # A label (for=…) and the error summary's link (#…) reach the first element with the id:
    # the section's heading had id="municipality" too, so the select had no name for a
    # screen reader and the link moved the focus nowhere.
    if refused:
        html = client.post("/account/municipality",
                           data={"municipality": "", "association": ""}).get_data(as_text=True)
        assert 'href="#municipality"' in html
    else:
        html = client.get("/account/").get_data(as_text=True)
    first, label_for = _first_with_id(html)
    assert first["municipality"] == "select"
    assert "municipality" in label_for
    for target in label_for:
        assert first.get(target) in ("input", "select", "textarea"), target
