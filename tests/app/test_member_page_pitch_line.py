"""On staff's member page a pitch's line reads "title · Published · Moderate" with a space
on both sides of each dot. On the walk (staff, en and nb) it read "Bygningsintegrerte
solceller ·Published · Moderate": a template comment trimmed the space after the first dot."""

from __future__ import annotations

import re

import pytest

from tests.app.security.principals import logged_in_client
from tests.factories import make_pitch, make_user

STATE = {"en": ("Published", "Hidden by moderation: Reklame"),
         "nb": ("Publisert", "Skjult av moderator: Reklame")}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_each_pitch_state_stands_apart_from_its_title(app, lang):
    founder = make_user("founder", municipality="asker")
    make_pitch(founder, title="Solkraft på låvetak")
    make_pitch(founder, title="Skjult idé", hidden=True, hidden_reason="Reklame")
    staff = make_user("staff", locale=lang)

    html = logged_in_client(app, staff).get(f"/staff/members/{founder.id}").get_data(
        as_text=True)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))

    shown, hidden = STATE[lang]
    assert f"Solkraft på låvetak · {shown} · " in text
    assert f"Skjult idé · {hidden} · " in text
