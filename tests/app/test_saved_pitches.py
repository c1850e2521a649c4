"""The investor's saved pitches (/matches/saved) and "not for me" undo list (/matches/hidden):
listed with the cards' answers, paged, undone in place, and only the investor's own."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Interest
from app.services import interest
from tests.app.test_i18n import _untranslated
from tests.factories import make_investor, make_pitch, make_user


def _mark(client, pitch, profile, kind: str, next_url: str = "/matches"):
    return client.post(f"/matches/{pitch.id}/{profile.id}/mark/{kind}?next={next_url}")


def _titles(html: str, candidates) -> list[str]:
    """The candidate titles found on the page, in page order."""
    found = [(html.find(f">{t}</a>"), t) for t in candidates]
    return [t for position, t in sorted(found) if position != -1]


def _investor_mark(profile, pitch) -> str | None:
    db.session.expire_all()
    return db.session.scalar(select(Interest.kind).where(
        Interest.side == "investor", Interest.pitch_id == pitch.id,
        Interest.investor_profile_id == profile.id))


@pytest.fixture
def saving(client, auth, market):
    """The solar investor, logged in, has saved the fish pitch and then the health pitch."""
    profile = market["solar_investor"]
    auth.login(profile.user.email)
    assert _mark(client, market["fish"], profile, "saved").status_code == 303
    assert _mark(client, market["health"], profile, "saved").status_code == 303
    return profile


# -- saved ---------------------------------------------------------------------------------
def test_saved_pitches_are_listed_last_saved_first_with_their_cards(client, market, saving):
    response = client.get("/matches/saved")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    titles = [market[k].title for k in ("fish", "health", "solar")]
    assert _titles(html, titles) == [market["health"].title, market["fish"].title]
    assert "2 saved pitches" in html
    # the recommendation card: score, explanation chart and the answers, marked as saved
    assert 'role="progressbar"' in html
    assert html.count(">Saved</span>") == 2
    assert f"/matches/{market['fish'].id}/{saving.id}/clear" in html
    assert f"/matches/{market['fish'].id}/{saving.id}/mark/interested" in html


def test_the_recommendations_page_links_to_the_saved_pitches(client, saving):
    assert 'href="/matches/saved"' in client.get("/matches").get_data(as_text=True)


def test_undo_on_the_saved_page_unsaves_and_comes_back(client, market, saving):
    fish = market["fish"]
    response = client.post(f"/matches/{fish.id}/{saving.id}/clear?next=/matches/saved")
    assert response.status_code == 303 and response.location.endswith("/matches/saved")
    assert _investor_mark(saving, fish) is None
    html = client.get("/matches/saved").get_data(as_text=True)
    assert _titles(html, [fish.title, market["health"].title]) == [market["health"].title]
    assert "1 saved pitch" in html


def test_answering_interested_moves_the_pitch_off_the_saved_list(client, market, saving):
    _mark(client, market["fish"], saving, "interested", "/matches/saved")
    html = client.get("/matches/saved").get_data(as_text=True)
    assert market["fish"].title not in html
    assert _investor_mark(saving, market["fish"]) == "interested"


def test_a_pitch_without_a_stored_score_is_listed_with_its_summary(client, market, saving):
    newer = make_pitch(market["solar_founder"], title="Vindkraft på taket",
                       summary="Små vindturbiner for næringsbygg.")
    assert _mark(client, newer, saving, "saved").status_code == 303
    html = client.get("/matches/saved").get_data(as_text=True)
    assert "Vindkraft på taket" in html and "Små vindturbiner for næringsbygg." in html
    assert f"/matches/{newer.id}/{saving.id}/clear" in html


def test_a_founders_interest_shows_on_the_saved_card_without_contacts(client, market, saving):
    health = market["health"]
    interest.mark(health.owner, health.id, saving.id, "interested")
    html = client.get("/matches/saved").get_data(as_text=True)
    card = html.split(f">{health.title}</a>")[1].split("</li>")[0]
    assert "The founder is interested in you." in card
    # a save is no answer: the founder's contacts wait for the investor's interest
    assert "Mutual interest." not in html and health.owner.email not in html


def test_saved_pitches_are_paged(client, app, market, saving):
    _mark(client, market["solar"], saving, "saved")
    app.config["PITCHES_PER_PAGE"] = 2
    first = client.get("/matches/saved").get_data(as_text=True)
    assert "3 saved pitches" in first
    assert _titles(first, [market[k].title for k in ("fish", "health", "solar")]) == [
        market["solar"].title, market["health"].title]
    assert "/matches/saved?page=2" in first
    second = client.get("/matches/saved?page=2").get_data(as_text=True)
    assert _titles(second, [market[k].title for k in ("fish", "health", "solar")]) == [
        market["fish"].title]
    # undoing the only one on the last page lands on the page before, not on an empty one
    client.post(f"/matches/{market['fish'].id}/{saving.id}/clear")
    response = client.get("/matches/saved?page=2")
    assert response.status_code == 302 and response.location.endswith("/matches/saved?page=1")


def test_pitches_no_longer_open_to_answers_are_left_out(client, market, saving):
    fish, health = market["fish"], market["health"]
    fish.hidden = True  # staff hid it
    db.session.add(Interest(user_id=health.owner_id, pitch_id=health.id,
                            investor_profile_id=saving.id, side="founder", kind="not_for_me"))
    db.session.commit()
    html = client.get("/matches/saved").get_data(as_text=True)
    assert fish.title not in html and health.title not in html
    assert "You have not saved any pitches." in html


def test_only_the_investors_own_saved_pitches_are_listed(client, auth, market, saving):
    auth.logout()
    other = market["sea_investor"]
    auth.login(other.user.email)
    html = client.get("/matches/saved").get_data(as_text=True)
    assert market["fish"].title not in html and market["health"].title not in html
    assert "You have not saved any pitches." in html


def test_saved_page_is_for_investors_and_founders(client, auth, market):
    assert client.get("/matches/saved").status_code == 302  # to the login page
    auth.login(make_user("staff").email)
    assert client.get("/matches/saved").status_code == 403
    # a founder gets their own list, of investors (tests/app/test_founder_saved_investors.py)


def test_investor_without_a_profile_is_asked_to_write_one(client, auth, app):
    auth.login(make_user("investor").email)
    html = client.get("/matches/saved").get_data(as_text=True)
    assert 'href="/profile"' in html


def test_saved_page_is_all_bokmal(app, market):
    profile = market["solar_investor"]
    db.session.add(Interest(user_id=profile.user_id, pitch_id=market["fish"].id,
                            investor_profile_id=profile.id, side="investor", kind="saved"))
    db.session.commit()
    assert _untranslated(app, "/matches/saved", profile.user,
                         data={market["fish"].title}) == []


# -- not for me (the undo list) ------------------------------------------------------------
def test_pitches_marked_not_for_me_are_listed_and_can_be_undone(client, auth, market):
    profile = market["solar_investor"]
    auth.login(profile.user.email)
    solar = market["solar"]
    before = client.get("/matches").get_data(as_text=True)
    assert solar.title in before
    assert _mark(client, solar, profile, "not_for_me").status_code == 303
    # off the list; the message above it names the pitch on its Undo button
    listed = re.sub(r"<div data-flash-words>.*?</div>", "",
                    client.get("/matches").get_data(as_text=True), flags=re.S)
    assert solar.title not in listed
    html = client.get("/matches/hidden").get_data(as_text=True)
    assert solar.title in html and market["fish"].title not in html
    undo = re.search(rf'action="(/matches/{solar.id}/{profile.id}/clear[^"]*)"', html)
    assert undo is not None
    response = client.post(undo.group(1).replace("&amp;", "&"))
    assert response.status_code == 303 and response.location.endswith("/matches/hidden")
    assert _investor_mark(profile, solar) is None
    assert solar.title not in client.get("/matches/hidden").get_data(as_text=True)
    assert solar.title in client.get("/matches").get_data(as_text=True)


def test_not_for_me_list_is_the_investors_own(client, auth, market):
    profile = market["solar_investor"]
    other = make_investor(make_user("investor"), organisation="Annen Kapital")
    db.session.add(Interest(user_id=other.user_id, pitch_id=market["solar"].id,
                            investor_profile_id=other.id, side="investor", kind="not_for_me"))
    db.session.commit()
    auth.login(profile.user.email)
    assert market["solar"].title not in client.get("/matches/hidden").get_data(as_text=True)
    # nor can the investor undo someone else's answer
    response = client.post(f"/matches/{market['solar'].id}/{other.id}/clear")
    assert response.status_code == 404
    db.session.expire_all()
    assert _investor_mark(other, market["solar"]) == "not_for_me"
