"""Factories for test data: make_user, make_pitch, make_investor."""

from __future__ import annotations

import itertools
from functools import lru_cache

from app.extensions import db
from app.models import InvestorProfile, Pitch, User
from app.services.accounts import association_by_slug
from app.services.passwords import hash_method, hash_password

DEFAULT_PASSWORD = "grønne idéer møter kapital"
_counter = itertools.count(1)


@lru_cache(maxsize=4)
def _default_hash_by(method: str) -> str:
    return hash_password(DEFAULT_PASSWORD)


def _default_hash() -> str:
    # scrypt is slow on purpose; hash the shared test password once for each cost (the test
    # configuration's and, for an app built as production is, the full one).
    return _default_hash_by(hash_method())


def make_user(role: str = "founder", email: str | None = None, *, name: str | None = None,
              association: str | None = "asker", active: bool = True, **fields) -> User:
    """An account of the given role, with the default test password."""
    n = next(_counter)
    user = User(
        email=email or f"{role}{n}@example.no",
        name=name or f"{role.title()} {n}",
        password_hash=_default_hash(),
        role=role,
        association=association_by_slug(association),
        municipality=fields.pop("municipality", "asker"),
        active=active,
        **fields,
    )
    db.session.add(user)
    db.session.commit()
    return user


def make_pitch(owner: User | None = None, **fields) -> Pitch:
    """A published solar pitch unless told otherwise."""
    owner = owner or make_user("founder")
    values = {
        "title": "Solcelletak for landbruket",
        "summary": "Solceller på låvetak gir bonden strøm og inntekt.",
        "description": "Vi monterer solcellepaneler og batterilagring på gårdsbygg.",
        "sectors": ["energy", "food_agriculture"],
        "stage": "seed",
        "ask_nok": 3_000_000,
        "funding_type": "equity",
        "municipality": "asker",
        "green_objectives": ["climate_mitigation"],
        "support_needs": ["capital", "mentoring"],
        "status": "published",
    }
    values.update(fields)
    pitch = Pitch(owner=owner, **values)
    db.session.add(pitch)
    db.session.commit()
    return pitch


def make_investor(user: User | None = None, **fields) -> InvestorProfile:
    """An investor profile for a green seed fund unless told otherwise."""
    user = user or make_user("investor")
    values = {
        "organisation": "Grønn Kapital AS",
        "investor_type": "venture_fund",
        "thesis": "Vi investerer i fornybar energi og solkraft i tidlig fase.",
        "sectors": ["energy"],
        "stages": ["seed", "series_a"],
        "ticket_min": 1_000_000,
        "ticket_max": 10_000_000,
        "regions": ["asker", "baerum"],
        "green_mandate": "preferred",
        "green_objectives": ["climate_mitigation"],
        "support_offers": ["capital", "network"],
        "contact_email": f"kontakt{user.id}@kapital.no",
        "contact_phone": "+47 400 00 000",
    }
    values.update(fields)
    profile = InvestorProfile(user=user, **values)
    db.session.add(profile)
    db.session.commit()
    return profile


def outbox_of(app) -> list:
    """The e-mails sent so far in a test (Flask-Mailman's locmem backend)."""
    return getattr(app.extensions["mailman"], "outbox", [])


def make_arena(hosts: tuple[str, ...] = ("asker",), **fields):
    """An inviting green arena 30 days ahead, answers until 7 days before, unless told otherwise."""
    from datetime import UTC, datetime, time, timedelta

    from app.models import Arena, Association

    day = (datetime.now(UTC) + timedelta(days=30)).date()
    values = {
        "title": "Grønn arena",
        "description": "Grønne idéer møter kapital.",
        "theme": "green",
        "date": day,
        "start_time": time(9, 0),
        "end_time": time(12, 0),
        "venue": "Asker kulturhus",
        "founder_capacity": 4,
        "investor_capacity": 4,
        "slot_minutes": 15,
        "slot_count": 8,
        "breaks": [4],
        "table_count": 4,
        "rsvp_deadline": datetime.now(UTC) + timedelta(days=23),
        "status": "inviting",
    }
    values.update(fields)
    arena = Arena(**values)
    if arena.status == "done" and arena.ends_at.astimezone(UTC) >= datetime.now(UTC):
        # Staff can mark an arena Done only once it has taken place (139e213): a test on a
        # Done arena still to come describes a state nobody can reach.
        raise ValueError(f"a done arena must have ended; this one ends {arena.ends_at}: "
                         "give it a past date")
    arena.hosts = [db.session.query(Association).filter_by(slug=slug).one() for slug in hosts]
    db.session.add(arena)
    db.session.commit()
    return arena


def make_arena_over(**fields):
    """An arena that ended yesterday (Oslo's yesterday) and that staff never marked done:
    scheduled, two slots at two tables, answers closed a week before."""
    from datetime import UTC, datetime, timedelta

    from app.models.arena import LOCAL_TZ

    values = {"date": (datetime.now(LOCAL_TZ) - timedelta(days=1)).date(),
              "rsvp_deadline": datetime.now(UTC) - timedelta(days=8), "status": "scheduled",
              "slot_count": 2, "breaks": [], "table_count": 2}
    values.update(fields)
    return make_arena(**values)


def make_done_arena(**fields):
    """An arena that took place two weeks ago (Oslo's calendar) and that staff marked done
    afterwards, as only then they can (139e213); answers closed a week before it."""
    from datetime import UTC, datetime, timedelta

    from app.models.arena import LOCAL_TZ

    values = {"date": (datetime.now(LOCAL_TZ) - timedelta(days=14)).date(),
              "rsvp_deadline": datetime.now(UTC) - timedelta(days=21), "status": "done"}
    values.update(fields)
    return make_arena(**values)


def make_invitation(arena, user: User, state: str = "invited", **fields):
    """An invitation of the user to the arena (sent, unless the state says otherwise)."""
    from app.models import Invitation
    from app.models.user import utcnow

    values = {"side": user.role, "state": state, "rank": 0,
              "invited_at": utcnow() if state not in ("proposed", "waiting_list") else None}
    values.update(fields)
    invitation = Invitation(arena_id=arena.id, user_id=user.id, **values)
    db.session.add(invitation)
    db.session.commit()
    return invitation


def make_participant(arena, role: str = "founder", *, association: str = "asker",
                     **invitation_fields):
    """A founder (with a published pitch) or investor (with a profile) who accepted the
    arena's invitation. Returns the invitation."""
    user = make_user(role, association=association)
    fields = {"state": "accepted"}
    if role == "founder":
        fields["pitch_id"] = make_pitch(user).id
    else:
        make_investor(user)
    fields.update(invitation_fields)
    return make_invitation(arena, user, **fields)


def make_people_who_fit(arena, score: float = 0.8):
    """Two founders and two investors coming to the arena, every founder scored `score` with
    every investor. Returns the founders' and the investors' invitations."""
    founders = [make_participant(arena, "founder") for _ in range(2)]
    investors = [make_participant(arena, "investor") for _ in range(2)]
    for f in founders:
        for i in investors:
            make_score(f, i, score)
    return founders, investors


def make_score(founder_invitation, investor_invitation, score: float = 0.5, **fields):
    """A stored match score between a founder's invited pitch and an investor's profile."""
    from app.models import MatchScore

    profile = db.session.query(InvestorProfile).filter_by(
        user_id=investor_invitation.user_id).one()
    values = {"components": {"text": score}, "shared_terms": ["solenergi"],
              "reasons": ["text_overlap", "stage_fit"]}
    values.update(fields)
    row = MatchScore(pitch_id=founder_invitation.pitch_id, investor_profile_id=profile.id,
                     score=score, **values)
    db.session.add(row)
    db.session.commit()
    return row


def make_meeting(arena, founder_invitation, investor_invitation, slot: int = 0,
                 table: int = 0, published: bool = True, **fields):
    """A scheduled meeting between two participants of the arena, in a published schedule
    (the participants see it) unless `published` is False (a draft only staff see)."""
    from app.models import Meeting
    from app.models.user import utcnow

    if published and arena.schedule_published_at is None:
        arena.schedule_published_at = utcnow()
    values = {"state": "scheduled", "source": "suggestion", "value": 0.5, "locked": False}
    values.update(fields)
    meeting = Meeting(arena_id=arena.id, founder_user_id=founder_invitation.user_id,
                      investor_user_id=investor_invitation.user_id,
                      pitch_id=founder_invitation.pitch_id, slot=slot, table=table, **values)
    db.session.add(meeting)
    db.session.commit()
    return meeting
