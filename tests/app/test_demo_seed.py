"""`flask demo seed`: counts, coverage, determinism, idempotence and working demo logins."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from app.demo.generator import DEMO_PASSWORD, STAGE_ASKS, generate
from app.extensions import db
from app.models import Association, InvestorProfile, Pitch, User
from app.vocabulary import (
    ASSOCIATIONS,
    FUNDING_TYPES,
    GREEN_MANDATES,
    GREEN_OBJECTIVES,
    INVESTOR_TYPES,
    PARTNER,
    SECTORS,
    STAGES,
    SUPPORT_KINDS,
)

SMALL = ["demo", "seed", "--pitches", "40", "--investors", "12", "--seed", "1"]
DAY = date(2025, 6, 2)


def _seed(app, *extra: str):
    result = app.test_cli_runner().invoke(args=[*SMALL, *extra])
    db.session.expire_all()
    return result


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _users_by_role() -> dict[str, int]:
    rows = db.session.execute(select(User.role, func.count()).group_by(User.role))
    return {role: n for role, n in rows}


def test_seed_creates_every_role_pitches_and_profiles(app):
    result = _seed(app)
    assert result.exit_code == 0, result.output

    roles = _users_by_role()
    assert roles["admin"] == 1
    assert roles["staff"] == len(ASSOCIATIONS)
    assert roles["investor"] == 12
    assert 40 / 3 <= roles["founder"] <= 40
    assert _count(Pitch) == 40
    assert _count(InvestorProfile) == 12

    published = db.session.scalar(
        select(func.count()).select_from(Pitch).where(Pitch.status == "published"))
    assert 0.6 <= published / 40 < 1  # mostly published, some drafts
    owners = db.session.scalars(select(Pitch.owner_id).distinct()).all()
    assert all(1 <= _pitches_of(owner) <= 3 for owner in owners)

    investors = db.session.scalars(select(User).where(User.role == "investor")).all()
    profiles = {p.user_id: p for p in db.session.scalars(select(InvestorProfile))}
    assert {u.id for u in investors} == set(profiles)
    for profile in profiles.values():
        assert profile.thesis and profile.organisation
        assert profile.contact_email and profile.contact_phone
        assert profile.sectors and profile.stages and profile.regions
        assert 0 < profile.ticket_min < profile.ticket_max
        assert profile.version == 1
    assert any(p.past_investments > 0 for p in profiles.values())


def _pitches_of(owner_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(Pitch)
                             .where(Pitch.owner_id == owner_id))


def test_seed_spreads_over_every_association_and_vocabulary(app):
    assert _seed(app).exit_code == 0

    founder_associations = set(db.session.scalars(
        select(Association.slug).join(User, User.association_id == Association.id)
        .where(User.role == "founder")))
    assert founder_associations == set(ASSOCIATIONS)
    staff = db.session.scalars(select(User).where(User.role == "staff")).all()
    assert {u.association.slug for u in staff} == set(ASSOCIATIONS)

    pitches = db.session.scalars(select(Pitch)).all()
    assert {s for p in pitches for s in p.sectors} == set(SECTORS)
    assert {p.stage for p in pitches} == set(STAGES)
    assert {o for p in pitches for o in p.green_objectives} == set(GREEN_OBJECTIVES)
    assert {k for p in pitches for k in p.support_needs} == set(SUPPORT_KINDS)
    profiles = db.session.scalars(select(InvestorProfile)).all()
    # Every investor type the demo writes; support partners are not among them yet.
    assert {p.investor_type for p in profiles} == set(INVESTOR_TYPES) - {PARTNER}
    assert {p.green_mandate for p in profiles} == set(GREEN_MANDATES)
    assert {k for p in profiles for k in p.support_offers} == set(SUPPORT_KINDS)
    funding = {p.funding_type for p in pitches} | {f for p in profiles for f in p.funding_types}
    assert funding == set(FUNDING_TYPES)


def test_generator_gives_same_data_for_same_seed_and_other_data_for_another():
    first = generate(pitches=40, investors=12, seed=1, today=DAY)
    again = generate(pitches=40, investors=12, seed=1, today=DAY)
    other = generate(pitches=40, investors=12, seed=2, today=DAY)
    assert first == again
    assert first.pitches != other.pitches
    assert first.investors != other.investors


def test_generated_texts_and_amounts_look_real():
    data = generate(pitches=400, investors=100, seed=3, today=DAY)
    for pitch in data.pitches:
        assert 60 <= len(pitch["description"].split()) <= 150
        assert len(pitch["title"]) <= 120 and len(pitch["summary"]) <= 200
        low, high = STAGE_ASKS[pitch["stage"]]
        assert low * 0.9 <= pitch["ask_nok"] <= high * 1.1
    for profile in data.investors:
        assert 60 <= len(profile["thesis"].split()) <= 150
        if profile["investor_type"] == "angel":
            assert profile["ticket_max"] <= 3_000_000
    locales = [u["locale"] for u in data.users if u["role"] == "founder"]
    assert 0.6 < locales.count("nb") / len(locales) < 0.95  # mostly bokmål, some English
    assert any(p["stages_only"] for p in data.investors)


def test_english_pitch_summaries_read_right_for_plural_products():
    """An English summary joins product and customer with ", helping": "Electric workboats
    that helps aquaculture companies …" was wrong for most products (plurals), on the
    first card an English demo investor saw."""
    data = generate(pitches=200, investors=20, seed=1, today=DAY)
    english = {u["email"] for u in data.users if u["locale"] == "en"}
    summaries = [p["summary"] for p in data.pitches if p["owner"] in english]
    assert len(summaries) > 10
    for summary in summaries:
        assert " that helps " not in summary
        assert ", helping " in summary, summary


def test_demo_investor_thesis_shares_words_with_demo_founders_pitches():
    data = generate(pitches=40, investors=12, seed=1, today=DAY)
    thesis = next(p["thesis"] for p in data.investors if p["user"].startswith("investor@"))
    pitch = next(p for p in data.pitches if p["owner"].startswith("founder@"))

    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 6}

    assert len(words(thesis) & words(pitch["description"])) >= 2


def test_if_empty_second_run_adds_nothing(app):
    assert _seed(app, "--if-empty").exit_code == 0
    before = (_count(User), _count(Pitch), _count(InvestorProfile))

    result = _seed(app, "--if-empty")

    assert result.exit_code == 0
    assert "no demo data added" in result.output
    assert (_count(User), _count(Pitch), _count(InvestorProfile)) == before


def test_seed_without_if_empty_refuses_to_load_twice(app):
    assert _seed(app).exit_code == 0
    before = (_count(User), _count(Pitch))

    result = _seed(app)

    assert result.exit_code != 0
    assert "already" in result.output
    assert (_count(User), _count(Pitch)) == before


def test_output_names_the_demo_logins_and_time(app):
    result = _seed(app)
    for email in ("founder@demo.koble.no", "investor@demo.koble.no",
                  "staff.asker@demo.koble.no", "admin@demo.koble.no"):
        assert email in result.output
    assert DEMO_PASSWORD in result.output
    assert "Good to try" in result.output
    assert re.search(r"in \d+\.\d s", result.output)


@pytest.mark.parametrize("email", ["founder@demo.koble.no", "investor@demo.koble.no",
                                   "staff.asker@demo.koble.no", "admin@demo.koble.no"])
def test_demo_login_works_with_printed_password(app, auth, email):
    result = _seed(app)
    password = re.search(r"password: (\S+)", result.output).group(1)

    response = auth.login(email, password)

    assert response.status_code == 302
    assert "/auth/login" not in response.headers["Location"]


# --- what demo people did: interest, notifications, arenas ----------------------------------
FEATURED = ("founder@demo.koble.no", "investor@demo.koble.no")
LEFT_ALONE = ("founder.en@demo.koble.no", "investor.en@demo.koble.no")  # the English pair


def _user(email: str) -> User:
    return db.session.scalars(select(User).where(User.email == email)).one()


def test_seed_adds_interest_that_names_real_people_and_leaves_the_featured_pair_apart(app):
    from app.models import Interest

    assert _seed(app).exit_code == 0
    marks = db.session.scalars(select(Interest)).all()
    assert len(marks) >= 20
    for mark in marks:
        pitch = db.session.get(Pitch, mark.pitch_id)
        profile = db.session.get(InvestorProfile, mark.investor_profile_id)
        assert pitch.status == "published" and not pitch.hidden
        assert mark.user_id == (pitch.owner_id if mark.side == "founder" else profile.user_id)
        assert mark.kind in ("interested", "not_for_me", "saved")
    kinds = {(m.side, m.kind) for m in marks}
    assert {("investor", "interested"), ("founder", "interested"), ("investor", "saved")} <= kinds
    assert any(kind == "not_for_me" for _side, kind in kinds)

    kari, lars = (_user(e) for e in FEATURED)
    kari_pitches = set(db.session.scalars(select(Pitch.id).where(Pitch.owner_id == kari.id)))
    lars_profile = db.session.scalars(select(InvestorProfile).filter_by(user_id=lars.id)).one()
    assert not [m for m in marks if m.pitch_id in kari_pitches
                and m.investor_profile_id == lars_profile.id]
    for email in LEFT_ALONE:
        user = _user(email)
        assert not [m for m in marks if m.user_id == user.id
                    or db.session.get(Pitch, m.pitch_id).owner_id == user.id
                    or db.session.get(InvestorProfile, m.investor_profile_id).user_id == user.id]

    # Waiting for the featured pair to answer: a few investors, a few founders.
    on_kari = [m for m in marks if m.pitch_id in kari_pitches]
    assert 2 <= len(on_kari) <= 3
    assert all(m.side == "investor" and m.kind == "interested" for m in on_kari)
    on_lars = [m for m in marks if m.investor_profile_id == lars_profile.id]
    from_founders = [m for m in on_lars if m.side == "founder"]
    assert 2 <= len(from_founders) <= 3 and all(m.kind == "interested" for m in from_founders)
    # He has answered a few other pitches himself (the engine counts answers as activity).
    his = [m for m in on_lars if m.side == "investor"]
    assert his and not {m.pitch_id for m in his} & {m.pitch_id for m in from_founders}

    mutual = {(m.pitch_id, m.investor_profile_id) for m in marks
              if m.side == "founder" and m.kind == "interested"} & {
        (m.pitch_id, m.investor_profile_id) for m in marks
        if m.side == "investor" and m.kind == "interested"}
    assert len(mutual) >= 3


def test_featured_pair_sees_the_interest_waiting_for_them(app):
    from app.services.incoming_interest import investors_interested_in, pitches_interested_in

    assert _seed(app).exit_code == 0
    kari, lars = (_user(e) for e in FEATURED)
    published = db.session.scalars(select(Pitch).where(
        Pitch.owner_id == kari.id, Pitch.status == "published")).all()
    waiting = [row for p in published for row in investors_interested_in(p)]
    assert 2 <= len(waiting) <= 3 and not any(row.mutual for row in waiting)
    profile = db.session.scalars(select(InvestorProfile).filter_by(user_id=lars.id)).one()
    incoming = pitches_interested_in(profile)
    assert 2 <= len(incoming) <= 3 and not any(row.mutual for row in incoming)


def test_notifications_are_those_the_marks_would_send_and_read_in_both_languages(app):
    from flask_babel import force_locale

    from app.models import Interest, Notification
    from app.services import notifications

    assert _seed(app).exit_code == 0
    notes = db.session.scalars(select(Notification).where(
        Notification.kind != "arena_invited")).all()  # the arenas' (below)
    assert {n.kind for n in notes} == {"interest_from_investor", "interest_from_founder",
                                       "mutual_match"}
    for note in notes:
        sides = {m.side: m.kind for m in db.session.scalars(select(Interest).where(
            Interest.pitch_id == note.params["pitch_id"],
            Interest.investor_profile_id == note.params["investor_id"]))}
        pitch = db.session.get(Pitch, note.params["pitch_id"])
        profile = db.session.get(InvestorProfile, note.params["investor_id"])
        assert note.params["pitch"] == pitch.title
        if note.kind == "mutual_match":
            assert sides == {"founder": "interested", "investor": "interested"}
            assert note.user_id in (pitch.owner_id, profile.user_id)
            assert note.link == "/matches/mutual"
        elif note.kind == "interest_from_investor":
            assert sides["investor"] == "interested" and note.user_id == pitch.owner_id
            assert note.params["other"] == profile.organisation
            assert note.link == f"/pitches/{pitch.id}/matches#interested"
        else:
            assert sides["founder"] == "interested" and note.user_id == profile.user_id
            assert note.link == f"/pitches/{pitch.id}"
        for locale in ("nb", "en"):
            with force_locale(locale):
                assert pitch.title in notifications.text(note)
    kari, lars = (_user(e) for e in FEATURED)
    for user in (kari, lars):
        mine = [n for n in notes if n.user_id == user.id]
        # and the upcoming arena's invitation
        assert 2 <= len(mine) <= 3 and notifications.unread_count(user) == len(mine) + 1
    for email in LEFT_ALONE:  # the incoming-interest browser journey counts Emma's bell
        assert not [n for n in notes if n.user_id == _user(email).id]
    assert any(n.read_at is not None for n in notes)  # older notices were read


def _arenas():
    from app.models import Arena

    return db.session.scalars(select(Arena).order_by(Arena.date)).all()


def test_held_arena_has_a_schedule_that_keeps_every_rule_attendance_and_feedback(app):
    from app.models import Invitation, Meeting, MeetingFeedback
    from app.services import feedback
    from app.services.feedback_learning import DEFAULT_MIN_PAIRS
    from tests.app.test_schedule_build import check_rules

    assert _seed(app).exit_code == 0
    held, upcoming = _arenas()
    assert held.status == "done" and held.date < date.today() < upcoming.date
    assert [a.slug for a in held.hosts] == ["asker"]
    assert held.deadline_passed() and held.schedule_sequence == 1
    invitations = db.session.scalars(select(Invitation).filter_by(arena_id=held.id)).all()
    accepted = [i for i in invitations if i.state == "accepted"]
    for side in ("founder", "investor"):
        assert 0 < sum(i.side == side for i in accepted) <= held.capacity(side)
    assert {i.state for i in invitations} == {"accepted", "declined"}
    assert all(i.attended is not None for i in accepted)
    assert any(i.attended is False for i in accepted)  # a no-show
    featured = {_user(e).id for e in FEATURED + LEFT_ALONE}
    assert not featured & {i.user_id for i in invitations}

    meetings = db.session.scalars(select(Meeting).filter_by(arena_id=held.id)).all()
    assert len(meetings) >= 10
    check_rules(held, meetings, accepted)
    pitch_of = {i.user_id: i.pitch_id for i in accepted if i.side == "founder"}
    for meeting in meetings:
        assert meeting.state == "scheduled"
        assert meeting.pitch_id == pitch_of[meeting.founder_user_id]
        assert meeting.investor_user_id in {i.user_id for i in accepted if i.side == "investor"}
    assert {m.source for m in meetings} == {"mutual", "one_sided", "suggestion"}

    answers = db.session.scalars(select(MeetingFeedback)).all()
    assert any(a.worth_it for a in answers)
    by_meeting = {m.id: m for m in meetings}
    for answer in answers:
        assert answer.user_id in (by_meeting[answer.meeting_id].founder_user_id,
                                  by_meeting[answer.meeting_id].investor_user_id)
    # Few poor pairs: the engine keeps the admin's weights on the demo (no re-ranking).
    assert len(feedback.negative_pairs()) < DEFAULT_MIN_PAIRS


def test_upcoming_arena_invites_the_featured_pair_who_can_still_answer(app):
    from app.models import Invitation
    from app.services import rsvp

    assert _seed(app).exit_code == 0
    _held, upcoming = _arenas()
    assert upcoming.status == "inviting" and not upcoming.deadline_passed()
    assert [a.slug for a in upcoming.hosts] == ["asker"]
    invitations = db.session.scalars(select(Invitation).filter_by(arena_id=upcoming.id)).all()
    assert {"accepted", "declined", "invited"} <= {i.state for i in invitations}
    for side in ("founder", "investor"):
        seated = [i for i in invitations if i.side == side and i.state in rsvp.SEATED]
        assert len(seated) <= upcoming.capacity(side)
    kari, lars = (_user(e) for e in FEATURED)
    mine = {i.user_id: i for i in invitations if i.user_id in (kari.id, lars.id)}
    assert set(mine) == {kari.id, lars.id}
    assert all(i.state == "invited" and i.answered_at is None and i.invited_at for i in
               mine.values())
    assert db.session.get(Pitch, mine[kari.id].pitch_id).owner_id == kari.id

    for invitation in mine.values():  # a seat is free for each of them
        assert rsvp.answer(invitation.id, accept=True)[1] == "accepted"


def test_every_invitee_has_the_invitations_notice_unread_until_answered(app, client, auth):
    """As sending it leaves it (arena_notices.invited): the featured pair, invited and not
    answering, find it waiting in their notifications with the badge counting it."""
    from app.models import Invitation, Notification

    assert _seed(app).exit_code == 0
    arenas = {a.id: a for a in _arenas()}
    invitations = db.session.scalars(select(Invitation)).all()
    notes = db.session.scalars(select(Notification).filter_by(kind="arena_invited")).all()
    assert sorted((n.user_id, n.params["arena_id"]) for n in notes) == sorted(
        (i.user_id, i.arena_id) for i in invitations)
    answered = {(i.user_id, i.arena_id) for i in invitations if i.answered_at is not None}
    for note in notes:
        arena = arenas[note.params["arena_id"]]
        assert note.link == f"/arenas/{arena.id}" and note.params["arena"] == arena.title
        assert note.params["date"] == arena.date.isoformat()
        assert (note.read_at is not None) == ((note.user_id, arena.id) in answered)

    upcoming = _arenas()[1]
    auth.login(FEATURED[0], DEMO_PASSWORD)
    client.post("/language", data={"lang": "nb"})
    page = client.get("/notifications").get_data(as_text=True)
    assert f"Du er invitert til «{upcoming.title}»" in html.unescape(page)
    note = next(n for n in notes if n.user_id == _user(FEATURED[0]).id)
    opened = client.post(f"/notifications/{note.id}/open")
    assert opened.headers["Location"].endswith(f"/arenas/{upcoming.id}")
    assert client.get(opened.headers["Location"]).status_code == 200


def test_staff_dashboard_counts_the_demo_arenas_and_funnel(app, client, auth):
    from app.services import dashboard
    from app.services.dashboard_funnel import platform_funnel

    result = _seed(app)
    assert result.exit_code == 0
    assert re.search(r"\d+ interest marks, \d+ notifications, 2 arenas with \d+ meetings",
                     result.output)
    total = dashboard.overview(_user("staff.asker@demo.koble.no"))["total"].numbers
    assert total["invited"] > 0 and total["attended"] > 0
    assert total["meetings_held"] > 0 and total["worth_it"] > 0
    funnel = platform_funnel(None)
    for side, steps in ((funnel.pitches, ("interested", "mutual", "met")),
                        (funnel.investors, ("interested", "mutual", "met"))):
        assert all(side.total.numbers[step] > 0 for step in steps), side.total.numbers

    auth.login("staff.asker@demo.koble.no", DEMO_PASSWORD)
    for arena in _arenas():
        for page in ("", "/invitations", "/schedule", "/attendance"):
            assert client.get(f"/staff/arenas/{arena.id}{page}").status_code == 200
    assert client.get("/staff/dashboard").status_code == 200


def test_activity_is_the_same_for_a_seed_and_day_and_leaves_people_as_they_were():
    first = generate(pitches=200, investors=60, seed=5, today=DAY)
    again = generate(pitches=200, investors=60, seed=5, today=DAY)
    other = generate(pitches=200, investors=60, seed=6, today=DAY)
    assert first.interests == again.interests and first.arenas == again.arenas
    assert first.meetings == again.meetings and first.notifications == again.notifications
    assert first.interests != other.interests
    held, upcoming = first.arenas
    assert held["date"] < DAY < upcoming["date"]
    assert upcoming["rsvp_deadline"].date() > DAY
    # Tiny runs have nobody to mark or invite but the featured pair, and stay empty.
    tiny = generate(pitches=2, investors=1, seed=1, today=DAY)
    assert not tiny.interests and not tiny.arenas and not tiny.notifications


def _dated(rows, names=("created_at", "updated_at", "published_at", "answered_at",
                        "read_at", "schedule_published_at")):
    for row in rows:
        for name in names:
            if isinstance(row.get(name), datetime):
                yield name, row[name]


def test_generator_dates_no_record_after_the_start_of_its_day():
    # A seed run at 03:00 wrote pitches "updated" at 06:46 the same day: a founder's edit
    # then looked older than the data and the index was called current.
    data = generate(pitches=120, investors=40, seed=4, today=DAY)
    start = datetime.combine(DAY, time(0, 0), tzinfo=UTC)
    stamped = [(name, at) for rows in (data.users, data.pitches, data.investors,
                                       data.interests, data.notifications, data.arenas,
                                       data.invitations, data.meeting_requests, data.meetings,
                                       data.meeting_feedback)
               for name, at in _dated(rows)]
    assert len(stamped) > 500
    late = [(name, at) for name, at in stamped if at > start]
    assert late == []


@pytest.mark.parametrize("today", [date(2026, 12, 7) + timedelta(days=n) for n in range(7)]
                         + [date(2026, 6, 1) + timedelta(days=n) for n in range(7)])
def test_demo_arenas_fall_on_days_an_association_would_hold_one(today):
    """Tuesday to Thursday, outside Christmas and New Year, the held one before today and
    the upcoming one after it with its answer deadline still ahead: a fixed offset put the
    upcoming arena on New Year's Eve (seeded on 7 December) or on a weekend."""
    held, upcoming = generate(pitches=40, investors=12, seed=1, today=today).arenas
    for arena in (held, upcoming):
        day = arena["date"]
        assert day.weekday() in (1, 2, 3), (today, day)
        assert not ((day.month, day.day) >= (12, 20) or (day.month, day.day) <= (1, 3))
    assert held["date"] < today < upcoming["date"]
    assert upcoming["rsvp_deadline"].date() > today
