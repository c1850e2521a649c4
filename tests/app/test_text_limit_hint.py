"""A text area says its limit up front, under the field, from its Length check
(templates/_macros.html form_field, form_base.length_hint): "Opptil 20 000 tegn." / "Up to
20,000 characters." under a pitch's description, numbers as the reader writes them. The
description's 20,000 was told only in the refusal of a longer text, after it was written."""

from __future__ import annotations

import pytest

from tests.app.test_form_fields import _control, _Page
from tests.app.test_i18n import _client_in
from tests.factories import make_arena, make_pitch, make_user

LIMIT = {
    20000: {"nb": "Opptil 20\u00a0000 tegn.", "en": "Up to 20,000 characters."},
    10000: {"nb": "Opptil 10\u00a0000 tegn.", "en": "Up to 10,000 characters."},
    500: {"nb": "Opptil 500 tegn.", "en": "Up to 500 characters."},
}


def _hint(page: _Page, name: str) -> str:
    """The text of the one hint (id ending in -hint) the control is described by."""
    control = _control(page, name)
    [hint] = [i for i in control.get("aria-describedby", "").split() if i.endswith("-hint")]
    return " ".join(page.text[hint].split())


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_pitch_description_says_its_limit_before_it_is_reached(app, lang):
    client = _client_in(app, lang, make_user("founder"))
    html = client.get("/pitches/new").get_data(as_text=True)
    page = _Page(html)
    hint = _hint(page, "description")
    assert hint.endswith(" " + " ".join(LIMIT[20000][lang].split())), hint
    assert hint.startswith("Plain text is fine." if lang == "en" else "Vanlig tekst går fint.")
    assert html.count("data-length-hint") == 1  # the text area's alone: not the title's
    assert LIMIT[20000][lang] in html  # a non-breaking space: the number stays on one line


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_limit_stays_with_a_refusal_of_the_description(app, lang):
    founder = make_user("founder")
    client = _client_in(app, lang, founder)
    pitch = make_pitch(founder, status="draft")
    response = client.post(f"/pitches/{pitch.id}/edit", data={
        "title": pitch.title, "summary": pitch.summary, "stage": "seed",
        "description": "x" * 20001, "version": str(pitch.version)})
    assert response.status_code == 422
    page = _Page(response.get_data(as_text=True))
    described = page.described_by(_control(page, "description"))
    assert len(described) == 2 and described[1].endswith(" ".join(LIMIT[20000][lang].split()))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_investor_thesis_says_its_limit(app, lang):
    client = _client_in(app, lang, make_user("investor"))
    page = _Page(client.get("/profile").get_data(as_text=True))
    assert _hint(page, "thesis").endswith(" ".join(LIMIT[10000][lang].split()))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_arena_description_without_a_hint_gets_one_with_its_limit(app, lang):
    client = _client_in(app, lang, make_user("staff", association="asker"))
    page = _Page(client.get("/staff/arenas/new").get_data(as_text=True))
    assert _hint(page, "description") == " ".join(LIMIT[10000][lang].split())
    arena = make_arena(("asker",))
    page = _Page(client.get(f"/staff/arenas/{arena.id}/edit").get_data(as_text=True))
    assert _hint(page, "description") == " ".join(LIMIT[10000][lang].split())


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_moderation_reason_says_its_limit(app, lang):
    client = _client_in(app, lang, make_user("staff", association="asker"))
    pitch = make_pitch(make_user("founder", association="asker"))
    page = _Page(client.get(f"/staff/pitches/{pitch.id}/hide").get_data(as_text=True))
    assert _hint(page, "reason").endswith(" " + LIMIT[500][lang])
