"""Demo themes of things made and moved: the circular economy, buildings, the sea, farming,
food, mobility and industry."""

from __future__ import annotations

from app.demo.phrases.theme import Theme, Words

INDUSTRY_THEMES: tuple[Theme, ...] = (
    Theme(
        "circular", ("circular_economy", "retail_services", "industry_manufacturing"),
        ("circular_economy", "pollution_prevention"), True, 8,
        nb=Words(
            roots=("Ombruk", "Runde", "Kretsløp", "Gjenbruk", "Sirkel"),
            products=("en markedsplass for ombruk av kontormøbler", "reparasjon og utleie av "
                      "verktøy", "sporing av materialer for sirkulær økonomi",
                      "resirkulering av tekstiler fra arbeidsklær",
                      "gjenvinning av plast fra landbruket"),
            customers=("kommuner", "bedrifter", "byggevarehandelen", "forbrukere"),
            benefits=("redusere avfall", "ta vare på ressursene lenger",
                      "spare penger på innkjøp"),
            problems=("Store mengder brukbare møbler, klær og materialer blir avfall hvert år.",
                      "Bedrifter vil bli mer sirkulære, men mangler oversikt over hva de kan "
                      "gjenbruke."),
            solutions=("Vi henter, reparerer og selger brukte produkter videre, og "
                       "dokumenterer hvor mye CO2 og avfall kunden sparer.",
                       "Plattformen vår kobler de som har overskuddsmaterialer med de som "
                       "trenger dem.",
                       "Vi gjør gjenvinning og ombruk enkelt gjennom en abonnementsmodell."),
            thesis=("Sirkulær økonomi, ombruk og gjenvinning er et av våre viktigste "
                    "investeringsområder.",
                    "Vi investerer i forretningsmodeller som reduserer avfall og holder "
                    "materialer i kretsløpet."),
        ),
        en=Words(
            roots=("Loop", "Again", "Circle", "Reuse", "Renew"),
            products=("a marketplace for reused office furniture", "repair and rental of "
                      "tools", "material passports for the circular economy",
                      "recycling of textiles from workwear"),
            customers=("municipalities", "businesses", "retailers", "consumers"),
            benefits=("reduce waste", "keep resources in use for longer", "save on purchasing"),
            problems=("Large amounts of usable furniture, clothing and materials become waste "
                      "every year.",),
            solutions=("We collect, repair and resell used products, and document the CO2 and "
                       "waste each customer saves.",
                       "Our platform connects those with surplus materials to those who "
                       "need them."),
            thesis=("The circular economy, reuse and recycling are among our most important "
                    "investment areas.",),
        ),
    ),
    Theme(
        "building", ("construction_property", "energy", "circular_economy"),
        ("climate_mitigation", "circular_economy", "climate_adaptation"), True, 7,
        nb=Words(
            roots=("Bygg", "Tre", "Mur", "Bolig", "Tak"),
            products=("ombruk av byggematerialer", "energioppgradering av eldre boliger",
                      "massivtre-elementer for fleksible bygg", "digital tilstandsanalyse av "
                      "næringseiendom", "klimatilpasset overvannshåndtering for bygg"),
            customers=("eiendomsutviklere", "entreprenører", "borettslag", "kommuner"),
            benefits=("bygge med lavere klimafotavtrykk", "redusere energibruken i bygg",
                      "møte nye krav i byggebransjen"),
            problems=("Bygg og eiendom står for en stor del av energibruken og avfallet i "
                      "Norge.",
                      "Eldre boliger lekker varme, og eierne vet ikke hvor de skal begynne."),
            solutions=("Vi demonterer bygg skånsomt og selger byggematerialene videre med "
                       "dokumentert kvalitet.",
                       "Vår tjeneste kartlegger energibruken og foreslår tiltak med "
                       "varmepumpe, etterisolering og solceller.",
                       "Vi prefabrikkerer elementer i massivtre som forkorter byggetiden."),
            thesis=("Bygg og eiendom må kutte både utslipp og energibruk, og vi investerer i "
                    "ombruk, trebygg og energieffektivisering.",),
        ),
        en=Words(
            roots=("Build", "Timber", "Frame", "Home", "Brick"),
            products=("reuse of building materials", "energy retrofits for older homes",
                      "cross-laminated timber elements", "digital condition surveys of "
                      "commercial property"),
            customers=("property developers", "contractors", "housing co-operatives"),
            benefits=("build with a lower carbon footprint", "reduce energy use in buildings"),
            problems=("Buildings account for a large share of Norway's energy use and waste.",),
            solutions=("We dismantle buildings carefully and resell the building materials "
                       "with documented quality.",
                       "Our service maps energy use and proposes heat pumps, insulation and "
                       "solar panels."),
            thesis=("Construction and property must cut emissions and energy use; we invest "
                    "in reuse, timber construction and energy efficiency.",),
        ),
    ),
    Theme(
        "maritime", ("maritime", "mobility_transport", "energy"),
        ("climate_mitigation", "water_marine", "pollution_prevention"), True, 5,
        nb=Words(
            roots=("Fjord", "Kjøl", "Baug", "Sjø", "Havn"),
            products=("elektriske arbeidsbåter", "landstrøm for småbåthavner",
                      "ruteoptimalisering for skipsfart", "skrogrengjøring uten giftstoffer",
                      "autonome ferger for fjordkryssing"),
            customers=("rederier", "havner", "havbruksselskaper", "fylkeskommuner"),
            benefits=("kutte drivstofforbruket", "elektrifisere skipsfarten",
                      "redusere utslipp i havn"),
            problems=("Skipsfarten på fjorden bruker fortsatt mest diesel.",
                      "Havnene mangler landstrøm, så skipene går på motor ved kai."),
            solutions=("Vi bygger elektriske og hybride fartøy med batteri og hydrogen som "
                       "rekkeviddeforlenger.",
                       "Systemet vårt optimaliserer fart og rute og sparer rederiet for "
                       "drivstoff."),
            thesis=("Maritim grønn omstilling, elektriske fartøy og utslippsfrie havner er et "
                    "naturlig fokus for oss.",),
        ),
        en=Words(
            roots=("Fjord", "Keel", "Bow", "Harbour", "Mariner"),
            products=("electric workboats", "shore power for marinas",
                      "route optimisation for shipping", "autonomous ferries"),
            customers=("shipowners", "ports", "aquaculture companies"),
            benefits=("cut fuel consumption", "electrify shipping"),
            problems=("Shipping on the fjord still runs mostly on diesel.",),
            solutions=("We build electric and hybrid vessels with batteries and hydrogen as a "
                       "range extender.",),
            thesis=("Maritime decarbonisation, electric vessels and zero-emission ports are a "
                    "natural focus for us.",),
        ),
    ),
    Theme(
        "agriculture", ("food_agriculture", "ict_software", "energy"),
        ("biodiversity", "climate_adaptation", "water_marine"), True, 6,
        nb=Words(
            roots=("Åker", "Jord", "Gård", "Spire", "Eng"),
            products=("presisjonslandbruk med sensorer i jorda", "regenerativt landbruk med "
                      "karbonbinding", "vertikalt landbruk for lokal mat",
                      "biogass fra husdyrgjødsel", "digitale verktøy for beitedyr"),
            customers=("bønder", "landbrukssamvirket", "dagligvarekjeder"),
            benefits=("øke avlingene med mindre gjødsel", "binde karbon i jorda",
                      "tilpasse drifta til et våtere klima"),
            problems=("Landbruket må kutte utslipp samtidig som været blir mer ekstremt.",
                      "Bønder bruker mer gjødsel og vann enn nødvendig fordi de mangler data."),
            solutions=("Sensorene våre måler fukt og næring i jorda, og appen sier når og hvor "
                       "det skal gjødsles.",
                       "Vi lager biogass og biogjødsel av husdyrgjødsel fra gårdene i "
                       "regionen."),
            thesis=("Vi investerer i landbruk og matproduksjon som tar vare på jord, vann og "
                    "biologisk mangfold.",),
        ),
        en=Words(
            roots=("Field", "Soil", "Acre", "Sprout", "Meadow"),
            products=("precision agriculture with soil sensors", "regenerative farming with "
                      "carbon capture", "vertical farming for local food"),
            customers=("farmers", "agricultural co-operatives", "grocery chains"),
            benefits=("raise yields with less fertiliser", "store carbon in the soil"),
            problems=("Agriculture must cut emissions while the weather becomes more "
                      "extreme.",),
            solutions=("Our sensors measure moisture and nutrients in the soil and the app "
                       "tells farmers when and where to fertilise.",),
            thesis=("We invest in agriculture and food production that protects soil, water "
                    "and biodiversity.",),
        ),
    ),
    Theme(
        "food", ("food_agriculture", "retail_services", "circular_economy"),
        ("circular_economy",), True, 5,
        nb=Words(
            roots=("Smak", "Matglede", "Fat", "Råvare", "Bord"),
            products=("en app mot matsvinn i dagligvarehandelen", "plantebasert protein fra "
                      "norske erter", "lokal mat levert direkte fra gården",
                      "holdbarhetssensorer for matvarer"),
            customers=("dagligvarebutikker", "kantiner", "restauranter", "forbrukere"),
            benefits=("redusere matsvinn", "selge mer lokal mat"),
            problems=("Nesten en firedel av maten som produseres i Norge blir kastet.",),
            solutions=("Appen vår varsler når varer nærmer seg holdbarhetsdatoen og selger "
                       "dem med rabatt.",
                       "Vi foredler norske erter og åkerbønner til proteinrike matvarer."),
            thesis=("Mat, matsvinn og lokal matproduksjon er et område vi følger tett.",),
        ),
        en=Words(
            roots=("Taste", "Harvest", "Plate", "Pantry", "Table"),
            products=("an app against food waste in grocery retail", "plant-based protein "
                      "from Norwegian peas"),
            customers=("grocery stores", "canteens", "restaurants"),
            benefits=("reduce food waste", "sell more local food"),
            problems=("Almost a quarter of the food produced in Norway is thrown away.",),
            solutions=("Our app flags products close to their best-before date and sells them "
                       "at a discount.",),
            thesis=("Food, food waste and local food production are areas we follow "
                    "closely.",),
        ),
    ),
    Theme(
        "mobility", ("mobility_transport", "energy", "ict_software"),
        ("climate_mitigation", "pollution_prevention"), True, 6,
        nb=Words(
            roots=("Lade", "Sykkel", "Rute", "Flyt", "Elbil"),
            products=("ladestasjoner for borettslag", "elsykkeldeling for pendlere",
                      "samkjøring for arbeidsreiser", "elektrifisering av "
                      "varelevering i byene", "smart lading av elbiler"),
            customers=("borettslag", "arbeidsgivere", "kommuner", "logistikkselskaper"),
            benefits=("kutte utslipp fra transport", "gjøre pendlingen enklere",
                      "lade elbiler når strømmen er billig"),
            problems=("Mange pendler alene i bil mellom Drammen, Asker og Oslo hver dag.",
                      "Borettslag vil ha lading, men frykter høye kostnader og overbelastet "
                      "nett."),
            solutions=("Vi installerer og drifter ladestasjoner med smart lading som styrer "
                       "effekten mot nettet.",
                       "Appen vår kobler pendlere som skal samme vei og gir dem parkering "
                       "og belønning."),
            thesis=("Mobilitet, elbil, lading og smart transport er et viktig område for "
                    "utslippskutt.",),
        ),
        en=Words(
            roots=("Charge", "Cycle", "Route", "Flow", "Commute"),
            products=("EV charging for housing co-operatives", "e-bike sharing for commuters",
                      "smart charging of electric vehicles"),
            customers=("housing co-operatives", "employers", "municipalities"),
            benefits=("cut transport emissions", "make commuting easier"),
            problems=("Many people commute alone by car between Drammen, Asker and Oslo "
                      "every day.",),
            solutions=("We install and operate charging stations with smart charging that "
                       "balances the load on the grid.",),
            thesis=("Mobility, electric vehicles, charging and smart transport are key to "
                    "cutting emissions.",),
        ),
    ),
    Theme(
        "industry", ("industry_manufacturing", "energy", "circular_economy"),
        ("pollution_prevention", "circular_economy", "climate_mitigation"), True, 5,
        nb=Words(
            roots=("Verk", "Smie", "Presis", "Metall", "Kongsberg"),
            products=("spillvarme fra industrien til fjernvarme", "3D-printing av reservedeler",
                      "sensorer for prediktivt vedlikehold", "lavutslipps "
                      "overflatebehandling av metall", "automatisering for små verksteder"),
            customers=("industribedrifter", "verksteder", "forsvarsindustrien",
                       "leverandører til olje og gass"),
            benefits=("redusere energibruk og svinn i produksjonen", "øke produktiviteten"),
            problems=("Industrien slipper ut store mengder spillvarme som ingen bruker.",
                      "Små og mellomstore produsenter har ikke råd til avansert "
                      "automatisering."),
            solutions=("Vi fanger opp spillvarme og selger den videre som fjernvarme.",
                       "Våre sensorer og maskinlæring varsler feil før maskinene stopper."),
            thesis=("Vi investerer i industri og produksjon som blir renere, mer automatisert "
                    "og mer energieffektiv.",),
        ),
        en=Words(
            roots=("Forge", "Works", "Precision", "Alloy", "Machina"),
            products=("industrial waste heat for district heating", "3D printing of spare "
                      "parts", "sensors for predictive maintenance"),
            customers=("manufacturers", "workshops", "the defence industry"),
            benefits=("cut energy use and scrap in production", "raise productivity"),
            problems=("Industry releases large amounts of waste heat that nobody uses.",),
            solutions=("Our sensors and machine learning flag faults before the machines "
                       "stop.",),
            thesis=("We invest in manufacturing that becomes cleaner, more automated and more "
                    "energy efficient.",),
        ),
    ),
)
