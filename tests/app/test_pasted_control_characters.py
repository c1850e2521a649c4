"""Invisible control characters a paste brings are dropped where text enters, not stored:
the forms, the API's bodies and the member import read text alike (app/typed_text.py). A
one-line field loses every C0 control and DEL (a tab is a space); a text area turns Word's
vertical tab and form feed (and NEL, U+2028, U+2029) into a line break and loses the other
controls. A value left empty meets the field's own required rule: an arena title of only
invisible characters was saved (a hostile-input sweep), and broke the Excel exports."""

from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, Pitch, User
from tests.app.api.helpers import bearer
from tests.app.security.principals import logged_in_client
from tests.app.test_arena_edit_after_schedule import _form
from tests.app.test_nul_in_forms import _invalid
from tests.factories import make_arena, make_user

REQUIRED = {"nb": "Dette feltet er påkrevd.", "en": "This field is required."}
LENGTH = {"nb": "Lengden må være mellom 1 og 120.", "en": "Length must be between 1 and 120."}
NAME = {"nb": "Navn på 1 til 120 tegn er påkrevd.",
        "en": "A name of 1 to 120 characters is required."}
INVISIBLE = "\x01\x0b\x0c\x1f\x7f\t "


def _pitches() -> int:
    return db.session.scalar(select(func.count()).select_from(Pitch))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_pasted_vertical_tab_is_a_line_break_and_a_control_in_a_title_goes(app, lang):
    founder = make_user("founder", locale=lang)
    client = logged_in_client(app, founder)
    response = client.post("/pitches/new", data={
        "title": "Sol\x01kraft\tAS", "summary": "Elektrisk\x1b ferje", "stage": "seed",
        "description": "Linje 1\x0bLinje 2\x0cLinje 3\u2028Linje 4\x07.\tSlutt"})
    assert response.status_code == 302, response.get_data(as_text=True)
    pitch = db.session.scalars(select(Pitch)).one()
    assert pitch.title == "Solkraft AS"
    assert pitch.summary == "Elektrisk ferje"
    assert pitch.description == "Linje 1\nLinje 2\nLinje 3\nLinje 4.\tSlutt"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_arena_title_of_only_invisible_characters_is_required(app, lang):
    arena = make_arena(("asker",))
    before = (arena.title, arena.version)
    client = logged_in_client(app, make_user("staff", association="asker", locale=lang))
    client.post("/language", data={"lang": lang})
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, title=INVISIBLE))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert REQUIRED[lang] in html
    assert _invalid(html, "title") and not _invalid(html, "venue")
    db.session.expire_all()
    assert (db.session.get(Arena, arena.id).title, db.session.get(Arena, arena.id).version) \
        == before


def test_an_arena_title_with_a_control_character_saves_without_it(app):
    arena = make_arena(("asker",))
    client = logged_in_client(app, make_user("staff", association="asker"))
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, title="Gründerfrokost\x01\x1b i Asker"))
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).title == "Gründerfrokost i Asker"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_api_cleans_a_pitch_body_alike(app, client, lang):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    headers = bearer(make_user("founder", locale=lang))
    created = client.post("/api/v1/pitches", headers=headers, json={
        "title": "Sol\x01kraft\tAS", "summary": "Ferje\x7f", "stage": "idea",
        "description": "Linje 1\x0bLinje 2\x0cLinje 3\x07."})
    assert created.status_code == 201, created.get_data(as_text=True)
    body = created.get_json()
    assert (body["title"], body["summary"]) == ("Solkraft AS", "Ferje")
    assert body["description"] == "Linje 1\nLinje 2\nLinje 3."
    refused = client.post("/api/v1/pitches", headers=headers, json={
        "title": INVISIBLE, "summary": "Ferje", "stage": "idea"})
    assert refused.status_code == 422
    assert refused.get_json()["error"]["fields"] == {"title": [LENGTH[lang]]}
    assert _pitches() == 1


def _member_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["email", "name", "role", "notat"])
    # A long note first: the control characters below come after the first 4,096
    # characters, which the upload's check for a binary file reads (a few within them are
    # read too now: test_member_file_controls).
    writer.writerow(["forst@bedrift.no", "Første Medlem", "founder", "x" * 4200])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_member_import_cleans_a_cell_alike(app, lang):
    staff = logged_in_client(app, make_user("staff", association="asker", locale=lang))
    staff.post("/language", data={"lang": lang})
    data = _member_csv([["ola@bedrift.no", "Ola\x01 Nord\x0bmann", "founder"],
                        ["kari@bedrift.no", INVISIBLE, "founder"]])
    upload = staff.post("/staff/members/import",
                        data={"file": (io.BytesIO(data), "medlemmer.csv")},
                        content_type="multipart/form-data")
    assert upload.status_code == 303
    html = staff.get("/staff/members/import/preview").get_data(as_text=True)
    [rejected] = re.findall(r'<tr class="import-reject"[^>]*>(.*?)</tr>', html, re.S)
    assert "kari@bedrift.no" in rejected and NAME[lang] in rejected
    assert staff.post("/staff/members/import/confirm").status_code == 303
    names = dict(db.session.execute(select(User.email, User.name).where(
        User.email.in_(["ola@bedrift.no", "kari@bedrift.no"]))).all())
    assert names == {"ola@bedrift.no": "Ola Nordmann"}
