"""A backup is readable by its owner only: it holds every account's e-mail address,
password hash and messages. SQLite (and pg_dump) created it after the umask, so with the
usual 022 every user of the machine could read the nightly copies."""

from __future__ import annotations

import os
import stat

import pytest

from app import create_app
from app.backup import backup
from app.extensions import db
from app.services.reference import ensure_associations


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "koble.db"
    application = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with application.app_context():
        db.create_all()
        ensure_associations()
        db.session.remove()
        db.engine.dispose()
    return path


@pytest.fixture
def usual_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_and_the_folder_made_for_it_are_the_owners_only(db_file, tmp_path,
                                                                  usual_umask):
    made = backup(f"sqlite:///{db_file}", tmp_path / "backups" / "nightly.sqlite3")
    assert _mode(made) == 0o600
    assert _mode(made.parent) == 0o700


def test_an_overwritten_backup_is_the_owners_only_too(db_file, tmp_path, usual_umask):
    target = tmp_path / "nightly.sqlite3"
    target.write_bytes(b"yesterday's")
    target.chmod(0o644)
    made = backup(f"sqlite:///{db_file}", target, overwrite=True)
    assert _mode(made) == 0o600
    assert made.stat().st_size > len(b"yesterday's")
