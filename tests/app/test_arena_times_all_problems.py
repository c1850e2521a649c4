"""The "your time at the arena" form names every wrong field at once. A founder walk chose a
leaving time before the arrival and typed "tre" meetings: the page said "1 problem to fix"
about the meeting count alone; with that fixed (99 meetings), it then said "1 problem to fix"
about the times; only the third try told of the count's range. Now one refusal names both
fields, on the participant's page and on staff's form, and nothing is stored."""

from __future__ import annotations

import re

import pytest

from tests.app.arena_times_support import audits, stored
from tests.app.test_arena_times import staff_url
from tests.factories import make_arena, make_participant, make_user

LEAVE = {"nb": "Avreisetiden må være etter ankomsttiden.",
         "en": "The leaving time must be after the arrival time."}
RANGE = {"nb": "Skriv et antall møter fra 0 til 3.",
         "en": "Enter a number of meetings from 0 to 3."}
WHOLE = {"nb": "Skriv inn et helt tall.", "en": "Enter a whole number."}
SUMMARY = {"nb": "2 feil å rette", "en": "2 problems to fix"}


def _invalid(html: str) -> dict[str, str]:
    """Each field marked invalid, with the text of its error."""
    found = {}
    for name in ("arrive_slot", "leave_slot", "meeting_cap"):
        control = re.search(rf'<(?:select|input)[^>]*name="{name}"[^>]*>', html).group(0)
        if 'aria-invalid="true"' in control:
            error = re.search(rf'id="{name}-error"[^>]*>(.*?)</', html, re.S)
            found[name] = " ".join(error.group(1).split()) if error else ""
    return found


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("cap", "cap_message"), [("99", RANGE), ("tre", WHOLE)])
def test_wrong_times_and_a_wrong_count_are_named_together(client, auth, lang, cap,
                                                          cap_message):
    arena = make_arena(meeting_cap=3)
    me = make_participant(arena, "founder", arrive_slot=1, leave_slot=6, meeting_cap=2)
    me.user.locale = lang
    auth.login(me.user.email)
    client.post("/language", data={"lang": lang})
    response = client.post(f"/arenas/{arena.id}/times",
                           data={"arrive_slot": "6", "leave_slot": "2", "meeting_cap": cap})
    assert response.status_code == 422
    html = response.get_data(as_text=True).replace("&#39;", "'")
    assert _invalid(html) == {"leave_slot": LEAVE[lang], "meeting_cap": cap_message[lang]}
    assert SUMMARY[lang] in html
    assert stored(me.id) == (1, 6, 2) and audits() == []


def test_staff_read_both_too(client, auth):
    arena = make_arena(meeting_cap=3)
    person = make_participant(arena, "founder", arrive_slot=1, leave_slot=6, meeting_cap=2)
    auth.login(make_user("staff", association="asker", locale="en").email)
    response = client.post(staff_url(arena, person),
                           data={"arrive_slot": "6", "leave_slot": "2", "meeting_cap": "99"})
    assert response.status_code == 422
    html = response.get_data(as_text=True).replace("&#39;", "'")
    assert _invalid(html) == {"leave_slot": LEAVE["en"], "meeting_cap": RANGE["en"]}
    assert stored(person.id) == (1, 6, 2) and audits() == []


def test_one_wrong_field_is_named_alone(client, auth):
    arena = make_arena(meeting_cap=3)
    me = make_participant(arena, "founder")
    auth.login(me.user.email)
    response = client.post(f"/arenas/{arena.id}/times",
                           data={"arrive_slot": "6", "leave_slot": "2", "meeting_cap": "2"})
    html = response.get_data(as_text=True).replace("&#39;", "'")
    assert _invalid(html) == {"leave_slot": LEAVE["en"]}
    response = client.post(f"/arenas/{arena.id}/times",
                           data={"arrive_slot": "x", "leave_slot": "2", "meeting_cap": "9"})
    html = response.get_data(as_text=True).replace("&#39;", "'")
    assert set(_invalid(html)) == {"arrive_slot", "meeting_cap"}  # no guess at the window
