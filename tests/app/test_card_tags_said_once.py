"""A pitch's card shows its sectors and its green objectives as tags, which only their colour
told apart. "Circular economy" is both a sector and a green objective (app/vocabulary.py):
a pitch naming it as both showed two tags of the same name side by side, and a screen
reader, which hears no colour, read "Circular economy Circular economy". Now the name is
shown once, in the green group, and each group is named for screen readers."""

from __future__ import annotations

import re

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _

from app.vocabulary import GREEN_OBJECTIVES, SECTORS
from tests.factories import make_pitch, make_user


def _card(page: str, pitch_id: int) -> str:
    return page.split(f'data-pitch-id="{pitch_id}"', 1)[1].split("</li>", 1)[0]


def _badges(card: str) -> list[str]:
    return re.findall(r'<span class="badge [^"]*">([^<]*)</span>', card)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_sector_that_is_a_green_objective_too_is_one_tag(client, auth, lang):
    pitch = make_pitch(sectors=["energy", "circular_economy"],
                       green_objectives=["circular_economy", "climate_mitigation"])
    other = make_pitch(title="Fergen", sectors=["circular_economy"],
                       green_objectives=["pollution_prevention"])
    auth.login(make_user("investor").email)
    client.post("/language", data={"lang": lang})
    page = client.get("/pitches").get_data(as_text=True)
    with force_locale(lang):
        energy, circular = str(SECTORS["energy"]), str(SECTORS["circular_economy"])
        assert circular == str(GREEN_OBJECTIVES["circular_economy"])  # the overlap itself
        mitigation = str(GREEN_OBJECTIVES["climate_mitigation"])
        pollution = str(GREEN_OBJECTIVES["pollution_prevention"])
        sectors, green = _("Sectors"), _("Green objectives")
    card = _card(page, pitch.id)
    assert _badges(card) == [energy, circular, mitigation]
    assert re.search(rf'<span class="badge text-bg-success me-1">{circular}</span>', card)
    hidden = re.findall(r'<span class="visually-hidden">([^<]*)</span>', card)
    assert hidden == [f"{sectors}:", f"{green}:"]
    # a sector that is no green objective of this pitch is shown as a sector
    card = _card(page, other.id)
    assert _badges(card) == [circular, pollution]
    assert re.search(rf'<span class="badge text-bg-light border me-1">{circular}</span>', card)
