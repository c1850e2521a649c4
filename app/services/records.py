"""Turning stored pitches and investor profiles into the engine's plain records.

Only what may be matched becomes a record: published, non-hidden pitches and active
profiles (of active accounts). Ids are the database ids as strings.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select

from app.extensions import db
from app.models import Interest, InvestorProfile, Pitch

# An answer on Koble (interested / not for me on a pitch) counts this much towards an
# investor's activity, next to one past investment: responsiveness is part of the record.
ANSWER_WEIGHT = 0.5
ANSWER_KINDS = ("interested", "not_for_me")


def pitch_id(value) -> str:
    """The engine id of a pitch (or pitch id)."""
    return str(getattr(value, "id", value))


def investor_id(value) -> str:
    """The engine id of an investor profile (or profile id)."""
    return str(getattr(value, "id", value))


def is_matchable_pitch(pitch: Pitch | None) -> bool:
    """Published, not hidden by staff, owner still active."""
    return bool(pitch is not None and pitch.is_visible)


def is_matchable_investor(profile: InvestorProfile | None) -> bool:
    """An active profile of an active account."""
    return bool(profile is not None and profile.is_listed)


def pitch_record(pitch: Pitch):
    """A PitchRecord: text from title, summary and description; facets as stored."""
    from matching import PitchRecord

    text = "\n".join(part for part in (pitch.title, pitch.summary, pitch.description) if part)
    when = pitch.published_at or pitch.updated_at or pitch.created_at
    return PitchRecord(
        id=pitch_id(pitch),
        text=text,
        sectors=tuple(pitch.sectors or ()),
        stage=pitch.stage or None,
        location=pitch.municipality or None,
        amount=float(pitch.ask_nok) if pitch.ask_nok else None,
        green_objectives=tuple(pitch.green_objectives or ()),
        support_needs=tuple(pitch.support_needs or ()),
        funding_types=(pitch.funding_type,) if pitch.funding_type else (),
        date=when.date().isoformat() if when else None,
    )


def investor_activity(profile_ids: Iterable[int]) -> dict[int, tuple[int, str | None]]:
    """Answers given on Koble per profile: (count, date of the latest answer)."""
    ids = list(profile_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        select(Interest.investor_profile_id, func.count(Interest.id),
               func.max(Interest.updated_at))
        .where(Interest.side == "investor", Interest.kind.in_(ANSWER_KINDS),
               Interest.investor_profile_id.in_(ids))
        .group_by(Interest.investor_profile_id)
    )
    out = {}
    for pid, count, latest in rows:
        if isinstance(latest, str):  # SQLite returns max() of a datetime as text
            latest_text = latest[:10]
        else:
            latest_text = latest.date().isoformat() if latest else None
        out[pid] = (int(count), latest_text)
    return out


def investor_record(profile: InvestorProfile, activity: tuple[int, str | None] | None = None):
    """An InvestorRecord: text from thesis and organisation; activity from track record.

    Activity = past investments + ANSWER_WEIGHT × answers given on Koble, last active = the
    latest answer (the engine treats an unknown date as neutral).
    """
    from matching import InvestorRecord

    if activity is None:
        activity = investor_activity([profile.id]).get(profile.id, (0, None))
    answers, last = activity
    text = "\n".join(part for part in (profile.thesis, profile.organisation) if part)
    return InvestorRecord(
        id=investor_id(profile),
        text=text,
        sectors=tuple(profile.sectors or ()),
        stages=tuple(profile.stages or ()),
        locations=tuple(profile.regions or ()),
        ticket_min=float(profile.ticket_min) if profile.ticket_min else None,
        ticket_max=float(profile.ticket_max) if profile.ticket_max else None,
        green_mandate=profile.green_mandate or "none",
        green_objectives=tuple(profile.green_objectives or ()),
        support_offers=tuple(profile.support_offers or ()),
        funding_types=tuple(profile.funding_types or ()),
        activity=float(profile.past_investments or 0) + ANSWER_WEIGHT * answers,
        last_active=last,
        stages_only=bool(profile.stages_only),
        ticket_only=bool(profile.ticket_only),
        active=is_matchable_investor(profile),
    )


def matchable_pitches():
    """Select statement of every pitch the engine should know."""
    return select(Pitch).where(Pitch.visible_clause()).order_by(Pitch.id)


def matchable_investors():
    """Select statement of every profile the engine should know."""
    return (select(InvestorProfile).where(InvestorProfile.listed_clause())
            .order_by(InvestorProfile.id))


def all_pitch_records() -> list:
    """Records of every matchable pitch."""
    return [pitch_record(p) for p in db.session.scalars(matchable_pitches()).unique()]


def all_investor_records() -> list:
    """Records of every matchable investor, with their activity."""
    profiles = list(db.session.scalars(matchable_investors()).unique())
    activity = investor_activity(p.id for p in profiles)
    return [investor_record(p, activity.get(p.id, (0, None))) for p in profiles]
