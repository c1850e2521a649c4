"""Staff moderation of pitches: see the published ones (hidden ones too), hide with a reason,
unhide; every action audited. A draft is its founder's alone (pitch_access): staff neither
list nor open one, nor hide or unhide it. A hidden pitch stays hidden through its founder's
making it a draft and publishing it again; the staff member who hid it is told when it is
published again (`tell_hider_republished`), since what changed meanwhile was a draft they
could not see; when they are not known any more, the founder's association's staff are."""

from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Pitch, User
from app.services import audit, events, notices, paging
from app.services.deleted_accounts import is_deleted
from app.services.errors import DomainError, NotFound
from app.services.pitch_access import moderated
from app.services.text_search import words_match

MAX_REASON = 500


def all_pitches_query(shown: bool | None = None, hidden: bool | None = None, text: str = ""):
    """A select of every pitch staff moderate (published, hidden or not: never a draft),
    every association's founders' (a pitch is shown to every investor, and a founder
    outside the six associations' region belongs to none, so each staff member moderates
    them all), newest first, optionally by whether investors see it (`shown`:
    Pitch.visible_clause), by the hidden flag, and by words that must each occur in the
    title or the founder's name (any case, Æ, Ø and Å too: the search's lower() folds them
    on SQLite as well). The words search no draft's title either: a draft found by the
    words it holds would be read through the search."""
    query = (select(Pitch).where(Pitch.status == "published")  # pitch_access.moderated
             .order_by(Pitch.created_at.desc(), Pitch.id.desc()))
    condition = words_match((Pitch.title, User.name), text or "")
    if condition is not None:
        query = query.join(User, Pitch.owner_id == User.id).where(condition)
    if shown is not None:
        query = query.where(Pitch.visible_clause() if shown else ~Pitch.visible_clause())
    if hidden is not None:
        query = query.where(Pitch.hidden.is_(hidden))
    return query


def all_pitches(page: int = 1, shown: bool | None = None, hidden: bool | None = None,
                text: str = ""):
    """One page of the pitches staff moderate, filtered as `all_pitches_query`."""
    return db.paginate(all_pitches_query(shown, hidden, text), page=paging.page_number(page),
                       per_page=current_app.config.get("PITCHES_PER_PAGE", 20), error_out=False)


def not_shown_because(pitch: Pitch) -> str | None:
    """Why a published pitch is not shown to others although its founder published it, for
    the moderation list's status: "deleted" (the account was deleted), "deactivated" (an
    administrator deactivated it), "role" (an administrator made them something other than
    a founder: account_access.withdrawn_by_role). None for a draft, or one whose owner
    still shows it (staff's own hiding has its own column)."""
    owner = pitch.owner
    if pitch.status != "published" or owner is None:
        return None
    if is_deleted(owner):
        return "deleted"
    if not owner.active:
        return "deactivated"
    if owner.role != "founder":
        return "role"
    return None


def owner_deleted(pitch: Pitch) -> bool:
    """True for a pitch whose founder deleted their account: nobody sees it, hidden or not,
    so staff have nothing to hide or unhide (hide and unhide refuse it)."""
    return is_deleted(pitch.owner)


def _refuse_if_owner_deleted(pitch: Pitch) -> None:
    if not moderated(pitch.status):  # a draft is not staff's to hide or unhide (get_pitch)
        raise NotFound(_("No such pitch."))
    if owner_deleted(pitch):
        raise DomainError(_("Nothing to hide or unhide: the founder's account is deleted."))


def get_pitch(pitch_id: int) -> Pitch:
    """A pitch staff moderate, by id; NotFound for a draft as for no pitch at all, so a
    draft's address tells staff nothing of it (not even that it exists)."""
    pitch = db.session.get(Pitch, pitch_id)
    if pitch is None or not moderated(pitch.status):
        raise NotFound(_("No such pitch."))
    return pitch


def hide(pitch: Pitch, reason: str, actor) -> Pitch:
    """Hide a pitch from everyone but its owner and staff; the owner sees the reason."""
    _refuse_if_owner_deleted(pitch)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Give the reason; the founder will see it."), "reason")
    if len(reason) > MAX_REASON:
        raise DomainError(_("Use at most %(n)d characters.", n=MAX_REASON), "reason")
    news = not pitch.hidden or pitch.hidden_reason != reason
    pitch.hidden = True
    pitch.hidden_reason = reason
    audit.record("pitch_hidden", actor=actor, target=f"pitch:{pitch.id}", detail=reason,
                 commit=False)
    told = _tell_owner(pitch, "pitch_hidden", actor, reason=reason) if news else []
    db.session.commit()
    notices.send(told)
    events.pitch_changed(pitch)
    return pitch


def unhide(pitch: Pitch, actor) -> Pitch:
    """Show a hidden pitch again (if published)."""
    _refuse_if_owner_deleted(pitch)
    if pitch.hidden:
        pitch.hidden = False
        pitch.hidden_reason = None
        audit.record("pitch_unhidden", actor=actor, target=f"pitch:{pitch.id}", commit=False)
        told = _tell_owner(pitch, "pitch_unhidden", actor)
        db.session.commit()
        notices.send(told)
        events.pitch_changed(pitch)
    return pitch


def _tell_owner(pitch: Pitch, kind: str, actor, **params) -> list:
    return notices.tell([pitch.owner], kind, notices.link("pitches.view", pitch_id=pitch.id),
                        actor=actor, pitch=pitch.title, pitch_id=pitch.id, **params)


def hider(pitch: Pitch) -> User | None:
    """The staff member who last hid the pitch or gave its reason (the audit trail's latest
    "pitch_hidden"), while still active staff; None otherwise."""
    actor_id = db.session.scalar(
        select(AuditEvent.actor_id).where(AuditEvent.action == "pitch_hidden",
                                          AuditEvent.target == f"pitch:{pitch.id}")
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(1))
    person = db.session.get(User, actor_id) if actor_id is not None else None
    if person is None or not person.active or not person.is_staff or is_deleted(person):
        return None
    return person


def _active_staff(*conditions) -> list[User]:
    people = db.session.scalars(select(User).where(User.active.is_(True), *conditions)
                                .order_by(User.id))
    return [person for person in people if not is_deleted(person)]


def look_again(pitch: Pitch) -> tuple[list[User], str]:
    """Who is told that a hidden pitch is published again, and as whom ("you": its hider;
    "staff": others). Its hider, while still active staff. Otherwise someone must still
    look, since it stays hidden and nobody else learns that its draft changed: the hider's
    audit event is gone after a year (`flask prune`, audit.KEEP) and a pitch stays hidden
    as long as that, or the hider left the staff; then the active staff of the founder's
    association, and where there are none (a founder outside the associations' region),
    the administrators."""
    person = hider(pitch)
    if person is not None:
        return [person], "you"
    association_id = pitch.owner.association_id if pitch.owner else None
    staff = (_active_staff(User.role == "staff", User.association_id == association_id)
             if association_id is not None else [])
    return staff or _active_staff(User.role == "admin"), "staff"


def tell_hider_republished(pitch: Pitch) -> list:
    """For a hidden pitch its founder publishes again (pitches.publish, before its commit):
    the notice to the staff member who hid it (or, not known any more, to the staff who
    can look at it: `look_again`), that it is back in the moderation list, still hidden,
    to look at again; the caller sends it after the commit. Nobody for a pitch not
    hidden."""
    if not pitch.hidden:
        return []
    people, hid_by = look_again(pitch)
    return notices.tell(people, "pitch_republished",
                        notices.link("pitches.view", pitch_id=pitch.id), actor=pitch.owner,
                        pitch=pitch.title, pitch_id=pitch.id, hid_by=hid_by)
