"""Publishing an arena's draft schedule: what it would do (the page that asks first),
and doing it: participants see their agendas from then on and are each told once.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

from app.extensions import db
from app.models import Arena
from app.models.user import utcnow
from app.services import arena_notices, audit, no_meetings, notices
from app.services import arenas as arena_service
from app.services.errors import DomainError
from app.services.participants import accepted
from app.services.schedule import ScheduleClosed, bump, closed_because, no_meeting_reasons


@dataclass(frozen=True)
class Publication:
    """Who learns what when the draft is published: the agenda (with meetings) or that no
    meeting could be fitted (with why, where known); `fits_now` of the latter would get a
    meeting if staff built the draft again first."""

    with_meetings: int
    without: int
    fits_now: int

    @property
    def people(self) -> int:
        return self.with_meetings + self.without


def _check_publishable(arena: Arena) -> None:
    closed = closed_because(arena)
    if closed is not None:
        raise ScheduleClosed(closed)
    if arena.schedule_published:
        raise DomainError(_("The schedule is already published."))
    if arena.scheduled_at is None:
        raise DomainError(_("Build the schedule first."))


def to_publish(arena: Arena) -> Publication:
    """What publishing the draft now would do (for the page that asks first)."""
    _check_publishable(arena)
    present = {i.user_id for i in accepted(arena.id)}
    gaps = no_meeting_reasons(arena)
    return Publication(with_meetings=len(present) - len(gaps), without=len(gaps),
                       fits_now=sum(1 for code in gaps.values()
                                    if code == no_meetings.FITS_NOW))


def publish(staff, arena: Arena) -> Publication:
    """Show the draft to the participants: their agendas, calendar files and the API show
    it from now on, and each participant is told once, those without meetings that none
    could be fitted (and why, where the schedule knows). Moves and call-offs from now on
    tell those affected."""
    arena = arena_service.lock_arena(arena.id)
    _check_publishable(arena)
    invitations = accepted(arena.id)
    gaps = no_meeting_reasons(arena)
    arena.schedule_published_at = utcnow()
    # Published, the plan is everyone's: the invitation list and the invitees' own times
    # close ("scheduled"); answers are still taken until the deadline.
    if arena.status == "inviting":
        arena.status = "scheduled"
    bump(arena)
    told = arena_notices.schedule_published(arena, invitations, gaps, staff)
    db.session.commit()
    notices.send(told)
    outcome = Publication(with_meetings=len(invitations) - len(gaps), without=len(gaps),
                          fits_now=sum(1 for code in gaps.values()
                                       if code == no_meetings.FITS_NOW))
    audit.record("schedule_published", actor=staff, target=f"arena:{arena.id}",
                 detail=f"with={outcome.with_meetings} without={outcome.without}")
    return outcome
