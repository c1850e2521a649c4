"""The flask CLI: users, reference data, and the feature groups."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from app.services import accounts, reference
from app.services.errors import DomainError

users_cli = AppGroup("users", help="Manage accounts.")


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", type=click.Choice(["founder", "investor", "staff", "admin"]),
              required=True)
@click.option("--association", help="Association slug (asker, baerum, drammen, …).")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
def create_user(email: str, name: str, role: str, association: str | None, password: str):
    """Create an account of any role (staff and admin are made only here)."""
    from app.extensions import db

    reference.ensure_associations()
    if role == "staff" and not accounts.association_by_slug(association):
        raise click.UsageError("Staff belong to an association: give --association SLUG.")
    try:
        user = accounts.create_user(email=email, name=name, password=password, role=role,
                                    association=association)
    except DomainError as error:
        raise click.ClickException(error.message) from error
    db.session.commit()
    click.echo(f"Created {role} {user.email} (id {user.id}).")


@click.command("seed-reference")
def seed_reference():
    """Create the six associations if they are missing (idempotent)."""
    added = reference.ensure_associations()
    click.echo(f"Associations added: {added}.")


def register_commands(app: Flask) -> None:
    """Attach every command group to the app."""
    app.cli.add_command(users_cli)
    app.cli.add_command(seed_reference)
