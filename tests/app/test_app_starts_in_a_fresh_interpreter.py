"""`flask run` and gunicorn build the app by importing wsgi in a new interpreter. The test
run imports the modules in its own order, so an import cycle that stops that start can
pass every other test (869e2f5: invitations -> rsvp -> meeting_changes -> availability ->
invitations, ImportError at start, the suite green). Guard: a fresh interpreter imports
wsgi and builds the app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wsgi_builds_the_app_in_a_fresh_interpreter(tmp_path):
    env = {**os.environ, "KOBLE_INSTANCE_DIR": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'koble.sqlite'}"}
    env.pop("KOBLE_ENV", None)
    done = subprocess.run([sys.executable, "-c", "import wsgi; print(wsgi.app.name)"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("app")
