"""`flask members import FILE` and `flask export pitches|investors|matches`, with progress."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext
from flask_babel import force_locale

from app.config import Config
from app.services import data_exports, member_files, member_import_apply, member_import_plan
from app.services.accounts import association_by_slug
from app.services.exports import csv_text, norwegian_csv, xlsx_bytes

members_cli = AppGroup("members", help="Import members from CSV or .xlsx.")


@members_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--association", help="Association slug for new members (default: from "
                                    "their municipality).")
@click.option("--dry-run", is_flag=True, help="Show what would happen; write nothing.")
def import_members(path: str, association: str | None, dry_run: bool):
    """Create or update founders and investors from FILE (CSV or .xlsx)."""
    if association and association_by_slug(association) is None:
        raise click.UsageError(f"No association with slug {association!r}.")
    # No request, as for every other command: a file's refusal and the rows' reasons then
    # speak the command line's language (app.i18n.CLI_LOCALE) with its own lines, not the
    # site's bokmål among English. The set-password links need no request
    # (member_import_apply._link); each invitation mail is in its recipient's language.
    data = Path(path).read_bytes()
    try:
        table = member_files.read_upload(path, data)
    except member_files.BadFile as error:
        raise click.ClickException(error.message) from error
    rows = table.rows
    if table.sheet:
        click.echo(f"Read from the sheet {table.sheet!r}.")
    if table.ignored:
        click.echo("Columns not read (their cells are left out): " + ", ".join(table.ignored))
    plans = member_import_plan.plan(rows, table.headers, lines=table.lines)
    for row in plans:
        if row.action == "reject":
            click.echo(f"line {row.line}: rejected {row.email or '?'}: " + " ".join(row.reasons))
    counts = member_import_plan.counts(plans)
    click.echo(f"{counts['create']} to create, {counts['update']} to update, "
               f"{counts['reject']} rejected.")
    if dry_run:
        click.echo("Dry run: nothing written.")
        return
    with click.progressbar(length=len(rows), label="Importing") as bar:
        result = member_import_apply.apply(None, rows, association=association, progress=bar.update)
    click.echo(f"Imported: {result['create']} created, {result['update']} updated, "
               f"{result['reject']} rejected; {result['mailed']} invitations sent.")


KINDS = {"pitches": data_exports.pitch_rows, "investors": data_exports.investor_rows,
         "matches": data_exports.match_rows}


@click.command("export")
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="csv")
@click.option("--lang", type=click.Choice(Config.LANGUAGES), default=None,
              help="The file's language: its headers and list values, and for a CSV its "
                   "dialect (default: the site's default language, bokmål).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@with_appcontext  # as members_cli's commands are: the request it made gave it one before
def export(kind: str, fmt: str, lang: str | None, output: str):
    """Write every published pitch, investor or mutual match to a CSV or .xlsx file (drafts
    are their founders' alone: left out, as from staff's)."""
    # As `members import`, no made-up request: the command's own lines speak the command
    # line's language (app.i18n.CLI_LOCALE), the file the one chosen here. It was written
    # in the site's default language whatever one wanted.
    with force_locale(lang or current_app.config["BABEL_DEFAULT_LOCALE"]):
        header, rows = KINDS[kind](None)
        header = [str(h) for h in header]
        # the headers' language decides the dialect: bokmål headers with commas between
        # cells put every row in column A of a Norwegian Excel
        norwegian = norwegian_csv()
    with click.progressbar(rows, label=f"Exporting {kind}") as bar:
        collected = list(bar)
    if fmt == "xlsx":
        Path(output).write_bytes(xlsx_bytes(header, collected, title=kind))
    else:
        Path(output).write_text("\ufeff" + csv_text(header, collected, norwegian=norwegian),
                                encoding="utf-8", newline="")
    click.echo(f"Wrote {len(collected)} {kind} to {output}.")
