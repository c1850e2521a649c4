"""Marking someone on the staff attendance list says so, by name, as other staff actions
do ("<name> is marked present." / "… er registrert som til stede."), and the recorded
answer's button is filled and pressed (aria-pressed="true"), the other an outline. Before,
nothing was flashed and both buttons looked the same whatever had been chosen, so at the
door one could not tell at a glance (or by screen reader) whether a tap had landed."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from tests.app.test_meetings_after import past_arena
from tests.factories import make_participant, make_user


def _buttons(page: str, invitation) -> dict[str, str]:
    """The row's two buttons' tags, by value."""
    row = page[page.index(f'id="attendance-{invitation.id}"'):]
    row = row[:row.index("</tr>")]
    return {value: tag for tag in re.findall(r"<button [^>]*>", row)
            for value in re.findall(r'value="(yes|no)"', tag)}


@pytest.mark.parametrize(("lang", "present", "absent"), [
    ("en", "{} is marked present.", "{} is marked absent."),
    ("nb", "{} er registrert som til stede.", "{} er registrert som fraværende."),
])
def test_a_mark_is_confirmed_and_its_button_pressed(client, auth, lang, present, absent):
    arena = past_arena(schedule_published_at=datetime.now(UTC))
    founder = make_participant(arena, "founder")
    other = make_participant(arena, "investor")
    name = founder.user.name
    auth.login(make_user("staff", association="asker", locale=lang).email)
    client.post("/language", data={"lang": lang})
    url = f"/staff/arenas/{arena.id}/attendance"

    page = client.get(url).get_data(as_text=True)
    for tag in _buttons(page, founder).values():  # nothing recorded: neither pressed
        assert 'aria-pressed="false"' in tag and "btn-outline-" in tag

    response = client.post(f"{url}/{founder.id}", data={"attended": "yes"})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert present.format(name) in page
    yes, no = _buttons(page, founder)["yes"], _buttons(page, founder)["no"]
    assert 'aria-pressed="true"' in yes and "btn-success" in yes and "btn-outline" not in yes
    assert 'aria-pressed="false"' in no and "btn-outline-secondary" in no
    assert all('aria-pressed="false"' in tag for tag in _buttons(page, other).values())

    response = client.post(f"{url}/{founder.id}", data={"attended": "no"})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert absent.format(name) in page and present.format(name) not in page
    yes, no = _buttons(page, founder)["yes"], _buttons(page, founder)["no"]
    assert 'aria-pressed="false"' in yes and "btn-outline-success" in yes
    assert 'aria-pressed="true"' in no and "btn-secondary" in no and "btn-outline" not in no
