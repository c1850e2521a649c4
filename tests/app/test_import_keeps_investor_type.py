"""A member import that leaves the investor type blank (or has no such column) keeps an
existing investor's type; only a new investor gets the default, Angel investor. Before, a
re-import of a member list exported from elsewhere (e-mail, name, role, organisation, phone)
turned every venture fund, family office and company among the association's investors into
an angel investor, and their recommendations with it."""

from __future__ import annotations

import csv
import io

from app.extensions import db
from app.models import InvestorProfile, User
from tests.factories import make_investor, make_user

HEADER = ["email", "name", "role", "municipality", "organisation", "investor_type"]


def _import(client, rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADER)
    writer.writerows(rows)
    client.post("/staff/members/import",
                data={"file": (io.BytesIO(out.getvalue().encode()), "m.csv")},
                content_type="multipart/form-data")
    preview = client.get("/staff/members/import/preview").get_data(as_text=True)
    client.post("/staff/members/import/confirm")
    return preview


def _type_of(email: str) -> str:
    db.session.expire_all()
    user = db.session.query(User).filter_by(email=email).one()
    return db.session.query(InvestorProfile).filter_by(user_id=user.id).one().investor_type


def test_a_blank_type_keeps_an_existing_investors_type(app, client, staff):
    make_investor(make_user("investor", email="fond@asker.no"), investor_type="venture_fund",
                  organisation="Fjord Ventures")
    make_investor(make_user("investor", email="familie@asker.no"),
                  investor_type="family_office", organisation="Familien AS")
    preview = _import(client, [
        ["fond@asker.no", "Fond Person", "investor", "Asker", "Fjord Ventures", ""],
        ["familie@asker.no", "Familie Person", "investor", "Asker", "Familien AS", ""],
        ["ny@asker.no", "Ny Investor", "investor", "Asker", "Ny Kapital AS", ""],
        ["bank@asker.no", "Bank Person", "investor", "Asker", "Sparebanken", "Bank"],
    ])
    assert "2 to update" in preview and "2 to create" in preview
    assert _type_of("fond@asker.no") == "venture_fund"
    assert _type_of("familie@asker.no") == "family_office"
    assert _type_of("ny@asker.no") == "angel"
    assert _type_of("bank@asker.no") == "bank"


def test_a_named_type_still_changes_an_existing_one(app, client, staff):
    make_investor(make_user("investor", email="fond@asker.no"), investor_type="venture_fund",
                  organisation="Fjord Ventures")
    _import(client, [["fond@asker.no", "Fond Person", "investor", "Asker", "Fjord Ventures",
                      "Familiekontor"]])
    assert _type_of("fond@asker.no") == "family_office"


def test_the_column_help_says_so(app, client, staff):
    client.post("/language", data={"lang": "nb"})
    page = client.get("/staff/members/import").get_data(as_text=True)
    assert ("Investorer; tom betyr Engleinvestor for en ny investor, og en eksisterende "
            "beholder typen sin.") in page
