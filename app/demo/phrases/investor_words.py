"""An investor's thesis sentences and organisation names that do not depend on a theme, per
language; {placeholders} are filled by the generator."""

from __future__ import annotations

INVESTOR_INTROS = {
    "nb": {
        "angel": "Jeg er tidligere gründer og engleinvestor, og investerer egne penger i "
                 "tidlig fase.",
        "venture_fund": "{org} er et venturefond som investerer i ambisiøse selskaper med "
                        "internasjonalt potensial.",
        "bank": "{org} er en lokal sparebank som finansierer bedrifter i regionen.",
        "public_fund": "{org} er et offentlig virkemiddel som støtter innovasjon og "
                       "nyetableringer.",
        "corporate": "{org} investerer strategisk i selskaper som kan bli partnere og "
                     "leverandører.",
        "family_office": "{org} forvalter familiens kapital med et langsiktig perspektiv.",
    },
    "en": {
        "angel": "I am a former founder and angel investor backing early-stage companies "
                 "with my own money.",
        "venture_fund": "{org} is a venture fund investing in ambitious companies with "
                        "international potential.",
        "bank": "{org} is a local savings bank financing businesses in the region.",
        "public_fund": "{org} is a public fund supporting innovation and new companies.",
        "corporate": "{org} invests strategically in companies that can become partners and "
                     "suppliers.",
        "family_office": "{org} manages family capital with a long-term view.",
    },
}

INVESTOR_TICKETS = {
    "nb": "Vi investerer i {stages}, med billetter fra {low} til {high}.",
    "en": "We invest at {stages}, with tickets from {low} to {high}.",
}

INVESTOR_GREEN = {
    "nb": {"none": "Vi vurderer alle gode forretningsideer.",
           "preferred": "Vi foretrekker selskaper som bidrar til grønn omstilling.",
           "required": "Vi investerer bare i selskaper som bidrar til grønn omstilling og "
                       "kan dokumentere klimaeffekten."},
    "en": {"none": "We consider every strong business idea.",
           "preferred": "We prefer companies that contribute to the green transition.",
           "required": "We only invest in companies that contribute to the green transition "
                       "and can document their climate impact."},
}

INVESTOR_REGIONS = {
    "nb": {"local": "Vi prioriterer selskaper i {place}.",
           "regional": "Vi er aktive i hele regionen vest for Oslo.",
           "national": "Vi investerer i hele Norge, og gjerne i Buskerud og Asker og Bærum."},
    "en": {"local": "We prioritise companies in {place}.",
           "regional": "We are active across the region west of Oslo.",
           "national": "We invest across Norway, gladly in Buskerud, Asker and Bærum."},
}

INVESTOR_OFFERS = {
    "nb": "Utover kapital bidrar vi med {offers}.",
    "en": "Beyond capital we offer {offers}.",
}

INVESTOR_GENERALIST = {
    "nb": "Vi er generalister og ser på team, marked og skalerbarhet mer enn bransje.",
    "en": "We are generalists and look at team, market and scalability more than sector.",
}

ORG_PLACES = ("Drammenselva", "Lågen", "Tyrifjord", "Holmsbu", "Nordmarka", "Vestvind",
              "Grønn Fjord", "Eiker", "Numedal", "Kolsås", "Sandvika", "Hurum", "Vikersund",
              "Hallingdal", "Sollihøgda", "Kløfta", "Skogbygda", "Fossekall", "Elvebakken",
              "Lysaker")

ORG_PATTERNS = {
    "nb": {
        "angel": ("{last} Invest AS", "{first} {last} Holding AS", "{last} Kapital AS"),
        "venture_fund": ("{place} Kapital", "{place} Vekst", "{place} Ventures",
                         "{place} Partners"),
        "bank": ("{place} Sparebank", "Sparebanken {place}"),
        "public_fund": ("Næringsfondet {place}", "{place} Innovasjonsfond",
                        "Regionalt omstillingsfond {place}"),
        "corporate": ("{place} Energi AS", "{place} Industrier AS", "{place} Teknologi AS",
                      "{place} Eiendom AS"),
        "family_office": ("{last} Familieinvest AS", "{last} & Sønner Kapital AS",
                          "{last}gruppen AS"),
    },
    "en": {
        "angel": ("{last} Ventures", "{first} {last} Holdings"),
        "venture_fund": ("{place} Capital", "{place} Ventures", "Northern {place} Partners"),
        "bank": ("{place} Savings Bank",),
        "public_fund": ("{place} Innovation Fund",),
        "corporate": ("{place} Energy Ventures", "{place} Industries"),
        "family_office": ("{last} Family Office", "{last} Capital"),
    },
}
