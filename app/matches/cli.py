"""`flask matching rebuild [--if-stale]`: fit the engine and recompute every stored score."""

from __future__ import annotations

import click
from flask.cli import AppGroup

matching_cli = AppGroup("matching", help="The matching engine's index and stored scores.")


@matching_cli.command("rebuild")
@click.option("--if-stale", is_flag=True,
              help="Only rebuild when there is no index, or the data, the weights or the "
                   "engine's code (glossary, text analysis, scoring) changed since the last one, "
                   "and not while a rebuild started from the admin page runs.")
@click.option("--k", default=None, type=click.IntRange(1, 1000),
              help="Scores stored per pitch and per investor (default 50).")
def rebuild_command(if_stale: bool, k: int | None):
    """Fit on every published pitch and active investor, save a new index version."""
    from app.services import engine_index, rebuild_jobs
    from app.services.engine_settings import settings

    latest = engine_index.latest_index()
    if if_stale and not engine_index.is_stale():
        click.echo(f"Index version {latest.version} is up to date; nothing to do.")
        return
    if if_stale and rebuild_jobs.running(settings()):
        # the hourly run and `make serve-prod` leave it to the admin's rebuild, which reads
        # the same data, rather than storing every score twice at once
        click.echo("A rebuild started from the admin page is running; nothing to do.")
        return
    if engine_index.built_by_other_engine(latest):
        click.echo(f"Index version {latest.version} was built by another version of the "
                   "matching engine; rebuilding with this one.")
    with click.progressbar(length=len(engine_index.REBUILD_STEPS), label="Rebuilding",
                           show_eta=False, item_show_func=lambda s: s) as bar:
        def progress(step: str) -> None:
            bar.update(1, step)

        result = engine_index.rebuild(progress=progress, k=k or engine_index.TOP_K)
    click.echo(
        f"Index version {result['version']}: {result['pitches']} pitches, "
        f"{result['investors']} investors, {result['scores']} scores stored "
        f"in {result['seconds']:.2f} s."  # the index's own build time, as the admin page says
    )
    learning = result.get("learning") or {}
    if learning.get("enabled") and "good" in learning:
        click.echo(
            f"Feedback: {learning['good']} good and {learning['poor']} poor pairs; "
            + ("weights learned from them." if learning["used"] else
               f"admin weights kept (learning starts at {learning['min_pairs']} of each).")
        )
