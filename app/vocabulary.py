"""The fixed, translatable lists of the product (DESIGN.md, "Words and fixed lists")."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

STAGES = {
    "idea": _l("Idea"),
    "pre_seed": _l("Pre-seed"),
    "seed": _l("Seed"),
    "series_a": _l("Series A"),
    "growth": _l("Growth"),
}

SECTORS = {
    "energy": _l("Energy"),
    "circular_economy": _l("Circular economy"),
    "maritime": _l("Maritime"),
    "construction_property": _l("Construction & property"),
    "mobility_transport": _l("Mobility & transport"),
    "food_agriculture": _l("Food & agriculture"),
    "industry_manufacturing": _l("Industry & manufacturing"),
    "ict_software": _l("ICT & software"),
    "health": _l("Health"),
    "finance": _l("Finance"),
    "tourism_culture": _l("Tourism & culture"),
    "retail_services": _l("Retail & services"),
    "other": _l("Other"),
}

# The six environmental objectives of the EU taxonomy.
GREEN_OBJECTIVES = {
    "climate_mitigation": _l("Climate change mitigation"),
    "climate_adaptation": _l("Climate change adaptation"),
    "water_marine": _l("Water and marine resources"),
    "circular_economy": _l("Circular economy"),
    "pollution_prevention": _l("Pollution prevention"),
    "biodiversity": _l("Biodiversity and ecosystems"),
}

GREEN_MANDATES = {
    "none": _l("None"),
    "preferred": _l("Preferred"),
    "required": _l("Required"),
}

SUPPORT_KINDS = {
    "capital": _l("Capital"),
    "mentoring": _l("Mentoring"),
    "competence": _l("Competence"),
    "premises": _l("Premises"),
    "network": _l("Network"),
    "pilot_customer": _l("Pilot customer"),
}

FUNDING_TYPES = {
    "equity": _l("Equity"),
    "convertible_loan": _l("Convertible loan"),
    "loan": _l("Loan"),
    "grant": _l("Grant"),
    "partnership": _l("Partnership"),
}
# The funding types that move money to the company; a support partner offers none of them
# (only a partnership), as it never offers "capital" among its support.
CAPITAL_FUNDING_TYPES = ("equity", "convertible_loan", "loan", "grant")

INVESTOR_TYPES = {
    "angel": _l("Angel investor"),
    "venture_fund": _l("Venture fund"),
    "bank": _l("Bank"),
    "public_fund": _l("Public fund"),
    "corporate": _l("Corporate"),
    "family_office": _l("Family office"),
    # offers support (mentoring, premises, a pilot, ...) but no capital: an incubator, a
    # mentor network, a landlord, a large company; it has no ticket and never offers capital
    "partner": _l("Support partner (no capital)"),
}
PARTNER = "partner"

# The six associations and the municipalities each one covers. The names here only seed the
# association table (services/reference.py): admins can rename an association, so anything
# shown to people reads the name from the database (reference.association_names()).
ASSOCIATIONS = {
    "asker": ("Asker Næringsforening", ("asker",)),
    "baerum": ("Bærum Næringsråd", ("baerum",)),
    "drammen": ("Næringsforeningen i Drammensregionen", ("drammen", "lier", "ovre_eiker")),
    "kongsberg": (
        "Kongsberg Næringsforum",
        ("kongsberg", "flesberg", "rollag", "nore_og_uvdal"),
    ),
    "modum": ("Modum Næringsråd", ("modum", "sigdal", "krodsherad")),
    "ringerike": ("Ringerike Næringsforening", ("ringerike", "hole")),
}

MUNICIPALITIES = {
    "asker": "Asker",
    "baerum": "Bærum",
    "drammen": "Drammen",
    "lier": "Lier",
    "ovre_eiker": "Øvre Eiker",
    "kongsberg": "Kongsberg",
    "ringerike": "Ringerike",
    "hole": "Hole",
    "modum": "Modum",
    "sigdal": "Sigdal",
    "krodsherad": "Krødsherad",
    "flesberg": "Flesberg",
    "rollag": "Rollag",
    "nore_og_uvdal": "Nore og Uvdal",
    "elsewhere": _l("Elsewhere in Norway"),
    "abroad": _l("Abroad"),
}


# The states of an arena's workflow as the staff pages name them (templates/arenas/_labels.html,
# the schedule page); the exports name them so too.
INVITATION_STATES = {
    "proposed": _l("Proposed"),
    "waiting_list": _l("Waiting list"),
    "invited": _l("Invited, no answer yet"),
    "accepted": _l("Accepted"),
    "declined": _l("Declined"),
    "cancelled": _l("Cancelled"),
}

SIDES = {
    "founder": _l("Founder"),
    "investor": _l("Investor"),
}

MEETING_SOURCES = {
    "mutual": _l("mutual"),
    "one_sided": _l("one-sided"),
    "suggestion": _l("suggested"),
}

PITCH_STATUSES = {
    "draft": _l("Draft"),
    "published": _l("Published"),
}

YES_NO = {True: _l("Yes"), False: _l("No")}


def association_of(municipality: str | None) -> str | None:
    """Return the association slug whose region holds the municipality."""
    for slug, (_name, municipalities) in ASSOCIATIONS.items():
        if municipality in municipalities:
            return slug
    return None


def choices(mapping: dict) -> list[tuple[str, object]]:
    """Turn a vocabulary mapping into WTForms choices."""
    return list(mapping.items())


def label(mapping: dict, key: str | None) -> str:
    """Return the translated label of a key, or the key itself when unknown."""
    if key is None:
        return ""
    return str(mapping.get(key, key))


def resolved(mapping: dict) -> dict:
    """The mapping with every label in the current language, each translated once: an
    export labels thousands of cells from a handful of keys."""
    return {key: str(text) for key, text in mapping.items()}
