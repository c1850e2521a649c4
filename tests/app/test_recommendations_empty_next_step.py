"""An investor's recommendations that come out empty say what to do next: with filters, clear
them or search every published pitch with the same filters; without, widen the profile or see
every published pitch. A filtered list has a Clear link, as the pitch list has."""

from __future__ import annotations

import pytest

from app.extensions import cache, db
from tests.factories import make_investor, make_user

NEXT = {
    "en": ("No recommended pitches match these filters yet.", "Clear the filters",
           "Search all published pitches"),
    "nb": ("Ingen anbefalte pitcher passer med disse filtrene ennå.", "Fjern filtrene",
           "Søk i alle publiserte pitcher"),
}
UNFILTERED = {
    "en": ("No published pitch fits your profile yet.", "Widen your profile",
           "See all published pitches"),
    "nb": ("Ingen publisert pitch passer profilen din ennå.", "Utvid profilen din",
           "Se alle publiserte pitcher"),
}
CLEAR = {"en": ">Clear</a>", "nb": ">Nullstill</a>"}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_search_that_finds_nothing_offers_clearing_it_and_all_pitches(
        client, auth, market, lang):
    user = market["solar_investor"].user
    user.locale = lang
    db.session.commit()
    auth.login(user.email)
    page = client.get("/matches?q=xyzzyq&stage=seed").get_data(as_text=True)
    sentence, clear, everything = NEXT[lang]
    assert sentence in page
    assert f'<a href="/matches">{clear}</a>' in page
    assert f'<a href="/pitches?q=xyzzyq&amp;stage=seed">{everything}</a>' in page
    assert f'href="/matches"{CLEAR[lang]}' in page


def test_an_unfiltered_list_has_no_clear_link(client, auth, market):
    user = market["solar_investor"].user
    user.locale = "en"
    db.session.commit()
    auth.login(user.email)
    page = client.get("/matches").get_data(as_text=True)
    assert ">Clear</a>" not in page
    assert "Clear the filters" not in page


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_no_recommendation_without_filters_points_to_the_profile_and_all_pitches(
        client, auth, lang):
    user = make_user("investor", locale=lang)
    make_investor(user)  # no index is fitted: nothing is recommended yet
    cache.clear()
    auth.login(user.email)
    page = client.get("/matches").get_data(as_text=True)
    sentence, widen, everything = UNFILTERED[lang]
    assert sentence in page
    assert f'<a href="/profile">{widen}</a>' in page
    assert f'<a href="/pitches">{everything}</a>' in page
    assert NEXT[lang][0] not in page
