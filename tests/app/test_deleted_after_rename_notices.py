"""Deleting an account takes the person out of other people's notifications also under a
name or pitch title they have since changed. A notice keeps the words it was made with; the
deletion replaced only the name and titles as they were at the end, so an investor's "Mutual
interest: Ingrid Haugland and you ..." or "Ingrid Haugland asks to meet you" still named a
founder who had later written her name as "Ingrid H." and then deleted her account."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import Notification
from app.services import account_details, deleted_accounts, erasure, interest, notifications
from tests.factories import make_investor, make_pitch, make_user


def _notes_of(user) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)))


def _texts(user) -> str:
    return " | ".join(notifications.text(n) + repr(n.params) for n in _notes_of(user))


def test_a_mutual_match_notice_forgets_the_old_name_and_title(app):
    founder = make_user("founder", name="Ingrid Haugland")
    pitch = make_pitch(founder, title="Ingrids tangfarm")
    investor = make_user("investor", name="Per Haugen")
    profile = make_investor(investor, organisation="Havfond AS")
    interest.mark(founder, pitch.id, profile.id, "interested")
    interest.mark(investor, pitch.id, profile.id, "interested")
    db.session.commit()
    assert "Ingrid Haugland" in _texts(investor) and "Ingrids tangfarm" in _texts(investor)
    account_details.update_details(founder, "Ingrid H.", None, "nb")
    pitch.title = "Tang fra fjorden"
    db.session.commit()

    with app.test_request_context():
        erasure.anonymise(founder)

    seen = _texts(investor)
    for old in ("Ingrid Haugland", "Ingrids tangfarm", "Ingrid H.", "Tang fra fjorden"):
        assert old not in seen, old
    with app.test_request_context():
        assert "Deleted user" in _texts(investor) and "Deleted pitch" in _texts(investor)


def test_an_investors_old_organisation_leaves_the_founders_notice(app):
    founder = make_user("founder", name="Ingrid Haugland")
    pitch = make_pitch(founder, title="Ingrids tangfarm")
    investor = make_user("investor", name="Per Haugen")
    profile = make_investor(investor, organisation="Havfond AS")
    interest.mark(investor, pitch.id, profile.id, "interested")
    db.session.commit()
    assert "Havfond AS" in _texts(founder)
    profile.organisation = "Haugen Kapital"
    db.session.commit()

    erasure.anonymise(investor)

    assert "Havfond AS" not in _texts(founder) and "Haugen Kapital" not in _texts(founder)
    assert "Ingrids tangfarm" in _texts(founder)  # the founder's own title stays


def test_a_meeting_request_notice_forgets_the_askers_old_name(waiting_requests):
    founder, asked = waiting_requests["founder"], waiting_requests["asked"]
    old_name = founder.name
    assert old_name in _texts(asked)
    account_details.update_details(founder, "Nytt Navn", None, "nb")
    db.session.commit()

    erasure.anonymise(founder)

    assert old_name not in _texts(asked) and "Nytt Navn" not in _texts(asked)
    # the other people named in the asked investor's notices stay named
    other = waiting_requests["other_founder"]
    assert all(n.params.get("who") != deleted_accounts.DELETED_NAME
               for n in _notes_of(other))


def test_a_namesakes_notices_keep_their_name(app):
    """Two founders called Kari Nordmann: deleting one leaves the other's name in the notices
    that are about her (their ids tell whose they are)."""
    leaving = make_user("founder", name="Kari Nordmann")
    leaving_pitch = make_pitch(leaving, title="Kari sin pitch")
    staying = make_user("founder", name="Kari Nordmann")
    pitch = make_pitch(staying, title="Tareskogen")
    investor = make_user("investor", name="Per Haugen")
    profile = make_investor(investor, organisation="Havfond AS")
    for owner, p in ((leaving, leaving_pitch), (staying, pitch)):
        interest.mark(owner, p.id, profile.id, "interested")
        interest.mark(investor, p.id, profile.id, "interested")
    db.session.commit()

    erasure.anonymise(leaving)

    others = {n.params["pitch_id"]: n.params["other"] for n in _notes_of(investor)
              if n.kind == "mutual_match"}
    assert others == {leaving_pitch.id: deleted_accounts.DELETED_NAME, pitch.id: "Kari Nordmann"}
