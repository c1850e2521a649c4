"""`flask db-backup` keeps the newest few of its own backups: given a folder it names the
file (koble-backup-<UTC time>.sqlite3) and then deletes all but the newest --keep (14 by
default) of the files it named there; files of any other name, a backup still being
written among them, stay. Before, every backup was kept for ever, and with it every deleted
account (the privacy page says for how long they now live on)."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app import create_app
from app.extensions import db
from app.services.reference import ensure_associations

# Not Koble's names, or not a finished backup: never deleted.
OTHERS = ("koble.backup.sqlite", "notes.txt", "koble-backup-20200101T000000Z.sqlite3.partial",
          "koble-backup-2020-01-01.sqlite3", "old-koble-backup-20200101T000000Z.sqlite3")


@pytest.fixture
def file_app(tmp_path):
    """An app on an SQLite file (an in-memory database has nothing to back up)."""
    application = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'koble.db'}"})
    with application.app_context():
        db.create_all()
        ensure_associations()
        yield application
        db.session.remove()
        db.engine.dispose()


def _old_backups(folder: Path, n: int) -> list[str]:
    """n backups named as Koble names them, a day apart, the newest yesterday."""
    folder.mkdir(parents=True, exist_ok=True)
    start = datetime.now(UTC) - timedelta(days=n)
    names = [f"koble-backup-{start + timedelta(days=i):%Y%m%dT%H%M%SZ}.sqlite3"
             for i in range(n)]
    for name in names:
        (folder / name).write_bytes(b"old backup")
    for name in OTHERS:
        (folder / name).write_bytes(b"someone else's")
    return names


def _own(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()
                  if re.fullmatch(r"koble-backup-\d{8}T\d{6}Z(-\d+)?\.sqlite3", p.name))


def test_a_backup_into_a_folder_keeps_the_newest_14_of_its_own(file_app, tmp_path):
    folder = tmp_path / "backups"
    old = _old_backups(folder, 20)

    result = file_app.test_cli_runner().invoke(args=["db-backup", f"{folder}/"])

    assert result.exit_code == 0, result.output
    kept = _own(folder)
    assert len(kept) == 14
    assert kept[:-1] == old[-13:]  # the 13 newest old ones and the new one
    assert kept[-1] > old[-1]
    assert all((folder / name).exists() for name in OTHERS)
    assert "Older backups deleted (keeping the newest 14)" in result.output
    assert old[0] in result.output


def test_keep_says_how_many(file_app, tmp_path):
    folder = tmp_path / "backups"
    old = _old_backups(folder, 5)
    runner = file_app.test_cli_runner()

    result = runner.invoke(args=["db-backup", str(folder), "--keep", "2"])

    assert result.exit_code == 0, result.output
    assert _own(folder)[0] == old[-1] and len(_own(folder)) == 2
    assert all((folder / name).exists() for name in OTHERS)
    # a second backup within the same second gets a name of its own, and counts as newer
    result = runner.invoke(args=["db-backup", str(folder), "--keep", "2"])
    assert result.exit_code == 0, result.output
    assert old[-1] not in _own(folder) and len(_own(folder)) == 2
    assert runner.invoke(args=["db-backup", str(folder), "--keep", "0"]).exit_code != 0
    assert len(_own(folder)) == 2


def test_a_backup_to_a_file_prunes_koble_names_beside_it_not_the_file(file_app, tmp_path):
    folder = tmp_path / "backups"
    old = _old_backups(folder, 3)

    result = file_app.test_cli_runner().invoke(
        args=["db-backup", str(folder / "koble.backup.sqlite"), "--keep", "1", "--overwrite"])

    assert result.exit_code == 0, result.output
    assert _own(folder) == [old[-1]]
    assert (folder / "koble.backup.sqlite").read_bytes() != b"someone else's"  # written


@pytest.mark.parametrize("name", ["koble.backup.sqlite", "koble-backup-20200101T000000Z-7.sqlite3"])
def test_a_backup_to_an_existing_file_is_refused_and_changes_nothing(file_app, tmp_path, name):
    folder = tmp_path / "backups"
    old = _old_backups(folder, 3)
    (folder / name).write_bytes(b"last month's backup")
    before = sorted(p.name for p in folder.iterdir())

    result = file_app.test_cli_runner().invoke(
        args=["db-backup", str(folder / name), "--keep", "1"])

    assert result.exit_code != 0
    assert f"{folder / name} already exists: nothing was written" in result.output
    assert "--overwrite" in result.output
    assert (folder / name).read_bytes() == b"last month's backup"
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing pruned, no .partial
    assert set(old) <= set(before)


def test_overwrite_replaces_the_file_and_keeps_the_rotation(file_app, tmp_path):
    folder = tmp_path / "backups"
    old = _old_backups(folder, 3)
    (folder / "nightly.sqlite3").write_bytes(b"yesterday's")
    runner = file_app.test_cli_runner()

    result = runner.invoke(args=["db-backup", str(folder / "nightly.sqlite3"), "--keep", "2",
                                 "--overwrite"])

    assert result.exit_code == 0, result.output
    assert (folder / "nightly.sqlite3").read_bytes().startswith(b"SQLite format 3")
    assert _own(folder) == old[-2:]
    assert not (folder / "nightly.sqlite3.partial").exists()
    # a folder still gets a new name each time, no --overwrite needed
    assert runner.invoke(args=["db-backup", f"{folder}/", "--keep", "2"]).exit_code == 0
    assert runner.invoke(args=["db-backup", f"{folder}/", "--keep", "2"]).exit_code == 0
    assert len(_own(folder)) == 2 and not set(_own(folder)) & set(old)


def test_a_failed_backup_deletes_nothing(app, tmp_path):
    folder = tmp_path / "backups"
    old = _old_backups(folder, 16)
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("the in-memory SQLite database is what fails here")

    result = app.test_cli_runner().invoke(args=["db-backup", f"{folder}/", "--keep", "1"])

    assert result.exit_code != 0 and "in-memory" in result.output
    assert _own(folder) == old


def test_prune_orders_by_the_time_in_the_name(tmp_path):
    from app.backup import prune

    names = ["koble-backup-20270102T000000Z.dump", "koble-backup-20270101T000000Z-3.sqlite3",
             "koble-backup-20270101T000000Z-2.sqlite3", "koble-backup-20270101T000000Z.sqlite3"]
    for name in names:
        (tmp_path / name).write_bytes(b"")

    deleted = prune(tmp_path, keep=2)

    assert [p.name for p in deleted] == names[3:1:-1]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[:2])


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Kept in the backup copies of the database made before the deletion, as everything "
           "was then, until they are deleted: Koble keeps its newest 14 backups"),
    ("nb", "Beholdes i sikkerhetskopiene av databasen som ble tatt før slettingen, slik alt var "
           "da, til de slettes: Koble beholder de 14 nyeste sikkerhetskopiene"),
])
def test_the_privacy_page_says_how_long_backups_keep_a_deleted_account(app, lang, sentence):
    client = app.test_client()
    client.post("/language", data={"lang": lang})
    page = html.unescape(client.get("/privacy").get_data(as_text=True))
    assert sentence in page


def test_the_readme_says_so():
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "--keep N" in readme and "koble-backup-" in readme


def test_the_name_says_when_and_which_kind_of_database(tmp_path):
    from app.backup import named_in

    now = datetime(2027, 1, 15, 4, 0, tzinfo=UTC).astimezone(timezone(timedelta(hours=1)))
    sqlite = named_in(tmp_path, "sqlite:///koble.db", now)
    assert sqlite.name == "koble-backup-20270115T040000Z.sqlite3"  # in UTC
    assert named_in(tmp_path, "postgresql+psycopg://koble@db/koble", now).name \
        == "koble-backup-20270115T040000Z.dump"
    sqlite.write_bytes(b"")
    assert named_in(tmp_path, "sqlite:///koble.db", now).name \
        == "koble-backup-20270115T040000Z-2.sqlite3"
