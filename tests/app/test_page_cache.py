"""Recommendation pages are kept rendered until something they show changes."""

from __future__ import annotations

import re
import shutil

import pytest
from sqlalchemy import select, update

from app.extensions import db
from app.models import AuditEvent, PageVersion, Pitch, User
from app.services import engine_index, notifications, recommendations, score_refresh
from tests.app.security.principals import log_in
from tests.factories import make_investor, make_user


@pytest.fixture
def renders(monkeypatch):
    """How many times each recommendation page was really built (not served kept)."""
    counts = {"investor": 0, "founder": 0}

    def counting(name, real):
        def wrapper(*args, **kwargs):
            counts[name] += 1
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(recommendations, "recommended_pitches",
                        counting("investor", recommendations.recommended_pitches))
    monkeypatch.setattr(recommendations, "recommended_investors",
                        counting("founder", recommendations.recommended_investors))
    return counts


@pytest.fixture
def founder(app, market):
    """A second browser, logged in as the solar pitch's founder."""
    other = app.test_client()
    log_in(other, market["solar_founder"])
    return other


def _site_version() -> int:
    return db.session.scalar(select(PageVersion.version).where(PageVersion.id == 1))


def test_a_page_is_built_once_until_something_it_shows_changes(client, auth, market, renders):
    auth.login(market["solar_investor"].user.email)
    first = client.get("/matches").get_data(as_text=True)
    again = client.get("/matches")
    assert again.get_data(as_text=True) == first and again.headers["X-Cache"] == "hit"
    assert renders["investor"] == 1
    client.get("/matches?sector=energy")  # another query is another page
    assert renders["investor"] == 2
    # the founder renames the pitch: every page that shows it is built anew
    market["solar"].title = "Solceller på låvetak"
    db.session.commit()
    page = client.get("/matches").get_data(as_text=True)
    assert renders["investor"] == 3
    assert "Solceller på låvetak" in page and "Solcelletak for landbruket" not in page


def test_the_other_sides_marks_reach_a_kept_page(client, auth, market, founder, renders):
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(investor.user.email)
    assert "The founder is interested in you." not in client.get("/matches").get_data(
        as_text=True)
    assert founder.post(f"/matches/{solar.id}/{investor.id}/mark/interested").status_code == 303
    assert "The founder is interested in you." in client.get("/matches").get_data(as_text=True)
    # "not for me" from the founder takes the pitch off the investor's kept page
    assert founder.post(f"/matches/{solar.id}/{investor.id}/mark/not_for_me").status_code == 303
    assert "Solcelletak for landbruket" not in client.get("/matches").get_data(as_text=True)
    assert renders["investor"] == 3


def test_a_mark_concerns_only_the_pair_others_keep_their_pages(client, auth, market, founder,
                                                                renders):
    auth.login(market["sea_investor"].user.email)
    client.get("/matches")
    solar, investor = market["solar"], market["solar_investor"]
    before = _site_version()
    founder.post(f"/matches/{solar.id}/{investor.id}/mark/interested")
    client.get("/matches")
    assert renders["investor"] == 1  # the sea investor's page did not depend on that mark
    assert _site_version() == before


def test_a_new_notification_shows_on_a_kept_page(client, auth, market):
    user = market["solar_investor"].user
    auth.login(user.email)
    assert "unread" not in client.get("/matches").get_data(as_text=True)
    notifications.notify(user, "mutual_match", pitch_title="Solcelletak for landbruket")
    db.session.commit()
    assert "unread" in client.get("/matches").get_data(as_text=True)


def test_founder_page_follows_scores_and_rebuilds(client, auth, market, renders):
    auth.login(market["solar_founder"].email)
    url = f"/pitches/{market['solar'].id}/matches"
    client.get(url)
    client.get(url)
    assert renders["founder"] == 1
    newcomer = make_investor(organisation="Solar Seed Partners", thesis=(
        "Solenergi, solceller og batterilagring for landbruket, tidlig fase."),
        stages=["seed"], sectors=["energy"])
    score_refresh.refresh_investor(newcomer)  # a profile saved: its scores are stored
    assert "Solar Seed Partners" in client.get(url).get_data(as_text=True)
    before = _site_version()
    engine_index.rebuild()
    assert _site_version() > before
    client.get(url)
    assert renders["founder"] == 3


def test_flashed_messages_show_once(client, auth, market):
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(investor.user.email)
    client.get("/matches")
    assert client.post(f"/matches/{solar.id}/{investor.id}/mark/saved").status_code == 303
    shown = client.get("/matches").get_data(as_text=True)
    assert 'class="alert' in shown
    again = client.get("/matches").get_data(as_text=True)
    assert again.count('class="alert') < shown.count('class="alert')


def test_each_user_session_and_language_gets_its_own_page(app, client, auth, market):
    auth.login(market["solar_investor"].user.email)
    mine = client.get("/matches").get_data(as_text=True)
    other = app.test_client()
    log_in(other, market["sea_investor"].user)
    theirs = other.get("/matches").get_data(as_text=True)
    assert theirs != mine and market["sea_investor"].user.name in theirs
    assert market["solar_investor"].user.name not in theirs
    client.post("/language", data={"lang": "nb", "next": "/matches"})
    assert "Anbefalte pitcher" in client.get("/matches").get_data(as_text=True)


def test_what_raises_the_site_version(client, auth, market):
    before = _site_version()
    db.session.add(AuditEvent(action="test.nothing"))
    make_user("investor")  # a new account is on nobody's page
    auth.login(market["solar_founder"].email)  # logins and session tokens change no page
    db.session.commit()
    assert _site_version() == before
    db.session.execute(update(Pitch).values(summary="Ny tekst"))  # a bulk statement
    db.session.commit()
    assert _site_version() == before + 1
    market["solar_founder"].name = "Kari Solberg"  # shown beside her pitch
    db.session.commit()
    assert _site_version() == before + 2
    db.session.rollback()
    assert _site_version() == before + 2


def test_without_a_version_row_nothing_is_kept(client, auth, market, renders):
    db.session.execute(update(PageVersion).values(id=2))
    db.session.commit()
    auth.login(market["solar_investor"].user.email)
    client.get("/matches")
    client.get("/matches")
    assert renders["investor"] == 2
    assert db.session.get(User, market["solar_investor"].user.id) is not None


def test_a_kept_page_is_built_anew_when_a_static_file_it_names_changes(
        app, client, auth, market, renders, tmp_path, monkeypatch):
    """A deploy that changes koble.css must not serve pages kept before it (a shared cache,
    CACHE_TYPE=RedisCache, outlives the old processes) with the old file's ?v= address: the
    browser would keep the old file a year at it. Here the same process's static folder
    changes, as a deploy's new files would."""
    shutil.copytree(app.static_folder, tmp_path / "static")
    monkeypatch.setattr(app, "static_folder", str(tmp_path / "static"))
    auth.login(market["solar_investor"].user.email)
    first = client.get("/matches")
    old_address = _address(first, "koble.css")
    assert client.get("/matches").headers["X-Cache"] == "hit"
    (tmp_path / "static" / "koble.css").write_text("body { color: #123456; }\n")
    again = client.get("/matches")
    assert again.headers["X-Cache"] == "miss" and renders["investor"] == 2
    new_address = _address(again, "koble.css")
    assert new_address != old_address
    assert client.get(new_address).headers["Cache-Control"].endswith("immutable")
    # the page built anew is kept in its turn
    assert client.get("/matches").headers["X-Cache"] == "hit" and renders["investor"] == 2


def test_a_page_kept_by_an_older_release_is_built_anew(app, client, auth, market, renders):
    """Bare HTML kept by a release before the static versions were kept beside it (same key,
    a shared cache across the deploy) names unknown file versions: built anew."""
    auth.login(market["solar_investor"].user.email)
    client.get("/matches")
    with app.test_request_context():
        from app.extensions import cache
        keys = [k for k in cache.cache._cache if k.startswith("page:")]
        for key in keys:
            cache.set(key, "<html>kept by an older release</html>")
    page = client.get("/matches")
    assert page.headers["X-Cache"] == "miss" and "older release" not in page.get_data(as_text=True)


def _address(response, filename: str) -> str:
    found = re.search(rf'"(/static/{re.escape(filename)}\?v=[0-9a-f]+)"',
                      response.get_data(as_text=True))
    assert found, filename
    return found.group(1)
