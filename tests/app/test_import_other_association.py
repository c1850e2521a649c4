"""A staff member's member import updates only their own association's members: a row naming
someone of another association (or of none) is rejected with a reason, and nothing of theirs
changes. An admin's import updates anyone, as before."""

from __future__ import annotations

import csv
import io

from app.extensions import db
from app.models import InvestorProfile, User
from tests.factories import make_investor, make_user

HEADER = ["email", "name", "role", "municipality", "organisation", "phone", "sectors"]


def _csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _import(client, rows):
    client.post("/staff/members/import", data={"file": (io.BytesIO(_csv(rows)), "m.csv")},
                content_type="multipart/form-data")
    preview = client.get("/staff/members/import/preview").get_data(as_text=True)
    client.post("/staff/members/import/confirm")
    return preview


def _people():
    founder = make_user("founder", email="emma@drammen.no", name="Emma Wilson",
                        association="drammen", municipality="drammen", phone="+47 977 31 772")
    investor = make_investor(make_user("investor", email="sophie@drammen.no",
                                       name="Sophie Brown", association="drammen",
                                       municipality="drammen"),
                             organisation="Fjord Kapital")
    outside = make_user("founder", email="ola@utland.no", name="Ola Utland",
                        association=None, municipality="abroad")
    own = make_user("founder", email="kari@asker.no", name="Kari Gammel")
    return founder, investor, outside, own


ROWS = [
    ["emma@drammen.no", "Hijacked", "founder", "Asker", "", "+47 111 11 111", ""],
    ["sophie@drammen.no", "Sophie Changed", "investor", "Asker", "Evil Org", "", "health"],
    ["ola@utland.no", "Ola Endret", "founder", "Asker", "", "", ""],
    ["kari@asker.no", "Kari Ny", "founder", "Asker", "", "+47 900 00 001", ""],
]


def test_staff_import_leaves_other_associations_members_alone(app, client, staff):
    founder, investor, outside, own = _people()
    preview = _import(client, ROWS)
    assert "1 to update" in preview and "3 rejected" in preview
    assert preview.count("Already has a Koble account outside your association") == 3
    db.session.expire_all()
    founder = db.session.get(User, founder.id)
    assert (founder.name, founder.municipality, founder.phone) == (
        "Emma Wilson", "drammen", "+47 977 31 772")
    profile = db.session.get(InvestorProfile, investor.id)
    assert profile.organisation == "Fjord Kapital" and profile.user.name == "Sophie Brown"
    assert db.session.get(User, outside.id).name == "Ola Utland"
    # Their own association's member is updated as before.
    assert db.session.get(User, own.id).name == "Kari Ny"


def test_staff_import_reason_in_norwegian(app, client, staff):
    _people()
    client.post("/language", data={"lang": "nb"})
    preview = _import(client, ROWS[:1])
    assert "Har allerede en Koble-konto utenfor foreningen din, så importen lar den være." \
        in preview


def test_admin_import_updates_anyone(app, client, auth):
    founder, _investor, _outside, _own = _people()
    admin = make_user("admin", association=None)
    auth.login(admin.email)
    preview = _import(client, ROWS[:1])
    assert "1 to update" in preview
    db.session.expire_all()
    assert db.session.get(User, founder.id).name == "Hijacked"
