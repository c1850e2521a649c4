"""A pitch's sentences that do not depend on its theme, per language; {placeholders} are
filled by the generator."""

from __future__ import annotations

BRAND_ENDINGS = {
    "nb": ("kraft", "verk", "lab", "nett", "vik", "stua", "huset", "gruppen", "tek", "ly"),
    "en": ("ly", "works", "lab", "hub", "io", "tech", "wise", "ify", "path", "nest"),
}

GREEN_SENTENCES = {
    "nb": {
        "climate_mitigation": "Løsningen kutter klimagassutslipp målbart hos hver kunde.",
        "climate_adaptation": "Den gjør kundene bedre rustet mot et villere og våtere klima.",
        "water_marine": "Vi tar vare på vann og livet i havet og vassdragene.",
        "circular_economy": "Forretningsmodellen er sirkulær: ressursene brukes om igjen.",
        "pollution_prevention": "Vi reduserer forurensning av luft, jord og vann.",
        "biodiversity": "Vi legger vekt på å ta vare på naturen og det biologiske mangfoldet.",
    },
    "en": {
        "climate_mitigation": "The solution cuts greenhouse gas emissions measurably for "
                              "each customer.",
        "climate_adaptation": "It helps customers prepare for a wilder and wetter climate.",
        "water_marine": "We protect water, rivers and marine life.",
        "circular_economy": "The business model is circular: resources are used again.",
        "pollution_prevention": "We reduce pollution of air, soil and water.",
        "biodiversity": "We take care to protect nature and biodiversity.",
    },
}

TRACTION = {
    "nb": {
        "idea": "Vi har testet ideen i samtaler med {n} mulige kunder.",
        "pre_seed": "En første prototype er testet hos {n} pilotkunder.",
        "seed": "Vi har {n} betalende kunder og dobler omsetningen hvert år.",
        "series_a": "Omsetningen passerte {money} i fjor, med {n} kunder i tre land.",
        "growth": "Selskapet omsetter for {money} og er lønnsomt i Norge.",
    },
    "en": {
        "idea": "We have tested the idea in interviews with {n} potential customers.",
        "pre_seed": "A first prototype has been tested with {n} pilot customers.",
        "seed": "We have {n} paying customers and double revenue every year.",
        "series_a": "Revenue passed {money} last year, with {n} customers in three "
                    "countries.",
        "growth": "The company turns over {money} and is profitable in Norway.",
    },
}

TEAM = {
    "nb": "Teamet på {n} har bakgrunn fra {background}.",
    "en": "Our team of {n} comes from {background}.",
}

BACKGROUNDS = {
    "nb": ("energibransjen og NTNU", "industrien i Kongsberg", "landbruket og NMBU",
           "rådgivning og programvareutvikling", "helsevesenet", "bank og finans",
           "maritim næring", "byggebransjen", "reiselivet", "forskning ved SINTEF"),
    "en": ("the energy sector and NTNU", "the Kongsberg industry cluster",
           "farming and NMBU", "consulting and software", "healthcare", "banking",
           "the maritime industry", "construction", "tourism", "research at SINTEF"),
}

LOCATION = {
    "nb": "Vi holder til i {place}.",
    "en": "We are based in {place}.",
}

ASK = {
    "nb": "Vi henter {money} som {funding} for å {use}.",
    "en": "We are raising {money} as {funding} to {use}.",
}

ASK_USES = {
    "nb": ("bygge et fullskala pilotanlegg", "ansette flere utviklere",
           "ta produktet ut i markedet", "åpne i Sverige og Danmark", "øke "
           "produksjonskapasiteten", "sertifisere løsningen"),
    "en": ("build a full-scale pilot", "hire more developers", "take the product to "
           "market", "expand to Sweden and Denmark", "scale up production",
           "certify the solution"),
}

NEEDS = {
    "nb": "Utover kapital ønsker vi {needs}.",
    "en": "Beyond capital we are looking for {needs}.",
}
