"""A backup that fails leaves no half-written copy behind: the ".partial" file holds the
same personal data as a finished backup, and `db-backup --keep` never prunes it, so before
this each failed night left one more copy of every account for good."""

from __future__ import annotations

import pytest

from app import backup as backup_module
from app import create_app
from app.backup import BackupError, backup
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


def test_a_backup_whose_check_fails_removes_its_partial_copy(db_file, tmp_path, monkeypatch):
    def damaged(path):
        assert path.exists()  # the copy was written before the check refused it
        raise BackupError(f"{path} is damaged.")

    monkeypatch.setattr(backup_module, "_check_sqlite", damaged)
    folder = tmp_path / "backups"
    with pytest.raises(BackupError, match="damaged"):
        backup(f"sqlite:///{db_file}", folder / "nightly.sqlite3")
    assert list(folder.iterdir()) == []


def test_a_good_backup_leaves_only_the_finished_file(db_file, tmp_path):
    folder = tmp_path / "backups"
    made = backup(f"sqlite:///{db_file}", folder / "nightly.sqlite3")
    assert [p.name for p in folder.iterdir()] == ["nightly.sqlite3"]
    assert made.stat().st_size > 0
