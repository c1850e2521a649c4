"""A deleted account's placeholders ("Deleted user", "Deleted pitch", stored in English) read
in the reader's language outside the pages too: e-mail subjects and bodies, the calendar
file and the staff's CSV and .xlsx exports."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from openpyxl import load_workbook

from app.extensions import db
from app.models import InvestorProfile, MeetingRequest
from app.services import erasure, interest, interest_notices, meeting_requests
from app.services.agenda_calendar import arena_uid
from tests.factories import (
    DEFAULT_PASSWORD,
    make_arena,
    make_meeting,
    make_participant,
    make_user,
    outbox_of,
)

WORDS = {"nb": ("Slettet bruker", "Slettet pitch"), "en": ("Deleted user", "Deleted pitch")}


@pytest.fixture
def arena_pair(app):
    """A scheduled arena, over since yesterday, where a founder and an investor met and
    matched each other. (Deleting an account calls off its meetings at arenas still to come,
    tests/app/test_leaving_koble.py; those held keep the deleted name.)"""
    yesterday = datetime.now(UTC) - timedelta(days=1)
    arena = make_arena(status="scheduled", date=yesterday.date(),
                       rsvp_deadline=yesterday - timedelta(days=7))
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, founder, investor, slot=1)
    profile = db.session.query(InvestorProfile).filter_by(user_id=investor.user_id).one()
    interest.mark(founder.user, founder.pitch_id, profile.id, "interested")
    interest.mark(investor.user, founder.pitch_id, profile.id, "interested")
    return arena, founder, investor, profile


@pytest.fixture
def reader(app):
    """A logged-in client of the user, reading in the given language."""
    def make(user, lang: str):
        client = app.test_client()
        client.post("/auth/login", data={"email": user.email, "password": DEFAULT_PASSWORD})
        client.post("/language", data={"lang": lang})
        return client

    return make


# --- e-mail -------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_mutual_match_mail_names_a_deleted_pitch_in_the_recipients_language(
        app, arena_pair, lang):
    _arena, founder, investor, profile = arena_pair
    investor.user.locale = lang
    pitch = founder.pitch
    erasure.anonymise(founder.user)
    outbox_of(app).clear()
    interest_notices.mail_mutual(pitch, profile)
    (mail,) = outbox_of(app)  # the deleted founder gets none
    user, title = WORDS[lang]
    assert mail.to == [investor.user.email]
    assert mail.subject.endswith(title)
    assert user in mail.body and title in mail.body
    if lang == "nb":
        assert "Deleted" not in mail.subject + mail.body


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_meeting_request_mail_names_a_deleted_sender_in_the_recipients_language(
        app, arena_pair, lang):
    arena, founder, investor, _profile = arena_pair
    investor.user.locale = lang
    req = MeetingRequest(arena_id=arena.id, from_user_id=founder.user_id,
                         to_user_id=investor.user_id)
    db.session.add(req)
    erasure.anonymise(founder.user)
    outbox_of(app).clear()
    other = "en" if lang == "nb" else "nb"
    with app.test_request_context(headers={"Accept-Language": other}):
        meeting_requests._mail_request(req)  # sent while someone else's language is active
    (mail,) = outbox_of(app)
    user, _title = WORDS[lang]
    assert mail.subject.startswith(user)
    assert user in mail.body
    if lang == "nb":
        assert "Deleted" not in mail.subject + mail.body


# --- the calendar file ------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_calendar_names_a_deleted_partner_in_the_readers_language(app, arena_pair, reader,
                                                                  lang):
    arena, founder, investor, _profile = arena_pair
    erasure.anonymise(founder.user)
    response = reader(investor.user, lang).get(f"/arenas/{arena.id}/agenda.ics")
    assert response.status_code == 200
    (event,) = [e for e in icalendar.Calendar.from_ical(response.data).walk("VEVENT")
                if str(e["UID"]) != arena_uid(arena)]
    user, title = WORDS[lang]
    assert f"{user} ({title})" in str(event["SUMMARY"])
    if lang == "nb":
        assert b"Deleted" not in response.data


# --- the staff's exports ----------------------------------------------------------------
def _csv(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.data.decode("utf-8-sig")


def _cells(response) -> list[str]:
    text = _csv(response)
    first = text.split("\r\n", 1)[0]  # bokmål downloads are separated by semicolons
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_staff_arena_exports_show_deleted_accounts_in_the_readers_language(
        app, arena_pair, reader, lang):
    arena, founder, investor, _profile = arena_pair
    erasure.anonymise(founder.user)
    erasure.anonymise(investor.user)
    staff = reader(make_user("staff"), lang)
    user, title = WORDS[lang]
    for kind in ("invitations", "answers", "meetings"):
        for url in (f"/staff/arenas/{arena.id}/export/{kind}.csv",
                    f"/exports/arenas/{arena.id}/{kind}.csv"):
            cells = _cells(staff.get(url))
            assert user in cells, (url, cells)
            if kind != "answers":
                assert title in cells, (url, cells)
            if lang == "nb":
                assert not any("Deleted" in c for c in cells), (url, cells)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_staff_member_exports_show_deleted_accounts_in_the_readers_language(
        app, arena_pair, reader, lang):
    _arena, founder, investor, _profile = arena_pair
    erasure.anonymise(founder.user)
    erasure.anonymise(investor.user)
    staff = reader(make_user("staff"), lang)
    user, title = WORDS[lang]
    pitches = _cells(staff.get("/exports/pitches.csv"))
    assert user in pitches and title in pitches
    investors = _cells(staff.get("/exports/investors.csv"))  # a deleted profile is inactive
    matches = _cells(staff.get("/exports/matches.csv"))
    assert user in matches and title in matches
    book = load_workbook(io.BytesIO(staff.get("/exports/matches.xlsx").data))
    xlsx = [c for row in book.active.iter_rows(values_only=True) for c in row]
    assert user in xlsx and title in xlsx
    if lang == "nb":
        for cells in (pitches, investors, matches, xlsx):
            assert not any("Deleted" in str(c) for c in cells), cells


# --- names inside translated sentences on pages ------------------------------------------
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_schedule_of_an_arena_held_names_a_deleted_person_in_the_readers_language(
        app, arena_pair, reader, lang):
    """The staff schedule of an arena that took place keeps the meetings of someone who has
    deleted their account since, and names them as the reader reads. (Its row buttons and
    the cancel page are gone once the arena is held, 34fb447; at an arena still to come,
    deleting an account calls its meetings off.)"""
    arena, founder, _investor, _profile = arena_pair
    erasure.anonymise(founder.user)
    staff = reader(make_user("staff"), lang)
    user, _title = WORDS[lang]
    page = staff.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    assert user in page
    if lang == "nb":
        assert "Deleted user" not in page
