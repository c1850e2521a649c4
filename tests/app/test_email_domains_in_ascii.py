"""An address whose domain has letters beyond ASCII (blåbær.no) is one account however the
browser sends it. Chromium sends an <input type="email"> with the domain in its ASCII form
(xn--blbr-roah.no), Safari and Firefox as typed. On the founder walk an account made with
"oystein@blåbær.no" (stored as Chromium sent it) was refused "Feil e-post eller passord."
when the same address came as typed, and an account made on an iPhone would be refused from
a desktop Chrome. accounts.normalise_email stores and looks up the ASCII form; the migration
after e2f7c5a9d3b8 moves addresses stored as typed to it."""

from __future__ import annotations

import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db
from app.services.accounts import normalise_email
from tests.app.security.principals import logged_in_client
from tests.app.test_account_details import mutual  # noqa: F401 - the fixture
from tests.app.test_migrations import (
    empty_database_url,  # noqa: F401 - the fixture
    insert_user,
)

TYPED, SENT_BY_CHROMIUM = "oystein@blåbær.no", "oystein@xn--blbr-roah.no"
PASSWORD = "Blåbærsyltetøy på brødskiva"


def _register(client, email: str):
    return client.post("/auth/register", data={
        "role": "founder", "name": "Øystein Ærø", "email": email, "municipality": "lier",
        "association": "", "password": PASSWORD, "confirm": PASSWORD})


@pytest.mark.parametrize(("made_with", "logged_in_with"), [
    (TYPED, SENT_BY_CHROMIUM), (SENT_BY_CHROMIUM, TYPED), (TYPED, " Oystein@BLÅBÆR.no "),
])
def test_one_account_however_the_browser_sends_the_domain(app, made_with, logged_in_with):
    assert _register(app.test_client(), made_with).status_code == 302

    response = app.test_client().post("/auth/login", data={"email": logged_in_with,
                                                           "password": PASSWORD})

    assert response.status_code == 302
    assert "/auth/login" not in response.headers["Location"]


def test_the_other_spelling_is_the_same_address_when_registering_again(app):
    _register(app.test_client(), TYPED)

    response = _register(app.test_client(), SENT_BY_CHROMIUM)

    assert response.status_code == 422  # "An account with this e-mail already exists."


def test_an_ascii_address_is_unchanged():
    assert normalise_email(" Kari@Solkraft.no ") == "kari@solkraft.no"
    assert normalise_email("åse@fjord.no") == "åse@fjord.no"  # only the domain has a form
    assert normalise_email("not an address") == "not an address"


def test_the_migration_moves_typed_domains_to_ascii_unless_taken(empty_database_url):  # noqa: F811
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="e2f7c5a9d3b8")
        with db.engine.begin() as connection:
            for uid in (1, 2, 3, 4):
                insert_user(connection, uid)
            for uid, email in ((1, TYPED), (2, "kari@solkraft.no"), (3, "ola@bø.no"),
                               (4, "ola@xn--b-5ga.no")):
                connection.execute(text('UPDATE "user" SET email = :e WHERE id = :id'),
                                   {"e": email, "id": uid})
        upgrade()
        with db.engine.connect() as connection:
            emails = dict(connection.execute(text('SELECT id, email FROM "user"')).all())
        db.engine.dispose()
    # the third's ASCII form is the fourth's: two accounts of one person, left for an admin
    assert emails == {1: SENT_BY_CHROMIUM, 2: "kari@solkraft.no", 3: "ola@bø.no",
                      4: "ola@xn--b-5ga.no"}


def test_the_owner_and_the_other_side_read_the_domain_in_its_own_letters(app, mutual):  # noqa: F811
    """Stored in ASCII (above), such an address is shown as written: on the account page and
    to the investor who matched, oystein@blåbær.no, not oystein@xn--blbr-roah.no; the
    mailto link keeps the ASCII form every mail program takes."""
    founder = mutual["solar_founder"]
    founder.email = SENT_BY_CHROMIUM
    db.session.commit()

    own = logged_in_client(app, founder).get("/account/").get_data(as_text=True)
    assert TYPED in own and f">{SENT_BY_CHROMIUM}<" not in own
    listed = logged_in_client(app, mutual["solar_investor"].user).get("/matches/mutual")
    page = listed.get_data(as_text=True)
    assert f'<a href="mailto:{SENT_BY_CHROMIUM}">{TYPED}</a>' in page
