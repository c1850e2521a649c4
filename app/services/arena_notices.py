"""Who is told what when staff change an arena or its schedule (wording in notifications.py,
delivery in notices.py). One notice per person and event, however many meetings it touches.
Each function adds the notices and returns them; the caller commits, then `notices.send`s.

Nobody is told about the meetings of a draft schedule (not yet published): they never saw
them, so a move, a cancellation or a call-off there is no news to them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select

from app.extensions import db
from app.models import Arena, Invitation, Meeting, MeetingRequest, Notification, User
from app.services import notices, notifications
from app.templating import clock_face

# An agenda as its owner sees it: (partner, slot, table) of each active meeting.
Agendas = dict[int, frozenset[tuple[int, int, int]]]


def agendas(active: Iterable[Meeting]) -> Agendas:
    """Each person's agenda from the arena's active meetings."""
    out: dict[int, set] = {}
    for m in active:
        out.setdefault(m.founder_user_id, set()).add((m.investor_user_id, m.slot, m.table))
        out.setdefault(m.investor_user_id, set()).add((m.founder_user_id, m.slot, m.table))
    return {uid: frozenset(items) for uid, items in out.items()}


def _lost(called_off: Iterable[Meeting]) -> Counter[int]:
    """How many of each person's meetings were called off."""
    return Counter(uid for m in called_off for uid in (m.founder_user_id, m.investor_user_id))


def _agenda_link(arena: Arena) -> str:
    return notices.link("meetings.agenda", arena_id=arena.id)


def _known(arena: Arena, meetings: Iterable[Meeting]) -> list[Meeting]:
    """The meetings their people know of: none while the schedule is a draft."""
    return list(meetings) if arena.schedule_published else []


def _none_fitted(arena: Arena, users, gaps: dict[int, str], staff) -> list[Notification]:
    """Each of `users` learns that no meeting could be fitted for them, with why (a
    no_meetings code) where the schedule knows."""
    path = _agenda_link(arena)
    notes = []
    for user in users:
        notes += notices.tell([user], "schedule_no_meetings", path, actor=staff,
                              arena=arena.title, arena_id=arena.id,
                              reason=gaps.get(user.id, ""))
    return notes


def schedule_published(arena: Arena, participants: list[Invitation], gaps: dict[int, str],
                       staff) -> list[Notification]:
    """The schedule is published: each participant with meetings learns their agenda is
    ready, each without (`gaps`: user id → why) that none could be fitted. One each."""
    ready = [i.user for i in participants if i.user_id not in gaps]
    notes = notices.tell(ready, "schedule_ready", _agenda_link(arena), actor=staff,
                         arena=arena.title, arena_id=arena.id)
    return notes + _none_fitted(arena, [i.user for i in participants if i.user_id in gaps],
                                gaps, staff)


def schedule_changed(arena: Arena, participants: list[Invitation], before: Agendas,
                     after: Agendas, gaps: dict[int, str], staff) -> list[Notification]:
    """A re-run of a published schedule tells only those whose meetings changed (time,
    table or partner); one left with none learns that none could be fitted, and why."""
    changed = [i.user for i in participants
               if before.get(i.user_id, frozenset()) != after.get(i.user_id, frozenset())]
    notes = notices.tell([u for u in changed if u.id in after], "schedule_changed",
                         _agenda_link(arena), actor=staff, arena=arena.title,
                         arena_id=arena.id)
    return notes + _none_fitted(arena, [u for u in changed if u.id not in after], gaps, staff)


def _to_both(arena: Arena, meeting: Meeting, kind: str, staff) -> list[Notification]:
    """One notice to each person in the meeting, naming the other (none in a draft)."""
    if not arena.schedule_published:
        return []
    path = _agenda_link(arena)
    notes = []
    for user, partner in ((meeting.founder, meeting.investor),
                          (meeting.investor, meeting.founder)):
        notes += notices.tell([user], kind, path, actor=staff, arena=arena.title,
                              arena_id=arena.id, meeting_id=meeting.id, who=partner.name,
                              who_id=partner.id,
                              time=clock_face(arena.slot_start(meeting.slot)),
                              table=meeting.table + 1)
    return notes


def meeting_moved(arena: Arena, meeting: Meeting, staff) -> list[Notification]:
    """Both people learn the meeting's new time and table."""
    return _to_both(arena, meeting, "meeting_moved", staff)


def meeting_cancelled(arena: Arena, meeting: Meeting, staff) -> list[Notification]:
    """Both people learn that staff cancelled their meeting."""
    return _to_both(arena, meeting, "meeting_cancelled", staff)


def meeting_restored(arena: Arena, meeting: Meeting, staff) -> list[Notification]:
    """Both people learn that a cancelled meeting is back, with its time and table."""
    return _to_both(arena, meeting, "meeting_restored", staff)


def meetings_called_off(arena: Arena, called_off: Iterable[Meeting], staff,
                        skip: frozenset[int] | set[int] = frozenset()) -> list[Notification]:
    """Each person who lost meetings to an edit of the arena, once, with how many (but not
    those in `skip`, told otherwise)."""
    count: Counter[int] = Counter()
    users = {}
    for m in _known(arena, called_off):
        for user in (m.founder, m.investor):
            if user.id in skip:
                continue
            count[user.id] += 1
            users[user.id] = user
    path = _agenda_link(arena)
    notes = []
    for uid, n in sorted(count.items()):
        notes += notices.tell([users[uid]], "meetings_called_off", path, actor=staff,
                              arena=arena.title, arena_id=arena.id, count=n)
    return notes


def meetings_retimed(arena: Arena, moved: Iterable[Meeting], active: Iterable[Meeting],
                     called_off: Iterable[Meeting], staff,
                     fitted: Iterable[Invitation] = ()) -> list[Notification]:
    """An edit of the arena's slot plan moved some meetings in time (and perhaps called
    others off): each person with a moved meeting learns their meetings' new times, and
    their own new arrive/leave times when the plan cut those too (`fitted`), with how many
    were called off; the others whose saved times were cut learn their new times, with
    how many were called off; the others who only lost meetings learn how many."""
    called_off = _known(arena, called_off)
    movers = {uid for m in _known(arena, moved)
              for uid in (m.founder_user_id, m.investor_user_id)}
    lost = _lost(called_off)
    times: dict[int, list[str]] = {}
    users = {}
    for m in sorted((m for m in active if m.state == "scheduled"), key=lambda m: m.slot):
        for user in (m.founder, m.investor):
            if user.id in movers:
                times.setdefault(user.id, []).append(clock_face(arena.slot_start(m.slot)))
                users[user.id] = user
    # One notice each: a mover whose times were cut too learns them in the same notice
    # (as arena_moved carries them); left to times_fitted they were never told.
    cut = {i.user_id: i for i in fitted}
    path = _agenda_link(arena)
    notes = []
    for uid in sorted(movers):
        window = _fitted_times(arena, cut[uid]) if uid in cut else {}
        notes += notices.tell([users[uid]], "meetings_retimed", path, actor=staff,
                              arena=arena.title, arena_id=arena.id,
                              times=", ".join(times[uid]), **window, count=lost[uid])
    fitted = [i for uid, i in cut.items() if uid not in movers]
    notes += times_fitted(arena, fitted, lost, staff)
    told = movers | {i.user_id for i in fitted}
    return notes + meetings_called_off(arena, called_off, staff, skip=told)


def times_fitted(arena: Arena, fitted: Iterable[Invitation], lost: Counter[int], staff
                 ) -> list[Notification]:
    """The new plan cut the saved times of `fitted` (availability.fit_times_to_arena): each
    learns the times they now have, on the arena's page, with how many of their meetings
    were called off (`lost`)."""
    path = notices.link("arenas.view", arena_id=arena.id)
    notes = []
    for invitation in fitted:
        notes += notices.tell([invitation.user], "times_fitted", path, actor=staff,
                              arena=arena.title, arena_id=arena.id,
                              **_fitted_times(arena, invitation),
                              count=lost[invitation.user_id])
    return notes


def _fitted_times(arena: Arena, invitation: Invitation) -> dict[str, str]:
    """The times a person has at the arena once the plan cut theirs (arrive, leave)."""
    arrive = invitation.arrive_slot or 0
    leave = arena.slot_count if invitation.leave_slot is None else invitation.leave_slot
    return {"arrive": clock_face(arena.slot_start(arrive)),
            "leave": clock_face(arena.slot_start(leave))}


def _partners(arena: Arena, person, called_off: Iterable[Meeting], kind: str, actor,
              **extra) -> list[Notification]:
    """Each partner of the person's called-off meetings, once, naming the person and the
    meeting's time (`extra`: more params for the notice, e.g. why)."""
    path = _agenda_link(arena)
    notes = []
    for m in _known(arena, called_off):
        partner = m.investor if m.founder_user_id == person.id else m.founder
        notes += notices.tell([partner], kind, path, actor=actor, arena=arena.title,
                              arena_id=arena.id, meeting_id=m.id, who=person.name, who_id=person.id,
                              time=clock_face(arena.slot_start(m.slot)), **extra)
    return notes


def times_changed(arena: Arena, person, called_off: list[Meeting], staff
                  ) -> list[Notification]:
    """Staff changed a person's times and some of their meetings no longer fit: the person
    learns how many (unless they made the change), each partner which meeting."""
    if not _known(arena, called_off):
        return []
    notes = notices.tell([person], "times_changed_called_off", _agenda_link(arena),
                         actor=staff, arena=arena.title, arena_id=arena.id,
                         count=len(called_off))
    return notes + _partners(arena, person, called_off, "meeting_called_off", staff)


def person_removed(arena: Arena, person, called_off: list[Meeting], staff,
                   was: str = "invited") -> list[Notification]:
    """Staff took a participant off the list: each partner of their called-off meetings
    learns which one, and that the organisers took the person off the list (why "removed":
    not that the person can no longer meet then, as when staff change their times). The
    person learns it too, as their invitation stood (`was`, its state before): after a yes
    ("accepted"), with how many of their meetings in the published schedule are called off:
    before, they were told nothing and their agenda just changed. One still invited, who
    had not answered, learns that the invitation is withdrawn, and the notice that asked for
    their answer is settled: before, the invitation just read "Cancelled", and an answer was
    refused without a reason. One on the waiting list after their yes ("waiting_list")
    learns that they are off it, so no seat will come: before, nobody told them, and they
    waited for a seat that could not come."""
    page = notices.link("arenas.view", arena_id=arena.id)
    if was == "accepted":
        notes = notices.tell([person], "removed_from_arena", page, actor=staff,
                             arena=arena.title, arena_id=arena.id,
                             count=len(_known(arena, called_off)))
    elif was == "waiting_list":
        notes = notices.tell([person], "removed_from_waiting_list", page, actor=staff,
                             arena=arena.title, arena_id=arena.id,
                             date=arena.date.isoformat())
    else:
        notifications.settle(person.id, "arena_invited", arena_id=arena.id)
        notes = notices.tell([person], "invitation_withdrawn", page, actor=staff,
                             arena=arena.title, arena_id=arena.id,
                             date=arena.date.isoformat())
    return notes + _partners(arena, person, called_off, "meeting_called_off", staff,
                             why="removed")


def partner_withdrew(arena: Arena, person, called_off: list[Meeting]) -> list[Notification]:
    """A participant stopped coming (withdrew, or said no after a yes): each partner of
    their called-off meetings learns which one."""
    return _partners(arena, person, called_off, "partner_withdrew", person)


def partner_left(arena: Arena, person, called_off: list[Meeting]) -> list[Notification]:
    """A participant left Koble (deleted their account or was deactivated): each partner of
    their called-off meetings learns which one, and only that the other participant is no
    longer on Koble, not who left or why (their name would outlive a deleted account)."""
    path = _agenda_link(arena)
    notes = []
    for m in _known(arena, called_off):
        partner = m.investor if m.founder_user_id == person.id else m.founder
        notes += notices.tell([partner], "partner_left", path, actor=person,
                              arena=arena.title, arena_id=arena.id, meeting_id=m.id,
                              time=clock_face(arena.slot_start(m.slot)))
    return notes


def request_withdrawn(arena: Arena, person, other, left_koble: bool = True
                      ) -> list[Notification]:
    """A meeting request between `person` and `other` was still unanswered when `person`
    left Koble (or stopped coming to the arena: `left_koble` False): `other` learns that it
    is closed and why, but not who (as `partner_left`: a name would outlive a deleted
    account)."""
    return notices.tell([other], "meeting_request_withdrawn",
                        notices.link("meetings.participants", arena_id=arena.id),
                        actor=person, arena=arena.title, arena_id=arena.id,
                        **({} if left_koble else {"why": "not_coming"}))


def requests_withdrawn(person, withdrawn: Iterable[MeetingRequest], left_koble: bool = True
                       ) -> list[Notification]:
    """The other side of each of `person`'s withdrawn requests
    (`meeting_requests.withdraw_pending`), told as `request_withdrawn` says."""
    notes = []
    for req in withdrawn:
        other = req.to_user if req.from_user_id == person.id else req.from_user
        notes += request_withdrawn(req.arena, person, other, left_koble)
    return notes


def arena_moved(arena: Arena, active: Iterable[Meeting], called_off: Iterable[Meeting],
                staff, fitted: Iterable[Invitation] = (), was_date: date | None = None,
                moved: Iterable[Meeting] = ()) -> list[Notification]:
    """The arena's date, start or venue changed: everyone coming or still invited learns
    the new ones, once, with how many of their meetings the edit called off, and those
    whose saved times the same edit cut (`fitted`) their new times too (staff read that
    they are told). Those with meetings are sent to their agenda, the others to the
    arena's page. A new day (`was_date`, the day it had) is said as such, with the day it
    was: "changed when or where" left the reader to compare the dates themselves. Those
    whose meetings it `moved` (a new day or start) read that their meetings move too."""
    lost = _lost(_known(arena, called_off))
    meeting = {uid for m in _known(arena, active)
               for uid in (m.founder_user_id, m.investor_user_id)}
    cut = {i.user_id: i for i in fitted}
    arena_page = notices.link("arenas.view", arena_id=arena.id)
    moved_from = ({"was": was_date.isoformat()}
                  if was_date is not None and was_date != arena.date else {})
    shifted = _lost(_known(arena, moved))  # how many of each person's meetings moved
    notes = []
    told = set()
    for invitation in told_of_cancellation(arena):
        uid = invitation.user_id
        told.add(uid)
        times = _fitted_times(arena, cut[uid]) if uid in cut else {}
        notes += notices.tell([invitation.user], "arena_moved",
                              _agenda_link(arena) if uid in meeting else arena_page,
                              actor=staff, arena=arena.title, arena_id=arena.id,
                              date=arena.date.isoformat(),
                              time=arena.start_time.strftime("%H:%M"), venue=arena.venue,
                              **times, **moved_from, moved=shifted[uid], count=lost[uid])
    # Anyone cut but not among those told of the move still learns their times.
    return notes + times_fitted(arena, [i for uid, i in cut.items() if uid not in told],
                                lost, staff)


def invited(arena: Arena, invitations: Iterable[Invitation], staff=None) -> list[Notification]:
    """The invitation in the app as well as in the inbox: a notice opening the invitation
    page, for those just invited (sent by staff, or given a seat from the waiting list).
    Never passed to `notices.send`: the invitation's own e-mail (rsvp.mail_invitation) is
    the one that goes, with its answer link; a second mail would say the same."""
    return notices.tell((i.user for i in invitations), "arena_invited",
                        notices.link("arenas.view", arena_id=arena.id), actor=staff,
                        arena=arena.title, arena_id=arena.id, date=arena.date.isoformat())


def late_answer(arena: Arena, person, said_yes: bool, freed: int = 0) -> list[Notification]:
    """A yes, or a no after a yes, once the schedule is published: the staff of the host
    associations (the administrators while they have none: `host_staff`) learn of it in the
    app, with a link to the schedule, where a re-run fits the newcomer in or fills the freed
    slots. A no says how many meetings it called off (`freed`), as a cancel's notice does:
    someone who said yes after the publication has none. Never passed to `notices.send`:
    staff and admins get no notice e-mails (mail_preferences).
    Before publishing nobody is told: building the draft again takes the answers in."""
    if said_yes:
        return _to_host_staff(arena, person, "late_yes")
    return _to_host_staff(arena, person, "late_no", count=freed)


def late_cancel(arena: Arena, person, freed: int) -> list[Notification]:
    """A participant cancelled their participation (meeting_changes.withdraw) once the
    schedule is published, calling off `freed` meetings: the host associations' staff learn
    of it as of a late no (`late_answer`), so the free slots do not go unnoticed. Not for
    staff's own Remove: they made the change."""
    return _to_host_staff(arena, person, "late_cancel", count=freed)


def seat_given(arena: Arena, newly: Iterable[Invitation]) -> list[Notification]:
    """A seat freed once the schedule is published (a cancel, a no, someone leaving Koble)
    went to the next on the waiting list (rsvp.fill_seats): the host associations' staff
    learn who is newly invited, in the app only, as of a late answer, so the new name on
    the list does not go unnoticed until their yes (`late_answer`) or never. Not for
    staff's own Remove: the page that took the person off names who got the seat."""
    notes = []
    for invitation in newly:
        notes += _to_host_staff(arena, invitation.user, "seat_given")
    return notes


def host_staff(arena: Arena) -> list[User]:
    """Who runs the arena day to day, and so hears of late answers there: the active staff
    of its host associations; when none of them has any (the last one left or moved), the
    active administrators, who manage every arena, rather than nobody."""
    staff = list(db.session.scalars(select(User).where(
        User.role == "staff", User.active.is_(True),
        User.association_id.in_(arena.host_ids)).order_by(User.id)))
    return staff or list(db.session.scalars(select(User).where(
        User.role == "admin", User.active.is_(True)).order_by(User.id)))


def _to_host_staff(arena: Arena, person, kind: str, **params) -> list[Notification]:
    """Each of the arena's `host_staff` gets the notice `kind` about `person`, opening the
    staff schedule page; nobody while the schedule is a draft."""
    if not arena.schedule_published:
        return []
    return notices.tell(host_staff(arena), kind,
                        notices.link("meetings_staff.schedule", arena_id=arena.id),
                        who=person.name, who_id=person.id, arena=arena.title, arena_id=arena.id,
                        **params)


# Who hears of a cancelled arena: those who said yes and those whose answer is awaited.
TOLD_OF_CANCELLATION = ("accepted", "invited")


def told_of_cancellation(arena: Arena) -> list[Invitation]:
    """The invitations whose people cancelling the arena tells (once it has invited)."""
    return list(db.session.scalars(select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.state.in_(TOLD_OF_CANCELLATION),
        Invitation.invited_at.is_not(None)).order_by(Invitation.id)))


def arena_cancelled(arena: Arena, staff) -> list[Notification]:
    """Everyone coming or still invited learns the arena is cancelled."""
    invitations = told_of_cancellation(arena)
    return notices.tell((i.user for i in invitations), "arena_cancelled",
                        notices.link("arenas.view", arena_id=arena.id), actor=staff,
                        arena=arena.title, arena_id=arena.id, date=arena.date.isoformat())
