"""checksum.WriteWatch, which lets the access matrix skip a checksum after a request that ran
no write statement: it must never stay clean when a row may have changed (a guard of the test
machinery)."""

from __future__ import annotations

from sqlalchemy import select, text, update

from app.extensions import db
from app.models import User
from tests.app.security.checksum import WriteWatch, checksum
from tests.factories import make_user


def test_reads_leave_it_clean_and_a_write_makes_it_dirty(app):
    make_user("founder")
    db.session.commit()
    with WriteWatch() as watch:
        watch.clean()
        before = checksum()
        db.session.scalars(select(User)).all()
        db.session.rollback()
        assert not watch.dirty
        assert checksum() == before
        db.session.execute(update(User).values(name="Ny"))
        db.session.commit()
        assert watch.dirty
        assert checksum() != before


def test_a_write_committed_after_clean_makes_it_dirty_again(app):
    make_user("founder")
    db.session.commit()
    with WriteWatch() as watch, db.engine.connect() as connection:
        connection.execute(update(User).values(name="Ny"))  # not committed yet
        watch.clean()
        connection.commit()
        assert watch.dirty


def test_a_write_rolled_back_before_clean_leaves_it_clean(app):
    # (on a connection of its own: the app's session bumps page_version on each commit)
    make_user("founder")
    db.session.commit()
    with WriteWatch() as watch, db.engine.connect() as connection:
        connection.execute(update(User).values(name="Ny"))
        connection.rollback()
        watch.clean()
        connection.execute(text("SELECT 1"))
        connection.commit()
        assert not watch.dirty


def test_it_leaves_no_listener_behind(app):
    dispatch = db.engine.dispatch
    counts = [len(dispatch.before_cursor_execute), len(dispatch.commit), len(dispatch.rollback)]
    with WriteWatch():
        pass
    assert [len(dispatch.before_cursor_execute), len(dispatch.commit),
            len(dispatch.rollback)] == counts
