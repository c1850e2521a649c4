"""A participant's agenda at an arena as a calendar file (iCalendar), for the download and
the e-mails that carry it; the rows come from agenda.calendar_items.

Each meeting's calendar UID names the arena and the pair, so it stays the same when a
re-run or a move changes the time; SEQUENCE is the arena's schedule sequence and DTSTAMP
the last change, so calendar apps replace the old event. Meetings that were called off
once the person could have them in their calendar (after the schedule was published) are
sent as STATUS:CANCELLED; those of a draft, which no file carried, are not sent at all.

The file also holds the arena itself as one event (date, start to end, venue, title), so that
someone who said yes has it in their calendar before the schedule is made. Its UID names the
arena; its SEQUENCE is Arena.calendar_sequence (raised when its time, venue or title changes
or it is cancelled, not by a schedule change) plus the person's Invitation.calendar_sequence
(raised each time they are invited, start or stop coming), so it only ever rises, and only
when the event says something new. It is TENTATIVE while they are
invited (the invitation e-mail carries the file), CANCELLED once the arena is cancelled or
the person no longer comes; such a person may still fetch the file, to clear their calendar.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask_babel import gettext as _
from icalendar import Calendar, Event

from app.extensions import db
from app.models import Arena, Invitation, Meeting
from app.models.arena import LOCAL_TZ
from app.models.invitation import calendar_status
from app.services import links
from app.services.agenda import calendar_items
from app.services.deleted_accounts import shown
from app.services.participants import NotParticipant, participant_of

UID_DOMAIN = "koble.no"
# The VTIMEZONE describes Oslo's offsets this long either side of the arena's day.
TZ_MARGIN = timedelta(days=7)


def meeting_uid(meeting: Meeting) -> str:
    """Stable across re-runs: the arena and the pair, never the slot or the row."""
    return (f"arena{meeting.arena_id}-f{meeting.founder_user_id}-i{meeting.investor_user_id}"
            f"@{UID_DOMAIN}")


def _utc(stamp: datetime | None) -> datetime:
    stamp = stamp or datetime.now(UTC)
    if stamp.tzinfo is None:  # SQLite hands back naive datetimes (stored as UTC)
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)


def _stamp(arena: Arena) -> datetime:
    return _utc(arena.scheduled_at or arena.updated_at)


def arena_uid(arena: Arena) -> str:
    """The arena's own event: one per arena, never a meeting's (those name the pair)."""
    return f"arena{arena.id}@{UID_DOMAIN}"


def calendar_filename(arena: Arena) -> str:
    """The calendar file's name, for a download and an e-mail's attachment alike."""
    return f"koble-arena-{arena.id}.ics"


def calendar_reader(user, arena_id: int) -> Invitation:
    """Whose calendar file this is: an accepted participant, or someone who once accepted
    and no longer comes (their file cancels the arena and their meetings). Others are
    refused as participant_of refuses them."""
    try:
        return participant_of(user, arena_id)
    except NotParticipant:
        invitation = db.session.scalar(db.select(Invitation).where(
            Invitation.arena_id == arena_id, Invitation.user_id == user.id))
        if invitation is None or not invitation.calendar_sequence:
            raise
        return invitation


def _arena_event(arena: Arena, invitation: Invitation) -> Event:
    """The arena itself: CONFIRMED while the person comes, TENTATIVE while they are invited
    (the invitation e-mail carries it), CANCELLED otherwise or once the arena is cancelled."""
    event = Event()
    event.add("uid", arena_uid(arena))
    # Not arena.version nor the rows' updated_at: every schedule change, and the person's
    # times, a reminder or attendance, move those, and the event, unchanged, read as
    # "updated" in calendar apps (calendar_sequence and calendar_changed_at move together,
    # on the arena and on the invitation).
    event.add("dtstamp", max(_utc(arena.calendar_changed_at or arena.updated_at),
                             _utc(invitation.calendar_changed_at or invitation.updated_at)))
    event.add("sequence", (arena.calendar_sequence or 0) + (invitation.calendar_sequence or 0))
    event.add("dtstart", arena.starts_at)
    event.add("dtend", arena.ends_at)
    event.add("summary", arena.title)
    if arena.venue:
        event.add("location", arena.venue)
    # The agenda only opens for who comes (participant_of): the invitation e-mail's tentative
    # event, and a no's cancelled one, lead to the invitation page, where they can answer.
    if invitation.state == "accepted":
        url = links.url("meetings.agenda", arena_id=arena.id, external=True)
        description = _("Your agenda: %(url)s", url=url)
    else:
        url = links.url("arenas.view", arena_id=arena.id, external=True)
        description = _("Your invitation: %(url)s", url=url)
    event.add("url", url)
    event.add("description", description)
    event.add("status", "CANCELLED" if arena.status == "cancelled"
              else calendar_status(invitation.state))
    event.add("transp", "OPAQUE")
    return event


def calendar(viewer, arena: Arena, invitation: Invitation | None = None) -> bytes:
    """The viewer's agenda as an iCalendar file: the arena, then one VEVENT per meeting."""
    cal = Calendar()
    cal.add("prodid", "-//Koble//Arena agenda//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", arena.title)
    cal.add("x-wr-timezone", str(LOCAL_TZ))
    stamp = _stamp(arena)
    if invitation is None:
        invitation = db.session.scalar(db.select(Invitation).where(
            Invitation.arena_id == arena.id, Invitation.user_id == viewer.id))
    if invitation is not None:
        cal.add_component(_arena_event(arena, invitation))
    for item in calendar_items(viewer, arena):
        event = Event()
        event.add("uid", meeting_uid(item.meeting))
        event.add("dtstamp", stamp)
        event.add("sequence", arena.schedule_sequence or 0)
        event.add("dtstart", _calendar_time(item.start))
        event.add("dtend", _calendar_time(item.end))
        # Not a template: a deleted partner's placeholder is mapped here, as the page does.
        who = shown(item.partner.name) + (f" ({shown(item.partner_label)})"
                                          if item.partner_label else "")
        event.add("summary", _("Meeting with %(who)s", who=who))
        event.add("location", _("%(venue)s, table %(table)d", venue=arena.venue or arena.title,
                                table=item.table))
        event.add("description", item.why)
        event.add("status", "CONFIRMED" if item.active else "CANCELLED")
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    _add_timezone(cal, arena)
    return cal.to_ical()


def _calendar_time(moment: datetime) -> datetime:
    """A meeting's time for the file: Oslo time (TZID), but UTC for the second run of
    autumn's repeated hour, since RFC 5545 reads a local time shown twice as its first
    occurrence and two meetings would then share an instant."""
    moment = moment.astimezone(LOCAL_TZ)
    if moment.fold and moment.replace(fold=0).utcoffset() != moment.utcoffset():
        return moment.astimezone(UTC)
    return moment


def _add_timezone(cal: Calendar, arena: Arena) -> None:
    """The VTIMEZONE that RFC 5545 requires for the events' TZID=Europe/Oslo.

    icalendar builds it from the tz database. Limited to the weeks around the arena it
    is a few lines with the offsets (and any DST change) that apply, instead of every
    change from 1970 to 2038; it goes before the events, where one-pass readers look.
    """
    cal.add_missing_timezones(first_date=arena.date - TZ_MARGIN,
                              last_date=arena.date + TZ_MARGIN)
    for zone in cal.walk("VTIMEZONE"):
        for observance in zone.standard + zone.daylight:
            _onset_in_offset_from(observance)
    cal.subcomponents.sort(key=lambda component: component.name != "VTIMEZONE")


def _onset_in_offset_from(observance) -> None:
    """RFC 5545 gives a change's onset (DTSTART) as the clock read in TZOFFSETFROM: Oslo's
    spring change is 02:00. icalendar 6.3 (and 7.x, whose from_tzinfo is the same) writes
    the first clock time the new offset shows, 03:00, for spring; it finds the change by
    adding to a wall-clock time, and the skipped hour reads with the old offset. A reader
    using the file's own VTIMEZONE would then place 02:00 to 03:00 UTC+2 an hour late.
    Here the onset is found again in UTC, where adding is exact, and written in the "from"
    offset; for autumn that gives the same 03:00 icalendar writes."""
    offset_from, offset_to = observance.TZOFFSETFROM, observance.TZOFFSETTO
    if offset_from == offset_to:
        return  # the window's first observance, not a change
    onset = observance.DTSTART
    low = datetime.combine(onset.date(), datetime.min.time(), UTC) - timedelta(days=1)
    high = low + timedelta(days=3)
    if low.astimezone(LOCAL_TZ).utcoffset() != offset_from \
            or high.astimezone(LOCAL_TZ).utcoffset() != offset_to:
        return  # not the change around that day: leave icalendar's value
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(LOCAL_TZ).utcoffset() == offset_from:
            low = middle
        else:
            high = middle
    observance.DTSTART = (high + offset_from).replace(tzinfo=None, microsecond=0)
