"""An investor keeps one profile; founders browse the public part, never the contacts."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile
from app.services import events
from tests.factories import make_investor, make_user


def _form(**overrides) -> dict:
    data = {
        "organisation": "Fjordkapital AS",
        "investor_type": "angel",
        "thesis": "Vi investerer i havbruk og maritim teknologi.",
        "sectors": ["maritime", "energy"],
        "stages": ["pre_seed", "seed"],
        "stages_only": "y",
        "ticket_min": "500000",
        "ticket_max": "5000000",
        "regions": ["drammen", "lier"],
        "green_mandate": "required",
        "green_objectives": ["water_marine"],
        "support_offers": ["capital", "mentoring"],
        "funding_types": ["equity", "convertible_loan"],
        "contact_email": "ola@fjordkapital.no",
        "contact_phone": "+47 912 34 567",
    }
    data.update(overrides)
    return data


def _ids(response) -> set[int]:
    page = response.get_data(as_text=True)
    return {int(x) for x in re.findall(r'data-profile-id="(\d+)"', page)}


@pytest.fixture
def investor(auth):
    user = make_user("investor")
    auth.login(user.email)
    return user


def _profile(user) -> InvestorProfile | None:
    db.session.expire_all()
    return db.session.scalar(select(InvestorProfile).where(InvestorProfile.user_id == user.id))


def test_investor_creates_then_edits_the_one_profile(client, investor):
    assert client.get("/profile").status_code == 200
    assert client.post("/profile", data=_form()).status_code == 302
    profile = _profile(investor)
    assert profile.organisation == "Fjordkapital AS"
    assert profile.stages_only is True and profile.ticket_max == 5_000_000
    assert profile.regions == ["drammen", "lier"]
    response = client.post("/profile", data=_form(organisation="Fjordkapital II",
                                                  version=str(profile.version)))
    assert response.status_code == 302
    assert _profile(investor).organisation == "Fjordkapital II"
    assert db.session.scalar(select(db.func.count(InvestorProfile.id))) == 1


@pytest.mark.parametrize("field,value", [
    ("organisation", ""),
    ("investor_type", "pirate"),
    ("ticket_min", "-1"),
    ("ticket_max", "abc"),
    ("ticket_max", "10000000001"),
    ("green_mandate", "maybe"),
    ("sectors", ["maritime", "space"]),
    ("regions", ["oslo"]),
    ("contact_email", "not-an-email"),
    ("contact_phone", "call me"),
])
def test_invalid_profile_is_refused_with_typed_values_kept(client, investor, field, value):
    response = client.post("/profile", data=_form(**{field: value}))
    assert response.status_code == 422
    assert "Vi investerer i havbruk og maritim teknologi." in response.get_data(as_text=True)
    assert _profile(investor) is None


def test_ticket_min_above_max_is_refused(client, investor):
    response = client.post("/profile", data=_form(ticket_min="6000000", ticket_max="5000000"))
    assert response.status_code == 422
    assert _profile(investor) is None


def test_ticket_min_equal_to_max_is_fine(client, investor):
    assert client.post("/profile", data=_form(ticket_min="0", ticket_max="0")).status_code == 302


def test_stale_profile_edit_keeps_typed_text_and_saves_nothing(client, investor):
    profile = make_investor(investor, organisation="Original")
    old = profile.version
    profile.thesis = "Endret i en annen fane"
    db.session.commit()
    response = client.post("/profile", data=_form(thesis="Min nye tese", version=str(old)))
    assert response.status_code == 409
    assert "Min nye tese" in response.get_data(as_text=True)
    assert _profile(investor).thesis == "Endret i en annen fane"


def test_second_first_profile_from_another_tab_is_a_conflict(client, investor):
    make_investor(investor, organisation="Fra fane 1")
    response = client.post("/profile", data=_form(organisation="Fra fane 2"))
    assert response.status_code == 409
    assert _profile(investor).organisation == "Fra fane 1"


def test_profile_is_for_investors_only(client, auth):
    assert client.get("/profile").status_code == 302
    auth.login(make_user("founder").email)
    assert client.get("/profile").status_code == 403
    assert client.post("/profile", data=_form()).status_code == 403


def test_saving_sends_the_investor_saved_signal(client, investor):
    seen = []

    def receiver(sender):
        seen.append(sender.organisation)

    events.investor_saved.connect(receiver)
    try:
        client.post("/profile", data=_form())
    finally:
        events.investor_saved.disconnect(receiver)
    assert seen == ["Fjordkapital AS"]


def test_public_page_never_shows_contact_details(client, auth):
    profile = make_investor(contact_email="hemmelig@kapital.no", contact_phone="+47 999 88 777")
    auth.login(make_user("founder").email)
    page = client.get(f"/investors/{profile.id}").get_data(as_text=True)
    assert profile.organisation in page
    for secret in ("hemmelig@kapital.no", "999 88 777", profile.user.email):
        assert secret not in page
    listing = client.get("/investors").get_data(as_text=True)
    assert "hemmelig@kapital.no" not in listing and profile.user.email not in listing


def test_investors_cannot_browse_investors(client, auth):
    profile = make_investor()
    auth.login(make_user("investor").email)
    assert client.get("/investors").status_code == 403
    assert client.get(f"/investors/{profile.id}").status_code == 403


def test_inactive_profile_is_not_listed_or_shown(client, auth):
    profile = make_investor(active=False)
    auth.login(make_user("founder").email)
    assert client.get(f"/investors/{profile.id}").status_code == 404
    assert _ids(client.get("/investors")) == set()


@pytest.fixture
def investors():
    p = {
        "green": make_investor(organisation="Grønn Kapital", thesis="Solar and wind",
                               sectors=["energy"], stages=["seed"], regions=["asker"],
                               green_mandate="required"),
        "sea": make_investor(organisation="Havfond", thesis="Aquaculture and ferries",
                             sectors=["maritime"], stages=["series_a", "growth"],
                             regions=["drammen"], green_mandate="preferred"),
        "bank": make_investor(organisation="Sparebank Vest", thesis="Loans for growth",
                              investor_type="bank", sectors=["finance", "energy"],
                              stages=["growth"], regions=["asker", "drammen"],
                              green_mandate="none"),
    }
    return {key: profile.id for key, profile in p.items()}


@pytest.mark.parametrize("query,expected", [
    ("", {"green", "sea", "bank"}),
    ("q=solar", {"green"}),
    ("q=havfond", {"sea"}),
    ("q=growth", {"bank"}),
    ("q=kapital+wind", {"green"}),
    ("sector=energy", {"green", "bank"}),
    ("stage=growth", {"sea", "bank"}),
    ("region=drammen", {"sea", "bank"}),
    ("green_mandate=required", {"green"}),
    ("sector=energy&region=drammen", {"bank"}),
])
def test_investor_search_and_filters(client, auth, investors, query, expected):
    auth.login(make_user("founder").email)
    response = client.get(f"/investors?{query}")
    assert response.status_code == 200
    assert _ids(response) == {investors[key] for key in expected}


def test_investor_list_rejects_unknown_filter_values(client, auth, investors):
    auth.login(make_user("founder").email)
    assert client.get("/investors?sector=space").status_code == 422


def test_investor_list_paginates(client, auth):
    for n in range(25):
        make_investor(organisation=f"Fond {n:02d}")
    auth.login(make_user("staff").email)
    first, second = client.get("/investors"), client.get("/investors?page=2")
    assert len(_ids(first)) == 20 and len(_ids(second)) == 5
    assert not _ids(first) & _ids(second)


def test_investor_list_is_in_norwegian_alphabetical_order(client, auth):
    names = ["Åsgård Invest", "Øvre Eiker Kapital", "ærlig Fond", "Zeta Vekst", "Aker Fond"]
    for name in names:
        make_investor(organisation=name)
    auth.login(make_user("founder").email)
    page = client.get("/investors").get_data(as_text=True)
    expected = ["Aker Fond", "Zeta Vekst", "ærlig Fond", "Øvre Eiker Kapital", "Åsgård Invest"]
    assert sorted(expected, key=page.index) == expected
