"""paging.paginate(narrow=True), the member list's and the admin's people list's paging,
picks and counts the page over the ids alone; its pages must be the plain paging's: the same
accounts in the same order, ties on the name broken by id across page boundaries, the same
total, and an empty page past the end still counted. A guard for the narrowing (the lists'
own tests pass on the code before it too)."""

from __future__ import annotations

from app.services import people_search
from app.services.paging import paginate
from tests.factories import make_user


def test_narrow_pages_are_the_plain_pages(app):
    with app.app_context():
        for i in range(7):
            make_user("founder", name="Åse Berg" if i % 2 else "anders Moe")
        make_user("investor", name="Øystein Lie")
        for q in ("", "berg"):
            query = people_search.people(q, organisation=True)
            plain_total = paginate(query, 1, 2).total
            assert plain_total == (3 if q else 8)
            for page in range(1, 7):
                plain, narrow = paginate(query, page, 2), paginate(query, page, 2, narrow=True)
                assert [p.id for p in narrow.items] == [p.id for p in plain.items]
                assert narrow.total == plain.total == plain_total
