"""The staff's invitations page reads the invitations' per-side counts (how many per side
and state) once a request and passes them to what is made of them: the free seats, the k
a proposal asks for and what "Send" would invite. Each read them again before: the same
GROUP BY four times (the k once for each seated state it summed) and four counts of its own
for "Send", 21 statements a page."""

from __future__ import annotations

import pytest

from tests.factories import make_arena, make_participant, make_user

PAGE_STATEMENTS = 14  # 21 before the counts were read once


@pytest.fixture
def staff(auth):
    user = make_user("staff", association="asker")
    auth.login(user.email)
    return user


def _fill(arena, n: int) -> None:
    """n people per side, in turn invited, accepted, declined, proposed and waiting."""
    states = ("invited", "accepted", "declined", "proposed", "waiting_list")
    for k in range(n):
        for role in ("founder", "investor"):
            make_participant(arena, role, state=states[k % len(states)], rank=k + 1)


def test_the_invitation_list_reads_its_counts_once(client, staff, statements):
    arena = make_arena(founder_capacity=6, investor_capacity=6)
    _fill(arena, 5)
    url = f"/staff/arenas/{arena.id}/invitations"
    statements(client, url)  # a first visit fills the caches (the associations' names)
    assert statements(client, url) == PAGE_STATEMENTS
    page = client.get(url).get_data(as_text=True)
    assert 'id="nothing-to-send"' not in page  # "Send" is offered: its counts were read
    _fill(arena, 5)
    statements(client, url)  # new accounts emptied the cache
    assert statements(client, url) == PAGE_STATEMENTS  # more people, no more statements
