"""The mutual matches download carries the founder's phone, as the mutual page shows it. An
investor's /exports/matches.csv (and .xlsx) had the founder's name and e-mail but no phone
column, while /matches/mutual showed the phone beside them; the file's only phone was the
investor's own. The phone follows the same rule as the e-mail: shown once both are
interested, never to a third party."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from app.extensions import db
from app.services import interest
from tests.app.test_i18n import _client_in
from tests.factories import make_investor, make_pitch, make_user


def _rows(response, delimiter: str = ",") -> list[list[str]]:
    assert response.status_code == 200
    text = response.get_data(as_text=True).lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _pair(app):
    founder = make_user("founder", "grunder@solkraft.no", phone="+47 912 34 567")
    pitch = make_pitch(founder)
    profile = make_investor()
    interest.mark(profile.user, pitch.id, profile.id, "interested")
    db.session.commit()
    return founder, pitch, profile


def test_investor_gets_the_founders_phone_in_the_match_file(app):
    founder, pitch, profile = _pair(app)
    client = _client_in(app, "en", profile.user)
    interest.mark(founder, pitch.id, profile.id, "interested")
    db.session.commit()
    header, row = _rows(client.get("/exports/matches.csv"))
    assert header[2:5] == ["Founder", "Founder e-mail", "Founder phone"]
    assert row[header.index("Founder e-mail")] == "grunder@solkraft.no"
    # the CSV quotes a leading "+" (a spreadsheet would read it as a formula)
    assert row[header.index("Founder phone")].lstrip("'") == "+47 912 34 567"
    assert "+47 912 34 567" in client.get("/matches/mutual").get_data(as_text=True)
    book = load_workbook(io.BytesIO(client.get("/exports/matches.xlsx").data))
    sheet = [list(r) for r in book.active.iter_rows(values_only=True)]
    assert sheet[1][sheet[0].index("Founder phone")] == "+47 912 34 567"


def test_founder_phone_header_in_norwegian(app):
    founder, pitch, profile = _pair(app)
    interest.mark(founder, pitch.id, profile.id, "interested")
    db.session.commit()
    client = _client_in(app, "nb", profile.user)
    header, row = _rows(client.get("/exports/matches.csv"), delimiter=";")  # bokmål's CSV
    assert "Gründerens telefon" in header and "Founder phone" not in header
    assert row[header.index("Gründerens telefon")].lstrip("'") == "+47 912 34 567"


def test_no_founder_phone_before_the_founder_answers(app):
    _founder, _pitch, profile = _pair(app)
    text = _client_in(app, "en", profile.user).get("/exports/matches.csv").get_data(
        as_text=True)
    assert "912 34 567" not in text
