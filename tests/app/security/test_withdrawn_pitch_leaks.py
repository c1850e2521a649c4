"""A pitch once published, answered and met over, then withdrawn: made a draft again by its
founder ("only you can see it") or hidden by staff. Unique strings planted in it (its
description and summary, and the title and text the founder writes into the draft
afterwards) appear in no response to another founder or investor: pages, exports, API
answers, calendar files, walked over every GET route with the ids of the pitch, the people,
the arena and its meeting filled in. The investor of the mutual match still gets the pair,
as withdrawn, with the founder's contact details (they agreed to share them)."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.services import interest, moderation, pitches
from tests.app.security.principals import log_in
from tests.app.security.test_contact_leaks import _every_get, _text
from tests.factories import (
    make_arena,
    make_investor,
    make_invitation,
    make_meeting,
    make_pitch,
    make_user,
)

SUMMARY = "Sammendrag-qz7Kp2 om havvind"
DESCRIPTION = "Beskrivelse-wX93tL: vår hemmelige turbinprototype"
DRAFT_TITLE = "Utkast-tittel-Rj58Vn"
DRAFT_TEXT = "Utkast-tekst-Mb41Qs skrevet etter tilbaketrekkingen"


@pytest.fixture
def world(app):
    """Founder F's pitch: a mutual match with investor M, saved by investor S, answered by
    F towards investor A (who got a notice naming it); F and M meet at a scheduled arena
    of Asker's; founder B and investor N look on."""
    founder = make_user("founder", "f@havvind.no", name="Founder F", phone="+47 90000001")
    pitch = make_pitch(founder, title="Havvind for fiskeoppdrett", summary=SUMMARY,
                       description=DESCRIPTION)
    people = {tag: make_investor(make_user("investor", f"{tag}@fond.no", name=f"Investor {tag}"),
                                 organisation=f"Fond {tag}")
              for tag in ("M", "S", "A", "N")}
    interest.mark(founder, pitch.id, people["M"].id, "interested")
    interest.mark(people["M"].user, pitch.id, people["M"].id, "interested")
    interest.mark(people["S"].user, pitch.id, people["S"].id, "saved")
    interest.mark(founder, pitch.id, people["A"].id, "interested")
    other = make_user("founder", "b@annen.no", name="Founder B")
    other_pitch = make_pitch(other, title="Annen pitch")
    arena = make_arena(status="scheduled")
    f_inv = make_invitation(arena, founder, "accepted", pitch_id=pitch.id)
    m_inv = make_invitation(arena, people["M"].user, "accepted")
    make_invitation(arena, people["N"].user, "accepted")
    make_invitation(arena, other, "accepted", pitch_id=other_pitch.id)
    meeting = make_meeting(arena, f_inv, m_inv)
    db.session.commit()
    readers = [p.user for p in people.values()] + [other]
    ids = {"pitch": [pitch.id, other_pitch.id],
           "investor_profile": [p.id for p in people.values()],
           "user": [founder.id] + [u.id for u in readers], "arena": [arena.id],
           "meeting": [meeting.id], "invitation": [f_inv.id]}
    return {"founder": founder, "pitch": pitch, "M": people["M"], "readers": readers,
            "ids": ids}


def _leaks(app, world, planted: list[str]) -> list[str]:
    found = []
    for reader in world["readers"]:
        for url, text in _every_get(app, reader, world["ids"], "Founder").items():
            found += [f"{s!r} to {reader.email} in {url}" for s in planted if s in text]
    return found


def _matches_of(app, user) -> list[dict]:
    from app.services import api_tokens

    token = api_tokens.create(user, "withdrawn", "read", 1).plain
    response = app.test_client().get("/api/v1/matches",
                                     headers={"Authorization": f"Bearer {token}"})
    return response.get_json()["items"]


def test_an_unpublished_pitch_leaves_nothing_to_others(app, world):
    pitch = world["pitch"]
    # published, the mutual investor reads it through the API
    assert _matches_of(app, world["M"].user)[0]["pitch"]["description"] == DESCRIPTION
    pitches.unpublish(pitch)
    pitch.title, pitch.description = DRAFT_TITLE, DRAFT_TEXT  # the founder edits the draft
    db.session.commit()
    assert not _leaks(app, world, [SUMMARY, DESCRIPTION, DRAFT_TITLE, DRAFT_TEXT])
    # the pair stays, as withdrawn, with the founder's contact details
    (match,) = _matches_of(app, world["M"].user)
    assert match["pitch"] is None and match["pitch_withdrawn"] is True
    assert match["pitch_id"] == pitch.id
    assert match["contact"]["email"] == world["founder"].email
    # the founder still reads their own draft in their matches
    (own,) = _matches_of(app, world["founder"])
    assert own["pitch"]["title"] == DRAFT_TITLE and own["pitch_withdrawn"] is False


def test_a_hidden_pitch_leaves_nothing_to_others(app, world):
    pitch = world["pitch"]
    moderation.hide(pitch, "Grunn-Hz62Wd fra moderator", make_user("staff", association="asker"))
    title = pitch.title
    assert not _leaks(app, world, [SUMMARY, DESCRIPTION, "Grunn-Hz62Wd"])
    (match,) = _matches_of(app, world["M"].user)
    assert match["pitch"] is None and match["pitch_withdrawn"] is True
    # its title, told in notices while it was public, is off the pair's pages and files
    client = app.test_client()
    log_in(client, world["M"].user)
    arena_id = world["ids"]["arena"][0]
    for url in ("/matches/mutual", "/exports/matches.csv", "/exports/matches.xlsx",
                f"/arenas/{arena_id}/agenda", f"/arenas/{arena_id}/agenda.ics",
                f"/arenas/{arena_id}/participants"):
        assert title not in _text(client.get(url)), url
