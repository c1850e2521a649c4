"""Curated lexicon: Norwegian bokmål and English stop words and a domain glossary.

The glossary maps surface forms in both languages to one shared canonical token, so that a
Norwegian pitch about "solenergi" meets an English thesis about "solar energy". Canonical
tokens start with "~" so they can never collide with a stemmed word.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """Whitespace-separated words as a set."""
    return frozenset(text.split())


NORWEGIAN_STOP_WORDS = _words(
    """
    og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg men
    ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan
    hans hvor eller hva skal selv sjøl her alle vil bli ble blitt kunne inn når være kom
    noen noe ville dere deres kun ja etter ned skulle denne for deg si sine sitt mot å meget
    hvorfor dette disse uten hvordan ingen din ditt blir samme hvilken hvilke sånn inni
    mellom vår hver hvem vors hvis både bare enn fordi før mange også slik vært været begge
    siden dem henne hennes hun jo nei også vårt våre mye mer mest enda andre annen annet
    også bl.a gjennom dessuten derfor samt blant hos få får fått gjør gjøre gjort går gå nye
    ny nytt vårt vår våre vi oss dere et ene eneste ganske hele helt
    """
)

ENGLISH_STOP_WORDS = _words(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves via per us new based using offers offering provides providing
    platform company startup startups
    """
)

STOP_WORDS = NORWEGIAN_STOP_WORDS | ENGLISH_STOP_WORDS

# Words that reach a glossary concept through a stemmer or a compound split though they mean
# something else: Norwegian "kraftig" (sharply, strongly) stems to "kraft" (power), and so
# does "kraftfull" split; English "powerful" is the same word; a "greenhouse" is neither
# green nor a house, a "windfall" no wind, "PowerPoint" no power. Such a word is an ordinary
# stemmed word, never a concept or a compound. (English closed compounds whose parts are
# both words and whose meaning is neither part: no rule tells them from "database".) The
# verb "levere" (to deliver, to supply: "Vi leverer rent vann") stems to "lever", which is
# also the English stem of "levering", so every supplier read as the delivery concept
# (logistics: "levering", "budtjeneste", "courier"); so did "lever" (lives; English a lever).
# English stems "carbonated" drinks to "carbon" (emissions) and "marinated" fish to "marin"
# (the ocean).
FALSE_FRIENDS = _words(
    """
    kraftig kraftige kraftigere kraftigst kraftigste kraftfull kraftfulle kraftfullt
    powerful greenhouse greenhouses windfall windfalls powerpoint
    lever levere leverer leverte levert leveres
    carbonated carbonation marinated
    """
)

# Glossary forms that are another word in Norwegian, in a text guessed to be Norwegian:
# "rent" is clean, purely ("rent vann", "rent teknisk"; "renter" is interest), not rental, so
# neither the word nor a compound part "rent" ("transparent", "rentefritt") reads as rental
# there. English texts keep them ("rent a bike").
NORWEGIAN_FALSE_FRIENDS = _words("rent")

# Norwegian links the parts of a compound with an s or an e, by the first part: a word ending
# in -ing, -sjon, -het, -tet, -dom, -skap, -else or -ment always takes an s
# ("eiendom|s|utviklere", "investering|s|behov"), and so do the first parts below
# ("bærekraft|s|rapportering", "utslipp|s|frie"); "bygg" and "barn" take an e
# ("bygg|e|tiden", "barn|e|hage"). Other first parts join without one ("kraft|system",
# "transport|selskaper", "bolig|eiere").
LINKING_S_ENDINGS = ("ing", "sjon", "het", "tet", "dom", "skap", "else", "ment")
LINKING_S = _words(
    """
    arbeid avfall bærekraft gård utslipp landbruk jordbruk skogbruk havbruk gjenbruk samfunn
    lokalsamfunn handel detaljhandel netthandel oppdrett fiskeoppdrett reiseliv luftfart
    skipsfart nabolag
    """
)
LINKING_E = _words("bygg barn")

# Words that are never split as compounds, nor the words they begin: "nettverk" (network)
# is one word, not nett|verk, and its compounds use glossary words figuratively
# ("nettverksbygging" is networking, not construction).
WHOLE_WORDS = ("nettverk",)

# canonical concept -> surface forms (Norwegian and English, single words or phrases).
GLOSSARY: dict[str, tuple[str, ...]] = {
    "solar": ("solenergi", "solkraft", "solcelle", "solceller", "solcellepanel", "solar",
              "solar energy", "solar power", "photovoltaic", "photovoltaics", "pv"),
    "battery": ("batteri", "batterier", "battery", "batteries", "akkumulator"),
    "energy_storage": ("energilagring", "batterilagring", "energy storage", "battery storage"),
    "offshore_wind": ("havvind", "havvindpark", "offshore wind", "flytende havvind"),
    "wind": ("vindkraft", "vindenergi", "vind", "wind", "wind power", "wind energy"),
    "hydro": ("vannkraft", "hydropower", "hydro power", "hydroelectric"),
    "hydrogen": ("hydrogen", "grønt hydrogen", "green hydrogen", "brensel", "fuel cell",
                 "elektrolysør", "elektrolysører", "elektrolyse", "electrolyser", "electrolysers",
                 "electrolyzer", "electrolyzers", "electrolysis"),
    "renewable": ("fornybar", "fornybare", "fornybart", "renewable", "renewables"),
    "energy": ("energi", "energy", "kraft", "power"),
    "electric": ("elektrisk", "elektriske", "electric", "electrical", "elektrifisering",
                 "electrification"),
    "ev": ("elbil", "elbiler", "electric vehicle", "electric vehicles", "ev", "evs"),
    "charging": ("lading", "ladestasjon", "ladestasjoner", "charging", "charger", "chargers"),
    "circular": ("sirkulær", "sirkulære", "sirkulært", "circular", "circular economy",
                 "sirkulærøkonomi", "sirkulær økonomi"),
    "recycling": ("gjenvinning", "resirkulering", "recycling", "recycle", "recycled",
                  "gjenbruk", "reuse", "ombruk"),
    "waste": ("avfall", "waste", "søppel", "garbage"),
    "agriculture": ("landbruk", "jordbruk", "agriculture", "farming", "agritech", "agtech"),
    "farm": ("gård", "gårder", "bonde", "bønder", "farm", "farms", "farmer", "farmers"),
    "food": ("mat", "food", "matvarer", "groceries", "grocery", "dagligvare"),
    "food_waste": ("matsvinn", "food waste"),
    "aquaculture": ("havbruk", "oppdrett", "fiskeoppdrett", "aquaculture", "fish farming"),
    "fish": ("fisk", "laks", "fish", "salmon", "seafood", "sjømat"),
    "ocean": ("hav", "havet", "ocean", "marine", "maritim", "maritime", "sjø"),
    "shipping": ("shipping", "skipsfart", "rederi", "vessel", "vessels", "fartøy"),
    "construction": ("bygg", "bygging", "byggebransjen", "construction", "building",
                     "buildings", "anlegg"),
    # "eldre boliger" are older homes, not the elderly's ("eldre" alone is elderly)
    "real_estate": ("eiendom", "real estate", "property", "properties", "bolig", "housing",
                    "borettslag", "borettslaget", "housing co-operative", "housing co-operatives",
                    "housing cooperative", "housing cooperatives", "eldre boliger", "eldre bygg",
                    "eldre hus"),
    "wood": ("tre", "trevirke", "timber", "wood", "massivtre"),
    "forest": ("skog", "skogbruk", "forest", "forestry"),
    "transport": ("transport", "transportation", "mobilitet", "mobility", "logistikk",
                  "logistics"),
    "climate": ("klima", "klimaet", "climate", "klimagass", "greenhouse gas", "drivhusgass"),
    "emissions": ("utslipp", "emissions", "emission", "co2", "karbon", "carbon"),
    "carbon_capture": ("karbonfangst", "karbonbinding", "carbon capture", "ccs", "ccus"),
    "sustainability": ("bærekraft", "bærekraftig", "bærekraftige", "sustainability",
                       "sustainable"),
    "green": ("grønn", "grønne", "grønt", "green"),
    "environment": ("miljø", "miljøet", "environment", "environmental"),
    "biodiversity": ("naturmangfold", "biologisk mangfold", "biodiversity"),
    "water": ("vann", "water", "avløp", "wastewater"),
    "flood": ("flom", "flommer", "flood", "floods", "flooding"),
    "river": ("vassdrag", "vassdragene", "elver", "river", "rivers"),
    "health": ("helse", "health", "healthcare", "helsetjenester", "medtech", "medisinsk",
               "medical"),
    "hospital": ("sykehus", "hospital", "hospitals", "klinikk", "clinic"),
    "patient": ("pasient", "pasienter", "patient", "patients"),
    "elderly": ("eldre", "eldreomsorg", "elderly", "senior care", "aged care"),
    "education": ("utdanning", "opplæring", "education", "edtech", "læring", "learning",
                  "kompetanseheving", "upskilling", "reskilling"),
    "school": ("skole", "skoler", "school", "schools", "elever", "students", "student"),
    "software": ("programvare", "software", "saas", "app", "apps", "applikasjon"),
    "digital": ("digital", "digitale", "digitalisering", "digitalisation", "digitization"),
    "ai": ("kunstig intelligens", "artificial intelligence", "ai", "maskinlæring",
           "machine learning", "ml", "deep learning"),
    "data": ("data", "dataanalyse", "analytics", "data analytics"),
    "sensor": ("sensor", "sensorer", "sensors", "iot", "tingenes internett",
               "internet of things"),
    "robot": ("robot", "roboter", "robotics", "robotikk", "automasjon", "automation",
              "automatisering"),
    "drone": ("drone", "droner", "drones", "uav"),
    "security": ("sikkerhet", "security", "cybersikkerhet", "cybersecurity"),
    "finance": ("finans", "finance", "financial", "fintech", "bank", "banking", "betaling",
                "payments", "payment"),
    "insurance": ("forsikring", "insurance", "insurtech"),
    "ecommerce": ("netthandel", "nettbutikk", "e-handel", "ecommerce", "e commerce",
                  "online shopping", "online retail", "online store"),
    # not "store": Norwegian for "big", and an English verb as often as a shop ("store energy")
    "retail": ("handel", "detaljhandel", "retail", "butikk", "shop"),
    "marketplace": ("markedsplass", "marketplace", "market place"),
    "tourism": ("reiseliv", "turisme", "tourism", "travel", "reise", "hotell", "hotel"),
    "culture": ("kultur", "culture", "kunst", "art", "arts", "musikk", "music"),
    "media": ("medier", "media", "publisering", "publishing", "news", "nyheter"),
    "gaming": ("spill", "gaming", "games", "game"),
    "sport": ("idrett", "sport", "sports", "trening", "fitness"),
    "textile": ("tekstil", "tekstiler", "textile", "textiles", "klær", "clothing",
                "fashion", "mote"),
    "packaging": ("emballasje", "packaging", "innpakning"),
    "plastic": ("plast", "plastic", "plastics", "mikroplast", "microplastics"),
    "materials": ("materialer", "materials", "material", "råvarer", "raw materials"),
    "chemistry": ("kjemi", "chemistry", "chemical", "chemicals", "kjemikalier"),
    "biotech": ("bioteknologi", "biotech", "biotechnology", "biologi", "biology"),
    "pharma": ("legemidler", "farmasi", "farmasøytisk", "pharma", "pharmaceutical", "medisin",
               "medicine", "drug", "drugs"),
    "industry": ("industri", "industry", "industrial", "produksjon", "manufacturing",
                 "production", "fabrikk", "factory"),
    "engineering": ("ingeniør", "engineering", "teknikk"),
    # "spillvarme" whole: split, its "spill" (here spilt, lost) read as games
    "heating": ("oppvarming", "heating", "varme", "heat", "varmepumpe", "heat pump",
                "spillvarme", "waste heat"),
    "efficiency": ("effektivisering", "energieffektivisering", "efficiency",
                   "energy efficiency", "effektiv"),
    # Not bare "nett": it is the internet as often as the grid ("på nett", nettbutikk,
    # nettside) and a network ("nettverk", which split as nett|verk made a mentor network
    # meet a power-grid thesis). The grid is reached through words that say grid and nothing
    # else; inflected and as compound parts they still catch "strømnettet" and
    # "nettleiemodellen".
    "grid": ("strømnett", "kraftnett", "distribusjonsnett", "transmisjonsnett", "sentralnett",
             "nettselskap", "netteier", "nettleie", "nettkapasitet", "nettilknytning", "grid",
             "power grid", "smart grid", "electricity grid", "distribution grid"),
    "electricity": ("strøm", "elektrisitet", "electricity"),
    "mining": ("gruvedrift", "mining", "mineraler", "minerals"),
    "oil_gas": ("olje", "gass", "oil", "gas", "petroleum", "oil and gas"),
    "municipality": ("kommune", "kommuner", "kommunal", "municipality", "municipal",
                     "municipalities", "public sector", "offentlig sektor"),
    "city": ("by", "byen", "city", "cities", "urban", "smartby", "smart city"),
    "rural": ("distrikt", "distriktene", "rural", "bygd", "bygdene"),
    "community": ("lokalsamfunn", "community", "communities", "nabolag", "neighbourhood"),
    "social": ("sosial", "sosialt", "social", "samfunn", "society", "impact"),
    "volunteer": ("frivillig", "frivillighet", "volunteer", "volunteering", "ngo"),
    "children": ("barn", "children", "kids", "child", "ungdom", "youth"),
    "customer": ("kunde", "kunder", "customer", "customers", "client", "clients"),
    "subscription": ("abonnement", "subscription", "subscriptions"),
    "rental": ("utleie", "rental", "rent", "leie", "sharing", "deling", "delingsøkonomi",
               "sharing economy"),
    "investment": ("investering", "investeringer", "investment", "investments", "kapital",
                   "capital", "funding", "finansiering"),
    "seed": ("såkorn", "seed", "pre-seed", "preseed", "idéfase"),
    "growth": ("vekst", "growth", "skalering", "scaling", "scale-up", "scaleup"),
    "export": ("eksport", "export", "exports", "internasjonal", "international",
               "internasjonalisering", "internationalisation"),
    "research": ("forskning", "research", "r&d", "innovasjon", "innovation"),
    "hardware": ("maskinvare", "hardware", "device", "devices", "enhet", "enheter"),
    "vehicle": ("kjøretøy", "vehicle", "vehicles", "bil", "biler", "car", "cars"),
    "bicycle": ("sykkel", "sykler", "bicycle", "bicycles", "bike", "bikes", "elsykkel",
                "e-bike", "sykling", "syklister", "cycling", "cyclists"),
    "commuting": ("pendler", "pendlere", "pendling", "pendlingen", "commuter", "commuters",
                  "commuting"),
    "boat": ("båt", "båter", "boat", "boats", "ferge", "ferry", "ferries"),
    # Not "port": the end of Norwegian "rapport" and "import", and a gate. Not "harbour":
    # English stems a name such as "Harbourly" (a demo company) to it.
    "port": ("havn", "havner", "havnen", "havnene", "ports"),
    "aviation": ("luftfart", "fly", "aviation", "aircraft", "airline"),
    "accounting": ("regnskap", "accounting", "bokføring", "bookkeeping"),
    "esg": ("esg", "esg-rapportering", "esg reporting", "bærekraftsrapportering",
            "sustainability reporting"),
    "legal": ("juridisk", "jus", "legal", "law", "advokat", "lawyer"),
    "hr": ("rekruttering", "recruitment", "recruiting", "hiring", "jobb", "jobs", "job",
           "arbeid", "employment"),
    "delivery": ("levering", "delivery", "deliveries", "budtjeneste", "courier"),
    "repair": ("reparasjon", "reparasjoner", "reparere", "repair", "repairs", "repairing"),
    "maintenance": ("vedlikehold", "vedlikeholdet", "maintenance"),
    "restaurant": ("restaurant", "restauranter", "restaurants", "kafé", "cafe", "catering"),
}

# Surface forms that may appear as the first or last part of a Norwegian compound
# ("batteri" + "lagring", "sol" + "celle"); longer than the short forms above to avoid noise.
COMPOUND_MIN_PART = 4

# Words an explanation never names as shared by a pitch and an investor (a term made of
# nothing else is left out, see explain.nameable): marketing filler and the boilerplate of
# nearly every pitch and thesis on a matchmaking platform (offering, capital, amounts, "the
# company", "the team", customers), and everyday verbs and adverbs no stop-word list has
# ("tar" as in "tar vare på", takes care of; "følger", "må", "lang"; "bygge" and "build",
# which the glossary reads as construction), in both languages, inflections spelled out (a
# word feature whose stem is one of these words, "use" for "used", is not named either).
# "Both mention kroner and the company" or "… næringsbygg, tar and effekt" says nothing
# about why a pair fits. Naming only: the words still count in the text score, so rankings
# are unchanged (as stop words they would not).
# The last line holds stems, as the Norwegian and English stemmers keep them (a word column
# is checked by its stem, so every inflection goes): everyday verbs that say what is done,
# not to what: "kutt" (kutte, kutter, kuttet), "cut" (cuts, cutting), "reduser" (redusere,
# reduserer, redusert), "reduc" (reduce, reduced, reducing).
# Alone they name nothing ("Both mention kutter"); in a two-word term with a domain word
# they stay named ("kutte utslipp", "cut emissions", "redusere avfall").
# The kinds of support a pitch asks for and an investor offers, as both write them ("Utover
# kapital ønsker vi mentorhjelp og lokaler", "we offer expertise and networks"): the support
# component explains them from the stated needs and offers, as the location component does
# places, and "Both mention mentorhjelp, kompetanse and nettverk" (the demo's three most
# named terms) says nothing about what the two are about. "lokal" is the stem of "lokaler"
# (premises) and of "lokale" (local), neither telling alone. With them the boilerplate of
# proof and business models ("kan dokumentere klimaeffekten", "document the CO2 each
# customer saves", "forretningsmodellen").
UNNAMED_WORDS = _words(
    """
    tilbyr tilby tilbyde tilbud tilbudet leverer levere hjelper hjelpe bidrar bidra ønsker
    ønske henter hente holder trenger trengs søker bruker brukere brukes bruke
    kraftig kraftige kraftigere kraftfull kraftfulle ledende markedsledende verdensledende
    unik unike unikt innovativ innovative innovativt nyskapende banebrytende
    revolusjonerende smart smarte enkel enkle enkelt effektiv effektive effektivt spennende
    ambisiøs ambisiøse ambisiøst fremtidens fremtidsrettet moderne helhetlig helhetlige
    beste bedre god gode godt stor store stort små liten lite mulig mulige mulighet
    muligheter potensial betalende åpne
    ta tar tas tatt tok vare følge følger fulgt må måtte lang lange langt kombinere
    kombinerer direkte bygge bygger bygde
    selskap selskapet selskaper selskapene bedrift bedriften bedrifter bedriftene firma
    team teamet kunde kunden kunder kundene marked markedet markeder bransje bransjen
    løsning løsningen løsninger løsningene produkt produktet produkter tjeneste tjenesten
    tjenester plattform plattformen idé ideen ide
    kapital investering investeringer investere investerer investor investorer finansiering
    kroner krone kr nok mnok mill million millioner milliard milliarder penger
    år året tid utover regionen norge norsk norske
    help helps helping offer offered provide deliver delivers delivering leading unique
    innovative powerful simple easy efficient effective better best great exciting
    ambitious disruptive seamless cutting-edge world-class every looking need needs use
    make become must potential paying take takes taking took taken follow follows
    followed combine combines long build builds built
    companies business businesses firm firms team teams customer customers client clients
    market markets solution solutions product products service services user users
    idea ideas
    capital investment investments invest invests investing investor investors funding
    financing million millions billion billions year years time beyond region norway
    norwegian
    kutt cut reduser reduc
    mentorhjelp mentor mentorer mentoring kompetanse kompetansen kompetans expertise
    expertis nettverk nettverket nettverkene network networks networking lokaler lokalene
    lokale lokal local premises premis pilotkunde pilotkunden pilotkunder pilotkundene
    pilotkund pilot pilots støtte support
    dokumentere dokumenterer dokumentert dokumenter document documents documented
    documenting forretningsmodell forretningsmodellen forretningsmodeller model models
    """
)
