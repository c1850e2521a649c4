"""Investors search and filter published pitches; founders browse investors instead."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import make_pitch, make_user


def _ids(response) -> list[int]:
    return [int(x) for x in re.findall(r'data-pitch-id="(\d+)"', response.get_data(as_text=True))]


@pytest.fixture
def investor(auth):
    user = make_user("investor")
    auth.login(user.email)
    return user


@pytest.fixture
def catalogue():
    """Five visible pitches with distinct facets, plus a draft and a hidden one."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    p = {}
    p["solar"] = make_pitch(title="Solar roofs", summary="Panels on barns",
                            description="Batteries and solar for farms", sectors=["energy"],
                            stage="seed", municipality="asker", ask_nok=3_000_000,
                            green_objectives=["climate_mitigation"], published_at=start)
    p["boat"] = make_pitch(title="Electric ferry", summary="Quiet boats on the fjord",
                           description="Battery ferries",
                           sectors=["maritime", "mobility_transport"],
                           stage="series_a", municipality="drammen", ask_nok=20_000_000,
                           green_objectives=["climate_mitigation", "water_marine"],
                           published_at=start + timedelta(days=1))
    p["app"] = make_pitch(title="Apple app", summary="Find local food",
                          description="An app for farmers' markets",
                          sectors=["ict_software", "food_agriculture"], stage="idea",
                          municipality="kongsberg", ask_nok=500_000, green_objectives=[],
                          published_at=start + timedelta(days=2))
    p["reuse"] = make_pitch(title="Demolition reuse", summary="Circular building parts",
                            description="Reuse of bricks: 100% SOLAR-free", stage="pre_seed",
                            sectors=["construction_property", "circular_economy"],
                            municipality="asker", ask_nok=None,
                            green_objectives=["circular_economy"],
                            published_at=start + timedelta(days=3))
    p["bank"] = make_pitch(title="Bank for founders", summary="Micro loans",
                           description="Loans", sectors=["finance"], stage="growth",
                           municipality="baerum", ask_nok=0, green_objectives=[],
                           published_at=start + timedelta(days=4))
    p["draft"] = make_pitch(title="Solar draft", status="draft", sectors=["energy"])
    p["hidden"] = make_pitch(title="Solar hidden", hidden=True, hidden_reason="spam",
                             sectors=["energy"], published_at=start)
    return {key: pitch.id for key, pitch in p.items()}


def test_browse_lists_only_published_visible_pitches_newest_first(client, investor, catalogue):
    response = client.get("/pitches")
    assert response.status_code == 200
    c = catalogue
    assert _ids(response) == [c["bank"], c["reuse"], c["app"], c["boat"], c["solar"]]


@pytest.mark.parametrize("query,expected", [
    ("q=solar", {"solar", "reuse"}),
    ("q=SOLAR+farms", {"solar"}),
    ("q=batter", {"boat", "solar"}),
    ("q=100%25", {"reuse"}),
    ("q=%25", {"reuse"}),
    ("q=_", set()),
    ("q=nothing-like-this", set()),
    ("sector=energy", {"solar"}),
    ("sector=circular_economy", {"reuse"}),
    ("stage=series_a", {"boat"}),
    ("municipality=asker", {"solar", "reuse"}),
    ("objective=climate_mitigation", {"solar", "boat"}),
    ("objective=water_marine", {"boat"}),
    ("ask_min=3000000", {"solar", "boat"}),
    ("ask_max=3000000", {"solar", "app", "bank"}),
    ("ask_min=0&ask_max=0", {"bank"}),
    ("ask_min=500000&ask_max=3000000", {"solar", "app"}),
    ("municipality=asker&objective=circular_economy", {"reuse"}),
])
def test_search_and_each_filter_return_exactly_the_right_pitches(client, investor, catalogue,
                                                                 query, expected):
    response = client.get(f"/pitches?{query}")
    assert response.status_code == 200
    assert set(_ids(response)) == {catalogue[key] for key in expected}


@pytest.mark.parametrize("sort,order", [
    ("newest", ["bank", "reuse", "app", "boat", "solar"]),
    ("ask_asc", ["bank", "app", "solar", "boat", "reuse"]),
    ("ask_desc", ["boat", "solar", "app", "bank", "reuse"]),
    ("title", ["app", "bank", "reuse", "boat", "solar"]),
])
def test_sort_orders(client, investor, catalogue, sort, order):
    assert _ids(client.get(f"/pitches?sort={sort}")) == [catalogue[k] for k in order]


@pytest.mark.parametrize("query", [
    "ask_min=lots", "ask_max=-5", "sector=space", "stage=unicorn", "sort=random",
    "objective=x", "municipality=oslo", "ask_min=5&ask_max=1",
])
def test_invalid_filters_give_a_message_not_an_error(client, investor, catalogue, query):
    response = client.get(f"/pitches?{query}")
    assert response.status_code == 422
    assert "is-invalid" in response.get_data(as_text=True)
    assert _ids(response) == []


def test_pagination_shows_twenty_per_page_and_keeps_filters(client, investor):
    founder = make_user("founder")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    ids = [make_pitch(founder, title=f"Idea {n:02d}", sectors=["energy"],
                      published_at=start + timedelta(hours=n)).id for n in range(45)]
    make_pitch(founder, title="Other", sectors=["health"])
    first = client.get("/pitches?sector=energy")
    second = client.get("/pitches?sector=energy&page=2")
    third = client.get("/pitches?sector=energy&page=3")
    assert _ids(first) == ids[::-1][:20]
    assert _ids(second) == ids[::-1][20:40]
    assert _ids(third) == ids[::-1][40:]
    assert "sector=energy" in first.get_data(as_text=True).split('aria-label="Pages"')[-1] or \
        "sector=energy&amp;page=2" in first.get_data(as_text=True)
    # a page past the end lands on the last one, with the filter
    past = client.get("/pitches?sector=energy&page=99")
    assert past.status_code == 302 and past.location.endswith("/pitches?sector=energy&page=3")


def test_founders_may_not_browse_pitches(client, auth, catalogue):
    auth.login(make_user("founder").email)
    assert client.get("/pitches").status_code == 403


def test_staff_may_browse_pitches(client, auth, catalogue):
    auth.login(make_user("staff").email)
    assert len(_ids(client.get("/pitches"))) == 5


def test_anonymous_is_sent_to_login(client, catalogue):
    response = client.get("/pitches?q=solar")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_hidden_pitch_is_invisible_to_investors_even_by_url(client, investor, catalogue):
    assert client.get(f"/pitches/{catalogue['hidden']}").status_code == 404
    assert client.get(f"/pitches/{catalogue['draft']}").status_code == 404
    assert client.get(f"/pitches/{catalogue['solar']}").status_code == 200


def test_browse_form_has_labels(client, investor):
    page = client.get("/pitches").get_data(as_text=True)
    for name in ("q", "sector", "stage", "municipality", "objective", "ask_min", "ask_max",
                 "sort"):
        assert f'for="{name}"' in page


def test_title_order_is_norwegian_ae_oe_aa_after_z(client, investor):
    titles = ["Åpen kildekode", "Øko-gården", "ærlig mat", "Zink", "bølgekraft", "Båtdeling",
              "Bz"]
    ids = {t: make_pitch(title=t).id for t in titles}
    # case-blind, and inside a word too: Bz, Bø, Bå
    expected = ["Bz", "bølgekraft", "Båtdeling", "Zink", "ærlig mat", "Øko-gården",
                "Åpen kildekode"]
    assert _ids(client.get("/pitches?sort=title")) == [ids[t] for t in expected]
