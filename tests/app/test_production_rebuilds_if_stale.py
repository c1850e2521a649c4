"""An upgrade that changes the engine is followed by a rebuild without anyone remembering it:
`make serve-prod` runs `flask matching rebuild --if-stale` after migrating and seeding, and
the README's hourly line runs it too. Before, the production steps left it to the operator,
and the site served the old release's scores until someone did."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from app.extensions import db
from app.models import EngineIndex
from app.models.user import utcnow
from app.services.engine_settings import settings
from tests.app.matching_data import tiny_market

ROOT = Path(__file__).resolve().parents[2]
REBUILD = "flask matching rebuild --if-stale"


def _recipe(target: str) -> list[str]:
    """The commands of a Makefile target, continuation lines joined."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    body = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", text, re.M).group(1)
    return [line.strip() for line in body.splitlines()]


def test_serve_prod_rebuilds_if_stale_after_migrating_and_before_serving():
    steps = " ".join(_recipe("serve-prod"))
    order = [steps.find(s) for s in ("flask db upgrade", "flask seed-reference", REBUILD,
                                     "gunicorn ")]
    assert -1 not in order and order == sorted(order), steps


def _production_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Production"):]
    return " ".join(section[:section.index("\n## ", 1)].split())


def test_the_readme_hourly_line_and_upgrade_steps_rebuild_if_stale():
    section = _production_section()
    hourly = re.search(r"`cd /srv/koble && ([^`]*)`", section).group(1)
    assert "flask arenas remind" in hourly and f".venv/bin/{REBUILD}" in hourly
    assert "flask db upgrade && .venv/bin/flask seed-reference && " \
           f".venv/bin/{REBUILD}" in section


def _versions() -> int:
    return db.session.scalar(select(func.count(EngineIndex.id)))


def test_if_stale_on_an_empty_database_stores_an_empty_index_then_rests(app):
    """A guard: what `make serve-prod` runs on a new installation."""
    runner = app.test_cli_runner()
    first = runner.invoke(args=["matching", "rebuild", "--if-stale"])
    assert first.exit_code == 0, first.output
    assert "0 pitches, 0 investors, 0 scores" in first.output and _versions() == 1
    again = runner.invoke(args=["matching", "rebuild", "--if-stale"])
    assert again.exit_code == 0 and "up to date" in again.output and _versions() == 1


def test_if_stale_leaves_it_to_a_rebuild_running_from_the_admin_page(app):
    tiny_market()
    row = settings()
    row.rebuild_status, row.rebuild_started_at = "running", utcnow() - timedelta(minutes=2)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["matching", "rebuild", "--if-stale"])
    assert result.exit_code == 0, result.output
    assert "A rebuild started from the admin page is running; nothing to do." in result.output
    assert _versions() == 0
    # one marked running for over an hour died with its process: rebuild
    row.rebuild_started_at = utcnow() - timedelta(hours=2)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["matching", "rebuild", "--if-stale"])
    assert "3 pitches, 3 investors" in result.output and _versions() == 1
