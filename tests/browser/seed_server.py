"""Prepare the journeys' database in one process, through Koble's own CLI commands.

Run by the `live_server` fixture as `python -m tests.browser.seed_server` with the server's
environment (DATABASE_URL, KOBLE_INSTANCE_DIR, …) already set:

1. the schema from the models (`db.create_all()`, as the app tests do: migrations are
   checked by tests/app/test_migrations.py, and lag the models while features land);
2. `flask seed-reference`, `flask demo seed` (small), `flask matching rebuild`;
3. `flask users create --role staff` for the staff journey, and two more accounts of their
   own for the account and arena-times journeys (whose changes no other journey sees);
4. for the arena-times journey, an arena still inviting whose one invitee has accepted (the
   arena journey's own arena is scheduled by the time that journey runs, and a schedule
   freezes the times): made with the models, as tests/factories.py does, for no CLI makes one;
5. for the phone-tables journey, an arena with a draft schedule (staff may move and cancel
   its meetings), so that no journey has to build one on the demo's own arenas.
"""

from __future__ import annotations

import os
import sys

STAFF_EMAIL = "siri.stab@asker.example.no"
STAFF_NAME = "Siri Stab"
STAFF_PASSWORD = "Stabens-eget-passord-2026"  # noqa: S105 - a test account
JOURNEY_PASSWORD = "Egen-konto-for-reisen-2026"  # noqa: S105 - test accounts
ACCOUNT_EMAIL, ACCOUNT_NAME = "konto.kari@example.no", "Kari Konto"  # the account journey's
TIMES_EMAIL, TIMES_NAME = "tid.tidsen@example.no", "Tidvis Tidsen"  # the arena-times invitee
TIMES_ARENA = "Tidsrommet – kapital i Asker"
DRAFT_ARENA = "Utkastrommet – kapital i Asker"
DEMO_PITCHES = int(os.environ.get("KOBLE_JOURNEY_PITCHES", "60"))
DEMO_INVESTORS = int(os.environ.get("KOBLE_JOURNEY_INVESTORS", "24"))


def _invoke(runner, args: list[str]) -> None:
    result = runner.invoke(args=args, catch_exceptions=True)
    print(f"$ flask {' '.join(a if 'passord' not in a else '***' for a in args)}")
    print(result.output[-2000:])
    if result.exit_code != 0:
        if result.exception is not None:
            import traceback

            traceback.print_exception(result.exception)
        sys.exit(f"flask {args[0]} {args[1] if len(args) > 1 else ''} failed")


def main() -> None:
    from tests.browser.live_app import build

    app = build()  # create_app(), hashing passwords at the app tests' cost, as the server does
    runner = app.test_cli_runner()
    with app.app_context():  # as `flask` pushes one for every command
        _seed(runner)


def _seed(runner) -> None:
    import sqlalchemy as sa

    from app.extensions import db

    db.create_all()
    db.session.commit()
    print(f"Schema: {len(sa.inspect(db.engine).get_table_names())} tables from the models.")
    _invoke(runner, ["seed-reference"])
    _invoke(runner, ["demo", "seed", "--pitches", str(DEMO_PITCHES),
                     "--investors", str(DEMO_INVESTORS)])
    _invoke(runner, ["matching", "rebuild"])
    _invoke(runner, ["users", "create", "--role", "staff", "--association", "asker",
                     "--email", STAFF_EMAIL, "--name", STAFF_NAME,
                     "--password", STAFF_PASSWORD])
    for email, name, role in ((ACCOUNT_EMAIL, ACCOUNT_NAME, "founder"),
                              (TIMES_EMAIL, TIMES_NAME, "investor")):
        _invoke(runner, ["users", "create", "--role", role, "--email", email, "--name", name,
                         "--password", JOURNEY_PASSWORD])
    _times_arena()
    _draft_arena()


def _draft_arena() -> None:
    """A scheduled arena 30 days ahead, hosted by Asker, whose draft schedule (not published:
    nobody is told of it) gives two demo founders and two demo investors a meeting each."""
    from datetime import UTC, datetime, time, timedelta

    from sqlalchemy import select

    from app.extensions import db
    from app.models import Arena, Association, InvestorProfile, Invitation, Meeting, Pitch

    now = datetime.now(UTC)
    arena = Arena(title=DRAFT_ARENA, description="Møteplanen er et utkast.", theme="green",
                  date=(now + timedelta(days=30)).date(), start_time=time(9, 0),
                  end_time=time(11, 0), venue="Asker rådhus", founder_capacity=2,
                  investor_capacity=2, slot_minutes=15, slot_count=4, breaks=[],
                  table_count=2, rsvp_deadline=now + timedelta(days=23), status="scheduled")
    arena.hosts = [db.session.scalars(select(Association).filter_by(slug="asker")).one()]
    db.session.add(arena)
    db.session.flush()
    pitches = list({p.owner_id: p for p in db.session.scalars(
        select(Pitch).where(Pitch.status == "published").order_by(Pitch.id))}.values())[-2:]
    profiles = db.session.scalars(select(InvestorProfile)
                                  .order_by(InvestorProfile.id.desc()).limit(2)).all()
    for pitch, profile in zip(pitches, profiles, strict=True):
        for user_id, side, pitch_id in ((pitch.owner_id, "founder", pitch.id),
                                        (profile.user_id, "investor", None)):
            db.session.add(Invitation(arena_id=arena.id, user_id=user_id, side=side,
                                      pitch_id=pitch_id, state="accepted", invited_at=now,
                                      answered_at=now))
    for slot, (pitch, profile) in enumerate(zip(pitches, profiles, strict=True)):
        db.session.add(Meeting(arena_id=arena.id, founder_user_id=pitch.owner_id,
                               investor_user_id=profile.user_id, pitch_id=pitch.id,
                               slot=slot, table=slot, source="suggestion", value=0.5))
    arena.scheduled_at = now
    db.session.commit()
    print(f"Arena {arena.id} ({DRAFT_ARENA}): a draft schedule of 2 meetings.")


def _times_arena() -> None:
    """An inviting arena 30 days ahead, 8 slots of 15 minutes from 09:00 (slot 4 a break),
    hosted by Asker, whose invitee TIMES_EMAIL has accepted."""
    from datetime import UTC, datetime, time, timedelta

    from sqlalchemy import select

    from app.extensions import db
    from app.models import Arena, Association, Invitation, User

    now = datetime.now(UTC)
    arena = Arena(title=TIMES_ARENA, description="Kom når det passer deg.", theme="green",
                  date=(now + timedelta(days=30)).date(), start_time=time(9, 0),
                  end_time=time(12, 0), venue="Asker rådhus", founder_capacity=4,
                  investor_capacity=4, slot_minutes=15, slot_count=8, breaks=[4],
                  table_count=4, rsvp_deadline=now + timedelta(days=23), status="inviting")
    arena.hosts = [db.session.scalars(select(Association).filter_by(slug="asker")).one()]
    db.session.add(arena)
    db.session.flush()
    invitee = db.session.scalars(select(User).filter_by(email=TIMES_EMAIL)).one()
    db.session.add(Invitation(arena_id=arena.id, user_id=invitee.id, side="investor",
                              state="accepted", invited_at=now, answered_at=now))
    db.session.commit()
    print(f"Arena {arena.id} ({TIMES_ARENA}): {TIMES_EMAIL} accepted.")


if __name__ == "__main__":
    main()
