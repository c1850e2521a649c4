"""Fixtures shared by the app tests that read matches."""

from __future__ import annotations

import pytest

from app.services import matching
from tests.app.matching_data import tiny_market


@pytest.fixture
def market(app):
    """The tiny market (tests/app/matching_data.py), scored by a rebuild; a module that needs
    it unscored or changed defines its own `market`."""
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    data = tiny_market()
    matching.rebuild()
    return data
