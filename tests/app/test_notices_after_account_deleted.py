"""A notice about a pair whose other side has since deleted their account says so. Before,
the founder's "Mutual interest: Deleted user and you are both interested in ... You can now
see each other's contact details." read as if the person were still there, and Open on an
investor's interest led to the pitch's "Interested in this pitch" section, which no longer
has them. The notices stay as stored (the deletion put its placeholders in them); the list
words them (services/notifications.other_side_left)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Notification
from app.services import erasure, interest
from tests.factories import DEFAULT_PASSWORD, make_investor, make_pitch, make_user

TITLE = "Tidevannskraft i Drammensfjorden"

SAID = {
    "en": {
        "mutual": "Mutual interest in “%s”, but the other side has since left Koble: their "
                  "account is deleted, and their contact details with it.",
        "investor": "An investor was interested in your pitch “%s”, but has since left Koble: "
                    "their account is deleted.",
        "founder": "The founder of “%s” was interested in you, but has since left Koble: "
                   "their account is deleted.",
        "contacts": "You can now see each other",
        "left": "This person has left Koble",
        "open": ">Open</button>",
        "read": ">Mark as read</button>",
        "deleted_pitch": "Deleted pitch",
    },
    "nb": {
        "mutual": "Gjensidig interesse for «%s», men den andre parten har siden forlatt Koble: "
                  "kontoen er slettet, og kontaktopplysningene med den.",
        "investor": "En investor var interessert i pitchen din «%s», men har siden forlatt "
                    "Koble: kontoen er slettet.",
        "founder": "Gründeren bak «%s» var interessert i deg, men har siden forlatt Koble: "
                   "kontoen er slettet.",
        "contacts": "Nå kan dere se hverandres",
        "left": "Denne personen har forlatt Koble",
        "open": ">Åpne</button>",
        "read": ">Merk som lest</button>",
        "deleted_pitch": "Slettet pitch",
    },
}


def _client(app, user):
    client = app.test_client()
    client.post("/auth/login", data={"email": user.email, "password": DEFAULT_PASSWORD})
    return client


def _note(user, kind: str) -> Notification:
    return db.session.scalar(select(Notification).where(Notification.user_id == user.id,
                                                        Notification.kind == kind))


def _pair(lang: str):
    founder = make_user("founder", name="Ingrid Tide", locale=lang)
    pitch = make_pitch(founder, title=TITLE)
    investor = make_user("investor", name="Per Fond", locale=lang)
    profile = make_investor(investor, organisation="Fjordfond AS")
    return founder, pitch, investor, profile


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_an_investors_interest_after_they_deleted_their_account(app, lang):
    founder, pitch, investor, profile = _pair(lang)
    interest.mark(investor, pitch.id, profile.id, "interested")
    db.session.commit()
    note = _note(founder, "interest_from_investor")
    erasure.anonymise(investor)

    client = _client(app, founder)
    page = client.get("/notifications").get_data(as_text=True)
    said = SAID[lang]
    assert said["investor"] % TITLE in page
    assert "#interested" not in page and said["open"] not in page and said["read"] in page
    response = client.post(f"/notifications/{note.id}/open")
    assert response.status_code == 303 and response.location.endswith("/notifications")


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_mutual_match_after_the_investor_deleted_their_account(app, lang):
    founder, pitch, investor, profile = _pair(lang)
    interest.mark(investor, pitch.id, profile.id, "interested")
    interest.mark(founder, pitch.id, profile.id, "interested")
    db.session.commit()
    note = _note(founder, "mutual_match")
    erasure.anonymise(investor)

    client = _client(app, founder)
    page = client.get("/notifications").get_data(as_text=True)
    said = SAID[lang]
    assert said["mutual"] % TITLE in page and said["contacts"] not in page
    # the list of mutual matches keeps the pair, saying the person left
    response = client.post(f"/notifications/{note.id}/open")
    assert response.location.endswith("/matches/mutual")
    assert said["left"] in client.get(response.location).get_data(as_text=True)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_founders_notices_after_they_deleted_their_account(app, lang):
    founder, pitch, investor, profile = _pair(lang)
    other = make_investor(make_user("investor", locale=lang), organisation="Annet Fond")
    interest.mark(founder, pitch.id, other.id, "interested")
    interest.mark(founder, pitch.id, profile.id, "interested")
    interest.mark(investor, pitch.id, profile.id, "interested")
    db.session.commit()
    erasure.anonymise(founder)

    said = SAID[lang]
    page = _client(app, other.user).get("/notifications").get_data(as_text=True)
    assert said["founder"] % said["deleted_pitch"] in page
    assert said["open"] not in page and TITLE not in page
    client = _client(app, investor)
    page = client.get("/notifications").get_data(as_text=True)
    assert said["mutual"] % said["deleted_pitch"] in page and said["contacts"] not in page
    note = _note(investor, "mutual_match")
    response = client.post(f"/notifications/{note.id}/open")
    assert said["left"] in client.get(response.location).get_data(as_text=True)


def test_a_pair_whose_other_side_stays_reads_as_before(app):
    """Guard: the other side's notices are untouched by someone else's deletion."""
    founder, pitch, investor, profile = _pair("en")
    interest.mark(investor, pitch.id, profile.id, "interested")
    interest.mark(founder, pitch.id, profile.id, "interested")
    db.session.commit()
    erasure.anonymise(make_user("investor"))
    page = _client(app, founder).get("/notifications").get_data(as_text=True)
    assert "Mutual interest: Fjordfond AS and you are both interested" in page
    assert "#interested" not in page  # Open posts; the link is the notice's
    assert SAID["en"]["open"] in page
