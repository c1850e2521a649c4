"""On the investor's home (/matches) a pitch whose founder marked interest in the investor
was listed twice: under "Interested in you" and again in the ranking below, with the same
answer buttons. It is now listed once, under "Interested in you": the ranking leaves it out
on every page, its count and its pages count only the others, and a line under the count
says so. When the ranking has nothing else, the page no longer says that no pitch fits the
profile (one does: it is listed above). The API's recommendations are unchanged."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.services import engine_index, interest
from tests.app.api.helpers import bearer
from tests.app.security.principals import log_in
from tests.factories import make_pitch

NOTE = {"en": "Pitches under “Interested in you” are not repeated here.",
        "nb": "Pitcher under «Interessert i deg» gjentas ikke her."}
NOTHING_ELSE = {"en": "No other published pitch fits your profile yet.",
                "nb": "Ingen annen publisert pitch passer profilen din ennå."}
NOTHING = {"en": "No published pitch fits your profile yet.",
           "nb": "Ingen publisert pitch passer profilen din ennå."}


def _ranked(page: str) -> list[int]:
    """Pitch ids of the ranked cards (places r-…), in order."""
    return [int(p) for p in re.findall(r'id="r-(\d+)-\d+"', page)]


def _incoming(page: str) -> list[int]:
    return [int(p) for p in re.findall(r'id="i-(\d+)-\d+"', page)]


def _count(page: str) -> int:
    found = re.search(r'role="status">(\d+) ', page)
    return int(found.group(1)) if found else 0


@pytest.fixture
def solar_pitches(market):
    """Three more solar pitches besides the market's, all scored for the solar investor."""
    more = [make_pitch(title=f"Solpark {n}") for n in range(3)]
    engine_index.rebuild()
    return [market["solar"], *more]


def _all_ranked(client) -> tuple[list[int], list[int]]:
    """Every ranked pitch over all pages, and the count each page states."""
    ids, counts, page = [], [], 1
    while True:
        html = client.get(f"/matches?page={page}").get_data(as_text=True)
        found = _ranked(html)
        if not found:
            return ids, counts
        ids += found
        counts.append(_count(html))
        page += 1


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_pitch_interested_in_the_investor_is_listed_once(client, market, solar_pitches,
                                                           lang):
    investor = market["solar_investor"]
    investor.user.locale = lang
    db.session.commit()
    log_in(client, investor.user)
    before = client.get("/matches").get_data(as_text=True)
    wanted = solar_pitches[1]
    assert wanted.id in _ranked(before) and NOTE[lang] not in before
    total = _count(before)
    interest.mark(wanted.owner, wanted.id, investor.id, "interested")
    db.session.commit()
    page = client.get("/matches").get_data(as_text=True)
    assert _incoming(page) == [wanted.id]
    assert wanted.id not in _ranked(page)
    assert _count(page) == total - 1
    assert NOTE[lang] in page
    # mutual: still once, in the section, with the founder's contacts
    interest.mark(investor.user, wanted.id, investor.id, "interested")
    db.session.commit()
    page = client.get("/matches").get_data(as_text=True)
    assert _incoming(page) == [wanted.id] and wanted.id not in _ranked(page)
    assert page.count(f'/pitches/{wanted.id}?next=') == 1


def test_pages_and_total_leave_the_interested_pitch_out(app, client, market, solar_pitches):
    app.config["PITCHES_PER_PAGE"] = 1
    investor = market["solar_investor"]
    log_in(client, investor.user)
    everyone, _counts = _all_ranked(client)
    wanted = solar_pitches[0]
    assert wanted.id in everyone
    interest.mark(wanted.owner, wanted.id, investor.id, "interested")
    db.session.commit()
    ids, counts = _all_ranked(client)
    assert ids == [p for p in everyone if p != wanted.id]
    assert set(counts) == {len(ids)}  # every page states the same total, the pages' sum
    # no page past the last: the pager's count of pages follows
    past = client.get(f"/matches?page={len(ids) + 1}")
    assert past.status_code in (302, 303) and f"page={len(ids)}" in past.location


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_nothing_else_ranked_does_not_say_nothing_fits(client, market, lang):
    investor = market["solar_investor"]
    investor.user.locale = lang
    db.session.commit()
    log_in(client, investor.user)
    ranked = _ranked(client.get("/matches").get_data(as_text=True))
    for pitch in (market["solar"], market["fish"], market["health"]):
        assert pitch.id in ranked
        interest.mark(pitch.owner, pitch.id, investor.id, "interested")
    db.session.commit()
    page = client.get("/matches").get_data(as_text=True)
    assert sorted(_incoming(page)) == sorted(ranked) and _ranked(page) == []
    assert NOTHING_ELSE[lang] in page and NOTHING[lang] not in page


def test_the_api_recommendations_still_list_it(client, market):
    # guard: the API has no "Interested in you" above its list; it keeps every pitch
    investor, solar = market["solar_investor"], market["solar"]
    interest.mark(solar.owner, solar.id, investor.id, "interested")
    db.session.commit()
    found = client.get("/api/v1/recommendations", headers=bearer(investor.user)).get_json()
    assert solar.id in [item["pitch"]["id"] for item in found["items"]]
