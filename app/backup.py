"""Online backup and restore: SQLite's backup API, pg_dump/pg_restore for PostgreSQL.

Given a folder, a backup is named by Koble (`koble-backup-20270115T030000Z.sqlite3`, or
`.dump` from pg_dump, in UTC), and `prune` keeps the newest few of those: a deleted account
lives on in the backups until the last one made before the deletion is pruned. Files of any
other name in the folder are never touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import URL, make_url

# How many of its own backups `flask db-backup` keeps in the folder: a fortnight of nightly
# ones (the README's schedule, and what the privacy page promises of a deleted account).
KEEP = 14
_PREFIX = "koble-backup-"
_STAMP = "%Y%m%dT%H%M%SZ"
_EXTENSIONS = {"sqlite": ".sqlite3", "postgresql": ".dump"}
_OWN_NAME = re.compile(r"koble-backup-(\d{8}T\d{6}Z)(?:-(\d+))?\.(?:sqlite3|dump)")


class BackupError(RuntimeError):
    """A backup or restore could not be made; nothing was changed."""


def _sqlite_file(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise BackupError("An in-memory SQLite database cannot be backed up.")
    return Path(url.database)


def _pg_command(tool: str, url: URL) -> tuple[list[str], dict]:
    """The binary and libpq options for the URL; the password goes in the environment."""
    binary = shutil.which(tool)
    if binary is None:
        raise BackupError(f"{tool} is not installed.")
    args = [binary, "--no-password"]
    if url.host:
        args += ["--host", url.host]
    if url.port:
        args += ["--port", str(url.port)]
    if url.username:
        args += ["--username", url.username]
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return args, env


def _run(args: list[str], env: dict) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(result.stderr.strip() or f"{args[0]} failed ({result.returncode}).")


def _check_sqlite(path: Path, *, restoring: bool = False) -> None:
    """BackupError unless the file is a whole SQLite database; one to restore from must hold
    Koble's tables too: SQLite opens an empty file (a backup that failed to be written, a
    wrong path touched) as an empty database, and restoring it wiped every table."""
    try:
        # closing(): sqlite3's own context manager ends a transaction, not the connection
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            damaged = db.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
            has_users = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                   "AND name = 'user'").fetchone() is not None
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a SQLite database ({error}). A SQLite backup made "
                          "by flask db-backup ends in .sqlite3; a .dump is PostgreSQL's.") \
            from error
    if damaged:
        raise BackupError(f"{path} is damaged.")
    if restoring and not has_users:
        raise BackupError(f"{path} holds no Koble database (it has no user table): "
                          "nothing was restored.")


def backup(database_url: str, path: str | os.PathLike, *, overwrite: bool = False) -> Path:
    """Write a consistent copy of the live database to path (written atomically). A file
    already at path is replaced only with overwrite=True: else BackupError, nothing written
    (it may be an older backup someone meant to keep, or any other file)."""
    url = make_url(database_url)
    target = Path(path)
    if url.get_backend_name() == "sqlite":
        _sqlite_file(url)  # what cannot be backed up at all is said before any path's trouble
    _refuse_existing(target, overwrite)
    # a folder made here is its owner's only, as the file is (`_private_file`)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        _private_file(partial)
        _write(url, partial)
        _refuse_existing(target, overwrite)  # made while the copy was being written
        partial.replace(target)
    except BaseException:
        # a half-written or failed copy still holds personal data, and nothing prunes it
        partial.unlink(missing_ok=True)
        raise
    return target


def _private_file(path: Path) -> None:
    """Create `path` empty, readable and writable by its owner only (0600), for the copy to
    be written into. A backup holds every account's e-mail address, password hash and
    messages; SQLite and pg_dump create a file after the umask (0644 as a rule: readable by
    every user of the machine), and keep the mode of one that is already there."""
    path.unlink(missing_ok=True)  # a copy left by a run that was killed
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _refuse_existing(target: Path, overwrite: bool) -> None:
    if target.is_dir():
        raise BackupError(f"{target} is a folder.")
    if target.exists() and not overwrite:
        raise BackupError(f"{target} already exists: nothing was written. Give another path, "
                          "a folder (Koble names a new file in it), or --overwrite to replace "
                          "the file.")


def _write(url, partial: Path) -> None:
    if url.get_backend_name() == "sqlite":
        source = _sqlite_file(url)
        if not source.exists():
            raise BackupError(f"{source} does not exist.")
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)  # page by page, while others keep reading and writing
            # the copy inherits the live database's WAL mode; one self-contained file is
            # what a backup should be (no -wal / -shm beside it to lose or leave behind)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        _check_sqlite(partial)
    elif url.get_backend_name() == "postgresql":
        args, env = _pg_command("pg_dump", url)
        _run(args + ["--format=custom", "--file", str(partial), url.database or ""], env)
    else:
        raise BackupError(f"No backup for {url.get_backend_name()}.")


def restore(database_url: str, path: str | os.PathLike) -> None:
    """Replace the database's contents with a backup made by `backup`."""
    url = make_url(database_url)
    source = Path(path)
    if not source.is_file():
        raise BackupError(f"{source} does not exist.")
    if url.get_backend_name() == "sqlite":
        _check_sqlite(source, restoring=True)
        target = _sqlite_file(url)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(target, timeout=30)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    elif url.get_backend_name() == "postgresql":
        args, env = _pg_command("pg_restore", url)
        # One transaction: a restore that fails part-way leaves the database as it was.
        _run(args + ["--clean", "--if-exists", "--no-owner", "--no-privileges",
                     "--single-transaction", "--dbname", url.database or "", str(source)], env)
    else:
        raise BackupError(f"No restore for {url.get_backend_name()}.")


def named_in(folder: str | os.PathLike, database_url: str, now: datetime | None = None) -> Path:
    """The path of a new backup in `folder`, named by Koble after the time (UTC) and the
    database's kind; a second backup within the same second gets "-2", "-3", ..."""
    backend = make_url(database_url).get_backend_name()
    extension = _EXTENSIONS.get(backend, f".{backend}")
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP)
    folder = Path(folder)
    path, n = folder / f"{_PREFIX}{stamp}{extension}", 1
    while path.exists() or path.with_name(path.name + ".partial").exists():
        n += 1
        path = folder / f"{_PREFIX}{stamp}-{n}{extension}"
    return path


def _age(path: Path) -> tuple[str, int] | None:
    """(time, same-second count) from a name Koble gave a backup; None for any other."""
    found = _OWN_NAME.fullmatch(path.name)
    return (found[1], int(found[2] or 1)) if found else None


def prune(folder: str | os.PathLike, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups Koble named in `folder` (by the time in their
    names); other files, a backup still being written (".partial") among them, stay.
    Returns the deleted paths, oldest first."""
    if keep < 1:
        raise BackupError("Keep at least one backup.")
    own = sorted((p for p in Path(folder).iterdir() if p.is_file() and _age(p)), key=_age)
    old = own[:-keep]
    for path in old:
        path.unlink(missing_ok=True)
    return old
