"""Staff look up one person's meetings on the schedule page; their lists come after every
table's meetings (18,000 px down on a phone for 53 meetings). An index of names before the
tables goes straight to each person's list."""

from __future__ import annotations

import re

from tests.factories import make_arena, make_meeting, make_participant, make_user


def test_the_schedule_links_each_person_to_their_meetings_before_the_tables(client, auth):
    arena = make_arena(status="inviting")
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    idle = make_participant(arena, "investor")
    make_meeting(arena, founder, investor, published=False)
    auth.login(make_user("staff", association="asker").email)
    for lang, heading in (("en", "Go to a person's meetings"),
                          ("nb", "Gå til møtene til en person")):
        client.post("/language", data={"lang": lang})
        page = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
        index = page.split('id="people-index-nav"', 1)[1].split("</nav>", 1)[0]
        assert heading in index.replace("&#39;", "'")
        for person in (founder, investor, idle):
            link = f'<a href="#person-{person.user_id}">{person.user.name}</a>'
            assert link in index
            assert page.index(link) < page.index('id="table-1"')
            assert re.search(rf'id="person-{person.user_id}"', page)
