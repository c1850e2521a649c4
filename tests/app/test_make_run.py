"""`make run` serves where the README says: 127.0.0.1:5000, or the port given as PORT=; its
migrate step is quiet on a fresh clone."""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _planned_commands(*args: str, env: dict | None = None, target: str = "run") -> str:
    """What `make run` (or another target) would do, without doing it (`make -n`)."""
    return subprocess.run(
        ["make", "-n", target, *args], cwd=ROOT, capture_output=True, text=True, check=True,
        env={**os.environ, **(env or {})},
    ).stdout


def test_make_run_serves_on_port_5000_by_default():
    assert "flask run --host 127.0.0.1 --port 5000" in _planned_commands()


def test_make_run_serves_on_the_port_given_on_the_command_line():
    assert "flask run --host 127.0.0.1 --port 5085" in _planned_commands("PORT=5085")


def test_a_port_in_the_environment_does_not_move_make_run():
    assert "--port 5000" in _planned_commands(env={"PORT": "8080"})


def test_the_migrate_step_names_no_migration_but_still_shows_errors(tmp_path):
    """A newcomer's first `make run` printed every migration's "Running upgrade" line with its
    docstring in full, pages of text before the demo logins."""
    (upgrade,) = [line for line in _planned_commands(target="migrate").splitlines()
                  if "db upgrade" in line]
    database = tmp_path / "fresh.sqlite"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "FLASK_APP": "wsgi.py"}

    def migrate() -> subprocess.CompletedProcess:
        return subprocess.run(shlex.split(upgrade), cwd=ROOT, env=env, capture_output=True,
                              text=True)

    done = migrate()
    assert done.returncode == 0, done.stderr
    assert "Running upgrade" not in done.stdout + done.stderr
    with sqlite3.connect(database) as connection:
        (version,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        connection.execute("UPDATE alembic_version SET version_num = 'deadbeef'")
    assert version == ScriptDirectory(str(ROOT / "migrations")).get_current_head()
    refused = migrate()
    assert refused.returncode != 0
    assert "Can't locate revision identified by 'deadbeef'" in refused.stderr
