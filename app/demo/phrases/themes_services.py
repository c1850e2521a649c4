"""Demo themes of services: software, health, finance, tourism, retail, water and
education."""

from __future__ import annotations

from app.demo.phrases.theme import Theme, Words

SERVICE_THEMES: tuple[Theme, ...] = (
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
