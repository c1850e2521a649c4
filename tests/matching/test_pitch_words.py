"""Shared terms are named as the pitch writes them, on every path that stores or shows them.

A word feature's surface form in the vocabulary is the one seen first in the whole corpus.
The batch that a rebuild stores, and every query by id, named the terms that way: a glossary
concept as another text's word in another language (an English pitch about "greenhouse gas"
and a thesis about "climate" both "mention klimagass"), a stem as another text's inflection
("grønn" where the pitch says "grønne"), an acronym lower-cased ("co2")."""

from __future__ import annotations

import io

import numpy as np

from matching import MatchEngine
from tests.matching.conftest import make_investor, make_pitch

# The first texts fix the vocabulary's forms: "klimagass", "grønn", "co2".
FIRST = make_pitch("first", "Vi kutter klimagass og co2 med grønn fjernvarme.")
EN = make_pitch("en", "Our heat pumps cut greenhouse gas in schools.")
NB = make_pitch("nb", "Grønne tak på skoler. Vi måler CO2 fra byggene.")
OTHER = make_pitch("other", "Regnskapsprogram for frisører.")
CLIMATE = make_investor("climate", "We invest in climate solutions for schools.")
GREEN = make_investor("green", "Vi investerer i grønn omstilling og mindre CO2 på skoler.")
FISH = make_investor("fish", "Havbruk og fisk.")


def _engine() -> MatchEngine:
    return MatchEngine().fit([FIRST, EN, NB, OTHER], [CLIMATE, GREEN, FISH])


def _check(terms_of) -> None:
    """terms_of(pitch id, investor id) → the pair's shared terms."""
    en = terms_of("en", "climate")
    assert "greenhouse gas" in en and "klimagass" not in en, en
    nb = terms_of("nb", "green")
    assert "grønne" in nb and "grønn" not in nb, nb
    assert "CO2" in nb and "co2" not in nb, nb


def test_the_stored_batch_names_the_pitchs_own_words():
    engine = _engine()
    table = {(r.pitch_id, r.investor_id): r.shared_terms for r in engine.batch_results(k=3)}
    _check(lambda p, q: table[(p, q)])
    by_pitch = engine.batch_top_investors(k=3)
    _check(lambda p, q: next(r.shared_terms for r in by_pitch[p] if r.investor_id == q))
    by_investor = engine.batch_top_pitches(k=4)
    _check(lambda p, q: next(r.shared_terms for r in by_investor[q] if r.pitch_id == p))


def test_queries_by_id_and_by_record_name_the_same_words():
    engine = _engine()
    _check(lambda p, q: engine.score_pair(p, q).shared_terms)
    _check(lambda p, q: next(r.shared_terms for r in engine.top_investors(p, k=3)
                             if r.investor_id == q))
    _check(lambda p, q: next(r.shared_terms for r in engine.top_pitches(q, k=4)
                             if r.pitch_id == p))
    _check(lambda p, q: engine.explain_pairs([(p, q)])[0].shared_terms)
    records = {"en": EN, "nb": NB}
    _check(lambda p, q: engine.score_pair(records[p], q).shared_terms)
    for p, q in (("en", "climate"), ("nb", "green")):
        assert engine.score_pair(records[p], q).shared_terms == \
            engine.score_pair(p, q).shared_terms


def test_an_upserted_pitch_and_a_saved_index_keep_the_pitchs_words():
    engine = _engine()
    engine.upsert_pitch(make_pitch("new", "Sensorer kutter greenhouse gas i skoler."))
    assert "greenhouse gas" in engine.score_pair("new", "climate").shared_terms
    again = MatchEngine.load_bytes(engine.save_bytes())
    _check(lambda p, q: again.score_pair(p, q).shared_terms)
    assert "greenhouse gas" in again.score_pair("new", "climate").shared_terms


def test_an_index_saved_before_keeps_loading_and_names_the_vocabularys_forms():
    engine = _engine()
    with np.load(io.BytesIO(engine.save_bytes()), allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files if not k.startswith("pitch_words_")}
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    old = MatchEngine.load_bytes(buf.getvalue())
    assert "klimagass" in old.score_pair("en", "climate").shared_terms
    old.upsert_pitch(make_pitch("new", "Sensorer kutter greenhouse gas i skoler."))
    assert old.top_investors("new", k=1)[0].investor_id == "climate"


def test_a_word_keeps_its_capitals_only_where_they_are_more_than_a_sentences_start():
    from matching.text_tokens import written_forms

    forms = written_forms("Solceller på taket. Vi kutter CO2-utslipp med SaaS fra SINTEF "
                          "og Buildly. Batterier og batterier.\n- Vind")
    assert forms == {"co2-utslipp": "CO2-utslipp", "co2": "CO2", "saas": "SaaS",
                     "sintef": "SINTEF", "buildly": "Buildly"}
