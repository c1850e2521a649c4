"""A founder who has just registered lands on "Matches for your pitches" with no pitch: the
page said only "You have no pitches yet." and a small link, three empty list links above it,
and nothing about what happens next. Now it says, in order, what a founder does (write,
publish, mark interest, see contact details on mutual interest) and offers the pitch form as
the page's button; once there is a pitch, the pitch's own card takes its place."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_pitch, make_user

STEPS = {
    "nb": ("Slik fungerer Koble for deg", "Skriv en pitch:", "Publiser den", "Se investorene"),
    "en": ("How Koble works for you", "Write a pitch:", "Publish it", "See the investors"),
}
BUTTON = {"nb": "Skriv en pitch", "en": "Write a pitch"}


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_new_founder_is_told_the_steps_and_offered_the_pitch_form(client, auth, lang):
    auth.login(make_user("founder", locale=lang).email)
    html = client.get("/matches/pitches").get_data(as_text=True)
    heading, *steps = STEPS[lang]
    assert f'<h2 class="h5" id="first-steps">{heading}</h2>' in html
    items = re.findall(r"<li>(.*?)</li>", html.split('id="first-steps"')[1].split("</ol>")[0],
                       re.S)
    assert len(items) == 3
    assert [item.strip()[:len(step)] for item, step in zip(items, steps, strict=True)] \
        == list(steps)
    assert f'<a class="btn btn-koble" href="/pitches/new">{BUTTON[lang]}</a>' in html


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_founder_with_a_pitch_sees_the_pitch_instead(client, auth, lang):
    founder = make_user("founder", locale=lang)
    make_pitch(founder, title="Solcelletak")
    auth.login(founder.email)
    html = client.get("/matches/pitches").get_data(as_text=True)
    assert 'id="first-steps"' not in html
    assert STEPS[lang][0] not in _text(html)
    assert "Solcelletak" in html
