"""A participant's agenda at an arena: the page's rows, the meeting at hand on the day, and
why the agenda is empty. The same rows as a calendar file: agenda_calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple

from flask_babel import gettext as _

from app.extensions import db
from app.models import (
    Arena,
    InvestorProfile,
    Invitation,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    User,
)
from app.models.arena import LOCAL_TZ
from app.models.user import aware_utc
from app.services import explain, no_meetings
from app.services.contacts import contacts_visible_to
from app.services.pair_scores import profile_ids, scores_for
from app.services.participants import (
    accepted,
    participant_of,  # noqa: F401  app/api/arenas.py reads agenda.participant_of
)
from app.services.pitch_access import label_for
from app.services.schedule import STAFF_CANCELLED, is_active, meetings, no_meeting_reasons


@dataclass
class AgendaItem:
    """One meeting as one of its participants sees it."""

    meeting: Meeting
    start: datetime
    end: datetime
    table: int  # as people count, from 1
    partner: User
    partner_label: str
    why: str
    email: str | None
    phone: str | None
    active: bool
    feedback: MeetingFeedback | None
    # "partner" or "me" when staff marked that one absent: the meeting did not take place
    absent: str | None = None
    # Staff cancelled it after the schedule was published, so its people were told.
    cancelled_by_staff: bool = False
    # Where it was before staff moved it after publication: (start in Oslo time, table
    # from 1), for "Moved: was 10:00, table 3"; None when it has not moved.
    moved_from: tuple[datetime, int] | None = None


def _contact(visible: set[int], partner: User, profile: InvestorProfile | None):
    if partner.id not in visible:
        return None, None
    if profile is not None:
        return profile.contact_email or partner.email, profile.contact_phone or partner.phone
    return partner.email, partner.phone


def _why_without_score(meeting: Meeting, i_asked: bool) -> str:
    """Why two people meet when the engine has no stored score for them (it leaves out
    pairs that met before, and a request may name someone it never ranked)."""
    if meeting.source == "mutual":
        return _("You both asked to meet.")
    if meeting.source == "one_sided":
        if i_asked:
            return _("You asked to meet.")
        return _("They asked to meet you.")
    return _("Suggested by the organisers.")


class AgendaMeetings(NamedTuple):
    """The viewer's meetings as their agenda shows them (`agenda_meetings`)."""

    meetings: list[Meeting]  # those that take place, by slot and table
    cancelled: list[Meeting]  # those staff cancelled after publishing, until the arena is over


def agenda_meetings(viewer, arena: Arena, now: datetime | None = None,
                    coming: list[Invitation] | None = None) -> AgendaMeetings:
    """Which of the viewer's meetings their agenda shows, for the page (page_items), the
    API's agenda and "My meetings" alike, so they cannot tell different stories: none while
    the schedule is a draft, which only staff see; the meetings that take place, scheduled
    with both people still coming (`is_active`: a partner who withdrew frees the slot at
    once); and, until the arena is over, those staff cancelled after telling the two of them,
    which someone looking on the day would otherwise look for in vain. A meeting called off
    because one of the two stopped coming, or that a re-run replaced, is in neither: they
    were told, and a re-run's "cancelled" rows are no meeting anyone had. `coming`: the
    arena's accepted invitations, when the caller has read them."""
    if not arena.schedule_published:
        return AgendaMeetings([], [])
    coming = accepted(arena.id) if coming is None else coming
    present = {i.user_id for i in coming}
    rows = meetings(arena, user_id=viewer.id, active_only=False)
    held = arena.held_at(now)
    return AgendaMeetings([m for m in rows if is_active(m, present)],
                          [] if held else [m for m in rows if _cancelled_by_staff(arena, m)])


def calendar_items(viewer, arena: Arena) -> list[AgendaItem]:
    """The viewer's meetings for their calendar file, in time order: those that take place,
    and those called off (by staff, a re-run, someone stopping coming, a changed plan)
    after the schedule was published, which their calendar may hold and is to strike out.
    Not a draft's meetings, nor rows a re-run of the draft left out: the file never carried
    them, and a cancelled event for them put a meeting nobody had in the calendar."""
    if not arena.schedule_published:
        return []
    rows = meetings(arena, user_id=viewer.id, active_only=False)
    # A "scheduled" row is in the published schedule: with someone no longer coming it is
    # sent cancelled, as a stale event could send its people to a meeting nobody holds.
    return _items(viewer, arena, [m for m in rows if m.state == "scheduled"
                                  or _changed_since_published(arena, m)], accepted(arena.id))


def _items(viewer, arena: Arena, rows: list[Meeting], coming: list[Invitation]
           ) -> list[AgendaItem]:
    """`rows`, the viewer's meetings, as the agenda shows them, in time order; `coming`:
    the arena's accepted invitations."""
    present = {i.user_id for i in coming}
    absent = {i.user_id for i in coming if i.attended is False}
    profiles = profile_ids({m.investor_user_id for m in rows})
    scores = scores_for({m.pitch_id for m in rows}, profiles.values())
    profile_rows = {p.user_id: p for p in db.session.query(InvestorProfile).filter(
        InvestorProfile.user_id.in_(list(profiles) or [0]))}
    feedback = {f.meeting_id: f for f in db.session.query(MeetingFeedback).filter(
        MeetingFeedback.user_id == viewer.id,
        MeetingFeedback.meeting_id.in_([m.id for m in rows] or [0]))}
    # The people the viewer asked to meet here (for the one-sided meetings' reason).
    asked_by_me = set(db.session.scalars(db.select(MeetingRequest.to_user_id).where(
        MeetingRequest.arena_id == arena.id, MeetingRequest.from_user_id == viewer.id)))
    # whose contact details the viewer may see, asked once for all partners
    visible = contacts_visible_to(viewer, [m.investor if m.founder_user_id == viewer.id
                                           else m.founder for m in rows])
    out = []
    for m in rows:
        i_am_founder = m.founder_user_id == viewer.id
        partner = m.investor if i_am_founder else m.founder
        profile = profile_rows.get(m.investor_user_id)
        if i_am_founder:
            label = profile.organisation if profile else ""
        else:
            label = label_for(viewer, m.pitch)  # a withdrawn pitch is not named
        match = scores.get((m.pitch_id, profiles.get(m.investor_user_id)))
        email, phone = _contact(visible, partner, profile if i_am_founder else None)
        out.append(AgendaItem(
            meeting=m, start=arena.slot_start(m.slot), end=arena.slot_end(m.slot),
            table=m.table + 1, partner=partner, partner_label=label,
            why=(explain.explain(match, explain.FOUNDER if i_am_founder else explain.INVESTOR)
                 if match
                 else _why_without_score(m, partner.id in asked_by_me)),
            email=email, phone=phone, active=is_active(m, present),
            feedback=feedback.get(m.id),
            absent=("me" if viewer.id in absent else "partner" if partner.id in absent
                    else None),
            cancelled_by_staff=_cancelled_by_staff(arena, m),
            moved_from=(None if m.moved_from_start is None
                        else (aware_utc(m.moved_from_start).astimezone(LOCAL_TZ),
                              (m.moved_from_table or 0) + 1))))
    # In UTC: in autumn's repeated hour the second 02:00 (fold=1) compares equal to the first
    # within one zone. A meeting called off comes after the one that took its slot.
    out.sort(key=lambda item: (item.start.astimezone(UTC), not item.active, item.table))
    return out


def why_you_match(viewer, arena: Arena, rows: list[Meeting],
                  coming: list[Invitation] | None = None) -> dict[int, str]:
    """The agenda page's "Why you match" for each of `rows`, the viewer's meetings at the
    arena, by meeting id, in the request's language: the page's rows' own (`_items`), so
    that the API's agenda says it word for word (explaining reads only what the session
    holds, match_sides, and the rows load the pitch and profile it reads). `coming`: the
    arena's accepted invitations, when the caller has read them."""
    coming = accepted(arena.id) if coming is None else coming
    return {item.meeting.id: item.why for item in _items(viewer, arena, rows, coming)}


def _changed_since_published(arena: Arena, meeting: Meeting) -> bool:
    """Whether the meeting was last written once the schedule was published. For a meeting
    called off that says it was called off then, so its people had it until then: nothing
    writes a called-off row again but what brings it back (a restore, a re-run that places
    it), and a row called off in the draft keeps the stamp it had then."""
    return (arena.schedule_published_at is not None
            and aware_utc(meeting.updated_at) >= aware_utc(arena.schedule_published_at))


def _cancelled_by_staff(arena: Arena, meeting: Meeting) -> bool:
    """Whether staff cancelled the meeting once its people could see it. A cancel in a draft
    is kept as such too (a re-run leaves the pair out), but nobody knew of that meeting."""
    return meeting.state == STAFF_CANCELLED and _changed_since_published(arena, meeting)


def page_items(viewer, arena: Arena, now: datetime | None = None) -> list[AgendaItem]:
    """The agenda page's rows: `agenda_meetings`, the cancelled ones marked so."""
    coming = accepted(arena.id)
    shown = agenda_meetings(viewer, arena, now, coming)
    return _items(viewer, arena, shown.meetings + shown.cancelled, coming)


def now_and_next(arena: Arena, items: list[AgendaItem], now: datetime | None = None
                 ) -> tuple[AgendaItem | None, AgendaItem | None]:
    """On the arena's day (Oslo's calendar), while it runs: the viewer's meeting going on
    now and the next one to come, of `items` (in time order; active ones only). A phone
    shows the meetings one under the other, each one that has begun with its follow-up
    question, so by mid-morning the one at hand is far down the page. A meeting whose
    partner staff marked absent is neither. (None, None) on any other day, and once the
    arena is marked done or cancelled."""
    now = now or datetime.now(UTC)
    if (arena.status != "scheduled" or not arena.schedule_published
            or now.astimezone(LOCAL_TZ).date() != arena.date):
        return None, None
    current = upcoming = None
    for item in items:
        if not item.active or item.absent:  # called off, or one of the two is not there
            continue
        # In UTC: a time in autumn's repeated hour compares by clock face within one zone.
        start, end = item.start.astimezone(UTC), item.end.astimezone(UTC)
        if current is None and start <= now < end:
            current = item
        elif upcoming is None and start > now:
            upcoming = item
    return current, upcoming


def contacts_to_come(items: list[AgendaItem], now: datetime | None = None) -> bool:
    """Whether some of the viewer's meetings still to come show no contact details yet
    (they come once the meeting has begun: schedule.meeting_partners), for the agenda's
    note that says so. A meeting had, or missed for an absence, shows none for good."""
    now = now or datetime.now(UTC)
    return any(not item.email and item.active and item.absent is None
               and item.start.astimezone(UTC) > now for item in items)


def schedule_status(arena: Arena) -> str:
    """Where the arena's meeting schedule is, as a participant may know it: "published",
    "draft" (built, but only staff see it, so nobody has meetings yet) or "none" (not
    built)."""
    if arena.schedule_published:
        return "published"
    # A draft is built while the arena still invites, too (schedule.build leaves it so).
    built = arena.scheduled_at is not None or arena.status in ("scheduled", "done")
    return "draft" if built else "none"


def why_empty(viewer, arena: Arena) -> str:
    """Why the agenda of the viewer, a participant (participant_of), shows no meeting (or,
    for a cancelled arena, none at all): the agenda page's sentence, which the API's agenda
    gives too."""
    if arena.status == "cancelled":
        return _("This arena is cancelled.")
    status = schedule_status(arena)
    if status == "none":
        return _("The schedule is not ready yet. You will find your meetings here when the "
                 "organisers have built it.")
    if status == "draft" and arena.status == "done":
        return _("The organisers did not publish a meeting schedule for this arena.")
    if status == "draft":
        # A draft only staff see: it may still change, so nothing of it is told.
        return _("The organisers are planning the meetings, and the plan can still change. "
                 "You will find your meetings here, and we will tell you, when they publish "
                 "the meeting schedule.")
    return why_none(viewer, arena)


def why_none(viewer, arena: Arena) -> str:
    """Why the viewer has no meeting in the published schedule, worded as the notice that
    told them when it was published, from what the scheduler knows now."""
    return no_meetings.participant_message(arena.title, no_meeting_reasons(arena).get(viewer.id))
