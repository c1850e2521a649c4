"""The suite really runs on the database CI asks for."""

from __future__ import annotations

import os

from app.extensions import db


def test_suite_uses_the_requested_database(app):
    requested = os.environ.get("TEST_DATABASE_URL", "")
    dialect = db.engine.dialect.name
    if requested.startswith("postgresql"):
        assert dialect == "postgresql"
        assert db.session.execute(db.text("select 1")).scalar() == 1
    else:
        assert dialect == "sqlite"
