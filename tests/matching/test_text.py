

def test_linking_s_in_a_norwegian_compound_is_not_part_of_the_tail():
    from matching.text import Analyzer

    parts = [surface for _feature, surface in Analyzer()._compound_parts("gårdsbygg", "nb")]
    assert parts == ["gård", "bygg"]
