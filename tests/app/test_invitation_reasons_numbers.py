"""The reasons beside each proposed person on the staff's invitation list read as words and
percents in the page's language, and the association's fair share says what the proposer did
with it. They showed the engine's raw output: "Matchverdi 2,379" (the sum of three pair
values), "Passer til temaet: 1", and "Forening: Ringerike (rettferdig andel: 0 plasser)"
beside the founder proposed first, or "fair share 2 seats" beside three Drammen founders: a
fair share is a lower bound (matching.invitations reserves it; the other seats go to the best
match values), which the page never said."""

from __future__ import annotations

import pytest

from app.models import Invitation
from tests.factories import make_arena, make_investor, make_invitation, make_pitch, make_user

REASONS = {"value": 2.379, "best": 3, "good": 1, "good_threshold": 0.4, "top": ["Fjordkraft"],
           "theme_fit": 0.75, "association": "asker", "quota": 1, "chosen": 1,
           "quota_seat": False, "in_room": True}
CASES = {  # who: (side, reasons)
    "Kari": ("founder", {}),
    "Lars": ("investor", {"quota_seat": True, "quota": 2, "chosen": 2, "best": 1,
                          "value": 0.8}),
    "Rune": ("founder", {"association": "ringerike", "quota": 0, "chosen": 1}),
    "Dina": ("founder", {"association": "drammen", "quota": 2, "chosen": 3}),
    "Vera": ("founder", {"association": "drammen", "quota": 2, "chosen": 3,
                         "in_room": False}),
    # the arena's host, with less than a seat's worth of the candidates
    "Hege": ("founder", {"association": "asker", "quota": 0, "chosen": 1}),
    "Olav": ("founder", {"association": "none", "quota": 1, "chosen": 0, "in_room": False}),
    "Siri": ("founder", {"association": "ringerike", "quota": 0, "chosen": 0,
                         "in_room": False}),
}


@pytest.fixture
def invitation_list(client, auth):
    staff = make_user("staff", association="asker")
    arena = make_arena(status="draft")
    for rank, (name, (side, reasons)) in enumerate(CASES.items(), start=1):
        make_invitation(arena, make_user(side, name=name), state="proposed", rank=rank,
                        reasons={**REASONS, **reasons})
    auth.login(staff.email)

    def page(lang: str) -> str:
        client.post("/language", data={"lang": lang})
        html = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
        rows = {}
        for name in CASES:
            row = html[html.index(f">{name}"):]
            rows[name] = " ".join(row[: row.index("</tr>")].split())
        return rows

    return page


def test_bokmal_reasons_in_words_and_percents(invitation_list):
    rows = invitation_list("nb")
    assert "Match med de 3 beste investorene i rommet: 79 % i snitt, temaet regnet med." \
        in rows["Kari"]
    assert "Passer til det grønne temaet: 75 % (de grønne målene)." in rows["Kari"]
    assert "Match med den beste gründeren i rommet: 80 %, temaet regnet med." in rows["Lars"]
    assert "2,379" not in rows["Kari"] and "0,75" not in rows["Kari"]
    assert "1 god investor i rommet." in rows["Kari"]
    assert ("Valgt etter matchverdi; teller med i den rettferdige andelen til Asker "
            "Næringsforening på 1 reservert plass.") in rows["Kari"]
    assert ("Har en plass reservert for Asker Næringsforening, som har krav på 2 plasser "
            "etter rettferdig fordeling") in rows["Lars"]
    assert ("Valgt etter matchverdi. Ingen plass er reservert for Ringerike "
            "Næringsforening: plasser reserveres etter hver forenings andel av kandidatene, "
            "og andelen blir mindre enn én plass.") in rows["Rune"]
    assert ("Valgt etter matchverdi. Asker Næringsforening er vertskap, men behandles som "
            "alle foreninger: plasser reserveres etter hver forenings andel av kandidatene, "
            "og andelen blir mindre enn én plass.") in rows["Hege"]
    assert ("Venteliste. Rettferdig andel for gruppen uten forening: 1 reservert plass."
            in rows["Olav"])
    assert ("Næringsforeningen i Drammensregionen har 3 i rommet, flere enn den rettferdige "
            "andelen på 2 reserverte plasser") in rows["Dina"]
    assert "Venteliste." in rows["Vera"]


def test_english_reasons_in_words_and_percents(invitation_list):
    rows = invitation_list("en")
    assert ("Match with its 3 best investors in the room: 79% on average, the theme counted "
            "in.") in rows["Kari"]
    assert "Fits the green theme: 75% (its green objectives)." in rows["Kari"]
    assert "Fits the green theme: 75% (its green mandate and objectives)." in rows["Lars"]
    assert "1 good investor in the room." in rows["Kari"]
    assert "Good match for 1 founder in the room." in rows["Lars"]
    assert "fair share 0" not in rows["Rune"]
    # "Asker has no reserved seat: too few of the candidates are from it for a whole seat"
    # read, on Asker's own arena, as if the host were left out
    assert ("Chosen on match value. No seat is reserved for Ringerike Næringsforening: seats "
            "are reserved in proportion to each association's share of the candidates, and "
            "its share comes to less than one seat.") in rows["Rune"]
    assert ("Chosen on match value. Asker Næringsforening hosts the arena but is treated like "
            "any association: seats are reserved in proportion to each one's share of the "
            "candidates, and its share comes to less than one seat.") in rows["Hege"]
    assert ("Chosen on match value; counts toward the fair share of Asker Næringsforening: 1 "
            "reserved seat.") in rows["Kari"]
    assert "Waiting list. Fair share of the group with no association: 1 reserved seat." \
        in rows["Olav"]
    assert "'s fair share" not in " ".join(rows.values())
    assert ("has 3 in the room, more than its fair share of 2 reserved seats: seats beyond "
            "the fair shares go to the best matches.") in rows["Dina"]


def test_a_proposal_records_how_many_of_each_association_it_seats(client, auth):
    """`chosen` is what the page compares with the fair share: it must be the proposal's
    own count of the association's people in the room."""
    staff = make_user("staff", association="asker")
    auth.login(staff.email)
    for n in range(6):
        owner = make_user("founder", association=("drammen", "drammen", "asker",
                                                  "ringerike", "drammen", "baerum")[n])
        make_pitch(owner, sectors=["energy"], stage="growth",
                   green_objectives=["climate_mitigation", "circular_economy"])
    for n in range(6):
        make_investor(make_user("investor", association=("asker", "drammen", "baerum")[n % 3]),
                      sectors=["energy"], stages=["growth"], green_mandate="required",
                      green_objectives=["climate_mitigation", "circular_economy"])
    arena = make_arena(founder_capacity=4, investor_capacity=4, status="draft")
    client.post(f"/staff/arenas/{arena.id}/invitations/propose")
    rows = Invitation.query.filter_by(arena_id=arena.id).all()
    proposed = [i for i in rows if i.state == "proposed"]
    assert proposed
    for invitation in rows:
        same = [i for i in proposed if i.side == invitation.side
                and i.reasons["association"] == invitation.reasons["association"]]
        assert invitation.reasons["chosen"] == len(same)
        assert invitation.reasons["chosen"] >= 0 and invitation.reasons["best"] <= 3


@pytest.mark.parametrize(("lang", "said"), [
    ("nb", "Venteliste. Ingen plass er reservert for Ringerike Næringsforening."),
    ("en", "Waiting list. No seat is reserved for Ringerike Næringsforening.")])
def test_waiting_list_with_no_fair_share_says_no_seat_is_reserved(invitation_list, lang, said):
    """Not "Fair share of Ringerike Næringsforening: 0 reserved seats"."""
    row = invitation_list(lang)["Siri"]
    assert said in row
    assert ": 0 " not in row
