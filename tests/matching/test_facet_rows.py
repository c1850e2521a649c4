"""Guard: pitch-side facet rows built as arrays for many records (a fit) are the rows built
one record at a time (a query), to the bit."""

from __future__ import annotations

import numpy as np

from matching.facets import CategoricalFacet, normalize_location


def test_many_pitch_rows_are_the_rows_of_one_record_each():
    rng = np.random.default_rng(0)
    values = ["Fintech", "fin-tech", "Health", "edtech", "Agri Tech", "climate", "ai", ""]
    facet = CategoricalFacet("sectors").fit([values[:5], ["ai", "climate"]])
    rows = [list(rng.choice(values, rng.integers(0, 5))) for _ in range(300)]
    rows += [[], ["unknown"], ["unknown", "other unknown", "ai"], ["ai"] * 7]
    many = facet.pitch_rows(rows)
    one = np.vstack([facet.pitch_rows([r]) for r in rows])
    assert many.dtype == one.dtype and many.tobytes() == one.tobytes()
    assert facet.pitch_rows([]).shape == (0, facet.width)
    city = CategoricalFacet("city", normalizer=normalize_location).fit([["Bengaluru", "Oslo"]])
    places = [["Bangalore"], ["bengaluru"], [], ["Oslo kommune", "Asker"]] * 20
    assert city.pitch_rows(places).tobytes() == np.vstack(
        [city.pitch_rows([p]) for p in places]).tobytes()
