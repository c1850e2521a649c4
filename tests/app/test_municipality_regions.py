"""The engine's region table knows every municipality the app offers: a pitch in Sigdal once
got no "same region" credit from an investor who names Modum, because the engine had never
heard of Sigdal (nor of five more of the app's fourteen municipalities)."""

from __future__ import annotations

from app import vocabulary
from matching.facets import region_of


def test_every_municipality_of_an_association_has_the_engine_region():
    for key, label in vocabulary.MUNICIPALITIES.items():
        if vocabulary.association_of(key) is None:
            # "elsewhere in Norway", "abroad": no region to share
            assert region_of(key) is None, key
            continue
        assert region_of(key) is not None, key
        # an import or the API may carry the name rather than the key
        assert region_of(str(label)) == region_of(key), label


def test_an_association_covers_one_region():
    for slug, (_name, municipalities) in vocabulary.ASSOCIATIONS.items():
        assert set(municipalities) <= set(vocabulary.MUNICIPALITIES), slug
        assert len({region_of(m) for m in municipalities}) == 1, slug
