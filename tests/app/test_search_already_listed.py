"""Staff searching for someone to add to an arena's list are told the person is on the list
already; the search said 'nobody found', which read as if the person did not exist."""

from __future__ import annotations

import pytest

from tests.factories import make_arena, make_invitation, make_pitch, make_user


@pytest.fixture
def arena():
    arena = make_arena()
    kari = make_user("founder", name="Kari Solberg")
    make_invitation(arena, kari, state="accepted", pitch_id=make_pitch(kari).id)
    return arena


@pytest.mark.parametrize(("lang", "said", "nobody"), [
    ("en", "Kari Solberg is already on the list. (Accepted)", "Nobody found"),
    ("nb", "Kari Solberg står allerede på listen. (Takket ja)", "Fant ingen"),
])
def test_a_person_on_the_list_is_said_to_be_there(client, staff, arena, lang, said, nobody):
    client.post("/language", data={"lang": lang})
    page = client.get(f"/staff/arenas/{arena.id}/invitations",
                      query_string={"q": "solberg"}).get_data(as_text=True)
    assert said in page
    assert nobody not in page


def test_others_found_and_the_listed_one_both_shown(client, staff, arena):
    client.post("/language", data={"lang": "en"})
    other = make_user("founder", name="Kari Berg")
    make_pitch(other)
    page = client.get(f"/staff/arenas/{arena.id}/invitations",
                      query_string={"q": "kari"}).get_data(as_text=True)
    assert "Add Kari Berg" in page
    assert "Add Kari Solberg" not in page
    assert "Kari Solberg is already on the list." in page


def test_nobody_at_all_still_says_nobody_found(client, staff, arena):
    client.post("/language", data={"lang": "en"})
    page = client.get(f"/staff/arenas/{arena.id}/invitations",
                      query_string={"q": "zzyzx"}).get_data(as_text=True)
    assert "Nobody found who can be added" in page
    assert "already on the list" not in page
