"""`flask demo seed`: deterministic, realistic demo data with printed logins."""

from __future__ import annotations

import sys
import time

import click
from flask.cli import AppGroup
from sqlalchemy import func, select

from app.demo.generator import DEMO_PASSWORD, generate
from app.demo.loader import DemoAlreadyLoaded, demo_loaded, load
from app.extensions import db
from app.models import Pitch
from app.services.passwords import hash_password
from app.services.reference import ensure_associations

demo_cli = AppGroup("demo", help="Demo data for development, trials and benchmarks.")


@demo_cli.command("seed")
@click.option("--pitches", default=200, show_default=True, type=click.IntRange(min=0),
              help="How many pitches (founders get one to three each).")
@click.option("--investors", default=60, show_default=True, type=click.IntRange(min=0),
              help="How many investors, each with a full profile.")
@click.option("--seed", "seed", default=1, show_default=True, type=int,
              help="Random seed: the same seed gives the same data.")
@click.option("--if-empty", is_flag=True,
              help="Do nothing when the database already has pitches.")
def seed_command(pitches: int, investors: int, seed: int, if_empty: bool) -> None:
    """Create founders, pitches, investors, staff and an admin, and print demo logins."""
    started = time.perf_counter()
    ensure_associations()
    if if_empty:
        existing = db.session.scalar(select(func.count(Pitch.id))) or 0
        if existing:
            click.echo(f"The database already has {existing} pitches; no demo data added.")
            return

    if demo_loaded():
        raise click.ClickException("Demo accounts are already in the database. "
                                   "Use a fresh database, or --if-empty to skip.")

    data = generate(pitches=pitches, investors=investors, seed=seed)
    # scrypt is slow on purpose: hash the shared demo password once for every account.
    password_hash = hash_password(DEMO_PASSWORD)
    with click.progressbar(length=data.total_rows, label="Seeding demo data",
                           file=sys.stderr) as bar:
        try:
            counts = load(data, password_hash, progress=bar.update)
        except DemoAlreadyLoaded as error:
            raise click.ClickException(
                f"{error} Use a fresh database, or --if-empty to skip.") from error

    elapsed = time.perf_counter() - started
    roles: dict[str, int] = {}
    for user in data.users:
        roles[user["role"]] = roles.get(user["role"], 0) + 1
    published = sum(1 for p in data.pitches if p["status"] == "published")
    click.echo(
        f"Added {counts['users']} users ({', '.join(f'{n} {r}' for r, n in roles.items())}), "
        f"{counts['pitches']} pitches ({published} published), "
        f"{counts['investor profiles']} investor profiles, {counts['interest marks']} interest "
        f"marks, {counts['notifications']} notifications, {counts['arenas']} arenas with "
        f"{counts['meetings']} meetings in {elapsed:.1f} s (seed {seed})."
    )
    _print_logins(data.logins)


def _print_logins(logins: list[dict]) -> None:
    """The demo accounts to log in with, and which ones are good to try."""
    click.echo("")
    click.echo(f"Demo logins — every demo account uses the password: {DEMO_PASSWORD}")
    width = max((len(login["email"]) for login in logins), default=10)
    click.echo(f"  {'role':<9} {'e-mail':<{width}}  name / what to try")
    for login in logins:
        click.echo(f"  {login['role']:<9} {login['email']:<{width}}  "
                   f"{login['name']} — {login['note']}")
    founders = [x["email"] for x in logins if x["role"] == "founder"]
    investors = [x["email"] for x in logins if x["role"] == "investor"]
    if founders and investors:
        click.echo(f"Good to try: log in as {founders[0]} and {investors[0]} — "
                   "their pitches and profile are made to match.")
