"""Online backup and restore: SQLite's backup API, pg_dump/pg_restore for PostgreSQL."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL, make_url


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


def _check_sqlite(path: Path) -> None:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError(f"{path} is damaged.")


def backup(database_url: str, path: str | os.PathLike) -> Path:
    """Write a consistent copy of the live database to path (written atomically)."""
    url = make_url(database_url)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    if url.get_backend_name() == "sqlite":
        source = _sqlite_file(url)
        if not source.exists():
            raise BackupError(f"{source} does not exist.")
        partial.unlink(missing_ok=True)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)  # page by page, while others keep reading and writing
        finally:
            dst.close()
            src.close()
        _check_sqlite(partial)
    elif url.get_backend_name() == "postgresql":
        args, env = _pg_command("pg_dump", url)
        _run(args + ["--format=custom", "--file", str(partial), url.database or ""], env)
    else:
        raise BackupError(f"No backup for {url.get_backend_name()}.")
    partial.replace(target)
    return target


def restore(database_url: str, path: str | os.PathLike) -> None:
    """Replace the database's contents with a backup made by `backup`."""
    url = make_url(database_url)
    source = Path(path)
    if not source.is_file():
        raise BackupError(f"{source} does not exist.")
    if url.get_backend_name() == "sqlite":
        _check_sqlite(source)
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
