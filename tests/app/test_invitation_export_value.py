"""The arena's invitations export gives the engine's match value of those it proposed and
leaves the cell empty for someone added by hand, who has none: it wrote 0,0, a value read as
"no fit at all", for every such person, and so for every invitee of the demo's arenas (the
demo's invitations are added by staff: its data is loaded before the engine has scores)."""

from __future__ import annotations

import csv
import io

from tests.factories import make_arena, make_invitation, make_user


def test_a_person_added_by_hand_has_no_value_in_the_export(client, staff):
    arena = make_arena()
    make_invitation(arena, make_user("investor", name="Foreslått Investor"), value=1.25,
                    reasons={"value": 1.25})
    make_invitation(arena, make_user("investor", name="Håndplukket Investor"),
                    reasons={"added_by_staff": True})
    client.post("/language", data={"lang": "nb"})
    text = client.get(f"/exports/arenas/{arena.id}/invitations.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    value = rows[0].index("Verdi")
    by_name = {row[2]: row[value] for row in rows[1:]}
    assert by_name == {"Foreslått Investor": "1,25", "Håndplukket Investor": ""}
