"""`flask db-restore` refuses a file that is no Koble backup and changes nothing. Trying the
README's restore on a scratch instance, a text file ended in a traceback
(sqlite3.DatabaseError: file is not a database), and an empty file, what a backup that
failed to be written or a wrong path leaves, was restored as SQLite opens it, as an empty
database: every table of the live one was gone, and the command said "Restored from ...".
SQLite only: pg_restore refuses such files by itself."""

from __future__ import annotations

import sqlite3

import pytest

from app.extensions import db
from tests.app.security.checksum import checksum
from tests.app.security.test_reliability import _populate, app_on


@pytest.mark.parametrize("name, content, message", [
    ("empty.sqlite3", b"", "holds no Koble database (it has no user table): nothing was "
                           "restored."),
    ("notes.sqlite3", b"hello, this is not a database\n" * 40, "is not a SQLite database"),
    ("koble.dump", b"PGDMP\x01\x0e\x00" + b"\x00" * 600, "a .dump is PostgreSQL's"),
])
def test_what_is_no_backup_is_refused_and_nothing_changes(tmp_path, name, content, message):
    source = tmp_path / name
    source.write_bytes(content)
    with app_on(f"sqlite:///{tmp_path / 'koble.sqlite'}", tmp_path) as application:
        _populate()
        before = checksum()
        result = application.test_cli_runner().invoke(
            args=["db-restore", str(source), "--yes"])
        assert result.exit_code == 1, result.output
        assert message in result.output and "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        db.session.remove()
        assert checksum() == before


def test_another_programs_database_is_no_backup(tmp_path):
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
    with app_on(f"sqlite:///{tmp_path / 'koble.sqlite'}", tmp_path) as application:
        _populate()
        before = checksum()
        result = application.test_cli_runner().invoke(
            args=["db-restore", str(other), "--yes"])
        assert result.exit_code == 1 and "holds no Koble database" in result.output
        db.session.remove()
        assert checksum() == before
