"""The match sentence names the domain words a pitch and an investor share ("solceller",
"batterilagring"), never the filler of every pitch and thesis ("tilbyr", "kraftig",
"kroner") nor a place the location already speaks for ("Asker"), in both languages."""

from __future__ import annotations

import re

import pytest
from flask_babel import force_locale
from markupsafe import escape

from app.services import engine_index, explain, recommendations
from tests.factories import make_investor, make_pitch

FILLER = ("tilbyr", "kraftig", "kroner", "millioner", "asker")
MENTION = {"en": "both the pitch and the investor mention ",
           "nb": "både pitchen og investoren nevner "}
# as the founder reads it on their own pitch's page
FOUNDER_MENTION = {"en": "both your pitch and the investor mention ",
                   "nb": "både pitchen din og investoren nevner "}


def _named(sentence: str, locale: str, mention: dict = MENTION) -> str:
    """The terms part of a sentence: what follows "… mention" up to the next fragment."""
    found = re.search(re.escape(mention[locale]) + r"([^;.]*)", sentence, re.IGNORECASE)
    assert found, sentence
    return found.group(1)


@pytest.fixture
def solar_pair(app):
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    pitch = make_pitch(
        title="Solkraft: solceller for borettslag",
        summary="Solkraft tilbyr solceller og batterilagring til borettslag.",
        description="Strømprisene svinger kraftig. Solkraft tilbyr solceller og "
                    "batterilagring til borettslag i Asker. Vi henter 3 millioner kroner.")
    investor = make_investor(
        thesis="Vi tilbyr kapital til solceller og batterilagring, og prisene svinger "
               "kraftig. Vi investerer 1 til 10 millioner kroner i Asker.")
    make_pitch(title="Lakseoppdrett", summary="Fisk i lukkede merder.",
               description="Havbruk i fjorden.", sectors=["maritime"])
    make_investor(organisation="Havfond", thesis="Havbruk og fisk.", sectors=["maritime"])
    engine_index.rebuild()
    return pitch, investor


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_founders_page_names_shared_domain_words_not_filler(client, auth, app, solar_pair,
                                                            locale):
    pitch, investor = solar_pair
    app.config["BABEL_DEFAULT_LOCALE"] = locale
    auth.login(pitch.owner.email)
    html = client.get(f"/pitches/{pitch.id}/matches").get_data(as_text=True)
    score = recommendations.score_for(pitch.id, investor.id)
    with app.test_request_context(), force_locale(locale):
        sentence = explain.explain(score, explain.FOUNDER)
    assert str(escape(sentence)) in html
    named = _named(sentence, locale, FOUNDER_MENTION)
    assert "solceller" in named or "batterilagring" in named
    assert not [word for word in FILLER if word in named.lower()], named
    # Asker is the location's to say, from what both profiles state
    assert "same_location" in score.reasons


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_terms_stored_before_the_list_are_not_named_either(app, locale):
    stored = ["tilbyr", "kraftig", "asker", "solceller", "millioner kroner"]
    with app.test_request_context(), force_locale(locale):
        sentence = explain.sentence(["text_overlap", "stage_fit"], stored)
        only_filler = explain.sentence(["text_overlap", "stage_fit"], stored[:3])
    assert _named(sentence, locale).strip() == "solceller"
    assert MENTION[locale] not in only_filler.lower()
    assert only_filler == ("The stage fits." if locale == "en" else "Fasen passer.")


def test_an_everyday_verb_is_not_named_in_the_sentence(app):
    """The audit's sentence: 'Både pitchen og investoren nevner næringsbygg, tar og effekt'
    ("tar", takes); terms stored before the word was left out are not named either."""
    with app.test_request_context(), force_locale("nb"):
        sentence = explain.sentence(["text_overlap"], ["næringsbygg", "tar", "effekt"])
    assert _named(sentence, "nb").strip() == "næringsbygg og effekt"


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_support_kinds_are_not_named_as_shared_words(app, locale):
    """The demo's most named terms were the support both texts write out ("Utover kapital
    ønsker vi mentorhjelp og lokaler"; "we offer mentoring and expertise"), which the support
    bar and fragment speak for; terms stored before the rebuild are left out too."""
    stored = ["mentorhjelp", "solceller", "kompetanse", "expertise", "lokaler"]
    with app.test_request_context(), force_locale(locale):
        sentence = explain.sentence(["text_overlap", "stage_fit"], stored)
        only_support = explain.sentence(["text_overlap", "stage_fit"],
                                        ["mentoring", "networks", "pilotkunder"])
    assert _named(sentence, locale).strip() == "solceller"
    assert MENTION[locale] not in only_support.lower()
