"""Guard: an arena's tables download from two addresses, the staff pages' CSV
(/staff/arenas/<id>/export/<kind>.csv) and the data page's CSV or Excel
(/exports/arenas/<id>/<kind>.<fmt>). Both now build the file in one place
(app.arenas.arena_download) and answer everyone alike: someone who may not see an arena
gets the same answer whether it exists or not (login, 403 for a role that downloads no
arena, 404 for staff), so neither address tells who may not see it that it exists."""

from __future__ import annotations

import pytest

from tests.app.security.principals import log_in
from tests.factories import make_arena, make_meeting, make_participant, make_user

MISSING = 2**31 - 2


def _urls(arena_id: int, kind: str) -> list[str]:
    return [f"/staff/arenas/{arena_id}/export/{kind}.csv",
            f"/exports/arenas/{arena_id}/{kind}.csv", f"/exports/arenas/{arena_id}/{kind}.xlsx"]


@pytest.fixture
def arena():
    arena = make_arena(hosts=("asker",), status="scheduled")
    make_meeting(arena, make_participant(arena, "founder"), make_participant(arena, "investor"))
    return arena


@pytest.mark.parametrize("who", ["anonymous", "founder", "investor", "other staff"])
def test_a_missing_arena_is_answered_as_one_not_theirs(app, arena, who):
    user = {"anonymous": None, "founder": make_user("founder"),
            "investor": make_user("investor"),
            "other staff": make_user("staff", association="drammen")}[who]
    client = app.test_client()
    if user is not None:
        log_in(client, user)
    for kind in ("invitations", "answers", "meetings"):
        codes = {(url.replace(str(arena.id), "<id>"), client.get(url).status_code)
                 for url in _urls(arena.id, kind)}
        missing = {(url.replace(str(MISSING), "<id>"), client.get(url).status_code)
                   for url in _urls(MISSING, kind)}
        assert codes == missing
        assert len({code for _url, code in codes}) == 1  # the three addresses agree


@pytest.mark.parametrize("who", ["hosting staff", "admin"])
def test_those_who_see_the_arena_get_one_table_from_both_addresses(app, arena, who):
    client = app.test_client()
    log_in(client, make_user("staff") if who == "hosting staff"
           else make_user("admin", association=None))
    for kind in ("invitations", "answers", "meetings"):
        staff_csv, data_csv, xlsx = (client.get(url) for url in _urls(arena.id, kind))
        assert staff_csv.status_code == data_csv.status_code == xlsx.status_code == 200
        assert staff_csv.data == data_csv.data
        assert (staff_csv.headers["Content-Disposition"]
                == data_csv.headers["Content-Disposition"])
    assert {client.get(url).status_code for url in _urls(arena.id, "secrets")} == {404}
    assert {client.get(url).status_code for url in _urls(MISSING, "meetings")} == {404}
