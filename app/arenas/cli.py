"""flask arenas …: reminders for the undecided."""

from __future__ import annotations

import click
from flask.cli import AppGroup

arenas_cli = AppGroup("arenas", help="Arena invitations.")


@arenas_cli.command("remind")
def remind():
    """E-mail a reminder to every invitee who has not answered (at most once a day)."""
    from app.services.invitations import remind as send_reminders

    sent = send_reminders()
    click.echo(f"Reminders sent: {sent}.")
