"""The terms an explanation names are domain words the pitch and the investor share, not the
filler of every pitch and thesis ("tilbyr", "kraftig", "kroner", "innovative", "customers")
or a place the location component explains ("Asker"). Naming only: the scores stay as
they were."""

from __future__ import annotations

import pytest

from matching import MatchEngine
from matching import explain as engine_explain
from tests.matching.conftest import make_investor, make_pitch

FILLER = {"tilbyr", "kraftig", "kroner", "millioner", "millioner kroner", "asker",
          "innovative", "customers", "have", "by"}


def _market():
    pitches = [
        make_pitch("nb", "Solkraft tilbyr solceller og batterilagring til borettslag i Asker. "
                         "Strømprisene svinger kraftig. Vi henter 3 millioner kroner.",
                   location="Asker"),
        make_pitch("en", "We have built innovative heat pumps for customers, sold by "
                         "installers. Innovative customers love heat pumps.",
                   location="Drammen"),
        make_pitch("x", "Fiskeoppdrett i fjorden med lukkede merder."),
        make_pitch("y", "Regnskapsprogram for frisører og skoler."),
    ]
    investors = [
        make_investor("q-nb", "Vi tilbyr kapital til solceller og batterilagring, og prisene "
                              "svinger kraftig. Vi investerer 1 til 10 millioner kroner i "
                              "Asker.", locations=("Asker",)),
        make_investor("q-en", "We have backed innovative heat pumps for customers, made by "
                              "innovative teams.", locations=("Drammen",)),
        make_investor("r", "Havbruk og fisk."),
    ]
    return MatchEngine().fit(pitches, investors)


@pytest.mark.parametrize(("pitch", "investor", "domain"), [
    ("nb", "q-nb", {"solceller", "batterilagring"}),
    ("en", "q-en", {"heat pumps", "heat", "pumps"}),
])
def test_shared_terms_name_domain_words_not_filler(pitch, investor, domain):
    engine = _market()
    res = engine.score_pair(pitch, investor)
    assert domain & set(res.shared_terms), res.shared_terms
    assert not FILLER & set(res.shared_terms), res.shared_terms
    assert "text_overlap" in res.reasons
    # the batch path names the same terms as the single query
    batch = engine.batch_top_investors(k=3)
    found = next(r for r in batch[pitch] if r.investor_id == investor)
    assert found.shared_terms == res.shared_terms


def test_a_pair_that_shares_only_filler_names_no_term():
    from matching import InvestorRecord, PitchRecord

    pitches = [PitchRecord("p", "Vi tilbyr kraftig vekst for kunder, 5 millioner kroner."),
               PitchRecord("z", "Fisk og havbruk i fjorden.")]
    investors = [InvestorRecord("q", "Vi tilbyr kapital til kunder: millioner kroner, "
                                     "kraftig."),
                 InvestorRecord("w", "Skoler og barnehager.")]
    res = MatchEngine().fit(pitches, investors).score_pair("p", "q")
    assert res.components["text"] > 0.05  # the words still count in the text score ...
    assert res.shared_terms == [] and "text_overlap" not in res.reasons  # ... unnamed


def test_a_phrase_is_named_unless_all_its_words_are_filler():
    assert not engine_explain.nameable("millioner kroner")
    assert not engine_explain.nameable("øvre eiker")
    assert engine_explain.nameable("smart city")
    assert engine_explain.nameable("solceller")


def test_an_everyday_norwegian_verb_is_not_named_as_shared():
    """'Både pitchen og investoren nevner næringsbygg, tar og effekt': "tar" (takes, as in
    "tar vare på") is in no stop-word list, and both texts used it."""
    from matching import InvestorRecord, PitchRecord

    pitches = [PitchRecord("p", "Vi tar ned effekttoppene i næringsbygg og tar vare på "
                                "strømnettet. Effekt styres med batterier."),
               PitchRecord("z", "Fisk og havbruk i fjorden.")]
    investors = [InvestorRecord("q", "Vi tar en aktiv rolle i næringsbygg, tar vare på "
                                     "gründerne og ser etter effekt i strømnettet."),
                 InvestorRecord("w", "Skoler og barnehager.")]
    engine = MatchEngine().fit(pitches, investors)
    res = engine.score_pair("p", "q")
    assert "næringsbygg" in res.shared_terms, res.shared_terms
    assert not {"tar", "tar vare", "vare"} & set(res.shared_terms), res.shared_terms
    assert [r for r in engine.batch_top_investors(k=2)["p"]
            if r.investor_id == "q"][0].shared_terms == res.shared_terms


def _common_word_market(pitch: str, thesis: str):
    """A pitch and an investor among 24 texts that nearly all say "scalable" (not in any word
    list: generic by its document frequency in the fitted texts only)."""
    from matching import InvestorRecord, PitchRecord

    topics = ["fish farming", "school apps", "legal advice", "restaurants", "bicycles",
              "accounting", "recruitment", "ferries", "aviation", "catering", "courier",
              "hardware"]
    pitches = [PitchRecord("p", pitch)] + [
        PitchRecord(f"p{i}", f"Scalable software for {t}.") for i, t in enumerate(topics)]
    investors = [InvestorRecord("q", thesis)] + [
        InvestorRecord(f"q{i}", f"We back scalable {t} teams.") for i, t in enumerate(topics[:10])]
    return MatchEngine().fit(pitches, investors)


def test_a_word_most_texts_use_is_not_named_beside_the_domain_term():
    """"Both mention varmepumper and scalable": "scalable" is in 23 of the 24 texts, so it
    says nothing about why these two fit; the domain term is named alone."""
    engine = _common_word_market("Varmepumper for borettslag, and scalable.",
                                 "Scalable? We back varmepumper.")
    res = engine.score_pair("p", "q")
    assert res.shared_terms == ["varmepumper"], res.shared_terms
    assert [r for r in engine.batch_top_investors(k=3)["p"]
            if r.investor_id == "q"][0].shared_terms == res.shared_terms


def test_an_inflected_generic_verb_is_not_named_beside_the_domain_term():
    """The demo's "Both your pitch and the investor mention cut emissions, used, and build":
    "used" is named as the pitch writes it, but the engine keeps its stem "use", a word no
    explanation names; "build" reads as the glossary's construction."""
    from matching import InvestorRecord, PitchRecord

    pitches = [PitchRecord("p", "We build heat pumps that cut emissions, used in schools."),
               PitchRecord("z", "Fisk og havbruk i fjorden.")]
    investors = [InvestorRecord("q", "We build portfolios: heat pumps used to cut emissions."),
                 InvestorRecord("w", "Skoler og barnehager.")]
    engine = MatchEngine().fit(pitches, investors)
    res = engine.score_pair("p", "q")
    assert {"heat pumps", "heat", "pumps"} & set(res.shared_terms), res.shared_terms
    assert not {"used", "build", "use"} & set(res.shared_terms), res.shared_terms
    assert [r for r in engine.batch_top_investors(k=2)["p"]
            if r.investor_id == "q"][0].shared_terms == res.shared_terms


def test_unnamed_words_leave_the_scores_as_they_were():
    """Only which terms are named changes: a text score counts "scalable" as before."""
    engine = _common_word_market("Varmepumper for borettslag, and scalable.",
                                 "Scalable? We back varmepumper.")
    col = engine.features_.text_.word_vocab_["scalabl"]
    assert engine._unnamed()[col]
    p_row = engine.pitch_text_[engine.pitch_index_["p"]]
    q_row = engine.investor_text_[engine.investor_index_["q"]]
    assert p_row[0, col] * q_row[0, col] > 0


def test_an_everyday_verb_is_named_only_with_what_it_acts_on():
    """The demo named "kutter" in 519 explanations and "kutte" in 162: "cut(s)" alone says
    nothing about why a pair fits, "kutte utslipp" does. Checked by stem, so every
    inflection goes in both languages, and a pair that shares only such verbs names none."""
    from matching import InvestorRecord, PitchRecord

    pitches = [PitchRecord("p", "Vi kutter kostnader og skal kutte utslipp i fjernvarme. "
                                "Vi reduserer matsvinn."),
               PitchRecord("en", "We cut costs, cut emissions and reduce waste for ferries."),
               PitchRecord("z", "Fisk og havbruk i fjorden.")]
    investors = [InvestorRecord("q", "Vi kutter gjerne, og vi vil kutte utslipp fra fjernvarme "
                                     "og redusere matsvinn."),
                 InvestorRecord("e", "We back teams that cut emissions; cutting and reducing "
                                     "waste on ferries."),
                 InvestorRecord("w", "Skoler og barnehager.")]
    engine = MatchEngine().fit(pitches, investors)
    verbs = {"kutter", "kutte", "kuttet", "reduserer", "redusere", "cut", "cuts", "cutting",
             "reduce", "reducing"}
    for pitch, investor, domain in (("p", "q", "utslipp"), ("en", "e", "cut emissions")):
        res = engine.score_pair(pitch, investor)
        # the two-word term, as the pitch spells it ("kutter utslipp")
        assert [t for t in res.shared_terms if domain in t and " " in t], res.shared_terms
        assert not verbs & set(res.shared_terms), res.shared_terms
        assert [r for r in engine.batch_top_investors(k=3)[pitch]
                if r.investor_id == investor][0].shared_terms == res.shared_terms
    verbs_only = MatchEngine().fit(
        [PitchRecord("p", "Vi kutter og reduserer."), PitchRecord("z", "Fisk i fjorden.")],
        [InvestorRecord("q", "Kutte og redusere."), InvestorRecord("w", "Skoler.")])
    res = verbs_only.score_pair("p", "q")
    assert res.components["text"] > 0.05 and res.shared_terms == [], res


def test_support_kinds_and_proof_boilerplate_are_not_named_as_shared():
    """The demo's most named terms were "mentorhjelp", "kompetanse", "nettverk" and
    "lokaler": what the pitch asks for beyond capital and what the investor offers, which
    the support component explains from the stated fields ("Both your pitch and the investor
    mention tourism and expertise" for a circular-economy pitch), and so was "dokumentert"
    (proof every pitch and thesis speaks of). The domain words are named, in both languages;
    the scores count the words as before."""
    from matching import InvestorRecord, PitchRecord

    pitches = [
        PitchRecord("nb", "Vi lager varmepumper for fjernvarme. Vi har dokumentert "
                          "resultatene. Utover kapital ønsker vi "
                          "mentorhjelp, kompetanse, pilotkunder og lokaler."),
        PitchRecord("en", "We make heat pumps for district heating and documented the CO2 "
                          "each customer saves. Beyond capital we are looking for mentoring, "
                          "expertise, networks and pilot customers."),
        PitchRecord("z", "Fisk og havbruk i fjorden."),
    ]
    investors = [
        InvestorRecord("q-nb", "Vi investerer i varmepumper og fjernvarme som kan dokumentere "
                               "klimaeffekten. Utover kapital bidrar vi med mentorhjelp, "
                               "kompetanse, nettverk og lokaler til pilotkunder."),
        InvestorRecord("q-en", "We back heat pumps and district heating that documented "
                               "their impact. Beyond capital we offer mentoring, expertise, "
                               "networks, premises and pilot customers."),
        InvestorRecord("w", "Skoler og barnehager."),
    ]
    engine = MatchEngine().fit(pitches, investors)
    support = {"mentorhjelp", "kompetanse", "nettverk", "lokaler", "pilotkunder", "mentoring",
               "expertise", "networks", "premises", "pilot customers", "pilot", "dokumentert",
               "dokumentere", "documented"}
    for pitch, investor, domain in (("nb", "q-nb", "varmepumper"), ("en", "q-en", "heat")):
        res = engine.score_pair(pitch, investor)
        assert [t for t in res.shared_terms if domain in t], res.shared_terms
        named_words = {w for t in res.shared_terms for w in (t, *t.split())}
        assert not support & named_words, res.shared_terms
        assert [r for r in engine.batch_top_investors(k=3)[pitch]
                if r.investor_id == investor][0].shared_terms == res.shared_terms
    col = engine.features_.text_.word_vocab_["mentorhjelp"]
    p_row = engine.pitch_text_[engine.pitch_index_["nb"]]
    q_row = engine.investor_text_[engine.investor_index_["q-nb"]]
    assert p_row[0, col] * q_row[0, col] > 0  # still counted in the text score


def test_a_glossary_phrase_is_named_whole_not_as_its_words():
    """The demo's "Both your pitch and the investor mention circular, economy, and
    passports": "circular economy" is one glossary phrase whose words are features too, and
    where Norwegian texts say "sirkulær" the concept weighs less than each word. The phrase
    takes its words' place; a pair of two positions never does ("passports circular
    economy", of "passports for the circular economy", is not named)."""
    from matching import InvestorRecord, PitchRecord

    pitches = [PitchRecord("p", "Material passports for the circular economy."),
               PitchRecord("n1", "Sirkulær økonomi for kontormøbler."),
               PitchRecord("n2", "Sirkulære klær til barn."),
               PitchRecord("z", "Fisk og havbruk i fjorden.")]
    investors = [InvestorRecord("q", "We back the circular economy: material passports."),
                 InvestorRecord("m", "Sirkulære forretningsmodeller i byggebransjen."),
                 InvestorRecord("w", "Skoler og barnehager.")]
    engine = MatchEngine().fit(pitches, investors)
    res = engine.score_pair("p", "q")
    assert "circular economy" in res.shared_terms, res.shared_terms
    assert not {"circular", "economy", "passports circular economy"} & set(res.shared_terms)
    assert [r for r in engine.batch_top_investors(k=3)["p"]
            if r.investor_id == "q"][0].shared_terms == res.shared_terms


def test_a_word_is_not_named_twice_over():
    """The demo named "manufacturers manufacturers": "manufacturers' production" is two
    positions of one concept, and the pair reads as the concept's first spelling twice."""
    from matching import InvestorRecord, PitchRecord

    # industry in most texts: the pair weighs more than the word
    pitches = [PitchRecord("p", "Sensors for manufacturers' production lines."),
               PitchRecord("z", "Fisk og havbruk i fjorden.")] + [
        PitchRecord(f"o{i}", f"Industry software for {t}.")
        for i, t in enumerate(["ferries", "schools", "farms", "shops", "banks", "clinics"])]
    investors = [InvestorRecord("q", "We back manufacturers' production and sensors."),
                 InvestorRecord("w", "Skoler og barnehager.")] + [
        InvestorRecord(f"r{i}", f"Industrial {t}.")
        for i, t in enumerate(["ferries", "schools", "farms"])]
    engine = MatchEngine().fit(pitches, investors)
    res = engine.score_pair("p", "q")
    assert "sensors" in res.shared_terms, res.shared_terms
    assert not [t for t in res.shared_terms if len(t.split()) == 2
                and t.split()[0] == t.split()[1]], res.shared_terms
    assert [r for r in engine.batch_top_investors(k=2)["p"]
            if r.investor_id == "q"][0].shared_terms == res.shared_terms


def test_a_pair_of_words_no_text_writes_together_is_not_named():
    """The demo named "jord vann" in 53 pairs (of "luft, jord og vann" and "jord, vann og
    biologisk mangfold") and "elbilbatterier energilager" (of "elbilbatterier som
    energilager"): two-word features across a comma or a stop word, which neither text
    writes. A pair written together somewhere ("kutte utslipp", a compound's parts) is still
    named; the scores are as before, and a saved index keeps the flags."""
    from matching import InvestorRecord, PitchRecord
    from matching.persistence import load_bytes, save_bytes

    # the words alone in most texts: each pair weighs more than its words
    alone = ["Jord til potter.", "Vann på flaske.", "Elbilbatterier til salgs.",
             "Energilager i kjelleren."] * 2
    pitches = [PitchRecord("p", "Vi renser luft, jord og vann, og vi gjenbruker elbilbatterier "
                                "som energilager. Vi skal kutte utslipp og klimagassutslipp."),
               PitchRecord("z", "Fisk og havbruk i fjorden.")] + [
        PitchRecord(f"a{i}", text) for i, text in enumerate(alone)]
    investors = [InvestorRecord("q", "Vi tar vare på jord, vann og elbilbatterier som "
                                     "energilager, og vil kutte utslipp og klimagassutslipp."),
                 InvestorRecord("w", "Skoler og barnehager.")]
    engine = MatchEngine().fit(pitches, investors)
    res = engine.score_pair("p", "q")
    assert not {"jord vann", "elbilbatterier energilager"} & set(res.shared_terms), res
    text = engine.features_.text_
    assert not text.word_apart_[text.word_vocab_["kutt ~emissions"]]  # "kutte utslipp"
    assert text.word_apart_[text.word_vocab_["jord ~water"]]
    assert [r for r in engine.batch_top_investors(k=2)["p"]
            if r.investor_id == "q"][0].shared_terms == res.shared_terms
    col = text.word_vocab_["jord ~water"]
    p_row = engine.pitch_text_[engine.pitch_index_["p"]]
    q_row = engine.investor_text_[engine.investor_index_["q"]]
    assert p_row[0, col] * q_row[0, col] > 0  # still counted in the text score
    assert load_bytes(save_bytes(engine)).score_pair("p", "q").shared_terms == res.shared_terms
