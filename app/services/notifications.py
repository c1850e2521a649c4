"""In-app notifications: stored as a kind plus parameters, worded in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.lists import format_list
from flask_babel import format_date, get_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import bindparam, func, select, update

from app.extensions import db
from app.models import Notification, Pitch
from app.models.user import utcnow
from app.services import paging, pitch_access
from app.services.deleted_accounts import (  # a deleted account's name, in this language
    DELETED_NAME,
    DELETED_PITCH_TITLE,
    shown,
)
from app.services.errors import NotFound

PER_PAGE = 20


def notify(user, kind: str, link: str | None = None, **params) -> Notification:
    """Queue a notification for a user (the caller commits)."""
    note = Notification(user_id=user.id, kind=kind, params=params, link=link)
    db.session.add(note)
    return note


def text(note: Notification) -> str:
    """The notification's sentence in the current locale."""
    p = {key: shown(value) for key, value in (note.params or {}).items()}
    if other_side_left(note):
        return _left_koble(note.kind, p)
    if note.kind == "mutual_match":
        return _("Mutual interest: %(other)s and you are both interested in “%(pitch)s”. "
                 "You can now see each other's contact details.",
                 other=p.get("other", ""), pitch=p.get("pitch", ""))
    if note.kind == "interest_from_investor":
        return _("%(other)s is interested in your pitch “%(pitch)s”. If you are interested "
                 "too, you will see each other's contact details.",
                 other=p.get("other", ""), pitch=p.get("pitch", ""))
    if note.kind == "interest_from_founder":
        return _("The founder of “%(pitch)s” is interested in you. If you are interested "
                 "too, you will see each other's contact details.", pitch=p.get("pitch", ""))
    if note.kind in STAFF_CHANGES:
        return STAFF_CHANGES[note.kind](p)
    if note.kind in MEETING_REQUESTS:
        return MEETING_REQUESTS[note.kind](p)
    if note.kind in TO_STAFF:
        return TO_STAFF[note.kind](p)
    from app.services import account_notices  # it adds its notices through this module

    if note.kind in account_notices.KINDS:
        return account_notices.sentence(note)
    return _("You have a new notification.")


# The notices about a pair's interest: the other side of the pair may delete their account.
PAIR_NOTICES = frozenset({"mutual_match", "interest_from_investor", "interest_from_founder"})


def other_side_left(note: Notification) -> bool:
    """True for a notice about a pair whose other side has deleted their account since. The
    deletion put its placeholders in the notice (erasure._scrub_notifications): the deleted
    name for the other side ("other"), and, when it was the founder, the deleted pitch's
    title for their pitch. The reader's own words are never replaced: a deleted account has
    no notices left to read."""
    p = note.params or {}
    return note.kind in PAIR_NOTICES and (p.get("other") == DELETED_NAME
                                          or p.get("pitch") == DELETED_PITCH_TITLE)


def _left_koble(kind: str, p: dict) -> str:
    """A pair notice whose other side deleted their account, said as the mutual matches
    page says it: "has left Koble: their account is deleted". Told as it was, it read as if
    the person were still there ("You can now see each other's contact details", "If you
    are interested too ...")."""
    if kind == "mutual_match":
        return _("Mutual interest in “%(pitch)s”, but the other side has since left Koble: "
                 "their account is deleted, and their contact details with it.",
                 pitch=p.get("pitch", ""))
    if kind == "interest_from_investor":
        return _("An investor was interested in your pitch “%(pitch)s”, but has since left "
                 "Koble: their account is deleted.", pitch=p.get("pitch", ""))
    # their pitch's title is the deleted pitch's by now, as the pitch's own label reads
    return _("The founder of “%(pitch)s” was interested in you, but has since left Koble: "
             "their account is deleted.", pitch=p.get("pitch", ""))


def _day(p: dict) -> str:
    try:
        return format_date(date.fromisoformat(p.get("date", "")), "long")
    except (TypeError, ValueError):
        return ""


def _called_off(p: dict) -> str:
    count = int(p.get("count") or 0)
    if not count:
        return ""
    return " " + ngettext("%(num)d of your meetings no longer fits and is called off.",
                          "%(num)d of your meetings no longer fit and are called off.", count)


def _times_fitted(p: dict) -> str:
    """The plan was cut and the reader's saved times with it: their times now (the
    times_fitted notice; an arena_moved one that also cut them says it without the arena)."""
    return _("The organisers changed the meeting plan of “%(arena)s”, and the times you gave "
             "no longer fit it: you are now there %(arrive)s–%(leave)s.",
             arena=p.get("arena", ""), arrive=p.get("arrive", ""), leave=p.get("leave", ""))


def _times_fitted_after_move(p: dict) -> str:
    """The same, following the arena_moved or meetings_retimed sentence, which has named
    the arena and the organisers already: said again, the notice read like two notices
    pasted together."""
    return _("The times you gave no longer fit the new meeting plan: you are now there "
             "%(arrive)s–%(leave)s.", arrive=p.get("arrive", ""), leave=p.get("leave", ""))


def _removed_from_arena(p: dict) -> str:
    """To the person staff took off the list after their yes (arena_notices.person_removed),
    with how many of their meetings that called off, if any."""
    count = int(p.get("count") or 0)
    if not count:
        return _("The organisers have taken you off the list for “%(arena)s”, so you are no "
                 "longer coming.", arena=p.get("arena", ""))
    return ngettext(
        "The organisers have taken you off the list for “%(arena)s”, so you are no longer "
        "coming: your %(num)d meeting there is called off.",
        "The organisers have taken you off the list for “%(arena)s”, so you are no longer "
        "coming: your %(num)d meetings there are called off.", count,
        arena=p.get("arena", ""))


def _invitation_withdrawn(p: dict) -> str:
    """To someone invited who had not answered when staff took them off the list
    (arena_notices.person_removed): the invitation is withdrawn and wants no answer. Not
    "taken off the list, so you are no longer coming": they never said they would come."""
    return _("The organisers have withdrawn your invitation to “%(arena)s” on %(date)s: you "
             "no longer need to answer it.", arena=p.get("arena", ""), date=_day(p))


def _removed_from_waiting_list(p: dict) -> str:
    """To someone on the waiting list after their yes when staff took them off the list
    (arena_notices.person_removed): they no longer wait for a seat. Not "no longer coming"
    nor a schedule: they had no seat, and waited for one."""
    return _("The organisers have taken you off the waiting list for “%(arena)s” on "
             "%(date)s, so you will not be offered a seat there.", arena=p.get("arena", ""),
             date=_day(p))


def _meeting_called_off(p: dict) -> str:
    """To a partner of the person whose meeting went; why "removed": staff took that person
    off the arena's list (arena_notices.person_removed), else they can no longer meet then."""
    who, arena, time = p.get("who", ""), p.get("arena", ""), p.get("time", "")
    if p.get("why") == "removed":
        return _("Your meeting with %(who)s at “%(arena)s” (%(time)s) is called off: the "
                 "organisers have taken %(who)s off the arena's list.",
                 who=who, arena=arena, time=time)
    return _("Your meeting with %(who)s at “%(arena)s” (%(time)s) is called off: %(who)s can "
             "no longer meet then.", who=who, arena=arena, time=time)


def _retimed(p: dict) -> str:
    """The reader's moved meetings' new times: one meeting is singular ("your meeting is
    now at 09:20"), several are a list in the reader's language ("09:00, 09:20 and 09:40").
    The times are stored joined by ", " (arena_notices.meetings_retimed), also in older
    notices, so they are split here rather than stored anew."""
    times = [t for t in str(p.get("times", "")).split(", ") if t]
    return ngettext(
        "The organisers changed the meeting times at “%(arena)s”: your meeting is now at "
        "%(times)s.",
        "The organisers changed the meeting times at “%(arena)s”: your meetings are now at "
        "%(times)s.", len(times) or 1, arena=p.get("arena", ""),
        times=format_list(times, locale=get_locale()) if times else "")


def _arena_moved(p: dict) -> str:
    """The arena's new day, start or venue. A new day says so, with the day it was: "changed
    when or where" gave only the new date, for the reader to compare with the one they had
    in mind. Those whose meetings moved with it (`moved`) read so: each says in the agenda
    where it was. Notices from before `was` and `moved` were kept read as they did."""
    if p.get("was"):
        said = _("The organisers moved “%(arena)s” to another day: it is now %(date)s at "
                 "%(time)s, %(venue)s, no longer %(was)s.",
                 arena=p.get("arena", ""), date=_day(p), time=p.get("time", ""),
                 venue=p.get("venue", ""), was=_day({"date": p["was"]}))
    else:
        said = _("The organisers changed when or where “%(arena)s” is: now %(date)s at "
                 "%(time)s, %(venue)s.", arena=p.get("arena", ""), date=_day(p),
                 time=p.get("time", ""), venue=p.get("venue", ""))
    moved = int(p.get("moved") or 0)
    if moved:
        said += " " + ngettext("Your meeting there moves with it: your agenda shows when it "
                               "is now.", "Your meetings there move with it: your agenda shows "
                               "when they are now.", moved)
    return said


def _no_meetings(p: dict) -> str:
    """No meeting could be fitted for the reader, with why where the schedule knew."""
    from app.services.no_meetings import participant_message

    return participant_message(p.get("arena", ""), p.get("reason"))


# What staff changed for the reader (services/notices.py sends them); params as stored.
STAFF_CHANGES = {
    "schedule_ready": lambda p: _(
        "The meeting schedule for “%(arena)s” is ready: see who you meet, when and at which "
        "table in your agenda.", arena=p.get("arena", "")),
    "schedule_no_meetings": lambda p: _no_meetings(p),
    "schedule_changed": lambda p: _(
        "The organisers changed the meeting schedule for “%(arena)s”, and your agenda with "
        "it: see your new times.", arena=p.get("arena", "")),
    "meeting_moved": lambda p: _(
        "Your meeting with %(who)s at “%(arena)s” is moved to %(time)s, table %(table)s.",
        who=p.get("who", ""), arena=p.get("arena", ""), time=p.get("time", ""),
        table=p.get("table", "")),
    "meetings_called_off": lambda p: ngettext(
        "The organisers changed “%(arena)s”: %(num)d of your meetings no longer fits and is "
        "called off.",
        "The organisers changed “%(arena)s”: %(num)d of your meetings no longer fit and are "
        "called off.", int(p.get("count") or 0), arena=p.get("arena", "")),
    "meetings_retimed": lambda p: _retimed(p)
    + (" " + _times_fitted_after_move(p) if p.get("arrive") else "") + _called_off(p),
    "times_changed_called_off": lambda p: ngettext(
        "The organisers changed your times at “%(arena)s”: %(num)d of your meetings no "
        "longer fits and is called off.",
        "The organisers changed your times at “%(arena)s”: %(num)d of your meetings no "
        "longer fit and are called off.", int(p.get("count") or 0), arena=p.get("arena", "")),
    "times_fitted": lambda p: _times_fitted(p) + _called_off(p),
    # to the person staff took off the list after their yes (arena_notices.person_removed)
    "removed_from_arena": lambda p: _removed_from_arena(p),
    # to the person staff took off the list before their answer (the same)
    "invitation_withdrawn": lambda p: _invitation_withdrawn(p),
    # to the person staff took off the waiting list, where their yes had put them (the same)
    "removed_from_waiting_list": lambda p: _removed_from_waiting_list(p),
    "meeting_called_off": lambda p: _meeting_called_off(p),
    "partner_withdrew": lambda p: _(
        "%(who)s no longer comes to “%(arena)s”, so your meeting at %(time)s is called off.",
        who=p.get("who", ""), arena=p.get("arena", ""), time=p.get("time", "")),
    "partner_left": lambda p: _(
        "Your meeting at “%(arena)s” (%(time)s) is called off: the other participant is no "
        "longer on Koble.", arena=p.get("arena", ""), time=p.get("time", "")),
    "meeting_request_withdrawn": lambda p: _(
        "A meeting request at “%(arena)s” is closed: the other participant no longer comes "
        "to the arena.", arena=p.get("arena", "")) if p.get("why") == "not_coming" else _(
        "A meeting request at “%(arena)s” is closed: the participant who asked took it "
        "back.", arena=p.get("arena", "")) if p.get("why") == "taken_back" else _(
        "A meeting request at “%(arena)s” is closed: the other participant is no longer on "
        "Koble.", arena=p.get("arena", "")),
    "arena_moved": lambda p: _arena_moved(p)
    + (" " + _times_fitted_after_move(p) if p.get("arrive") else "") + _called_off(p),
    "meeting_cancelled": lambda p: _(
        "The organisers cancelled your meeting with %(who)s at “%(arena)s” (%(time)s).",
        who=p.get("who", ""), arena=p.get("arena", ""), time=p.get("time", "")),
    "meeting_restored": lambda p: _(
        "Your meeting with %(who)s at “%(arena)s” is back on: %(time)s, table %(table)s.",
        who=p.get("who", ""), arena=p.get("arena", ""), time=p.get("time", ""),
        table=p.get("table", "")),
    "arena_cancelled": lambda p: _(
        "“%(arena)s” on %(date)s is cancelled by the organisers.",
        arena=p.get("arena", ""), date=_day(p)),
    # Its e-mail is the invitation itself (rsvp.mail_invitation), not this sentence.
    "arena_invited": lambda p: _(
        "You are invited to “%(arena)s” on %(date)s. Say whether you will come.",
        arena=p.get("arena", ""), date=_day(p)),
    "pitch_hidden": lambda p: _(
        "The organisers hid your pitch “%(pitch)s” from investors. Their reason: %(reason)s",
        pitch=p.get("pitch", ""), reason=p.get("reason", "")),
    "pitch_unhidden": lambda p: _(
        "Your pitch “%(pitch)s” is no longer hidden.", pitch=p.get("pitch", "")),
    # to the staff member who hid it, or, when that one is not known any more, to the
    # founder's association's staff (hid_by "staff": moderation.look_again)
    "pitch_republished": lambda p: _(
        "“%(pitch)s”, which you hid, is published again by its founder. It stays hidden "
        "until you unhide it: look at what it says now.", pitch=p.get("pitch", ""))
    if p.get("hid_by", "you") == "you" else _(
        "“%(pitch)s”, which a staff member hid, is published again by its founder. It "
        "stays hidden until a staff member unhides it: look at what it says now.",
        pitch=p.get("pitch", "")),
}


def _late_leaving(p: dict, no_meetings, called_off) -> str:
    """Someone stopped coming after the publication (a no after a yes, a cancel): as many
    meetings as the notice's count are called off, worded `called_off(count, who=, arena=)`,
    or, with none, `no_meetings(who=, arena=)`: that no slot was freed."""
    names = {"who": p.get("who", ""), "arena": p.get("arena", "")}
    count = int(p.get("count") or 0)
    return called_off(count, **names) if count else no_meetings(**names)


def _late_cancel(p: dict) -> str:
    """A participant cancelled from their agenda after publication: they cancelled (not "said
    no"), and how many meetings that freed."""
    return _late_leaving(p, lambda **names: _(
        "%(who)s cancelled their participation in “%(arena)s” after the schedule was "
        "published. They had no meetings in it, so no slot was freed.", **names),
        lambda count, **names: ngettext(
            "%(who)s cancelled their participation in “%(arena)s” after the schedule was "
            "published, and %(num)d meeting with them is called off. Re-run the schedule to "
            "fill the free slot.",
            "%(who)s cancelled their participation in “%(arena)s” after the schedule was "
            "published, and %(num)d meetings with them are called off. Re-run the schedule to "
            "fill the free slots.", count, **names))


def _late_no(p: dict) -> str:
    """A no after a yes, after publication, and how many meetings it called off: none for
    someone who said yes after the publication and was not placed yet."""
    if "count" not in p:
        # Stored before notices counted the meetings: the sentence it was told with.
        return _("%(who)s said no to “%(arena)s” after the schedule was published; their "
                 "meetings are called off. Re-run the schedule to fill the free slots.",
                 who=p.get("who", ""), arena=p.get("arena", ""))
    return _late_leaving(p, lambda **names: _(
        "%(who)s said no to “%(arena)s” after the schedule was published. They had no "
        "meetings in it, so no slot was freed.", **names),
        lambda count, **names: ngettext(
            "%(who)s said no to “%(arena)s” after the schedule was published, and %(num)d "
            "meeting with them is called off. Re-run the schedule to fill the free slot.",
            "%(who)s said no to “%(arena)s” after the schedule was published, and %(num)d "
            "meetings with them are called off. Re-run the schedule to fill the free slots.",
            count, **names))


# What the host associations' staff are told (arena_notices.late_answer, late_cancel,
# seat_given).
TO_STAFF = {
    "late_yes": lambda p: _(
        "%(who)s said yes to “%(arena)s” after the schedule was published and has no "
        "meetings yet. Re-run the schedule to fit them in.",
        who=p.get("who", ""), arena=p.get("arena", "")),
    "late_no": _late_no,
    "late_cancel": _late_cancel,
    "seat_given": lambda p: _(
        "A seat at “%(arena)s” became free after the schedule was published and went to "
        "%(who)s, next on the waiting list, who is now invited and has not answered yet.",
        who=p.get("who", ""), arena=p.get("arena", "")),
}


# A meeting request to the reader, and the answer to one they made (services/meeting_requests).
MEETING_REQUESTS = {
    "meeting_request": lambda p: _(
        "%(who)s asks to meet you at “%(arena)s”. Accept or decline on the list of who comes.",
        who=p.get("who", ""), arena=p.get("arena", "")),
    "meeting_request_accepted": lambda p: _(
        "%(who)s said yes to meeting you at “%(arena)s”.", who=p.get("who", ""),
        arena=p.get("arena", "")),
    "meeting_request_declined": lambda p: _(
        "%(who)s declined your request to meet at “%(arena)s”.", who=p.get("who", ""),
        arena=p.get("arena", "")),
    "meeting_agreement_withdrawn": lambda p: _agreement_withdrawn(p),
}


def _agreement_withdrawn(p: dict) -> str:
    """To the other person of a meeting both wanted, when one took it back before the
    schedule was published (meeting_requests.take_back_agreed)."""
    return _("%(who)s has taken back the meeting you had both agreed to at “%(arena)s”: it is "
             "no longer agreed. You can ask for it again on the list of who comes.",
             who=p.get("who", ""), arena=p.get("arena", ""))


def unread_count(user) -> int:
    """How many of the user's notifications are unread."""
    if user is None or not getattr(user, "is_authenticated", False):
        return 0
    return db.session.scalar(_UNREAD, {"user_id": user.id}) or 0


def in_menu(user) -> bool:
    """Whether the menu offers Notifications: founders and investors get them; staff and
    admins get none, unless they kept some from a role they had before."""
    if user.is_founder or user.is_investor:
        return True
    return db.session.scalar(_ANY, {"user_id": user.id}) is not None


# Built once (the nav shows the count on every page): building the select and its cache key
# cost more CPU than running it.
_UNREAD = select(func.count(Notification.id)).where(
    Notification.user_id == bindparam("user_id"), Notification.read_at.is_(None))

_ANY = select(Notification.id).where(Notification.user_id == bindparam("user_id")).limit(1)


def page_for(user, page: int = 1):
    """One page of the user's notifications, newest first (a Pagination)."""
    query = (select(Notification).where(Notification.user_id == user.id)
             .order_by(Notification.created_at.desc(), Notification.id.desc()))
    return db.paginate(query, page=paging.page_number(page), per_page=PER_PAGE,
                       error_out=False)


def mark_read(user, note_id: int) -> Notification:
    """Mark one of the user's notifications read; someone else's → NotFound."""
    note = db.session.get(Notification, note_id)
    if note is None or note.user_id != user.id:
        raise NotFound(_("Notification not found."))
    if note.read_at is None:
        note.read_at = utcnow()
        db.session.commit()
    return note


@dataclass
class NoticeView:
    """A notification as its reader finds it: where Open leads (None: nowhere left to go)
    and, when it names a pitch the reader may no longer read, what became of the pitch."""

    note: Notification
    link: str | None
    withdrawn: str | None = None


def as_read_by(user, notes) -> list[NoticeView]:
    """The notes as `user` finds them now (one query for the pitches they name).

    A notice about a pitch its founder has since made a draft again, deleted, or staff
    hid no longer opens it (the page would answer "not found"): it says the pitch was
    withdrawn. Its sentence keeps the title it told while the pitch was public, as
    pitch_access has it for everything already said: the title is stored with the notice,
    so nothing written in the draft since reaches it, the e-mail that told it cannot be
    unsent, and without it the reader could not tell which pitch the notice was about.
    A mutual match still opens the list of mutual matches, which keeps the pair (marked
    withdrawn) with the contact details the two agreed to share, while the pitch exists.

    A notice about a pair whose other side deleted their account since says so in its
    sentence (`other_side_left`) and opens nothing but a mutual match, whose pair the list
    of mutual matches keeps, saying that the person left Koble: an interest notice led to
    the pitch's "Interested in this pitch" section, which no longer has them, or to a pitch
    nothing is left of.
    """
    notes = list(notes)
    ids = {pitch_id for note in notes
           if isinstance(pitch_id := (note.params or {}).get("pitch_id"), int)}
    found = ({pitch.id: pitch for pitch in db.session.scalars(
        select(Pitch).where(Pitch.id.in_(ids)))} if ids else {})
    return [_as_read_by(user, note, found) for note in notes]


def _as_read_by(user, note: Notification, found: dict) -> NoticeView:
    if other_side_left(note):
        return NoticeView(note, note.link if note.kind == "mutual_match" else None)
    pitch_id = (note.params or {}).get("pitch_id")
    if not isinstance(pitch_id, int):
        return NoticeView(note, note.link)
    pitch = found.get(pitch_id)
    if pitch is not None and pitch_access.readable_by(user, pitch):
        return NoticeView(note, note.link)
    if pitch is None:
        return NoticeView(note, None, pitch_access.deleted_text())
    link = note.link if note.kind == "mutual_match" else None
    return NoticeView(note, link, pitch_access.withdrawn_text(pitch))


def open_note(user, note_id: int) -> NoticeView:
    """Mark one of the user's notifications read and say where it leads now; someone
    else's → NotFound."""
    return as_read_by(user, [mark_read(user, note_id)])[0]


def settle(user_id: int, kind: str, **about) -> int:
    """The user has done what their unread notices of `kind` about `about` (values in the
    notice's params, e.g. arena_id) asked of them, on the page itself and not through Open:
    an arena invitation answered, a meeting request answered. Those notices are read, as the
    demo's answered invitations are, or the menu's count kept telling of them. Returns how
    many; the caller commits."""
    settled = 0
    for note in db.session.scalars(select(Notification).where(
            Notification.user_id == user_id, Notification.kind == kind,
            Notification.read_at.is_(None))):
        if all((note.params or {}).get(key) == value for key, value in about.items()):
            note.read_at = utcnow()
            settled += 1
    return settled


def mark_all_read(user) -> int:
    """Mark every unread notification of the user read; returns how many."""
    result = db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    db.session.commit()
    return result.rowcount or 0
