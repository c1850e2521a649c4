"""Interest marks from both sides, mutual matches and their notifications.

Each side keeps one current answer per pair (interested, not for me, saved); the rows are the
feedback a re-ranker learns from. When both sides are interested the pair is a mutual match:
both are notified (in the app, and by e-mail when mail is configured) and may see each
other's contact details (`app.services.contacts`). Interest from one side alone is told to the
other side once per pair and direction, without contact details: a founder rarely sees an
investor ranked below the first twenty, and the reverse, so without the notice most
interest would go unanswered. The notices and e-mails live in `interest_notices`, the lists
of mutual matches in `mutual_interest`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from flask_babel import gettext as _
from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import lazyload, load_only
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db
from app.models import Interest, InvestorProfile, Pitch
from app.models.interest import INTEREST_KINDS
from app.services import email_confirmation, interest_notices, records
from app.services.errors import DomainError, NotFound
from app.services.mutual_interest import is_mutual


@dataclass
class MarkResult:
    """What marking did: the stored interest and whether it made a mutual match."""

    interest: Interest | None
    mutual: bool = False
    previous: str | None = None  # the answer it replaced, for Undo to put back


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


class PairGone(NotFound):
    """The other side of an answer is no longer shown to the user: the pitch an investor
    answers was withdrawn, hidden or deleted, or the investor a founder answers for their
    own pitch left or was deactivated, since the page was shown. An id that never existed
    is refused the same way, so ids cannot be probed."""


def _pair_for(user, pitch_id: int, investor_id: int,
              kind: str | None) -> tuple[Pitch, InvestorProfile]:
    """Load the pair for answering it `kind` (None: clearing an answer); the user must own
    their side, and the other side must be matchable. A founder's own pitch need be shown
    to investors only for interest, the one answer investors hear of: "not for me", a save
    and clearing are the founder's own bookkeeping, kept whatever the pitch's state."""
    side = side_of(user)
    pitch = db.session.get(Pitch, pitch_id)
    profile = db.session.get(InvestorProfile, investor_id)
    if side == "founder":
        if pitch is None or pitch.owner_id != user.id:
            raise NotFound(_("Not found."))
        if not records.is_matchable_investor(profile):
            raise PairGone(_("Your answer was not saved: this investor is no longer shown to "
                             "founders."))
        if kind == "interested" and not records.is_matchable_pitch(pitch):
            if pitch.status == "published" and pitch.hidden:
                # "publish it" told the founder of a published pitch to do what was done
                raise DomainError(_("The organisers have hidden the pitch, so investors do "
                                    "not see it: you can say you are interested once it is "
                                    "shown again."), "pitch_id")
            raise DomainError(_("Publish the pitch before you answer investors."), "pitch_id")
    else:
        if profile is None or profile.user_id != user.id:
            raise NotFound(_("Not found."))
        if not records.is_matchable_pitch(pitch):
            raise PairGone(_("Your answer was not saved: this pitch is no longer shown to "
                             "investors."))
        if not records.is_matchable_investor(profile):
            raise DomainError(_("Your investor profile is not active."))
    return pitch, profile


def current_mark(side: str, pitch_id: int, investor_id: int) -> Interest | None:
    """One side's current mark on a pair."""
    return db.session.scalar(_CURRENT_MARK, {"side": side, "pitch_id": pitch_id,
                                             "investor_id": investor_id})


# Built once, the values bound at execution (as _profile_select): an answer looks the pair's
# marks up two or three times.
_CURRENT_MARK = select(Interest).where(Interest.side == bindparam("side"),
                                       Interest.pitch_id == bindparam("pitch_id"),
                                       Interest.investor_profile_id == bindparam("investor_id"))
# ... read from the database even when the session holds the row already, as is_mutual's
# column query is
_CURRENT_MARK_READ_AGAIN = _CURRENT_MARK.execution_options(populate_existing=True)


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


def mark(user, pitch_id: int, investor_id: int, kind: str) -> MarkResult:
    """Set the user's answer about a pair; notifies both sides when it becomes mutual, the
    other side when it is one-sided interest (see `interest_notices.notify_interest`)."""
    if kind not in INTEREST_KINDS:
        raise DomainError(_("Unknown answer."))
    if kind == "interested":  # saving or "not for me" tells nobody
        email_confirmation.require_confirmed(user)
    try:
        return _mark(user, pitch_id, investor_id, kind)
    except (IntegrityError, StaleDataError):
        # The pair answered twice at once (a double tap, two tabs, a retried API call): the
        # other request made the row between this one's read and its insert, and the unique
        # pair refused the second row; or took the answer back (Undo in another tab) between
        # the read and the update, which then matched no row. Both were a 500. Answering
        # again finds the row, or none, as it is now; a notice already sent is not repeated.
        db.session.rollback()
        return _mark(user, pitch_id, investor_id, kind)


def _mark(user, pitch_id: int, investor_id: int, kind: str) -> MarkResult:
    pitch, profile = _pair_for(user, pitch_id, investor_id, kind)
    side = side_of(user)
    interest = current_mark(side, pitch.id, profile.id)
    was_mutual = is_mutual(pitch.id, profile.id)
    previous = interest.kind if interest is not None else None
    if interest is None:
        interest = Interest(user_id=user.id, pitch_id=pitch.id, investor_profile_id=profile.id,
                            side=side, kind=kind)
        db.session.add(interest)
    else:
        interest.kind = kind
        interest.user_id = user.id
    if kind != "not_for_me":
        interest.replaced_kind = None
    elif previous != "not_for_me":  # "not for me" again keeps what the first one replaced
        interest.replaced_kind = previous
    db.session.flush()
    mutual, told = False, None
    if kind == "interested":
        # The other side's mark as it stands now, read once: with this side's interest
        # flushed, the pair is mutual exactly when theirs is "interested" too (what
        # is_mutual would read again), and it is what notify_interest weighs otherwise.
        other_side = "investor" if side == "founder" else "founder"
        theirs = db.session.scalar(_CURRENT_MARK_READ_AGAIN, {
            "side": other_side, "pitch_id": pitch.id, "investor_id": profile.id})
        mutual = not was_mutual and theirs is not None and theirs.kind == "interested"
        if mutual:
            interest_notices.notify_mutual(pitch, profile)
        else:
            told = interest_notices.notify_interest(pitch, profile, side, theirs)
    db.session.commit()
    if mutual:
        interest_notices.mail_mutual(pitch, profile)
    elif told is not None:
        interest_notices.mail_interest(pitch, profile, told, side)
    return MarkResult(interest, mutual, previous)


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


def undo_not_for_me(user, pitch_id: int, investor_id: int, previous: str | None) -> None:
    """Take back a "not for me": the answer it replaced comes back (a pitch the investor had
    saved is saved again), rather than no answer at all, which lost the Saved; with none
    before it, `clear`. Only while "not for me" still stands: an answer given since in
    another tab is left as it is."""
    if previous not in INTEREST_KINDS or previous == "not_for_me":
        clear(user, pitch_id, investor_id)
        return
    current = current_mark(side_of(user), pitch_id, investor_id)
    if current is None or current.kind != "not_for_me":
        _pair_for(user, pitch_id, investor_id, None)
        return
    mark(user, pitch_id, investor_id, previous)


def undo_standing_not_for_me(user, pitch_id: int, investor_id: int) -> None:
    """Undo on the not-for-me lists: like the message's Undo (`undo_not_for_me`), the answer
    "not for me" replaced comes back, read from the row since the list has no message to
    carry it. A list read before an answer given since in another tab leaves that answer."""
    side = side_of(user)
    current = current_mark(side, pitch_id, investor_id)
    if current is None or not _holds_side(user, side, current) or current.kind != "not_for_me":
        _pair_for(user, pitch_id, investor_id, None)
        return
    undo_not_for_me(user, pitch_id, investor_id, current.replaced_kind)


def _holds_side(user, side: str, interest: Interest) -> bool:
    """The user owns the side `interest` answers for: the pitch, or the investor profile."""
    if side == "founder":
        pitch = db.session.get(Pitch, interest.pitch_id)
        return pitch is not None and pitch.owner_id == user.id
    profile = db.session.get(InvestorProfile, interest.investor_profile_id)
    return profile is not None and profile.user_id == user.id
