"""The flask CLI: users, reference data, and the feature groups."""

from __future__ import annotations

import os

import click
from flask import Flask
from flask.cli import AppGroup

from app.backup import KEEP as BACKUPS_KEPT
from app.demo.cli import demo_cli
from app.services import accounts, reference
from app.services.errors import DomainError

users_cli = AppGroup("users", help="Manage accounts.")


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", type=click.Choice(["founder", "investor", "staff", "admin"]),
              required=True)
@click.option("--association", help="Association slug (asker, baerum, drammen, …).")
@click.option("--password", help="Asked for (twice, not shown) when not given.")
def create_user(email: str, name: str, role: str, association: str | None,
                password: str | None):
    """Create an account of any role (staff and admin are made only here)."""
    from app.extensions import db

    reference.ensure_associations()
    # Everything but the password is checked before it is asked for: typing a password
    # twice to learn then that the address or the association was wrong helped nobody.
    if association:
        _association(association)
    elif role == "staff":
        raise click.UsageError("Staff belong to an association: give --association SLUG "
                               f"({', '.join(_slugs())}).")
    try:
        accounts.check_new_account(email, name)
        if password is None:
            password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        user = accounts.create_user(email=email, name=name, password=password, role=role,
                                    association=association)
    except DomainError as error:
        raise click.ClickException(error.message) from error
    db.session.commit()
    click.echo(f"Created {role} {user.email} (id {user.id}).")


def _user_by_email(email: str):
    from app.services.accounts import find_user

    user = find_user(email)
    if user is None:
        raise click.ClickException(f"No account with the e-mail {email}.")
    return user


@users_cli.command("set-role")
@click.argument("email")
@click.argument("role", type=click.Choice(["founder", "investor", "staff", "admin"]))
@click.option("--association", help="Association slug; required for staff (asker, baerum, …).")
def set_role(email: str, role: str, association: str | None):
    """Change an account's role (audited; the person's sessions end; their part in the
    arenas not yet held on the old role's side ends) and say what that ended."""
    from app.services import account_access, departures

    user = _user_by_email(email)
    assoc = _association(association) if association else None
    if role == "admin" and not association:
        assoc = user.association  # an admin keeps their association unless told otherwise
    old = user.role
    old_slug = user.association.slug if user.association else "none"
    left = account_access.arenas_left(user, role, assoc)
    try:
        ended = account_access.set_role(user, role, association=assoc)
    except DomainError as error:
        if error.field == "association":
            raise click.UsageError("Staff belong to an association: give --association SLUG "
                                   f"({', '.join(_slugs())}).") from error
        raise click.ClickException(error.message) from error
    done = f"{user.email}: {old} → {role}"
    if assoc is not None and user.association != assoc:
        # account_access.set_role keeps a founder's or investor's association, as the admin's
        # role form says (admin.account_changes.set_role): say so rather than name the one not set
        kept = user.association.slug if user.association else "none"
        click.echo(f"{done}. Their association is not changed ({kept}): a founder's or "
                   "investor's association is not changed here.")
    else:
        click.echo(done + (f" ({assoc.slug})" if assoc else "") + ".")
    if ended.invitations or ended.requests:  # the arenas they took part in on the old side
        click.echo(departures.role_changed_message("", ended).strip())
    _echo_arenas_left(user.email, old_slug, left)


def _echo_arenas_left(who: str, slug: str, left) -> None:
    """The arenas not yet held `who` no longer manages (account_access.arenas_left): they
    stay with the association `slug`, as the admin's pages say."""
    for item in left:
        # late answers there reach the administrators meanwhile (arena_notices.host_staff)
        managed = (f"{item.others} other staff member(s) manage it" if item.others else
                   "no other staff member manages it: only administrators, and late answers "
                   f"there go to the administrators until {slug} has active staff again")
        click.echo(f"  {who} no longer manages {item.arena.title} ({item.arena.date.isoformat()}"
                   f", arena {item.arena.id}); it stays with {slug}: {managed}.")


def _slugs() -> list[str]:
    from sqlalchemy import select

    from app.extensions import db
    from app.models import Association

    return list(db.session.scalars(select(Association.slug).order_by(Association.slug)))


def _association(slug: str):
    found = accounts.association_by_slug(slug)
    if found is None:
        raise click.UsageError(f"No association with the slug {slug!r}. "
                               f"Known: {', '.join(_slugs())}.")
    return found


@users_cli.command("deactivate")
@click.argument("email")
def deactivate(email: str):
    """Deactivate an account (audited; every session ends, every API token is revoked, its
    part in the arenas not yet held ends) and say what that ended, as the admin page does."""
    from app.services import account_access, departures

    user = _user_by_email(email)
    left = account_access.arenas_left(user)
    try:
        ended = account_access.set_active(user, False)
    except DomainError as error:
        raise click.ClickException(error.message) from error
    click.echo(departures.deactivated_message(user.email, ended))
    if user.association is not None:
        _echo_arenas_left(user.email, user.association.slug, left)


@users_cli.command("delete")
@click.argument("email")
@click.option("--yes", is_flag=True, help="Do not ask first.")
def delete(email: str, yes: bool):
    """Delete an account on the person's request, staff and admins too (audited; as the
    admin page does: name, e-mail and texts removed for good, their part in the arenas not
    yet held ended; the last active admin stays). Says first what it ends and asks."""
    from app.services import account_access, departures

    user = _user_by_email(email)
    try:
        ahead = account_access.deletion_ahead(user)
    except DomainError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"Deleting {user.email} ({user.role}, id {user.id}) removes their name, e-mail "
               "address, phone and texts for good; it cannot be undone. It ends "
               f"{ahead.invitations} arena invitation(s), {ahead.meetings} meeting(s) in "
               f"published schedules, {ahead.requests} meeting request(s) and revokes "
               f"{ahead.tokens} API token(s).")
    if user.association is not None:
        _echo_arenas_left(user.email, user.association.slug, account_access.arenas_left(user))
    if not yes:
        click.confirm("Delete the account?", abort=True)
    address = user.email
    try:
        ended = account_access.delete_user(user)
    except DomainError as error:
        raise click.ClickException(error.message) from error
    click.echo(departures.deleted_message(address, ended))


@users_cli.command("activate")
@click.argument("email")
def activate(email: str):
    """Reactivate an account (audited)."""
    from app.services import account_access

    user = _user_by_email(email)
    account_access.set_active(user, True)
    click.echo(f"{user.email} is active again.")


@click.command("seed-reference")
def seed_reference():
    """Create the six associations if they are missing (idempotent)."""
    added = reference.ensure_associations()
    click.echo(f"Associations added: {added}.")


@click.command("db-backup")
@click.argument("path", type=click.Path())
@click.option("--keep", default=BACKUPS_KEPT, show_default=True, type=click.IntRange(min=1),
              help="Backups named by Koble (koble-backup-<UTC time>.sqlite3 or .dump) kept "
                   "in the folder after this one is written; older ones are deleted, files "
                   "of any other name never.")
@click.option("--overwrite", is_flag=True,
              help="Replace the file at PATH if there is one (without it, an existing file "
                   "is refused and nothing is written).")
def db_backup(path: str, keep: int, overwrite: bool):
    """Copy the live database to PATH (SQLite backup API, or pg_dump -Fc). PATH is a file
    (refused if it exists, unless --overwrite), or a folder (existing, or ending in "/") in
    which Koble names a new file. Then only the newest --keep backups Koble named stay in
    that folder."""
    from flask import current_app

    from app.backup import BackupError, backup, named_in, prune

    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    try:
        if os.path.isdir(path) or path.endswith(("/", os.sep)):
            path = named_in(path, url)
        written = backup(url, path, overwrite=overwrite)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backup written to {written}.")
    try:
        deleted = prune(written.parent, keep)
    except OSError as error:
        raise click.ClickException(f"Older backups could not be deleted: {error}") from error
    if deleted:
        click.echo(f"Older backups deleted (keeping the newest {keep}): "
                   + ", ".join(p.name for p in deleted) + ".")


@click.command("db-restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask before replacing the data.")
def db_restore(path: str, yes: bool):
    """Replace the database's contents with the backup at PATH."""
    from flask import current_app

    from app.backup import BackupError, restore
    from app.extensions import db
    from app.services import audit, erasure_ledger, page_versions

    if not yes:
        click.confirm("This replaces every row in the database. Continue?", abort=True)
    db.session.remove()
    db.engine.dispose()
    try:
        restore(current_app.config["SQLALCHEMY_DATABASE_URI"], path)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    db.engine.dispose()
    page_versions.renew(db.session)
    click.echo(f"Restored from {path}.")
    again = erasure_ledger.reapply()
    if again.accounts or again.pitches:
        audit.record("erasures_reapplied",
                     detail=f"accounts {again.accounts}, pitches {again.pitches}")
    click.echo(f"Deleted again, as they were deleted after this backup was made: "
               f"{again.accounts} account(s), {again.pitches} pitch(es).")
    if again.unreadable:
        click.echo(f"WARNING: {again.unreadable} line(s) of the erasure ledger "
                   f"({current_app.config['ERASURE_LEDGER']}) could not be read; what they "
                   "name was not deleted again.", err=True)


@click.command("prune")
def prune():
    """Delete what Koble keeps only for a while: API Idempotency-Key answers older than a
    day, create-form tokens older than 30 days, forms kept after a logout or a failed save
    older than a day, audit events older than a year, and, after
    an account or a pitch was deleted, the matching engine's saved index versions built
    before (rebuilt first when the newest is one of them), as the privacy page promises.
    Run it with the hourly reminders."""
    from app.services import audit, deleted_texts, form_once, idempotent_requests, kept_forms

    keys = idempotent_requests.prune()
    forms = form_once.prune()
    kept = kept_forms.prune()
    events = audit.prune()
    click.echo(f"Expired Idempotency-Key answers deleted: {keys}. Old form tokens deleted: "
               f"{forms}. Forms kept after a logout or a failed save, older than a day, "
               f"deleted: {kept}. Audit events older than a year deleted: {events}.")
    erased = deleted_texts.erase_deleted_texts()
    if erased is None:
        return
    if erased["busy"]:
        click.echo("Texts were deleted, but an index rebuild is running: their saved index "
                   "versions go at the next prune.")
        return
    rebuilt = erased["rebuilt"]
    built = (f"Index rebuilt as version {rebuilt['version']} in {rebuilt['seconds']:.2f} s. "
             if rebuilt else "")
    click.echo(f"Texts were deleted: {built}Saved index versions built before the deletion "
               f"deleted: {erased['deleted']}.")


def register_commands(app: Flask) -> None:
    """Attach every command group to the app."""
    app.cli.add_command(users_cli)
    from app.matches.cli import matching_cli

    app.cli.add_command(matching_cli)
    app.cli.add_command(seed_reference)
    app.cli.add_command(demo_cli)
    app.cli.add_command(db_backup)
    app.cli.add_command(db_restore)
    app.cli.add_command(prune)
    from app.arenas.cli import arenas_cli

    app.cli.add_command(arenas_cli)
    from app.members.cli import export, members_cli

    app.cli.add_command(members_cli)
    app.cli.add_command(export)
