"""`make run` serves where the README says: 127.0.0.1:5000, or the port given as PORT=."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _planned_commands(*args: str, env: dict | None = None) -> str:
    """What `make run` would do, without doing it (`make -n`)."""
    return subprocess.run(
        ["make", "-n", "run", *args], cwd=ROOT, capture_output=True, text=True, check=True,
        env={**os.environ, **(env or {})},
    ).stdout


def test_make_run_serves_on_port_5000_by_default():
    assert "flask run --host 127.0.0.1 --port 5000" in _planned_commands()


def test_make_run_serves_on_the_port_given_on_the_command_line():
    assert "flask run --host 127.0.0.1 --port 5085" in _planned_commands("PORT=5085")


def test_a_port_in_the_environment_does_not_move_make_run():
    assert "--port 5000" in _planned_commands(env={"PORT": "8080"})
