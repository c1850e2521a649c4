"""Words a member list may use for a fixed list's value besides its key and its labels: what
a Norwegian association office writes ("Såkorn", "Fornybar energi") where the pages say
"Seed" and "Energi". The member import (`member_import_plan._names`) reads them as it reads
the labels, compared with `member_files.fold` (any case, runs of spaces as one).

Only for values the lists have (app/vocabulary.py): each word names one key of its column's
list, and none is a key or label of another value (keys and labels come first, so such a
word could never be read; tests/app/test_import_value_synonyms.py checks both). A word not
here, nor a key or label, is refused as before, with the list's valid values: add a word
only when it means that one value and no other.
"""

from __future__ import annotations

STAGES: dict[str, tuple[str, ...]] = {
    "idea": ("ide", "idefase", "idéfase", "konseptfase"),
    "pre_seed": ("preseed", "pre seed", "pre-seed-fase", "presåkorn", "pre-såkorn"),
    "seed": ("såkorn", "såkornfase", "såkornsfase", "seedfase"),
    "series_a": ("series-a", "serie-a"),
    "growth": ("vekstfase", "skalering", "skaleringsfase"),
}

SECTORS: dict[str, tuple[str, ...]] = {
    "energy": ("fornybar energi", "fornybar", "ren energi"),
    "circular_economy": ("sirkulær økonomi", "gjenvinning", "resirkulering"),
    "maritime": ("maritim næring", "havnæring", "sjøfart"),
    "construction_property": ("bygg", "eiendom", "bygg og anlegg"),
    "mobility_transport": ("transport", "mobilitet", "samferdsel"),
    "food_agriculture": ("mat", "landbruk", "jordbruk", "matproduksjon"),
    "industry_manufacturing": ("industri", "produksjon"),
    "ict_software": ("ikt", "it", "programvare", "software"),
    "health": ("helseteknologi", "medtech", "helse og omsorg"),
    "finance": ("fintech", "finansteknologi", "bank og finans"),
    "tourism_culture": ("reiseliv", "turisme", "kultur"),
    "retail_services": ("handel", "varehandel", "detaljhandel", "tjenester"),
    "other": ("annen", "andre"),
}

INVESTOR_TYPES: dict[str, tuple[str, ...]] = {
    "angel": ("forretningsengel", "business angel", "privatinvestor", "privat investor"),
    "venture_fund": ("venture", "vc", "venturekapital", "risikokapitalfond"),
    "corporate": ("bedrift", "industriell investor"),
    "partner": ("støttepartner", "inkubator"),
}

# column → its words; a founder's stage reads the stages' words
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "sectors": SECTORS, "stages": STAGES, "stage": STAGES, "investor_type": INVESTOR_TYPES,
}
