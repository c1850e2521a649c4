"""Demo themes of energy: solar, batteries, offshore wind and hydrogen."""

from __future__ import annotations

from app.demo.phrases.theme import Theme, Words

ENERGY_THEMES: tuple[Theme, ...] = (
    Theme(
        "solar", ("energy", "construction_property", "food_agriculture"),
        ("climate_mitigation", "climate_adaptation"), True, 9,
        nb=Words(
            roots=("Sol", "Lys", "Stråle", "Solgløtt", "Dagslys"),
            products=("solcelletak for gårdsbygg", "solcelleanlegg for borettslag",
                      "bygningsintegrerte solceller", "solkraft for næringsbygg",
                      "flytende solcelleanlegg på demninger"),
            customers=("bønder", "borettslag", "næringsbygg", "kommuner", "hytteeiere"),
            benefits=("produsere egen fornybar strøm", "kutte strømkostnadene",
                      "selge overskuddsstrøm til nettet"),
            problems=("Strømprisene på Østlandet svinger kraftig, og mange takflater står "
                      "ubrukt.",
                      "Få bønder og borettslag har kompetanse til å planlegge et "
                      "solcelleanlegg selv."),
            solutions=("Vi prosjekterer, finansierer og monterer solcellepaneler med "
                       "batterilagring, og overvåker produksjonen i sanntid.",
                       "Vår modell leier takflaten og deler inntekten fra solenergien med "
                       "eieren.",
                       "Programvaren vår beregner lønnsomheten i solkraft for hvert tak på "
                       "få minutter."),
            thesis=("Vi ser store muligheter i solenergi og solceller på tak, både for "
                    "landbruk, borettslag og næringsbygg.",
                    "Distribuert solkraft kombinert med energilagring er et satsingsområde "
                    "for oss."),
        ),
        en=Words(
            roots=("Sun", "Helio", "Bright", "Solis", "Daylight"),
            products=("rooftop solar for farm buildings", "solar power for housing "
                      "co-operatives", "building-integrated solar panels",
                      "floating solar arrays on hydropower reservoirs"),
            customers=("farmers", "housing co-operatives", "commercial buildings",
                       "municipalities"),
            benefits=("produce their own renewable power", "cut their electricity costs",
                      "sell surplus solar power to the grid"),
            problems=("Electricity prices in eastern Norway swing sharply, while most roofs "
                      "produce nothing.",
                      "Few farmers and co-operatives have the expertise to plan a solar "
                      "installation."),
            solutions=("We design, finance and install solar panels with battery storage "
                       "and monitor output in real time.",
                       "Our software estimates the return on solar energy for any roof in "
                       "minutes."),
            thesis=("We back solar energy and rooftop photovoltaics for farms, housing and "
                    "commercial property.",
                    "Distributed solar power combined with energy storage is a core focus."),
        ),
    ),
    Theme(
        "battery", ("energy", "industry_manufacturing", "mobility_transport"),
        ("climate_mitigation", "circular_economy"), True, 8,
        nb=Words(
            roots=("Volt", "Lagre", "Amp", "Kraftlager", "Cellen"),
            products=("batterilagring for næringsbygg", "gjenbruk av elbilbatterier som "
                      "energilager", "styring av batterier for fleksibilitetsmarkedet",
                      "energilagring for ladestasjoner"),
            customers=("netteiere", "næringsbygg", "ladeoperatører", "industribedrifter"),
            benefits=("jevne ut effekttopper", "redusere nettleien",
                      "lagre fornybar energi til den trengs"),
            problems=("Strømnettet i regionen er i ferd med å bli fullt, og nye tilknytninger "
                      "tar år.",
                      "Brukte elbilbatterier har fortsatt mye kapasitet, men blir for ofte "
                      "kastet."),
            solutions=("Vi gir brukte batterier et nytt liv som stasjonær batterilagring med "
                       "egen styringsprogramvare.",
                       "Vårt energilager lades når strømmen er billig og leverer effekt når "
                       "nettet er presset.",
                       "Algoritmene våre selger fleksibilitet fra batteriene til "
                       "netteieren."),
            thesis=("Batterilagring og energilagring er nøkkelen til et fornybart kraftsystem, "
                    "og vi investerer gjerne i batteriteknologi.",
                    "Vi leter etter selskaper som gjør strømnettet mer fleksibelt med "
                    "batterier og smart styring."),
        ),
        en=Words(
            roots=("Volt", "Store", "Amp", "Cell", "Grid"),
            products=("battery storage for commercial buildings", "second-life EV batteries "
                      "as energy storage", "battery control for flexibility markets"),
            customers=("grid operators", "commercial buildings", "charging operators",
                       "manufacturers"),
            benefits=("shave peak loads", "lower grid tariffs",
                      "store renewable energy until it is needed"),
            problems=("The regional grid is close to full, and new connections take years.",
                      "Used EV batteries still hold most of their capacity but are often "
                      "scrapped."),
            solutions=("We give used batteries a second life as stationary battery storage "
                       "with our own control software.",
                       "Our energy storage charges when power is cheap and discharges when the "
                       "grid is stressed."),
            thesis=("Battery storage and energy storage are key to a renewable power system; "
                    "we invest in battery technology.",
                    "We look for companies that make the grid more flexible with batteries "
                    "and smart control."),
        ),
    ),
    Theme(
        "offshore_wind", ("energy", "maritime", "industry_manufacturing"),
        ("climate_mitigation", "water_marine", "biodiversity"), True, 4,
        nb=Words(
            roots=("Havvind", "Bølge", "Storm", "Kuling", "Vindkast"),
            products=("inspeksjon av flytende havvind med droner", "forankring for flytende "
                      "havvind", "vedlikehold av vindturbiner til havs",
                      "overvåking av sjøfugl rundt havvindparker"),
            customers=("havvindutbyggere", "rederier", "leverandørindustrien"),
            benefits=("senke kostnadene i havvind", "redusere nedetid på vindturbiner",
                      "ta hensyn til naturen rundt havvindparkene"),
            problems=("Flytende havvind er fortsatt for dyrt til å bygges ut uten støtte.",
                      "Vedlikehold av vindturbiner til havs krever dyre fartøy og gode "
                      "værvinduer."),
            solutions=("Vi bruker autonome droner og sensorer til å inspisere turbiner og "
                       "forankring uten å sende ut mannskap.",
                       "Vår løsning kombinerer værdata og maskinlæring for å planlegge "
                       "vedlikehold av havvind."),
            thesis=("Havvind og flytende havvind åpner et nytt industrieventyr for norsk "
                    "leverandørindustri, og vi vil være med.",),
        ),
        en=Words(
            roots=("Offshore", "Wave", "Gale", "Breeze", "Tide"),
            products=("drone inspection of floating offshore wind", "mooring systems for "
                      "floating wind", "maintenance planning for offshore wind turbines"),
            customers=("offshore wind developers", "shipowners", "the supplier industry"),
            benefits=("lower the cost of offshore wind", "reduce turbine downtime"),
            problems=("Floating offshore wind is still too expensive to build without "
                      "subsidies.",),
            solutions=("We use autonomous drones and sensors to inspect turbines and moorings "
                       "without sending crews offshore.",),
            thesis=("Offshore wind and floating wind open a new industrial chapter for the "
                    "Norwegian supply chain.",),
        ),
    ),
    Theme(
        "hydrogen", ("energy", "industry_manufacturing", "mobility_transport"),
        ("climate_mitigation", "pollution_prevention"), True, 4,
        nb=Words(
            roots=("Hydro", "H2", "Brensel", "Elektro", "Grønnstoff"),
            products=("grønt hydrogen fra lokal vannkraft", "brenselceller for tungtransport",
                      "elektrolysører i liten skala", "hydrogen til industriens "
                      "høytemperaturprosesser"),
            customers=("industribedrifter", "transportselskaper", "havner"),
            benefits=("erstatte fossil gass med grønt hydrogen", "kutte utslipp fra "
                      "tungtransport"),
            problems=("Tungtransport og industri står for store utslipp som er vanskelige å "
                      "elektrifisere direkte.",),
            solutions=("Vi produserer grønt hydrogen med elektrolyse fra lokal vannkraft og "
                       "leverer det der det brukes.",
                       "Våre brenselceller gir lastebiler og arbeidsbåter utslippsfri drift."),
            thesis=("Grønt hydrogen og brenselceller vil trengs der batterier ikke strekker "
                    "til, særlig i tungtransport og industri.",),
        ),
        en=Words(
            roots=("Hydro", "H2", "Fuel", "Electro", "Verdant"),
            products=("green hydrogen from local hydropower", "fuel cells for heavy transport",
                      "small-scale electrolysers"),
            customers=("manufacturers", "haulage companies", "ports"),
            benefits=("replace fossil gas with green hydrogen", "cut emissions from heavy "
                      "transport"),
            problems=("Heavy transport and industry emit a lot and are hard to electrify "
                      "directly.",),
            solutions=("We produce green hydrogen by electrolysis from local hydropower and "
                       "deliver it where it is used.",),
            thesis=("Green hydrogen and fuel cells will be needed where batteries fall short, "
                    "in heavy transport and industry.",),
        ),
    ),
)
