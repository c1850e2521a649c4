"""The staff attendance list names the founder/investor column as every other page does:
"Role" in English ("Rolle" in bokmål). It read "Side" in English (a card at phone width:
"Side: Founder"), and so did the arena's invitation and answer exports' first column
(tests/app/test_arena_exports_xlsx.py)."""

from __future__ import annotations

import pytest

from tests.factories import make_arena, make_participant, make_user


@pytest.mark.parametrize("lang,role", [("en", "Role"), ("nb", "Rolle")])
def test_the_attendance_list_calls_the_column_role(client, auth, lang, role):
    arena = make_arena(status="scheduled")
    make_participant(arena, "founder")
    user = make_user("staff", association="asker", locale=lang)
    auth.login(user.email)
    client.post("/language", data={"lang": lang})
    page = client.get(f"/staff/arenas/{arena.id}/attendance").get_data(as_text=True)
    assert f'<th scope="col" role="columnheader">{role}</th>' in page
    assert f'data-label="{role}"' in page
    assert ">Side<" not in page and 'data-label="Side"' not in page
