"""The match sentence names a shared term as the pitch writes it. A rebuild stored each
term in the form the whole corpus saw first: an English pitch about "greenhouse gas" and a
thesis about "climate" both "nevner klimagass", a word neither wrote, taken from another
founder's Norwegian pitch; a pitch's "CO2" read "co2"."""

from __future__ import annotations

import re

import pytest
from flask_babel import force_locale
from markupsafe import escape

from app.services import engine_index, explain, recommendations
from tests.factories import make_investor, make_pitch


@pytest.fixture
def pairs(app):
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    # the first pitch of the corpus fixes the engine's own forms: "klimagass", "co2"
    make_pitch(title="Fjernvarme", summary="Vi kutter klimagass og co2 med fjernvarme.",
               description="Fjernvarme fra spillvarme.")
    english = make_pitch(title="Heatloop", summary="Heat pumps for schools.",
                         description="Our heat pumps cut greenhouse gas in schools.")
    norwegian = make_pitch(title="Takly", summary="Tak for skoler.",
                           description="Vi måler CO2 fra byggene på skoler.")
    climate = make_investor(thesis="We invest in climate solutions for schools.")
    measured = make_investor(thesis="Vi investerer i mindre CO2 fra skoler.")
    make_investor(organisation="Havfond", thesis="Havbruk og fisk.", sectors=["maritime"])
    engine_index.rebuild()
    return (english, climate, "greenhouse gas", "klimagass"), (norwegian, measured, "CO2",
                                                                "co2")


@pytest.mark.parametrize("which", [0, 1])
def test_the_founders_page_names_the_pitchs_own_word(client, auth, app, pairs, which):
    pitch, investor, own, other = pairs[which]
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    auth.login(pitch.owner.email)
    html = client.get(f"/pitches/{pitch.id}/matches").get_data(as_text=True)
    score = recommendations.score_for(pitch.id, investor.id)
    with app.test_request_context(), force_locale("nb"):
        sentence = explain.explain(score, explain.FOUNDER)
    assert str(escape(sentence)) in html
    named = re.search(r"Både pitchen din og investoren nevner ([^;.]*)", sentence)
    assert named, sentence
    words = re.split(r", | og ", named.group(1))
    assert own in words and other not in words, sentence
