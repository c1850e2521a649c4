"""The attendance list, which staff use at the door on the arena's day, lists those who
accepted in alphabetical order of their names, Æ, Ø and Å last as in Norwegian: it listed
them by the engine's invitation rank, founders and investors interleaved ("Leila Strand,
Camilla Dahl, Camilla Fjeld, Lars Nowak, ..." on the walked arena), so finding the person at
the door meant reading 32 names on a phone."""

from __future__ import annotations

from app.extensions import db
from tests.factories import make_arena, make_participant


def test_the_attendance_list_is_in_name_order(client, staff):
    arena = make_arena(status="scheduled")
    for rank, (role, name) in enumerate([("founder", "Øystein Aas"), ("investor", "Åse Berg"),
                                         ("founder", "anna Zahl"), ("investor", "Bjørn Æsen"),
                                         ("investor", "Æsa Lund")], start=1):
        make_participant(arena, role, rank=rank).user.name = name
    db.session.commit()
    page = client.get(f"/staff/arenas/{arena.id}/attendance").get_data(as_text=True)
    names = ["anna Zahl", "Bjørn Æsen", "Æsa Lund", "Øystein Aas", "Åse Berg"]
    places = [page.index(f">{name}</a></th>") for name in names]  # linked: member pages
    assert places == sorted(places)
