"""Interest marks from both sides, mutual matches and their notifications.

Each side keeps one current answer per pair (interested, not for me, saved); the rows are the
feedback a re-ranker learns from. When both sides are interested the pair is a mutual match:
both are notified (in the app, and by e-mail when mail is configured) and may see each
other's contact details (`app.services.contacts`). Interest from one side alone is told to the
other side once per pair and direction, without contact details: a founder rarely sees an
investor ranked below the first twenty, and the reverse, so without the notice most
interest would go unanswered.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from flask import current_app, has_request_context, url_for
from flask_babel import gettext as _
from sqlalchemy import and_, bindparam, select
from sqlalchemy.orm import aliased, lazyload, load_only

from app.extensions import db
from app.models import Interest, InvestorProfile, Notification, Pitch, User
from app.models.interest import INTEREST_KINDS
from app.services import mail_preferences, notifications, records
from app.services.contacts import departure, other_side_ids
from app.services.errors import DomainError, NotFound
from app.services.pitch_access import withdrawn_for


@dataclass
class MarkResult:
    """What marking did: the stored interest and whether it made a mutual match."""

    interest: Interest | None
    mutual: bool = False


def side_of(user) -> str:
    """The side a user marks for: founder or investor (others may not mark)."""
    if user.role in ("founder", "investor"):
        return user.role
    raise DomainError(_("Only founders and investors can mark interest."))


def investor_profile_of(user, columns: tuple[str, ...] | None = None) -> InvestorProfile | None:
    """The investor's own profile (only `columns` of it, when given, and not its user: the
    rest loads on access)."""
    return db.session.scalar(_profile_select(tuple(columns) if columns else None),
                             {"user_id": user.id})


# The pages' small queries are built once, with the ids bound at execution: building a
# select and its cache key cost more CPU than running it.
@lru_cache(maxsize=8)
def _profile_select(columns: tuple[str, ...] | None):
    query = select(InvestorProfile).where(InvestorProfile.user_id == bindparam("user_id"))
    if columns:
        query = query.options(load_only(*(getattr(InvestorProfile, name) for name in columns)),
                              lazyload(InvestorProfile.user))
    return query


@lru_cache(maxsize=4)
def _marks_select(by: str):
    column = Interest.pitch_id if by == "pitch" else Interest.investor_profile_id
    return select(Interest.side, Interest.pitch_id, Interest.investor_profile_id,
                  Interest.kind).where(column == bindparam("id"))


def _pair_for(user, pitch_id: int, investor_id: int,
              kind: str | None) -> tuple[Pitch, InvestorProfile]:
    """Load the pair for answering it `kind` (None: clearing an answer); the user must own
    their side, and the other side must be matchable. A founder's own pitch need be shown
    to investors only for interest, the one answer investors hear of: "not for me", a save
    and clearing are the founder's own bookkeeping, kept whatever the pitch's state."""
    side = side_of(user)
    pitch = db.session.get(Pitch, pitch_id)
    profile = db.session.get(InvestorProfile, investor_id)
    if pitch is None or profile is None:
        raise NotFound(_("Not found."))
    if side == "founder":
        if pitch.owner_id != user.id or not records.is_matchable_investor(profile):
            raise NotFound(_("Not found."))
        if kind == "interested" and not records.is_matchable_pitch(pitch):
            if pitch.status == "published" and pitch.hidden:
                # "publish it" told the founder of a published pitch to do what was done
                raise DomainError(_("The organisers have hidden the pitch, so investors do "
                                    "not see it: you can say you are interested once it is "
                                    "shown again."), "pitch_id")
            raise DomainError(_("Publish the pitch before you answer investors."), "pitch_id")
    else:
        if profile.user_id != user.id or not records.is_matchable_pitch(pitch):
            raise NotFound(_("Not found."))
        if not records.is_matchable_investor(profile):
            raise DomainError(_("Your investor profile is not active."))
    return pitch, profile


def current_mark(side: str, pitch_id: int, investor_id: int) -> Interest | None:
    """One side's current mark on a pair."""
    return db.session.scalar(select(Interest).where(
        Interest.side == side, Interest.pitch_id == pitch_id,
        Interest.investor_profile_id == investor_id))


def marks_by(side: str, *, pitch_id: int | None = None,
             investor_id: int | None = None) -> dict[tuple[int, int], str]:
    """{(pitch id, investor id): kind} of one side's marks for a pitch or an investor."""
    query = select(Interest.pitch_id, Interest.investor_profile_id, Interest.kind).where(
        Interest.side == side)
    if pitch_id is not None:
        query = query.where(Interest.pitch_id == pitch_id)
    if investor_id is not None:
        query = query.where(Interest.investor_profile_id == investor_id)
    return {(p, i): kind for p, i, kind in db.session.execute(query)}


def marks_of_both(side: str, *, pitch_id: int | None = None,
                  investor_id: int | None = None) -> tuple[dict, dict]:
    """(mine, theirs): marks_by() for `side` and for the other side, in one query."""
    if pitch_id is not None and investor_id is not None:
        query, params = _marks_select("pitch").where(
            Interest.investor_profile_id == investor_id), {"id": pitch_id}
    elif pitch_id is not None:
        query, params = _marks_select("pitch"), {"id": pitch_id}
    elif investor_id is not None:
        query, params = _marks_select("investor"), {"id": investor_id}
    else:
        query, params = select(Interest.side, Interest.pitch_id, Interest.investor_profile_id,
                               Interest.kind), None
    mine: dict[tuple[int, int], str] = {}
    theirs: dict[tuple[int, int], str] = {}
    for who, p, i, kind in db.session.execute(query, params):
        (mine if who == side else theirs)[(p, i)] = kind
    return mine, theirs


def is_mutual(pitch_id: int, investor_id: int) -> bool:
    """Both sides marked the pair "interested"."""
    rows = db.session.scalars(select(Interest.side).where(
        Interest.pitch_id == pitch_id, Interest.investor_profile_id == investor_id,
        Interest.kind == "interested")).all()
    return {"founder", "investor"} <= set(rows)


def mark(user, pitch_id: int, investor_id: int, kind: str) -> MarkResult:
    """Set the user's answer about a pair; notifies both sides when it becomes mutual, the
    other side when it is one-sided interest (see `_notify_interest`)."""
    if kind not in INTEREST_KINDS:
        raise DomainError(_("Unknown answer."))
    pitch, profile = _pair_for(user, pitch_id, investor_id, kind)
    side = side_of(user)
    interest = current_mark(side, pitch.id, profile.id)
    was_mutual = is_mutual(pitch.id, profile.id)
    if interest is None:
        interest = Interest(user_id=user.id, pitch_id=pitch.id, investor_profile_id=profile.id,
                            side=side, kind=kind)
        db.session.add(interest)
    else:
        interest.kind = kind
        interest.user_id = user.id
    db.session.flush()
    mutual = kind == "interested" and not was_mutual and is_mutual(pitch.id, profile.id)
    told = None
    if mutual:
        _notify_mutual(pitch, profile)
    elif kind == "interested":
        told = _notify_interest(pitch, profile, side)
    db.session.commit()
    if mutual:
        _mail_mutual(pitch, profile)
    elif told is not None:
        _mail_interest(pitch, profile, told, side)
    return MarkResult(interest, mutual)


def clear(user, pitch_id: int, investor_id: int) -> None:
    """Undo the user's answer about a pair (back to no answer).

    An answer the user gave can always be taken back, whatever became of the pair since: a
    founder whose pitch is a draft again or hidden by staff, or whose investor's profile is
    no longer active, still withdraws the interest they showed (left standing, it would
    make a mutual match, sharing contact details, the moment both are shown again). With
    no answer of theirs on the pair, the usual refusals stand, so ids cannot be probed."""
    side = side_of(user)
    interest = current_mark(side, pitch_id, investor_id)
    if interest is None or not _holds_side(user, side, interest):
        _pair_for(user, pitch_id, investor_id, None)
        return
    db.session.delete(interest)
    db.session.commit()


def _holds_side(user, side: str, interest: Interest) -> bool:
    """The user owns the side `interest` answers for: the pitch, or the investor profile."""
    if side == "founder":
        pitch = db.session.get(Pitch, interest.pitch_id)
        return pitch is not None and pitch.owner_id == user.id
    profile = db.session.get(InvestorProfile, interest.investor_profile_id)
    return profile is not None and profile.user_id == user.id


def _links(endpoint: str = "matches.mutual", fallback: str = "/matches/mutual",
           **values) -> tuple[str, str]:
    """The link of a notification (a path) and of its e-mail (absolute, when a request
    tells the host)."""
    if has_request_context():
        return url_for(endpoint, **values), url_for(endpoint, _external=True, **values)
    return fallback, fallback


def _already_notified(user_id: int, pitch_id: int, investor_id: int,
                      kind: str = "mutual_match") -> bool:
    notes = db.session.scalars(select(Notification).where(
        Notification.user_id == user_id, Notification.kind == kind)).all()
    return any((n.params or {}).get("pitch_id") == pitch_id
               and (n.params or {}).get("investor_id") == investor_id for n in notes)


def _notify_mutual(pitch: Pitch, profile: InvestorProfile) -> None:
    link, _external = _links()
    pairs = ((pitch.owner, profile.organisation), (profile.user, pitch.owner.name))
    for user, other in pairs:
        if user is None or _already_notified(user.id, pitch.id, profile.id):
            continue
        notifications.notify(user, "mutual_match", link, other=other, pitch=pitch.title,
                             pitch_id=pitch.id, investor_id=profile.id)


def _mail_enabled() -> bool:
    return bool(current_app.config.get("MAIL_BACKEND")
                and current_app.config.get("MATCH_MAIL_ENABLED", True))


def _mail_mutual(pitch: Pitch, profile: InvestorProfile) -> None:
    """E-mail both sides when mail is configured; a failure is logged, never raised."""
    if not _mail_enabled():
        return
    from flask_babel import force_locale

    from app.services.deleted_accounts import shown
    from app.services.mailer import send_mail

    _link, external = _links()
    pairs = ((pitch.owner, profile.organisation), (profile.user, pitch.owner.name))
    for user, other in pairs:
        if user is None or not user.active:
            continue
        if not mail_preferences.wants_mail(user, "mutual_match"):
            continue  # the notice stays; they turned these e-mails off
        locale = user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]
        try:
            with force_locale(locale):
                subject = _("Mutual interest on Koble: %(pitch)s", pitch=shown(pitch.title))
            send_mail(user.email, subject, "email/mutual_match", locale=locale,
                      user=user, other=other, pitch_title=pitch.title, link=external,
                      settings_link=mail_preferences.settings_link())
        except Exception:  # noqa: BLE001 - the match stands; mail is best effort
            current_app.logger.exception("Mutual-match e-mail to user %s failed", user.id)


# The notice the other side gets when this side alone is interested.
INTEREST_NOTICES = {"investor": "interest_from_investor", "founder": "interest_from_founder"}


def _notify_interest(pitch: Pitch, profile: InvestorProfile, side: str) -> User | None:
    """Tell the other side that `side` is interested in the pair; returns who was told.

    Once per pair and direction (interest toggled again is no news), and not when the other
    side said "not for me" (or "interested": that is a mutual match) or either account is
    inactive. A save is no answer: the saver is told. The notice names the investor's
    organisation (public to founders) but never the founder, who stays unnamed until the
    interest is mutual.
    """
    other_side = "investor" if side == "founder" else "founder"
    theirs = current_mark(other_side, pitch.id, profile.id)
    if theirs is not None and theirs.kind != "saved":
        return None
    marker, recipient = ((pitch.owner, profile.user) if side == "founder"
                         else (profile.user, pitch.owner))
    if recipient is None or not recipient.active or marker is None or not marker.active:
        return None
    kind = INTEREST_NOTICES[side]
    if _already_notified(recipient.id, pitch.id, profile.id, kind):
        return None
    link, _external = _interest_links(pitch, side)
    params = {"pitch": pitch.title, "pitch_id": pitch.id, "investor_id": profile.id}
    if side == "investor":
        params["other"] = profile.organisation
    notifications.notify(recipient, kind, link, **params)
    return recipient


def _interest_links(pitch: Pitch, side: str) -> tuple[str, str]:
    """Where the other side answers: the founder in the pitch's "Interested in this pitch"
    section, the investor on the pitch's page."""
    if side == "investor":
        return _links("matches.pitch_matches", f"/pitches/{pitch.id}/matches#interested",
                      pitch_id=pitch.id, _anchor="interested")
    return _links("pitches.view", f"/pitches/{pitch.id}", pitch_id=pitch.id)


def _mail_interest(pitch: Pitch, profile: InvestorProfile, recipient: User, side: str) -> None:
    """E-mail the one told of `side`'s interest, in their language, when mail is
    configured; a failure is logged, never raised."""
    if not _mail_enabled() or not mail_preferences.wants_mail(recipient, INTEREST_NOTICES[side]):
        return
    from flask_babel import force_locale

    from app.services.deleted_accounts import shown
    from app.services.mailer import send_mail

    _link, external = _interest_links(pitch, side)
    locale = recipient.locale or current_app.config["BABEL_DEFAULT_LOCALE"]
    try:
        with force_locale(locale):
            if side == "investor":
                subject = _("An investor is interested in “%(pitch)s”", pitch=shown(pitch.title))
            else:
                subject = _("A founder is interested in you: “%(pitch)s”",
                            pitch=shown(pitch.title))
        send_mail(recipient.email, subject, "email/interest_received", locale=locale,
                  user=recipient, from_side=side, other=profile.organisation,
                  pitch_title=pitch.title, link=external,
                  settings_link=mail_preferences.settings_link())
    except Exception:  # noqa: BLE001 - the mark stands; mail is best effort
        current_app.logger.exception("Interest e-mail to user %s failed", recipient.id)


@dataclass
class MutualMatch:
    """A mutual match as one side sees it. `withdrawn`: the viewer may no longer read the
    pitch (its founder made it a draft again, or staff hid it), so nothing of it may be
    shown but that (`app.services.pitch_access`); the contact details the two agreed to
    share stay. `left`: the other side left Koble, "deleted" or "inactive"
    (`contacts.departure`), and has no contact details to share any more."""

    pitch: Pitch
    profile: InvestorProfile
    since: object
    withdrawn: bool = False
    left: str | None = None


def mutual_matches(user) -> list[MutualMatch]:
    """Every mutual match of a founder (over their pitches) or an investor, newest first."""
    founder_mark, investor_mark = aliased(Interest), aliased(Interest)
    query = (
        select(Pitch, InvestorProfile, founder_mark.updated_at, investor_mark.updated_at)
        .join(founder_mark, founder_mark.pitch_id == Pitch.id)
        .join(investor_mark, and_(investor_mark.pitch_id == Pitch.id,
                                  investor_mark.investor_profile_id
                                  == founder_mark.investor_profile_id))
        .join(InvestorProfile, InvestorProfile.id == founder_mark.investor_profile_id)
        .where(founder_mark.side == "founder", founder_mark.kind == "interested",
               investor_mark.side == "investor", investor_mark.kind == "interested")
    )
    if user.role == "founder":
        query = query.where(Pitch.owner_id == user.id)
    elif user.role == "investor":
        query = query.join(User, User.id == InvestorProfile.user_id).where(User.id == user.id)
    else:
        return []
    out = [MutualMatch(p, q, max(a, b), withdrawn_for(user, p),
                       departure(q.user if user.role == "founder" else p.owner))
           for p, q, a, b in db.session.execute(query).unique()]
    out.sort(key=lambda m: (str(m.since), m.pitch.id), reverse=True)
    return out


def mutual_interest_partners(user, others) -> set[int]:
    """The ids of those among `others` (users) who share a mutual match with `user`: a
    founder's investors, an investor's founders; one query for the whole list (an agenda
    asked once per meeting)."""
    ids = other_side_ids(user, others)
    if not ids:
        return set()
    return set(db.session.scalars(_partners_select(user.role),
                                  {"user_id": user.id, "ids": sorted(ids)}))


@lru_cache(maxsize=2)
def _partners_select(role: str):
    """mutual_interest_partners' select for a founder or an investor, built once with the
    ids bound at execution: a match card with both sides interested asks it
    (contacts.can_see_contacts), and building it (two Interest aliases, three joins) and its
    cache key cost more CPU than running it."""
    founder_mark, investor_mark = aliased(Interest), aliased(Interest)
    if role == "founder":
        mine, theirs = Pitch.owner_id == bindparam("user_id"), InvestorProfile.user_id
    else:
        mine, theirs = InvestorProfile.user_id == bindparam("user_id"), Pitch.owner_id
    return (
        select(theirs).distinct()
        .select_from(founder_mark)
        .join(investor_mark, and_(investor_mark.pitch_id == founder_mark.pitch_id,
                                  investor_mark.investor_profile_id
                                  == founder_mark.investor_profile_id))
        .join(Pitch, Pitch.id == founder_mark.pitch_id)
        .join(InvestorProfile, InvestorProfile.id == founder_mark.investor_profile_id)
        .where(founder_mark.side == "founder", founder_mark.kind == "interested",
               investor_mark.side == "investor", investor_mark.kind == "interested",
               mine, theirs.in_(bindparam("ids", expanding=True)))
    )
