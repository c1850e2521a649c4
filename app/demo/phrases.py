"""The phrase bank of the demo data: domain themes in Norwegian bokmål and English.

Each theme holds the words a founder in that field writes and the words an investor who
backs that field writes, so that generated pitches and theses share vocabulary the way real
ones do (a green-energy thesis talks about solenergi and batterilagring, as the pitches do).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """One language's phrases for a theme."""

    roots: tuple[str, ...]  # brand-name roots
    products: tuple[str, ...]  # "what we build", lower-case, fits "utvikler …" / "builds …"
    customers: tuple[str, ...]
    benefits: tuple[str, ...]  # fits "hjelper kunden med å …" / "helps customers …"
    problems: tuple[str, ...]
    solutions: tuple[str, ...]
    thesis: tuple[str, ...]  # an investor's sentence about this field


@dataclass(frozen=True)
class Theme:
    """A field founders work in: its sectors, green objectives and words."""

    key: str
    sectors: tuple[str, ...]  # the first is the main one
    objectives: tuple[str, ...]  # green objectives a pitch here usually names
    green: bool
    weight: float
    nb: Words
    en: Words


THEMES: tuple[Theme, ...] = (
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
    Theme(
        "software", ("ict_software", "retail_services", "finance"),
        (), False, 7,
        nb=Words(
            roots=("Data", "Kode", "Sky", "Logikk", "Nett"),
            products=("kunstig intelligens for kundeservice", "programvare for "
                      "prosjektstyring i små bedrifter", "cybersikkerhet for kommuner",
                      "en SaaS-plattform for vaktplanlegging"),
            customers=("små og mellomstore bedrifter", "kommuner", "frivillige organisasjoner"),
            benefits=("spare tid på administrasjon", "beskytte seg mot dataangrep"),
            problems=("Små bedrifter bruker mange timer i uka på manuelt papirarbeid.",
                      "Kommunene blir stadig oftere utsatt for dataangrep."),
            solutions=("Programvaren vår automatiserer rutinearbeid med kunstig intelligens og "
                       "integreres med systemene kunden alt har.",
                       "Vi leverer skybasert programvare som abonnement, med norsk "
                       "kundestøtte."),
            thesis=("Vi investerer i programvare, SaaS og kunstig intelligens med "
                    "gjentakende inntekter.",),
        ),
        en=Words(
            roots=("Data", "Code", "Cloud", "Logic", "Stack"),
            products=("AI for customer service", "project management software for small "
                      "firms", "cybersecurity for municipalities", "a SaaS platform for "
                      "shift planning"),
            customers=("small businesses", "municipalities", "non-profits"),
            benefits=("save time on admin", "protect themselves against cyber attacks"),
            problems=("Small firms spend hours every week on manual paperwork.",),
            solutions=("Our software automates routine work with artificial intelligence and "
                       "integrates with the tools customers already use.",),
            thesis=("We invest in software, SaaS and artificial intelligence with recurring "
                    "revenue.",),
        ),
    ),
    Theme(
        "health", ("health", "ict_software"),
        (), False, 6,
        nb=Words(
            roots=("Helse", "Puls", "Omsorg", "Vital", "Trygg"),
            products=("digital hjemmeoppfølging av kronisk syke", "velferdsteknologi for "
                      "eldre som bor hjemme", "en app for psykisk helse blant unge",
                      "rehabilitering med sensorer og video"),
            customers=("kommunehelsetjenesten", "sykehus", "pårørende", "fastleger"),
            benefits=("bo trygt hjemme lenger", "frigjøre tid for helsepersonell"),
            problems=("Helsetjenesten mangler folk, og antallet eldre vokser raskt.",),
            solutions=("Vi følger opp pasienter hjemme med sensorer og videokonsultasjon, "
                       "og varsler helsepersonell ved avvik.",
                       "Løsningen er utviklet sammen med sykepleiere i to kommuner."),
            thesis=("Helse, velferdsteknologi og digital hjemmeoppfølging er et område med "
                    "stort behov.",),
        ),
        en=Words(
            roots=("Health", "Pulse", "Care", "Vital", "Well"),
            products=("remote monitoring of chronic patients", "welfare technology for "
                      "elderly people living at home", "a mental health app for young "
                      "people"),
            customers=("municipal health services", "hospitals", "GPs"),
            benefits=("live safely at home for longer", "free up time for health workers"),
            problems=("Health services lack staff while the number of elderly grows fast.",),
            solutions=("We follow patients at home with sensors and video consultations and "
                       "alert staff when something changes.",),
            thesis=("Health, welfare technology and remote patient monitoring meet a large "
                    "need.",),
        ),
    ),
    Theme(
        "fintech", ("finance", "ict_software"),
        (), False, 4,
        nb=Words(
            roots=("Kapital", "Krone", "Konto", "Saldo", "Mynt"),
            products=("grønn finansiering for boligeiere", "automatisert regnskap for "
                      "gründere", "ESG-rapportering for små bedrifter",
                      "folkefinansiering for lokale prosjekter"),
            customers=("banker", "regnskapsførere", "små bedrifter", "boligeiere"),
            benefits=("få oversikt over økonomien", "dokumentere bærekraft overfor banken"),
            problems=("Små bedrifter møter stadig flere krav om bærekraftsrapportering.",),
            solutions=("Plattformen henter data fra regnskapet og lager ESG-rapporten "
                       "automatisk.",
                       "Vi gir bankene et bedre grunnlag for grønne lån."),
            thesis=("Vi investerer i fintech, regnskap og grønn finansiering.",),
        ),
        en=Words(
            roots=("Capital", "Ledger", "Coin", "Fund", "Balance"),
            products=("green financing for homeowners", "automated bookkeeping for founders",
                      "ESG reporting for small firms"),
            customers=("banks", "accountants", "small businesses"),
            benefits=("keep track of their finances", "document sustainability to lenders"),
            problems=("Small firms face growing demands for sustainability reporting.",),
            solutions=("The platform pulls data from the accounts and writes the ESG report "
                       "automatically.",),
            thesis=("We invest in fintech, accounting and green finance.",),
        ),
    ),
    Theme(
        "tourism", ("tourism_culture", "retail_services", "food_agriculture"),
        ("biodiversity",), False, 4,
        nb=Words(
            roots=("Fjell", "Sti", "Opplev", "Hytte", "Villmark"),
            products=("bærekraftig naturturisme i Numedal", "digital booking for "
                      "gårdsturisme", "kulturopplevelser langs Drammenselva",
                      "guidede sykkelturer rundt Tyrifjorden"),
            customers=("turister", "reiselivsbedrifter", "hytteeiere", "skoler"),
            benefits=("oppleve regionen på en bærekraftig måte", "fylle ledig kapasitet "
                      "utenom sesong"),
            problems=("Reiselivet i innlandet er sesongbasert og sliter med å nå nye "
                      "gjester.",),
            solutions=("Vi pakker overnatting, mat og aktiviteter fra lokale aktører til "
                       "bærekraftige opplevelser.",),
            thesis=("Reiseliv, kultur og naturopplevelser i distriktene er et område vi tror "
                    "på.",),
        ),
        en=Words(
            roots=("Trail", "Summit", "Explore", "Cabin", "Wild"),
            products=("sustainable nature tourism in Numedal", "digital booking for farm "
                      "tourism", "guided cycling tours around Tyrifjorden"),
            customers=("tourists", "tourism operators", "schools"),
            benefits=("experience the region sustainably", "fill capacity outside the "
                      "season"),
            problems=("Rural tourism is seasonal and struggles to reach new guests.",),
            solutions=("We package lodging, food and activities from local providers into "
                       "sustainable experiences.",),
            thesis=("Tourism, culture and nature experiences in rural areas are something we "
                    "believe in.",),
        ),
    ),
    Theme(
        "retail", ("retail_services", "ict_software"),
        (), False, 4,
        nb=Words(
            roots=("Butikk", "Handel", "Torg", "Kurv", "Disk"),
            products=("netthandel for lokale butikker", "utleie av klær og utstyr",
                      "en lojalitetsapp for sentrumshandelen"),
            customers=("butikker", "kjøpesentre", "sentrumsforeninger"),
            benefits=("nå flere kunder", "konkurrere med de store netthandlene"),
            problems=("Handelen i sentrum taper terreng til store internasjonale nettbutikker.",),
            solutions=("Vi samler sortimentet til lokale butikker i én nettbutikk med levering "
                       "samme dag.",),
            thesis=("Vi investerer i handel og tjenester som styrker lokalsamfunnet.",),
        ),
        en=Words(
            roots=("Shop", "Market", "Basket", "Store", "Counter"),
            products=("e-commerce for local shops", "clothing and equipment rental"),
            customers=("shops", "shopping centres"),
            benefits=("reach more customers", "compete with the big online stores"),
            problems=("Town-centre retail is losing ground to large international web shops.",),
            solutions=("We bring local shops together in one web shop with same-day "
                       "delivery.",),
            thesis=("We invest in retail and services that strengthen local communities.",),
        ),
    ),
    Theme(
        "water", ("other", "construction_property", "industry_manufacturing"),
        ("water_marine", "climate_adaptation", "pollution_prevention"), True, 3,
        nb=Words(
            roots=("Vann", "Elv", "Kilde", "Bekk", "Dråpe"),
            products=("lekkasjesøk i kommunale vannledninger", "rensing av mikroplast fra "
                      "avløpsvann", "flomvarsling for små vassdrag"),
            customers=("kommuner", "vannverk", "forsikringsselskaper"),
            benefits=("redusere vanntap", "beskytte vassdragene mot forurensning",
                      "forberede seg på flom og styrtregn"),
            problems=("En tredel av drikkevannet i norske kommuner lekker ut før det når "
                      "kranen.",
                      "Styrtregn og flom rammer stadig oftere Drammensvassdraget."),
            solutions=("Akustiske sensorer finner lekkasjer i vannledningene før de blir "
                       "store.",
                       "Vårt filter fjerner mikroplast og miljøgifter fra avløpsvann."),
            thesis=("Vann, avløp og klimatilpasning mot flom er et område med stort "
                    "investeringsbehov.",),
        ),
        en=Words(
            roots=("Aqua", "River", "Spring", "Brook", "Drop"),
            products=("leak detection in municipal water mains", "removal of microplastics "
                      "from wastewater", "flood warnings for small rivers"),
            customers=("municipalities", "water utilities", "insurers"),
            benefits=("reduce water loss", "protect rivers against pollution"),
            problems=("A third of drinking water in Norwegian municipalities leaks out before "
                      "it reaches the tap.",),
            solutions=("Acoustic sensors find leaks in the water mains before they grow.",),
            thesis=("Water, wastewater and climate adaptation against floods need large "
                    "investments.",),
        ),
    ),
    Theme(
        "education", ("other", "ict_software", "tourism_culture"),
        (), False, 3,
        nb=Words(
            roots=("Lær", "Skole", "Kunnskap", "Idé", "Verksted"),
            products=("digitale læremidler i realfag", "et kurs i entreprenørskap for "
                      "videregående", "kompetanseheving i grønne fag for voksne"),
            customers=("skoler", "fylkeskommuner", "bedrifter", "voksne arbeidstakere"),
            benefits=("lære nye ferdigheter", "rekruttere til grønne jobber"),
            problems=("Det grønne skiftet mangler fagfolk, og omskolering tar for lang tid.",),
            solutions=("Vi lager korte, praktiske kurs sammen med bedriftene som trenger "
                       "kompetansen.",),
            thesis=("Utdanning og kompetanse er grunnlaget for alle andre investeringer.",),
        ),
        en=Words(
            roots=("Learn", "School", "Skill", "Idea", "Workshop"),
            products=("digital learning tools for science", "upskilling for green jobs"),
            customers=("schools", "counties", "employers"),
            benefits=("learn new skills", "recruit for green jobs"),
            problems=("The green transition lacks skilled workers, and retraining takes too "
                      "long.",),
            solutions=("We build short, practical courses together with the companies that "
                       "need the skills.",),
            thesis=("Education and skills underpin every other investment.",),
        ),
    ),
)

THEME_BY_KEY = {theme.key: theme for theme in THEMES}

BRAND_ENDINGS = {
    "nb": ("kraft", "verk", "lab", "nett", "vik", "stua", "huset", "gruppen", "tek", "ly"),
    "en": ("ly", "works", "lab", "hub", "io", "tech", "wise", "ify", "path", "nest"),
}

# Sentences that do not depend on the theme. {placeholders} are filled by the generator.
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

FUNDING_WORDS = {
    "nb": {"equity": "egenkapital", "convertible_loan": "konvertibelt lån", "loan": "lån",
           "grant": "tilskudd", "partnership": "del av et partnerskap"},
    "en": {"equity": "equity", "convertible_loan": "a convertible loan", "loan": "a loan",
           "grant": "a grant", "partnership": "part of a partnership"},
}

SUPPORT_WORDS = {
    "nb": {"capital": "kapital", "mentoring": "mentorhjelp", "competence": "kompetanse",
           "premises": "lokaler", "network": "nettverk", "pilot_customer": "pilotkunder"},
    "en": {"capital": "capital", "mentoring": "mentoring", "competence": "expertise",
           "premises": "premises", "network": "networks", "pilot_customer": "pilot "
           "customers"},
}

NEEDS = {
    "nb": "Utover kapital ønsker vi {needs}.",
    "en": "Beyond capital we are looking for {needs}.",
}

STAGE_WORDS = {
    "nb": {"idea": "idéfase", "pre_seed": "pre-seed", "seed": "seed",
           "series_a": "serie A", "growth": "vekstfase"},
    "en": {"idea": "idea stage", "pre_seed": "pre-seed", "seed": "seed",
           "series_a": "series A", "growth": "growth"},
}

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

FIRST_NAMES = {
    "nb": ("Kari", "Ola", "Ingrid", "Lars", "Silje", "Jonas", "Marte", "Henrik", "Ida",
           "Sindre", "Nora", "Eirik", "Hanne", "Magnus", "Thea", "Anders", "Sofie", "Kristian",
           "Camilla", "Håkon", "Maja", "Sigurd", "Tuva", "Øystein", "Line", "Erlend", "Astrid",
           "Vegard", "Guro", "Bjørn", "Ragnhild", "Torstein", "Mona", "Espen", "Ane", "Amir",
           "Fatima", "Ali", "Leila", "Tomasz"),
    "en": ("Emma", "James", "Olivia", "Daniel", "Sarah", "Michael", "Anna", "David",
           "Sophie", "Lukas", "Priya", "Chen", "Maria", "Thomas", "Hannah", "Ahmed"),
}

LAST_NAMES = {
    "nb": ("Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
           "Kristiansen", "Jensen", "Karlsen", "Haugen", "Berg", "Dahl", "Lie", "Bakken",
           "Hagen", "Strand", "Solberg", "Eriksen", "Moen", "Myhre", "Sæther", "Aas", "Holm",
           "Lunde", "Rønning", "Fjeld", "Kvam", "Nygård", "Brekke", "Hovland", "Tveit",
           "Khan", "Nowak", "Ahmadi"),
    "en": ("Smith", "Brown", "Wilson", "Taylor", "Müller", "Garcia", "Patel", "Nguyen",
           "Kowalski", "Andersson", "Schmidt", "Rossi", "Murphy", "Wang"),
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
