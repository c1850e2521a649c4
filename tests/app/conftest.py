"""Fixtures shared by the app tests: the matches' tiny market, a logged-in staff member."""

from __future__ import annotations

import pytest

from app.services import matching
from tests.app.matching_data import tiny_market
from tests.factories import make_user


@pytest.fixture
def market(app):
    """The tiny market (tests/app/matching_data.py), scored by a rebuild; a module that needs
    it unscored or changed defines its own `market`."""
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    data = tiny_market()
    matching.rebuild()
    return data


@pytest.fixture
def staff(client, auth):
    """A staff member of Asker (which hosts the factories' arenas), logged in; a module
    that needs another staff member defines its own `staff`."""
    user = make_user("staff", association="asker")
    auth.login(user.email)
    return user
