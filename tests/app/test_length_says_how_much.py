"""Text too long says by how much, its numbers grouped as the language groups them. On a
founder's phone walk (nb) a long description got "Feltet kan ikke være lenger enn 20000
tegn.": an ungrouped number, and nothing to say how much to cut; the title's limit (120) was
said nowhere before Save."""

from __future__ import annotations

import pytest

from tests.app.test_i18n import _client_in
from tests.app.test_investor_profile import _form as profile_form
from tests.app.test_pitches import _form as pitch_form
from tests.app.test_unreadable_input import _error_of
from tests.factories import make_user


def _spaced(text: str) -> str:
    """Babel groups bokmål digits with a narrow no-break space; read it as a space."""
    return " ".join(text.split())


@pytest.mark.parametrize(("lang", "message"), [
    ("nb", "Høyst 20 000 tegn: teksten har 24 000."),
    ("en", "At most 20,000 characters: this text has 24,000."),
])
def test_a_description_too_long_says_how_long_it_is(app, lang, message):
    client = _client_in(app, lang, make_user("founder"))

    typed = "blåbær " * 3000 + "x" * 3000
    response = client.post("/pitches/new", data=pitch_form(description=typed))

    assert response.status_code == 422
    assert _spaced(_error_of(response, "description")) == message


def test_a_short_limit_is_not_grouped_and_the_title_says_it_first(app):
    client = _client_in(app, "nb", make_user("founder"))
    assert "Høyst 120 tegn." in client.get("/pitches/new").get_data(as_text=True)

    response = client.post("/pitches/new", data=pitch_form(title="Æ" * 130))

    assert _error_of(response, "title") == "Høyst 120 tegn: teksten har 130."


def test_an_investor_thesis_too_long_says_so_too(app):
    client = _client_in(app, "nb", make_user("investor"))

    response = client.post("/profile", data=profile_form(thesis="ø" * 10_001))

    assert _spaced(_error_of(response, "thesis")) == "Høyst 10 000 tegn: teksten har 10 001."
