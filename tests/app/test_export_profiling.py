"""A person's data download holds what the matching engine worked out about them (GDPR
art. 15: the right of access covers profiling): a founder the stored match scores of their
pitches, an investor those of their profile, each with its components, reasons and the
sentence in the person's language; their invitations with the value, rank and reasons the
engine proposed them by, and their meetings with the value the schedule placed the pair by.
Before, the download held none of it ("invitations" left value, rank and reasons out,
"meetings" the value).

Only the person's own scores, and of the other side no more than the person's pages show:
an investor only while founders find the profile, a pitch only while the investor may read
it (a draft or hidden pitch carries nothing of itself, pitch_access), and neither once it
said "not for me" to the pair (the pages leave those out; the answer is the other's). Such a
row comes without the other's id, name and shared words. No contact detail, nor the other
people an invitation's reasons name (its "top")."""

from __future__ import annotations

from app.extensions import db
from app.models import Interest, MatchScore
from tests.app.security.principals import log_in
from tests.factories import (
    make_arena,
    make_investor,
    make_invitation,
    make_meeting,
    make_pitch,
    make_user,
)

CONTACT = "kontakt@solfond.no"
PHONE = "+47 955 44 333"


def _score(pitch, profile, score, **fields) -> MatchScore:
    values = {"components": {"text": 0.6, "stage": 1.0}, "shared_terms": ["solenergi"],
              "reasons": ["text_overlap", "stage_fit"], "engine_version": 7}
    values.update(fields)
    row = MatchScore(pitch_id=pitch.id, investor_profile_id=profile.id, score=score, **values)
    db.session.add(row)
    db.session.commit()
    return row


def _passes(side: str, user, pitch, profile) -> None:
    db.session.add(Interest(user_id=user.id, pitch_id=pitch.id, investor_profile_id=profile.id,
                            side=side, kind="not_for_me"))
    db.session.commit()


def _download(app, person) -> tuple[dict, str]:
    client = app.test_client()
    log_in(client, person)
    response = client.get("/account/export")
    assert response.status_code == 200
    return response.get_json(), response.get_data(as_text=True)


def _world():
    founder = make_user("founder", name="Kari Solberg", locale="nb")
    pitch = make_pitch(founder, title="Solceller på låvetak")
    other_founder = make_user("founder", name="Ola Vind")
    other_pitch = make_pitch(other_founder, title="Vindmøller i fjorden")
    investor = make_user("investor", name="Per Fond", phone=PHONE, locale="en")
    profile = make_investor(investor, organisation="Solfondet AS", contact_email=CONTACT,
                            contact_phone=PHONE)
    quiet = make_user("investor", name="Stille Investor")
    quiet_profile = make_investor(quiet, organisation="Stille Kapital AS", active=False)
    return founder, pitch, other_founder, other_pitch, investor, profile, quiet, quiet_profile


def test_a_founder_gets_the_scores_of_their_pitch(app):
    founder, pitch, _, other_pitch, _, profile, _, quiet_profile = _world()
    passing = make_user("investor")
    passing_profile = make_investor(passing, organisation="Nei Takk Invest")
    _score(pitch, profile, 0.81)
    _score(pitch, quiet_profile, 0.44, shared_terms=["tangdyrking"])
    _score(pitch, passing_profile, 0.62)
    _passes("investor", passing, pitch, passing_profile)
    _score(other_pitch, profile, 0.93, shared_terms=["vindkraft"])

    data, text = _download(app, founder)

    rows = data["pitch_match_scores"]
    assert [(r["pitch_id"], r["investor_profile_id"], r["score"]) for r in rows] == [
        (pitch.id, profile.id, 0.81), (pitch.id, None, 0.62), (pitch.id, None, 0.44)]
    best = rows[0]
    assert best["pitch_title"] == "Solceller på låvetak"
    assert best["investor_organisation"] == "Solfondet AS"
    assert best["components"] == {"text": 0.6, "stage": 1.0}
    assert best["shared_terms"] == ["solenergi"]
    assert best["reasons"] == ["text_overlap", "stage_fit"]
    assert best["engine_version"] == 7 and best["computed_at"].endswith("+00:00")
    # in the founder's language (bokmål), as their pitch's page says it
    assert best["explanation"] == "Både pitchen din og investoren nevner solenergi; fasen passer."
    # an investor founders no longer find is not named, nor are the words of their text;
    # nor is one that said "not for me" to the pitch
    for unnamed in rows[1:]:
        assert unnamed["investor_organisation"] is None and unnamed["shared_terms"] == []
        assert unnamed["explanation"] == "Fasen passer."
    assert "Stille Kapital" not in text and "tangdyrking" not in text
    assert "Nei Takk" not in text and str(passing_profile.id) not in [
        str(r["investor_profile_id"]) for r in rows]
    # another founder's pitch, the investor's contact details: not the founder's
    assert other_pitch.id not in [r["pitch_id"] for r in rows]
    assert "Vindmøller" not in text and "vindkraft" not in text
    assert CONTACT not in text and PHONE not in text
    assert data["investor_match_scores"] == []


def test_an_investor_gets_the_scores_of_their_profile(app):
    founder, pitch, _, other_pitch, investor, profile, _, quiet_profile = _world()
    draft = make_pitch(make_user("founder"), title="Hemmelig utkast", status="draft")
    passing = make_user("founder")
    passed = make_pitch(passing, title="Ikke for deg")
    _score(pitch, profile, 0.81)
    _score(other_pitch, profile, 0.52, shared_terms=["vindkraft"], reasons=["text_overlap"])
    _score(passed, profile, 0.4)
    _passes("founder", passing, passed, profile)
    _score(draft, profile, 0.3, shared_terms=["hemmelighet"])
    _score(pitch, quiet_profile, 0.44)  # another investor's

    data, text = _download(app, investor)

    rows = data["investor_match_scores"]
    assert [(r["pitch_id"], r["pitch_title"], r["score"]) for r in rows] == [
        (pitch.id, "Solceller på låvetak", 0.81), (other_pitch.id, "Vindmøller i fjorden", 0.52),
        (None, None, 0.4), (None, None, 0.3)]
    assert all(r["investor_profile_id"] == profile.id for r in rows)
    # in the investor's language and own words (the factory thesis writes "solkraft"), as
    # their recommendations say it
    assert rows[0]["explanation"] == "Both the pitch and your profile mention solkraft; " \
                                     "the stage fits."
    assert rows[1]["shared_terms"] == ["vindkraft"]
    # a draft is the founder's alone: nothing of it, its words included; nor is a pitch
    # whose founder said "not for me" to the investor named
    assert rows[3]["shared_terms"] == [] and "Hemmelig" not in text and "hemmelighet" not in text
    assert "Ikke for deg" not in text
    assert quiet_profile.id not in [r["investor_profile_id"] for r in rows]
    assert data["pitch_match_scores"] == []
    assert founder.email not in text


def test_invitations_and_meetings_carry_what_the_engine_gave_them(app):
    founder, pitch, _, _, investor, profile, _, _ = _world()
    arena = make_arena()
    reasons = {"value": 1.52, "best": 2, "good": 1, "good_threshold": 0.5,
               "top": ["Solfondet AS", "Stille Kapital AS"], "theme_fit": 0.8,
               "association": "asker", "quota": 2, "chosen": 3, "quota_seat": False,
               "in_room": True}
    f_inv = make_invitation(arena, founder, "accepted", pitch_id=pitch.id, rank=3, value=1.52,
                            reasons=reasons)
    i_inv = make_invitation(arena, investor, "accepted", rank=1, value=2.25,
                            reasons={"added_by_staff": True})
    make_meeting(arena, f_inv, i_inv, value=0.81)

    data, text = _download(app, founder)

    [invitation] = data["invitations"]
    assert (invitation["rank"], invitation["value"]) == (3, 1.52)
    assert invitation["reasons"] == {k: v for k, v in reasons.items() if k != "top"}
    # the others the reasons name are not the founder's
    assert "Stille Kapital" not in text and "Solfondet" not in text
    [meeting] = data["meetings"]
    assert meeting["value"] == 0.81

    data, _ = _download(app, investor)
    [invitation] = data["invitations"]
    assert (invitation["rank"], invitation["value"], invitation["reasons"]) \
        == (1, 2.25, {"added_by_staff": True})
    assert data["meetings"][0]["value"] == 0.81
