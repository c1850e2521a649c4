"""flask arenas …: reminders for the undecided, and a person's times at an arena."""

from __future__ import annotations

import click
from flask.cli import AppGroup

arenas_cli = AppGroup("arenas", help="Arena invitations and people's times there.")


@arenas_cli.command("remind")
def remind():
    """E-mail a reminder to every invitee who has not answered (at most once a day)."""
    from app.services.invitation_sending import remind as send_reminders

    sent = send_reminders()
    click.echo(f"Reminders sent: {sent.count}.")
    if sent.failed:
        click.echo(f"E-mails that could not be sent (tried again next run): {sent.failed}.",
                   err=True)


@arenas_cli.command("times")
@click.argument("arena_id", type=int)
@click.argument("email")
@click.option("--arrive", metavar="HH:MM", help="Arrives at the start of this slot.")
@click.option("--leave", metavar="HH:MM", help="Leaves at the end of this slot.")
@click.option("--cap", metavar="N", help="At most N meetings (0 to the arena's limit).")
@click.option("--clear", is_flag=True,
              help="Back to the arena's own start, end and limit (then apply the options "
                   "given with it).")
def times(arena_id: int, email: str, arrive: str | None, leave: str | None, cap: str | None,
          clear: bool):
    """Show or set when a person arrives at and leaves an arena and at most how many meetings
    they want, as the arena's staff can. Without options it only shows them. Once the
    schedule is made, the person's meetings that no longer fit are called off."""
    from app.extensions import db
    from app.models import Arena
    from app.services import availability
    from app.services.accounts import find_user
    from app.services.errors import DomainError, NotFound

    arena = db.session.get(Arena, arena_id)
    if arena is None:
        raise click.ClickException(f"No arena with the id {arena_id}.")
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"No account with the e-mail {email}.")
    try:
        invitation = availability.invitation_of_user(arena, user.id)
    except NotFound:
        raise click.ClickException(f"{user.email} is not on the list of arena {arena.id} "
                                   f"({arena.title}).") from None
    if not (clear or arrive is not None or leave is not None or cap is not None):
        _show(arena, invitation)
        return
    before = (invitation.arrive_slot, invitation.leave_slot, invitation.meeting_cap)
    values = list((None, None, None) if clear else before)
    refusal = availability.staff_refusal(arena, invitation)
    if refusal:  # no values would do (a held arena first): say why, not what is wrong with them
        raise click.ClickException(refusal)
    try:
        if arrive is not None:
            values[0] = availability.arrive_at(arena, arrive)
        if leave is not None:
            values[1] = availability.leave_at(arena, leave)
        if cap is not None:
            values[2] = availability.cap_from(cap)
        invitation, freed = availability.set_by_staff(None, arena, invitation.id, *values)
    except DomainError as error:
        raise click.ClickException(error.message + _hint(arena, error.field)) from error
    arena = invitation.arena
    after = (invitation.arrive_slot, invitation.leave_slot, invitation.meeting_cap)
    click.echo("Saved." if after != before else "Nothing changed.")
    _show(arena, invitation)
    if freed:
        click.echo(f"{_n(freed, 'meeting')} no longer fit and "
                   f"{'was' if freed == 1 else 'were'} called off. Re-run the schedule to fill "
                   "the slots.")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _hint(arena, field: str | None) -> str:
    """The times one can choose, after a refusal of a time."""
    from app.services import availability

    if field == "arrive_slot":
        return " Arrival times: " + _clocks(availability.arrive_choices(arena)) + "."
    if field == "leave_slot":
        return " Leaving times: " + _clocks(availability.leave_choices(arena)) + "."
    return ""


def _clocks(choices) -> str:
    return ", ".join(f"{when:%H:%M}" for _slot, when in choices)


def _show(arena, invitation) -> None:
    from app.services import availability

    arrive, leave = availability.window(invitation, arena)
    own = invitation.meeting_cap
    limit = (f"at most {_n(invitation.cap(arena), 'meeting')} (own limit; the arena's is "
             f"{arena.cap})" if own is not None
             else f"up to {_n(arena.cap, 'meeting')} (the arena's limit)")
    user = invitation.user
    click.echo(f"{arena.title} (arena {arena.id}, {arena.date:%Y-%m-%d}, {arena.status})")
    click.echo(f"{user.name} <{user.email}>: {invitation.side}, {invitation.state}")
    click.echo(f"  arrives {availability.clock(arena, arrive)}, leaves "
               f"{availability.clock(arena, leave)} "
               f"({_n(len(invitation.available_slots(arena)), 'meeting slot')}), {limit}")
    click.echo(f"  arrival times: {_clocks(availability.arrive_choices(arena))}")
    click.echo(f"  leaving times: {_clocks(availability.leave_choices(arena))}")
