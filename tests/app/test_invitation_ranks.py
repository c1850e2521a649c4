"""The staff's invitation list reads in rank order, one rank per place on a side's list.

The unsent people were numbered 1, 2, ... again after every change, beside the sent ones'
ranks, and the table was sorted by answer first: the rank column read 2, 3, 4, 1, 2, 3, 1,
and in bokmål "Plass 1" (seat 1) stood beside someone on the waiting list and someone who
had said no."""

from __future__ import annotations

import re

from app.extensions import db
from app.models import Invitation
from app.services import invitation_edits, invitation_sending, rsvp
from tests.factories import make_arena, make_investor, make_participant, make_pitch, make_user


def _founder(name: str):
    user = make_user("founder", name=name)
    make_pitch(user, sectors=["energy"], stage="growth",
               green_objectives=["climate_mitigation", "circular_economy"])
    return user


def _table(page: str, side: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The column headers, and each row's (rank, row header, answer); the name may be a link
    to the member's page."""
    section = re.search(rf'aria-labelledby="side-{side}">(.*?)</section>', page, re.S).group(1)
    headers = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', section)
    rows = re.findall(r'<tr[^>]*data-invitation-id="\d+"[^>]*>\s*<td[^>]*>(\d+)</td>\s*'
                      r'<th scope="row"[^>]*>(?:<a [^>]*>)?(\w+).*?</th>\s*'
                      r'<td[^>]*>(.*?)</td>', section, re.S)
    return headers, rows


def test_the_list_reads_in_rank_order_in_both_languages(client, auth, staff):
    arena = make_arena(founder_capacity=3, investor_capacity=3, status="draft")
    people = [_founder(f"F{n}") for n in range(5)]
    for person in people:  # one added to a full list goes first on its waiting list: F4, F3
        invitation_edits.add_person(staff, arena, person.id)
    invitation_sending.send(staff, arena)
    sent = {i.user_id: i.id for i in db.session.query(Invitation)}
    rsvp.answer(sent[people[0].id], accept=False)  # F4, next on the waiting list, is invited
    rsvp.answer(sent[people[2].id], accept=True)
    rsvp.answer(sent[people[1].id], accept=True)
    for name in ("F5", "F6"):  # added by hand: first on the waiting list
        invitation_edits.add_person(staff, arena, _founder(name).id)
    expected = ["F0", "F1", "F2", "F4", "F6", "F5", "F3"]
    for lang, rank, answers in (
            ("nb", "Rangering", ["Takket nei", "Takket ja", "Takket ja",
                                 "Invitert, ikke svart ennå", "Venteliste", "Venteliste",
                                 "Venteliste"]),
            ("en", "Rank", ["Declined", "Accepted", "Accepted", "Invited, no answer yet",
                            "Waiting list", "Waiting list", "Waiting list"])):
        client.post("/language", data={"lang": lang})
        page = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
        headers, rows = _table(page, "founder")
        assert headers[0] == rank
        assert [r[0] for r in rows] == ["1", "2", "3", "4", "5", "6", "7"]
        assert [r[1] for r in rows] == expected
        assert [r[2] for r in rows] == answers


def test_a_new_proposal_is_ranked_after_those_already_invited(client, staff):
    arena = make_arena(founder_capacity=4, investor_capacity=4, good_investors_k=1)
    for rank in (1, 2):
        make_participant(arena, "founder", rank=rank)
        make_participant(arena, "investor", rank=rank)
    for _ in range(3):
        _founder("Ny")
        make_investor(make_user("investor"), sectors=["energy"], stages=["growth"],
                      green_mandate="required", green_objectives=["climate_mitigation"])
    assert client.post(f"/staff/arenas/{arena.id}/invitations/propose").status_code == 302
    for side in ("founder", "investor"):
        ranks = [i.rank for i in db.session.query(Invitation).filter_by(
            arena_id=arena.id, side=side).order_by(Invitation.rank)]
        assert len(ranks) > 2 and ranks == list(range(1, len(ranks) + 1)), (side, ranks)
