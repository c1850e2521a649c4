"""Dates on pages are written in the reader's language, not as ISO (2026-12-29)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date

from app.extensions import db
from app.services import api_tokens
from tests.factories import make_arena, make_user

DAY = date(2031, 12, 29)
# a time on the 12-hour clock ("2:05 PM"); a bare "PM" can occur in a page's CSRF token
TWELVE_HOUR = re.compile(r"\d:\d\d(:\d\d)?\s?[AP]M\b")


def _as(client, auth, lang: str, role: str):
    user = make_user(role)
    auth.login(user.email)
    client.post("/language", data={"lang": lang})
    return user


@pytest.mark.parametrize(("lang", "written"), [("nb", "mandag 29. desember 2031"),
                                               ("en", "Monday, December 29, 2031")])
def test_home_page_writes_an_arenas_date_in_the_readers_language(client, lang, written):
    make_arena(date=DAY)
    client.post("/language", data={"lang": lang})
    page = client.get("/").get_data(as_text=True)
    assert written in page
    assert "2031-12-29" not in page


@pytest.mark.parametrize(("lang", "written"), [("nb", "29. des. 2031"), ("en", "Dec 29, 2031")])
def test_export_list_writes_an_arenas_date_in_the_readers_language(client, auth, lang, written):
    make_arena(date=DAY)
    _as(client, auth, lang, "staff")
    page = client.get("/exports").get_data(as_text=True)
    assert written in page
    assert "2031-12-29" not in page


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_token_expiry_and_last_use_in_the_readers_language(client, auth, lang):
    user = _as(client, auth, lang, "founder")
    token = api_tokens.create(user, "skript", "read", 30).token
    token.last_used_at = datetime(2031, 12, 29, 13, 5, tzinfo=UTC)
    db.session.commit()
    page = client.get("/account/tokens").get_data(as_text=True)
    expires = token.expires_utc.astimezone(ZoneInfo("Europe/Oslo"))
    assert format_date(expires, "medium", locale=lang) in page
    assert expires.strftime("%Y-%m-%d") not in page
    # 13:05 UTC is 14:05 in Oslo in winter: the month in words, the 24-hour clock
    written = {"nb": "29. des. 2031, 14:05", "en": "Dec 29, 2031, 14:05"}[lang]
    assert written in page
    assert "2031-12-29" not in page and not TWELVE_HOUR.search(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_answer_deadline_on_the_24_hour_clock_in_both_languages(client, auth, lang):
    """The arena's slots are written 09:00-11:30 in English too; its deadline said
    "12:00 PM" beside them."""
    arena = make_arena(date=DAY)
    arena.rsvp_deadline = datetime(2031, 12, 20, 13, 0, tzinfo=UTC)  # 14:00 in Oslo
    db.session.commit()
    _as(client, auth, lang, "staff")
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert "14:00" in page
    assert "2:00 PM" not in page and not TWELVE_HOUR.search(page)
