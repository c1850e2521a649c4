"""The instance folder Koble makes for the SQLite database is its owner's alone."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from app import config


@pytest.fixture
def usual_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_instance_folder_and_its_database_are_closed_to_other_users(
        tmp_path, monkeypatch, usual_umask):
    folder = tmp_path / "instance"
    monkeypatch.setattr(config, "INSTANCE_DIR", folder)
    monkeypatch.delenv("DATABASE_URL", raising=False)

    url = config._database_url()
    sqlite3.connect(url.removeprefix("sqlite:///")).close()

    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert (folder / "koble.sqlite").exists()


def test_an_existing_instance_folder_keeps_its_mode(tmp_path, monkeypatch, usual_umask):
    folder = tmp_path / "instance"
    folder.mkdir(mode=0o750)
    monkeypatch.setattr(config, "INSTANCE_DIR", folder)

    config._development_secret()

    assert stat.S_IMODE(folder.stat().st_mode) == 0o750
    assert stat.S_IMODE((folder / "secret_key").stat().st_mode) == 0o600
