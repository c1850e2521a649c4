

def test_linking_s_in_a_norwegian_compound_is_not_part_of_the_tail():
    from matching.text import Analyzer

    parts = [surface for _feature, surface in Analyzer()._compound_parts("gårdsbygg", "nb")]
    assert parts == ["gård", "bygg"]


def test_linking_s_goes_before_an_inflected_tail_too():
    """Explanations once said the pitch and investor both mention "sbygg" (gårds|bygget)."""
    from matching.text import Analyzer

    analyzer = Analyzer()
    for word, tail in (("gårdsbygget", "bygget"), ("gårdsbyggene", "byggene")):
        parts = [surface for _feature, surface in analyzer._compound_parts(word, "nb")]
        assert parts == ["gård", tail]
    # an s that begins the next word stays: solcelle|strøm, not solcelle|s|trøm
    parts = [surface for _feature, surface in analyzer._compound_parts("solcellestrøm", "nb")]
    assert parts == ["solcelle", "strøm"]


def test_shared_terms_of_a_compound_are_whole_words():
    from matching import InvestorRecord, MatchEngine, PitchRecord

    pitches = [PitchRecord("p", "Solceller og batterier på gårdsbygget."),
               PitchRecord("x", "Fiskeoppdrett i fjorden."),
               PitchRecord("y", "Programvare for skoler.")]
    investors = [InvestorRecord("q", "Vi investerer i batterier for gårdsbygget og "
                                     "driftsbygninger på gården."),
                 InvestorRecord("r", "Havbruk og fisk.")]
    terms = MatchEngine().fit(pitches, investors).score_pair("p", "q").shared_terms
    assert "gård" in terms and "batterier" in terms
    assert not any(term.startswith("sbygg") for term in terms)
