"""Bulk-insert generated demo data: one step per table, in chunks, in one transaction.

Steps insert through the tables (Core), not the mapped classes: the ORM's bulk insert runs
row by row for versioned models, which is several times slower on PostgreSQL.

A later feature adds its data as one more step: a function `(LoadContext) -> int` appended
to `STEPS` (what demo people did — interest marks, notifications, arenas — comes from
`load_activity`).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from sqlalchemy import func, insert, select

from app.database import analyze
from app.demo.generator import DEMO_DOMAIN, DemoData
from app.demo.load_activity import ACTIVITY_STEPS, ACTIVITY_TABLES
from app.demo.load_base import LoadContext, chunks
from app.extensions import db
from app.models import Association, InvestorProfile, Pitch, User
from app.services.reference import ensure_associations


class DemoAlreadyLoaded(Exception):
    """The database already holds demo accounts; loading again would clash on e-mails."""


def load_users(ctx: LoadContext) -> int:
    """Insert every demo account with the one shared password hash."""
    for chunk in chunks(ctx.data.users):
        rows = [
            {
                "email": u["email"],
                "name": u["name"],
                "password_hash": ctx.password_hash,
                "role": u["role"],
                "association_id": ctx.association_ids.get(u["association"]),
                "association_from_municipality": u["association_from_municipality"],
                "municipality": u["municipality"],
                "phone": u["phone"],
                "locale": u["locale"],
                "active": u["active"],
                # A random token per user: it signs their sessions, so it is not demo data.
                "session_token": secrets.token_urlsafe(24),
                "created_at": u["created_at"],
            }
            for u in chunk
        ]
        table = User.__table__
        result = db.session.execute(insert(table).returning(table.c.id, table.c.email), rows)
        ctx.user_ids.update({email: user_id for user_id, email in result})
        ctx.progress(len(chunk))
    return len(ctx.data.users)


def load_pitches(ctx: LoadContext) -> int:
    """Insert every pitch, owned by its founder."""
    before = db.session.scalar(select(func.max(Pitch.id))) or 0
    for chunk in chunks(ctx.data.pitches):
        rows = []
        for p in chunk:
            row = {k: v for k, v in p.items() if k != "owner"}
            row["owner_id"] = ctx.user_ids[p["owner"]]
            row["version"] = 1  # a Core insert skips the ORM's version counter
            rows.append(row)
        db.session.execute(insert(Pitch.__table__), rows)
        ctx.progress(len(chunk))
    # The new ids in insertion order (ids only grow): RETURNING in parameter order cost a
    # third more time on PostgreSQL at 10,000 pitches.
    ours = set(ctx.user_ids.values())
    ctx.pitch_ids = [pitch_id for pitch_id, owner_id in db.session.execute(
        select(Pitch.id, Pitch.owner_id).where(Pitch.id > before).order_by(Pitch.id))
        if owner_id in ours]
    assert len(ctx.pitch_ids) == len(ctx.data.pitches)  # nobody else inserts demo pitches
    return len(ctx.data.pitches)


def load_investor_profiles(ctx: LoadContext) -> int:
    """Insert every investor profile, one per investor account."""
    email_of = {user_id: email for email, user_id in ctx.user_ids.items()}
    for chunk in chunks(ctx.data.investors):
        rows = []
        for p in chunk:
            row = {k: v for k, v in p.items() if k != "user"}
            row["user_id"] = ctx.user_ids[p["user"]]
            row["version"] = 1
            rows.append(row)
        table = InvestorProfile.__table__
        result = db.session.execute(insert(table).returning(table.c.id, table.c.user_id), rows)
        ctx.profile_ids.update({email_of[user_id]: profile_id for profile_id, user_id in result})
        ctx.progress(len(chunk))
    return len(ctx.data.investors)


STEPS: list[tuple[str, Callable[[LoadContext], int]]] = [
    ("users", load_users),
    ("pitches", load_pitches),
    ("investor profiles", load_investor_profiles),
    *ACTIVITY_STEPS,
]


def demo_loaded() -> bool:
    """Whether demo accounts are already in the database."""
    query = select(User.id).where(User.email.like(f"%@{DEMO_DOMAIN}")).limit(1)
    return db.session.scalar(query) is not None


def load(data: DemoData, password_hash: str,
         progress: Callable[[int], None] = lambda _n: None) -> dict[str, int]:
    """Insert the demo data in one transaction; returns rows added per step."""
    ensure_associations()
    if demo_loaded():
        raise DemoAlreadyLoaded(f"Demo accounts (@{DEMO_DOMAIN}) are already in the database.")
    ctx = LoadContext(data=data, password_hash=password_hash, progress=progress)
    rows = db.session.execute(select(Association.slug, Association.id))
    ctx.association_ids = {slug: association_id for slug, association_id in rows}
    counts = {}
    try:
        for name, step in STEPS:
            counts[name] = step(ctx)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    analyze(*(model.__tablename__ for model in (User, Pitch, InvestorProfile)),
            *ACTIVITY_TABLES)
    return counts
