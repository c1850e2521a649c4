"""A mutual match whose pitch was withdrawn (made a draft again by its founder, or hidden by
staff): the investor's card on /matches/mutual says so in their language, shows nothing of
the pitch and links nowhere, and keeps the contact details the two agreed to share; the
founder's card says the investor no longer sees the pitch."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.services import interest, moderation
from tests.factories import DEFAULT_PASSWORD, make_investor, make_pitch, make_user

TITLE = "Tidevannskraft i Drammensfjorden"


@pytest.fixture
def matched(app):
    """A founder and an investor (who reads English) with mutual interest in the pitch."""
    founder = make_user("founder", "grunder@tidevann.no", name="Ingrid Tide", phone="+47 91234567")
    pitch = make_pitch(founder, title=TITLE)
    profile = make_investor(make_user("investor", "ola@fjordkapital.no", locale="en"),
                            organisation="Fjordkapital")
    interest.mark(founder, pitch.id, profile.id, "interested")
    interest.mark(profile.user, pitch.id, profile.id, "interested")
    db.session.commit()
    return founder, pitch, profile


def _mutual_page(app, user) -> str:
    """The page as the user reads it, in a session of its own (the language is the user's)."""
    client = app.test_client()
    client.post("/auth/login", data={"email": user.email, "password": DEFAULT_PASSWORD})
    return client.get("/matches/mutual").get_data(as_text=True)


def test_a_published_match_shows_the_pitch(app, matched):
    founder, pitch, profile = matched
    page = _mutual_page(app, profile.user)
    assert TITLE in page and f'href="/pitches/{pitch.id}"' in page


def test_an_unpublished_pitch_reads_withdrawn_without_a_link(app, client, auth, matched):
    founder, pitch, profile = matched
    auth.login(founder.email)
    assert client.post(f"/pitches/{pitch.id}/unpublish",
                       data={"confirm_unpublish": "y"}).status_code == 302
    auth.logout()
    page = _mutual_page(app, profile.user)
    assert TITLE not in page
    assert f"/pitches/{pitch.id}" not in page  # no link to a page that is "not found"
    assert "Withdrawn pitch" in page and "The founder has withdrawn this pitch." in page
    # the contact details the two agreed to share stay
    assert founder.email in page and founder.phone in page
    # in bokmål for a reader of bokmål
    profile.user.locale = "nb"
    db.session.commit()
    page = _mutual_page(app, profile.user)
    assert "Gründeren har trukket tilbake denne pitchen." in page
    assert "Tilbaketrukket pitch" in page and TITLE not in page
    # the founder's card says what the investor sees
    page = _mutual_page(app, founder)
    assert TITLE in page
    assert "This pitch is a draft again, so Fjordkapital no longer sees it" in page


def test_a_hidden_pitch_reads_no_longer_shown(app, matched):
    founder, pitch, profile = matched
    moderation.hide(pitch, "Brudd på retningslinjene", make_user("staff"))
    page = _mutual_page(app, profile.user)
    assert TITLE not in page and f"/pitches/{pitch.id}" not in page
    assert "This pitch is no longer shown on Koble." in page
    assert "Brudd på retningslinjene" not in page  # staff's reason is for the founder
    assert founder.email in page
