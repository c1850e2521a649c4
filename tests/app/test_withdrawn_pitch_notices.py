"""Notices about a pitch that was withdrawn since (made a draft again, hidden by staff,
deleted) do not dead-end: the list says what became of the pitch, in the reader's language,
and offers no Open that would lead to "Page not found"; the pitch's address, from an old
notice or e-mail, tells those who were told of it that it is withdrawn (still a 404), and
others only "not found". A notice keeps the title it told while the pitch was public
(services/notifications.as_read_by), never what the founder wrote in the draft since."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Notification
from app.services import erasure, interest, moderation, pitches
from tests.factories import DEFAULT_PASSWORD, make_investor, make_pitch, make_user

TITLE = "Tidevannskraft i Drammensfjorden"
DRAFT_TITLE = "Utkast-tittel-Kv83Qe"


@pytest.fixture
def told(app):
    """Founder F's pitch: F is interested in investor A (who reads English and got a notice
    naming the pitch), F and investor M are a mutual match, investor S saved it (no
    notice), investor I is interested (F got a notice); investor N never heard of it."""
    founder = make_user("founder", name="Ingrid Tide")
    pitch = make_pitch(founder, title=TITLE)
    people = {tag: make_investor(make_user("investor", f"{tag.lower()}@fond.no",
                                           locale="en"), organisation=f"Fond {tag}")
              for tag in "AMSIN"}
    interest.mark(founder, pitch.id, people["A"].id, "interested")
    interest.mark(founder, pitch.id, people["M"].id, "interested")
    interest.mark(people["M"].user, pitch.id, people["M"].id, "interested")
    interest.mark(people["S"].user, pitch.id, people["S"].id, "saved")
    interest.mark(people["I"].user, pitch.id, people["I"].id, "interested")
    db.session.commit()
    return founder, pitch, people


def _client(app, user):
    client = app.test_client()
    client.post("/auth/login", data={"email": user.email, "password": DEFAULT_PASSWORD})
    return client


def _note(user, kind: str) -> Notification:
    return db.session.scalar(select(Notification).where(Notification.user_id == user.id,
                                                        Notification.kind == kind))


def test_a_published_pitch_s_notice_opens_it(app, told):
    founder, pitch, people = told
    reader = people["A"].user
    note = _note(reader, "interest_from_founder")
    client = _client(app, reader)
    page = client.get("/notifications").get_data(as_text=True)
    assert TITLE in page and "withdrawn" not in page
    response = client.post(f"/notifications/{note.id}/open")
    assert response.status_code == 303 and response.location.endswith(f"/pitches/{pitch.id}")
    assert client.get(f"/pitches/{pitch.id}").status_code == 200


def test_an_unpublished_pitch_s_notice_says_so_and_does_not_dead_end(app, told):
    founder, pitch, people = told
    pitches.unpublish(pitch)
    pitch.title = DRAFT_TITLE  # the founder renames the draft
    db.session.commit()
    reader = people["A"].user
    note = _note(reader, "interest_from_founder")
    client = _client(app, reader)
    page = client.get("/notifications").get_data(as_text=True)
    # the sentence told while it was public stays; the draft's title never reaches it
    assert TITLE in page and DRAFT_TITLE not in page
    assert "The founder has withdrawn this pitch." in page
    assert f"/pitches/{pitch.id}" not in page
    assert f'action="/notifications/{note.id}/open"' in page  # unread: "Mark as read"
    assert ">Mark as read</button>" in page and ">Open</button>" not in page
    # opened from a page drawn before (or marked read): back to the list, read
    response = client.post(f"/notifications/{note.id}/open")
    assert response.status_code == 303 and response.location.endswith("/notifications")
    db.session.refresh(note)
    assert note.is_read
    page = client.get("/notifications").get_data(as_text=True)
    assert f"/notifications/{note.id}/open" not in page  # read, and nothing to open
    # the link of the e-mail that told it: a page saying so, not "Page not found"
    response = client.get(f"/pitches/{pitch.id}")
    page = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "Withdrawn pitch" in page and "The founder has withdrawn this pitch." in page
    assert TITLE not in page and DRAFT_TITLE not in page and "Page not found" not in page
    # in bokmål for a reader of bokmål
    reader.locale = "nb"
    db.session.commit()
    client = _client(app, reader)
    assert "Gründeren har trukket tilbake denne pitchen." in client.get(
        "/notifications").get_data(as_text=True)
    page = client.get(f"/pitches/{pitch.id}").get_data(as_text=True)
    assert "Tilbaketrukket pitch" in page and "Gründeren har trukket tilbake" in page


def test_only_those_told_of_the_pitch_learn_it_was_withdrawn(app, told):
    founder, pitch, people = told
    pitches.unpublish(pitch)
    # S saved it (their own answer, no notice): told
    page = _client(app, people["S"].user).get(f"/pitches/{pitch.id}").get_data(as_text=True)
    assert "The founder has withdrawn this pitch." in page
    # N never knew of it, nor does another founder: the plain "not found"
    for stranger in (people["N"].user, make_user("founder", locale="en")):
        response = _client(app, stranger).get(f"/pitches/{pitch.id}")
        page = response.get_data(as_text=True)
        assert response.status_code == 404 and "Page not found" in page
        assert "withdrawn" not in page and TITLE not in page
    # a draft never published, of an id nobody was told of: the same
    draft = make_pitch(founder, status="draft", title="Aldri publisert")
    page = _client(app, people["A"].user).get(f"/pitches/{draft.id}").get_data(as_text=True)
    assert "Page not found" in page and "withdrawn" not in page


def test_a_hidden_pitch_s_notice_says_it_is_no_longer_shown(app, told):
    founder, pitch, people = told
    moderation.hide(pitch, "Grunn-Wq47Lm", make_user("staff"))
    client = _client(app, people["A"].user)
    page = client.get("/notifications").get_data(as_text=True)
    assert "This pitch is no longer shown on Koble." in page
    assert "Grunn-Wq47Lm" not in page and f"/pitches/{pitch.id}" not in page
    page = client.get(f"/pitches/{pitch.id}").get_data(as_text=True)
    assert "This pitch is no longer shown on Koble." in page and "Grunn-Wq47Lm" not in page
    # the founder's own notice about the hiding still opens their pitch
    note = _note(founder, "pitch_hidden")
    response = _client(app, founder).post(f"/notifications/{note.id}/open")
    assert response.location.endswith(f"/pitches/{pitch.id}")


def test_a_mutual_match_s_notice_still_opens_the_match_with_its_contacts(app, told):
    founder, pitch, people = told
    pitches.unpublish(pitch)
    reader = people["M"].user
    note = _note(reader, "mutual_match")
    client = _client(app, reader)
    page = client.get("/notifications").get_data(as_text=True)
    assert "The founder has withdrawn this pitch." in page
    response = client.post(f"/notifications/{note.id}/open")
    assert response.location.endswith("/matches/mutual")
    mutual = client.get("/matches/mutual").get_data(as_text=True)
    assert founder.email in mutual and "Withdrawn pitch" in mutual


def test_a_deleted_pitch_s_notices_say_so_to_both_sides(app, told):
    founder, pitch, people = told
    pitch_id = pitch.id
    founder_client = _client(app, founder)
    assert founder_client.post(f"/pitches/{pitch_id}/delete").status_code == 302
    for reader in (people["A"].user, people["M"].user):
        client = _client(app, reader)
        page = client.get("/notifications").get_data(as_text=True)
        assert "This pitch has been deleted." in page and ">Open</button>" not in page
        page = client.get(f"/pitches/{pitch_id}").get_data(as_text=True)
        assert "Deleted pitch" in page and "This pitch has been deleted." in page
    # the founder's notice of I's interest led to the pitch's investors: now to nothing
    note = _note(founder, "interest_from_investor")
    page = founder_client.get("/notifications").get_data(as_text=True)
    assert "This pitch has been deleted." in page
    assert f"/pitches/{pitch_id}" not in page
    response = founder_client.post(f"/notifications/{note.id}/open")
    assert response.location.endswith("/notifications")
    page = founder_client.get(f"/pitches/{pitch_id}/matches").get_data(as_text=True)
    assert "This pitch has been deleted." in page
    # in bokmål
    people["A"].user.locale = "nb"
    db.session.commit()
    client = _client(app, people["A"].user)
    page = client.get("/notifications").get_data(as_text=True)
    assert "Denne pitchen er slettet." in page and ">Merk som lest</button>" in page
    page = client.get(f"/pitches/{pitch_id}").get_data(as_text=True)
    assert "<h1>Slettet pitch</h1>" in page and "Denne pitchen er slettet." in page


def test_a_deleted_account_s_pitch_is_not_named_in_notices(app, told):
    """The founder deleted their account: the notice says so (test_notices_after_account_
    deleted.py), naming neither the pitch nor the founder."""
    founder, pitch, people = told
    erasure.anonymise(founder)
    page = _client(app, people["A"].user).get("/notifications").get_data(as_text=True)
    assert "The founder of “Deleted pitch” was interested in you, but has since left" in page
    assert TITLE not in page and "Ingrid Tide" not in page
