"""A person who leaves Koble (deletes their account, or an admin deactivates it) leaves the
arenas not yet held: their meetings there are called off (slots freed, the other side told,
in their language, only that the other participant is no longer on Koble), their seat ends.
A mutual match with them shows no contact details and no placeholder address, but says they
left. Held arenas keep their record. Before, the deleted founder's meetings stayed on the
investor's agenda and the staff schedule with the address deleted-…@deleted.invalid, the
mutual match offered it as a way to "still reach the founder", and nobody was told."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Arena, InvestorProfile, Invitation, Meeting, Notification, User
from app.services import account_access, interest
from app.services.schedule import meetings
from tests.app.leaving import deactivate_as_admin, delete_own_account
from tests.app.security.principals import log_in
from tests.factories import (
    make_arena,
    make_investor,
    make_invitation,
    make_meeting,
    make_participant,
    make_pitch,
    make_user,
    outbox_of,
)

FOUNDER_EMAIL = "ase.berg@grunder.no"
FOUNDER_PHONE = "+47 912 34 567"


@pytest.fixture
def world():
    """Åse (founder) has a mutual match with an investor who reads bokmål and another who
    reads English; both meet her at an upcoming scheduled arena, and the first met her at
    an arena held last month. Another pair meets at the upcoming arena too."""
    founder = make_user("founder", FOUNDER_EMAIL, name="Åse Berg", phone=FOUNDER_PHONE)
    pitch = make_pitch(founder, title="Åses tare")
    nb = make_user("investor", "investor@fond.no", name="Nina Bø", locale="nb")
    en = make_user("investor", "investor@fund.com", name="Eve North", locale="en")
    profiles = {u.id: make_investor(u) for u in (nb, en)}
    for investor in (nb, en):
        interest.mark(founder, pitch.id, profiles[investor.id].id, "interested")
        interest.mark(investor, pitch.id, profiles[investor.id].id, "interested")
    db.session.commit()
    upcoming = make_arena(status="scheduled", schedule_sequence=1)
    f_inv = make_invitation(upcoming, founder, "accepted", pitch_id=pitch.id)
    nb_inv = make_invitation(upcoming, nb, "accepted")
    en_inv = make_invitation(upcoming, en, "accepted")
    make_meeting(upcoming, f_inv, nb_inv, slot=0, table=0)
    make_meeting(upcoming, f_inv, en_inv, slot=1, table=0)
    others = make_participant(upcoming, "founder"), make_participant(upcoming, "investor")
    make_meeting(upcoming, *others, slot=0, table=1)
    held = make_arena(status="done", title="Fjorårets arena",
                      date=(datetime.now(UTC) - timedelta(days=30)).date(),
                      rsvp_deadline=datetime.now(UTC) - timedelta(days=37))
    make_meeting(held, make_invitation(held, founder, "accepted", pitch_id=pitch.id),
                 make_invitation(held, nb, "accepted"))
    return {"founder": founder, "pitch": pitch, "nb": nb, "en": en, "upcoming": upcoming,
            "held": held, "others": others}


def _page(app, user, url: str) -> str:
    client = app.test_client()
    log_in(client, user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def _states(arena) -> list[str]:
    db.session.expire_all()
    return [m.state for m in db.session.scalars(select(Meeting).where(
        Meeting.arena_id == arena.id).order_by(Meeting.slot, Meeting.table))]


def _notes(user) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(
        Notification.user_id == user.id).order_by(Notification.id)))


def _mails_to(app, user, since: int = 0) -> list:
    return [m for m in outbox_of(app)[since:] if user.email in m.to]


@pytest.mark.parametrize("leave", [delete_own_account, deactivate_as_admin])
def test_leaving_calls_off_the_upcoming_meetings_and_tells_each_partner(app, world, leave):
    upcoming, founder, nb, en = (world[k] for k in ("upcoming", "founder", "nb", "en"))
    sequence = upcoming.schedule_sequence
    mails_before = len(outbox_of(app))
    leave(app, founder)

    # The staff schedule: her two meetings are off (slots free), the other pair's stays.
    assert _states(upcoming) == ["cancelled", "scheduled", "cancelled"]
    arena = db.session.get(Arena, upcoming.id)
    assert [m.founder_user_id for m in meetings(arena)] == [world["others"][0].user_id]
    assert arena.schedule_sequence > sequence  # calendar apps drop the events
    invitation = db.session.scalar(select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.user_id == founder.id))
    assert invitation.state == "cancelled"
    staff = make_user("staff", association="asker")
    schedule = _page(app, staff, f"/staff/arenas/{arena.id}/schedule")
    assert "deleted.invalid" not in schedule and FOUNDER_EMAIL not in schedule

    # Each partner: a notice and an e-mail in their language, saying no more than that.
    for investor, time in ((nb, "09:00"), (en, "09:15")):
        (note,) = [n for n in _notes(investor) if n.kind == "partner_left"]
        assert note.link == f"/arenas/{arena.id}/agenda"
        assert note.params["time"] == time and "who" not in note.params
        agenda = _page(app, investor, f"/arenas/{arena.id}/agenda")
        assert "Åse Berg" not in agenda and "Slettet bruker" not in agenda
        assert "deleted.invalid" not in agenda and FOUNDER_EMAIL not in agenda
    (nb_mail,) = _mails_to(app, nb, mails_before)
    assert nb_mail.subject == "Et møte på Grønn arena er avlyst"
    assert ("Møtet ditt på «Grønn arena» (kl. 09:00) er avlyst: den andre deltakeren er "
            "ikke lenger på Koble.") in nb_mail.body
    (en_mail,) = _mails_to(app, en, mails_before)
    assert ("Your meeting at “Grønn arena” (09:15) is called off: the other participant is "
            "no longer on Koble.") in en_mail.body
    for mail in outbox_of(app)[mails_before:]:
        if mail.to == [FOUNDER_EMAIL]:
            continue  # her own account mail (account_notices) is to her, by her name
        assert "Åse" not in mail.body and "deleted.invalid" not in mail.body
    # The other pair is not told anything.
    assert not _notes(world["others"][1].user)


@pytest.mark.parametrize("leave, says", [
    (delete_own_account, "Denne personen har forlatt Koble"),
    (deactivate_as_admin, "Denne personens konto er ikke aktiv på Koble"),
])
def test_a_mutual_match_with_someone_who_left_shows_no_contact_and_says_so(app, world, leave,
                                                                          says):
    founder, nb, pitch = world["founder"], world["nb"], world["pitch"]
    before = _page(app, nb, "/matches/mutual")
    assert FOUNDER_EMAIL in before and says not in before
    leave(app, founder)
    stored = db.session.get(User, founder.id).email
    page = _page(app, nb, "/matches/mutual")
    assert says in page
    for secret in (FOUNDER_EMAIL, FOUNDER_PHONE, stored, "deleted.invalid", "mailto:"):
        assert secret not in page, secret
    assert "du kan fortsatt nå gründeren" not in page
    if leave is delete_own_account:  # nothing of the pitch is left to open
        assert f'href="/pitches/{pitch.id}"' not in page and "Slettet pitch" in page
    # The API, the match export and the agenda of the held arena the same way.
    client = app.test_client()
    log_in(client, nb)
    for url in ("/exports/matches.csv", "/exports/matches.xlsx",
                f"/arenas/{world['held'].id}/agenda", f"/arenas/{world['held'].id}/agenda.ics"):
        body = client.get(url).get_data()
        for secret in (FOUNDER_EMAIL, FOUNDER_PHONE, stored, "deleted.invalid"):
            assert secret.encode() not in body, (url, secret)
    from app.services import api_tokens

    token = api_tokens.create(nb, "test", "read", 1).plain
    (item,) = [i for i in client.get("/api/v1/matches", headers={
        "Authorization": f"Bearer {token}"}).get_json()["items"] if i["pitch_id"] == pitch.id]
    assert item["contact"]["email"] is None and item["contact"]["phone"] is None


def test_the_english_card_says_the_person_left(app, world):
    delete_own_account(app, world["founder"])
    page = _page(app, world["en"], "/matches/mutual")
    assert ("This person has left Koble: their account is deleted, and their contact details "
            "with it.") in page


def test_a_founder_sees_that_a_deactivated_investor_is_not_active(app, world):
    deactivate_as_admin(app, world["nb"])
    page = _page(app, world["founder"], "/matches/mutual")
    assert ("This person's account is not active on Koble, so their contact details are not "
            "shown.") in page
    kept, gone = (db.session.scalar(select(InvestorProfile).where(
        InvestorProfile.user_id == world[who].id)) for who in ("en", "nb"))
    assert "investor@fond.no" not in page
    assert not gone.contact_email or gone.contact_email not in page
    assert page.count("mailto:") == 1  # the other match keeps its contacts
    assert f"mailto:{kept.contact_email or 'investor@fund.com'}" in page


def test_a_held_arena_keeps_its_record_with_the_anonymised_name(app, world):
    held, nb = world["held"], world["nb"]
    delete_own_account(app, world["founder"])
    assert _states(held) == ["scheduled"]
    assert db.session.scalar(select(Invitation.state).where(
        Invitation.arena_id == held.id, Invitation.user_id == world["founder"].id)) \
        == "accepted"
    agenda = _page(app, nb, f"/arenas/{held.id}/agenda")
    assert "Slettet bruker" in agenda and "Åse Berg" not in agenda
    assert "deleted.invalid" not in agenda
    assert not [n for n in _notes(nb) if n.params.get("arena_id") == held.id]


def test_reactivation_brings_no_called_off_meeting_back(app, world):
    founder, upcoming = world["founder"], world["upcoming"]
    admin = deactivate_as_admin(app, founder)
    client = app.test_client()
    log_in(client, admin)
    assert client.post(f"/admin/users/{founder.id}/reactivate").status_code == 303
    assert db.session.get(User, founder.id).active
    assert _states(upcoming) == ["cancelled", "scheduled", "cancelled"]
    assert db.session.scalar(select(Invitation.state).where(
        Invitation.arena_id == upcoming.id, Invitation.user_id == founder.id)) == "cancelled"
    # ...and her contacts are back for the mutual match.
    assert FOUNDER_EMAIL in _page(app, world["nb"], "/matches/mutual")


def test_leaving_frees_the_seat_for_the_waiting_list_and_drops_unsent_proposals(app):
    arena = make_arena(founder_capacity=1)
    founder = make_participant(arena, "founder")
    waiting = make_participant(arena, "founder", state="waiting_list", rank=2)
    draft = make_arena(status="draft")
    make_invitation(draft, founder.user, "proposed", pitch_id=founder.pitch_id)
    account_access.set_active(founder.user, False)
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).state == "cancelled"
    assert db.session.get(Invitation, waiting.id).state == "invited"
    assert db.session.scalar(select(Invitation).where(Invitation.arena_id == draft.id)) is None
