"""Deterministic demo data: plain dicts from a seeded `random.Random`, no database.

The same seed (and day) always gives the same data. Users, pitches and investor profiles
refer to each other by e-mail; the loader turns those into ids.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from app.demo import phrases
from app.demo.phrases import THEME_BY_KEY, THEMES, Theme
from app.vocabulary import (
    ASSOCIATIONS,
    GREEN_MANDATES,
    GREEN_OBJECTIVES,
    INVESTOR_TYPES,
    MUNICIPALITIES,
    STAGES,
    SUPPORT_KINDS,
    association_of,
)

DEMO_DOMAIN = "demo.koble.no"
DEMO_PASSWORD = "koble-demo-passord"  # noqa: S105 — public on purpose: demo logins only

STAGE_KEYS = tuple(STAGES)
STAGE_WEIGHTS = {"idea": 20, "pre_seed": 25, "seed": 30, "series_a": 15, "growth": 10}
STAGE_ASKS = {
    "idea": (100_000, 1_000_000),
    "pre_seed": (500_000, 3_000_000),
    "seed": (2_000_000, 15_000_000),
    "series_a": (15_000_000, 80_000_000),
    "growth": (50_000_000, 300_000_000),
}
TEAM_SIZES = {"idea": (1, 3), "pre_seed": (2, 5), "seed": (3, 12), "series_a": (8, 40),
              "growth": (20, 150)}
COMPANY_AGE = {"idea": (0, 1), "pre_seed": (0, 2), "seed": (1, 4), "series_a": (2, 7),
               "growth": (4, 15)}
FUNDING_BY_STAGE = {
    "idea": {"grant": 5, "equity": 3, "convertible_loan": 1, "partnership": 1},
    "pre_seed": {"equity": 5, "convertible_loan": 3, "grant": 2, "partnership": 1},
    "seed": {"equity": 7, "convertible_loan": 2, "loan": 1, "partnership": 1},
    "series_a": {"equity": 8, "loan": 1, "partnership": 1},
    "growth": {"equity": 5, "loan": 4, "partnership": 1},
}
# Bigger places get more founders; the small ones still appear.
MUNICIPALITY_WEIGHTS = {
    "asker": 10, "baerum": 12, "drammen": 10, "lier": 5, "ovre_eiker": 4, "kongsberg": 6,
    "ringerike": 5, "hole": 2, "modum": 3, "sigdal": 1.5, "krodsherad": 1, "flesberg": 1,
    "rollag": 1, "nore_og_uvdal": 1, "elsewhere": 2, "abroad": 0.5,
}
PLACES_OUTSIDE = {"elsewhere": ("Oslo", "Bergen", "Trondheim", "Hamar"),
                  "abroad": ("Stockholm", "København", "Berlin", "London")}


@dataclass(frozen=True)
class InvestorKind:
    """How one investor type behaves: stages, ticket cap, money, help, track record."""

    weight: float
    stages: tuple[str, ...]
    ticket_cap: int
    funding: tuple[str, ...]
    offers: tuple[str, ...]
    past: tuple[int, int]


INVESTOR_KINDS = {
    "angel": InvestorKind(35, ("idea", "pre_seed", "seed"), 3_000_000,
                          ("equity", "convertible_loan"), ("mentoring", "network", "competence"),
                          (1, 12)),
    "venture_fund": InvestorKind(20, ("pre_seed", "seed", "series_a", "growth"), 150_000_000,
                                 ("equity", "convertible_loan"),
                                 ("network", "competence", "mentoring"), (8, 60)),
    "bank": InvestorKind(10, ("seed", "series_a", "growth"), 100_000_000,
                         ("loan", "convertible_loan"), ("competence", "network"), (20, 200)),
    "public_fund": InvestorKind(10, ("idea", "pre_seed", "seed"), 10_000_000,
                                ("grant", "loan"), ("competence", "network", "mentoring"),
                                (20, 150)),
    "corporate": InvestorKind(12, ("pre_seed", "seed", "series_a"), 30_000_000,
                              ("partnership", "equity"),
                              ("pilot_customer", "premises", "competence"), (1, 10)),
    "family_office": InvestorKind(13, ("seed", "series_a", "growth"), 100_000_000,
                                  ("equity", "loan"), ("mentoring", "network", "premises"),
                                  (2, 25)),
}

HIDDEN_REASONS = (
    "Pitchen mangler en beskrivelse av hva pengene skal brukes til.",
    "Pitchen inneholder kontaktinformasjon i beskrivelsen; fjern den og publiser på nytt.",
)


@dataclass
class DemoData:
    """Everything the seeder inserts, as plain dicts, plus the logins to print."""

    users: list[dict] = field(default_factory=list)
    pitches: list[dict] = field(default_factory=list)
    investors: list[dict] = field(default_factory=list)
    logins: list[dict] = field(default_factory=list)  # role, email, name, note

    @property
    def total_rows(self) -> int:
        return len(self.users) + len(self.pitches) + len(self.investors)


def slugify(text: str) -> str:
    """ASCII, lower-case, dots between words: "Øystein Aas" → "oystein.aas"."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", ".", text).strip(".")


def nice_round(value: float) -> int:
    """Round to two significant digits, as people write amounts: 3 456 789 → 3 500 000."""
    if value <= 0:
        return 0
    digits = int(math.floor(math.log10(value))) - 1
    return int(round(value / 10**digits) * 10**digits)


def log_uniform(rng: random.Random, low: float, high: float) -> float:
    """A value between low and high, evenly spread on a log scale."""
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def money(amount: int, lang: str) -> str:
    """An amount in words the way a founder writes it, in NOK."""
    if lang == "nb":
        if amount >= 1_000_000:
            millions = f"{amount / 1_000_000:.1f}".rstrip("0").rstrip(".").replace(".", ",")
            unit = "million" if millions == "1" else "millioner"
            return f"{millions} {unit} kroner"
        return f"{amount:,}".replace(",", " ") + " kroner"
    if amount >= 1_000_000:
        return f"NOK {amount / 1_000_000:.1f}".rstrip("0").rstrip(".") + " million"
    return f"NOK {amount:,}"


def join_words(items: list[str], lang: str) -> str:
    """"a, b og c" / "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    word = " og " if lang == "nb" else " and "
    return ", ".join(items[:-1]) + word + items[-1]


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words(text: str) -> int:
    return len(text.split())


class _Generator:
    """One run of generation; holds the random stream, the clock and the counters."""

    def __init__(self, seed: int, today: date):
        self.rng = random.Random(seed)
        self.now = datetime.combine(today, time(12, 0), tzinfo=UTC)
        self.data = DemoData()
        self.emails: set[str] = set()
        self.free_pitches = 0  # pitches made without a forced theme (cycles coverage)
        self.free_investors = 0

    # --- people ------------------------------------------------------------------------

    def person(self, lang: str) -> tuple[str, str]:
        rng = self.rng
        # A few English speakers have Norwegian names and the other way round.
        names_lang = lang if rng.random() < 0.85 else ("en" if lang == "nb" else "nb")
        return (rng.choice(phrases.FIRST_NAMES[names_lang]),
                rng.choice(phrases.LAST_NAMES[names_lang]))

    def phone(self) -> str:
        rng = self.rng
        return (f"+47 {rng.choice('49')}{rng.randrange(10, 100)} {rng.randrange(10, 100)} "
                f"{rng.randrange(100, 1000)}")

    def municipality(self) -> str:
        return _weighted(self.rng, MUNICIPALITY_WEIGHTS)

    def created(self, max_days: float = 365, after: datetime | None = None) -> datetime:
        start = after or self.now - timedelta(days=max_days)
        span = (self.now - start).total_seconds()
        return start + timedelta(seconds=self.rng.uniform(0, span))

    def user(self, role: str, *, lang: str = "nb", email: str | None = None,
             municipality: str | None = None, association: str | None = None,
             name: tuple[str, str] | None = None) -> dict:
        first, last = name or self.person(lang)
        municipality = municipality or self.municipality()
        if email is None:
            email = f"{slugify(first)}.{slugify(last)}.{len(self.data.users) + 1}@{DEMO_DOMAIN}"
        assert email not in self.emails, email  # a bug in the generator, never user input
        self.emails.add(email)
        association = (association or association_of(municipality)
                       or self.rng.choice(list(ASSOCIATIONS)))
        row = {
            "email": email,
            "name": f"{first} {last}",
            "role": role,
            "association": association,
            "municipality": municipality,
            "phone": self.phone(),
            "locale": lang,
            "active": True,
            "created_at": self.created(),
        }
        self.data.users.append(row)
        return row

    def place_name(self, municipality: str) -> str:
        if municipality in PLACES_OUTSIDE:
            return self.rng.choice(PLACES_OUTSIDE[municipality])
        return str(MUNICIPALITIES[municipality])

    # --- pitches -----------------------------------------------------------------------

    def pitch(self, owner: dict, *, theme: Theme | None = None, stage: str | None = None,
              status: str | None = None) -> dict:
        rng = self.rng
        lang = owner["locale"]
        if theme is None or stage is None:
            # The first pitches walk every theme and stage, so small runs cover them all.
            i = self.free_pitches
            self.free_pitches += 1
            if i < len(THEMES):
                theme = theme or THEMES[i]
                stage = stage or STAGE_KEYS[i % len(STAGE_KEYS)]
            theme = theme or rng.choices(THEMES, weights=[t.weight for t in THEMES])[0]
            stage = stage or _weighted(rng, STAGE_WEIGHTS)
        words: phrases.Words = getattr(theme, lang)

        brand = rng.choice(words.roots) + rng.choice(phrases.BRAND_ENDINGS[lang])
        product = rng.choice(words.products)
        customer = rng.choice(words.customers)
        benefit = rng.choice(words.benefits)
        title = f"{brand}: {product}" if rng.random() < 0.6 else _capitalise(product)
        link = " som hjelper {c} med å {b}." if lang == "nb" else " that helps {c} {b}."
        summary = _capitalise(product) + link.format(c=customer, b=benefit)

        sectors = [theme.sectors[0]]
        if rng.random() < 0.5:
            sectors.append(rng.choice(theme.sectors[1:]))
        if theme.green:
            count = rng.randint(1, len(theme.objectives))
            objectives = [theme.objectives[0], *rng.sample(theme.objectives[1:], count - 1)]
        else:
            objectives = [rng.choice(list(GREEN_OBJECTIVES))] if rng.random() < 0.15 else []
        if rng.random() < 0.05:
            objectives.append(rng.choice(list(GREEN_OBJECTIVES)))
        objectives = list(dict.fromkeys(objectives))

        low, high = STAGE_ASKS[stage]
        ask = nice_round(log_uniform(rng, low, high))
        funding = _weighted(rng, FUNDING_BY_STAGE[stage])
        needs = ["capital"] if rng.random() < 0.9 else []
        needs += rng.sample([k for k in SUPPORT_KINDS if k != "capital"], rng.randint(0, 3))
        team = rng.randint(*TEAM_SIZES[stage])
        founded = self.now.year - rng.randint(*COMPANY_AGE[stage])
        municipality = (owner["municipality"] if rng.random() < 0.9
                        else self.municipality())

        sentences = [
            ("{b} tilbyr {p} til {c}." if lang == "nb" else "{b} offers {p} to {c}.")
            .format(b=brand, p=product, c=customer),
            rng.choice(words.problems),
            *rng.sample(words.solutions, min(len(words.solutions), rng.randint(1, 2))),
            *(phrases.GREEN_SENTENCES[lang][o] for o in objectives[:2]),
            phrases.TRACTION[lang][stage].format(
                n=rng.randint(3, 40), money=money(nice_round(ask * rng.uniform(0.3, 2)), lang)),
            phrases.TEAM[lang].format(n=team, background=rng.choice(phrases.BACKGROUNDS[lang])),
            phrases.LOCATION[lang].format(place=self.place_name(municipality)),
            phrases.ASK[lang].format(money=money(ask, lang),
                                     funding=phrases.FUNDING_WORDS[lang][funding],
                                     use=rng.choice(phrases.ASK_USES[lang])),
        ]
        extra = [phrases.SUPPORT_WORDS[lang][k] for k in needs if k != "capital"]
        if extra:
            sentences.append(phrases.NEEDS[lang].format(needs=join_words(extra, lang)))
        # Keep descriptions in the 60–150 word range a real pitch has.
        spare = [s for s in words.solutions + words.problems if s not in sentences]
        while _words(" ".join(sentences)) < 60 and spare:
            sentences.insert(3, spare.pop())
        while _words(" ".join(sentences)) > 150 and len(sentences) > 6:
            sentences.pop(3)

        if status is None:
            status = "published" if rng.random() < 0.85 else "draft"
        created_at = self.created(after=owner["created_at"])
        hidden = status == "published" and rng.random() < 0.01
        row = {
            "owner": owner["email"],
            "title": title[:120],
            "summary": summary[:200],
            "description": " ".join(sentences),
            "sectors": sectors,
            "stage": stage,
            "ask_nok": ask,
            "funding_type": funding,
            "municipality": municipality,
            "green_objectives": objectives,
            "support_needs": needs,
            "team_size": team,
            "founded_year": founded,
            "website": f"https://{slugify(brand)}.{DEMO_DOMAIN}" if rng.random() < 0.6 else None,
            "status": status,
            "hidden": hidden,
            "hidden_reason": rng.choice(HIDDEN_REASONS) if hidden else None,
            "created_at": created_at,
            "updated_at": created_at,
            "published_at": (self.created(after=created_at)
                             if status == "published" else None),
        }
        self.data.pitches.append(row)
        return row

    # --- investors ---------------------------------------------------------------------

    def investor(self, user: dict, *, investor_type: str | None = None,
                 mandate: str | None = None, themes: list[Theme] | None = None,
                 stages: list[str] | None = None, scope: str | None = None,
                 organisation: str | None = None) -> dict:
        rng = self.rng
        lang = user["locale"]
        types, mandates = list(INVESTOR_TYPES), list(GREEN_MANDATES)
        if investor_type is None:
            # The first investors walk every type and mandate, so small runs cover them all.
            i = self.free_investors
            self.free_investors += 1
            investor_type = (types[i] if i < len(types) else
                             _weighted(rng, {k: v.weight for k, v in INVESTOR_KINDS.items()}))
            if i < len(types):
                mandate = mandate or mandates[i % len(mandates)]
        mandate = mandate or _weighted(rng, {"none": 35, "preferred": 40, "required": 25})
        kind = INVESTOR_KINDS[investor_type]

        generalist = themes is None and rng.random() < 0.12
        if themes is None:
            pool = [t for t in THEMES if t.green] if mandate == "required" else list(THEMES)
            weights = [t.weight * (2 if t.green and mandate == "preferred" else 1) for t in pool]
            themes = []
            for _ in range(rng.choice((1, 2, 2, 3))):
                pick = rng.choices(pool, weights=weights)[0]
                if pick not in themes:
                    themes.append(pick)
        sectors = list(dict.fromkeys(s for t in themes for s in t.sectors[:2]))
        if generalist:
            sectors = list(dict.fromkeys(sectors + rng.sample(
                list(phrases_sectors()), rng.randint(3, 6))))

        if stages is None:
            span = rng.randint(1, min(3, len(kind.stages)))
            start = rng.randint(0, len(kind.stages) - span)
            stages = list(kind.stages[start:start + span])
        ticket_min = max(50_000, nice_round(
            log_uniform(rng, STAGE_ASKS[stages[0]][0] * 0.3, STAGE_ASKS[stages[0]][0] * 1.2)))
        ticket_max = nice_round(min(kind.ticket_cap, log_uniform(
            rng, STAGE_ASKS[stages[-1]][1] * 0.3, STAGE_ASKS[stages[-1]][1])))
        ticket_min = min(ticket_min, nice_round(kind.ticket_cap / 4))
        ticket_max = min(kind.ticket_cap, max(ticket_max, ticket_min * 3))

        objectives: list[str] = []
        if mandate != "none":
            objectives = list(dict.fromkeys(o for t in themes for o in t.objectives))
            if not objectives:
                objectives = rng.sample(list(GREEN_OBJECTIVES), rng.randint(1, 3))

        scope = scope or _weighted(rng, {"local": 50, "regional": 35, "national": 15})
        home = user["association"]
        if scope == "local":
            regions = list(ASSOCIATIONS[home][1])
        elif scope == "regional":
            others = rng.sample([a for a in ASSOCIATIONS if a != home], rng.randint(1, 3))
            regions = [m for a in ASSOCIATIONS if a == home or a in others
                       for m in ASSOCIATIONS[a][1]]
            if rng.random() < 0.3:
                regions = [m for a in ASSOCIATIONS for m in ASSOCIATIONS[a][1]]
        else:
            regions = [m for a in ASSOCIATIONS for m in ASSOCIATIONS[a][1]] + ["elsewhere"]
            if rng.random() < 0.3:
                regions.append("abroad")

        offers = ["capital"] + rng.sample(kind.offers, rng.randint(1, len(kind.offers)))
        funding = [kind.funding[0]] + ([kind.funding[1]] if rng.random() < 0.5 else [])
        first, last = user["name"].split(" ", 1)
        place = rng.choice(phrases.ORG_PLACES)
        organisation = organisation or rng.choice(
            phrases.ORG_PATTERNS[lang][investor_type]).format(first=first, last=last, place=place)
        organisation = organisation[:120]

        thesis = self.thesis(lang, investor_type, organisation, themes, generalist, stages,
                             ticket_min, ticket_max, mandate, scope, home, offers)
        past = rng.randint(*kind.past) if rng.random() < 0.65 else 0
        row = {
            "user": user["email"],
            "organisation": organisation,
            "investor_type": investor_type,
            "thesis": thesis,
            "sectors": sectors,
            "stages": stages,
            "stages_only": rng.random() < 0.25,
            "ticket_min": ticket_min,
            "ticket_max": ticket_max,
            "regions": regions,
            "green_mandate": mandate,
            "green_objectives": objectives,
            "support_offers": list(dict.fromkeys(offers)),
            "funding_types": funding,
            "contact_email": f"{slugify(first)}.{slugify(last)}@"
                             f"{slugify(organisation).replace('.', '')[:40]}.{DEMO_DOMAIN}",
            "contact_phone": self.phone(),
            "past_investments": past,
            "active": True,
            "created_at": user["created_at"],
            "updated_at": user["created_at"],
        }
        self.data.investors.append(row)
        return row

    def thesis(self, lang: str, investor_type: str, organisation: str, themes: list[Theme],
               generalist: bool, stages: list[str], ticket_min: int, ticket_max: int,
               mandate: str, scope: str, home: str, offers: list[str]) -> str:
        rng = self.rng
        sentences = [phrases.INVESTOR_INTROS[lang][investor_type].format(org=organisation)]
        products = []
        for theme in themes:
            words: phrases.Words = getattr(theme, lang)
            sentences.append(rng.choice(words.thesis))
            products.append(rng.choice(words.products))
        if products:
            lead = "Typiske eksempler er" if lang == "nb" else "Examples include"
            sentences.append(f"{lead} {join_words(products, lang)}.")
        if generalist:
            sentences.append(phrases.INVESTOR_GENERALIST[lang])
        stage_words = [phrases.STAGE_WORDS[lang][s] for s in stages]
        sentences.append(phrases.INVESTOR_TICKETS[lang].format(
            stages=join_words(stage_words, lang), low=money(ticket_min, lang),
            high=money(ticket_max, lang)))
        sentences.append(phrases.INVESTOR_GREEN[lang][mandate])
        places = [str(MUNICIPALITIES[m]) for m in ASSOCIATIONS[home][1]]
        sentences.append(phrases.INVESTOR_REGIONS[lang][scope].format(
            place=join_words(places, lang)))
        extra = [phrases.SUPPORT_WORDS[lang][k] for k in dict.fromkeys(offers) if k != "capital"]
        if extra:
            sentences.append(phrases.INVESTOR_OFFERS[lang].format(offers=join_words(extra, lang)))
        # Short theses get a second sentence about a field they invest in.
        for theme in themes:
            if _words(" ".join(sentences)) >= 60:
                break
            for sentence in getattr(theme, lang).thesis + getattr(theme, lang).solutions:
                if sentence not in sentences:
                    sentences.insert(2, sentence)
                    break
        return " ".join(sentences)


def phrases_sectors() -> tuple[str, ...]:
    """Every sector a theme names (all of the vocabulary's sectors)."""
    return tuple(dict.fromkeys(s for t in THEMES for s in t.sectors))


def generate(pitches: int = 200, investors: int = 60, seed: int = 1,
             today: date | None = None) -> DemoData:
    """Demo users, pitches and investor profiles; the same arguments give the same data."""
    g = _Generator(seed, today or date.today())
    rng = g.rng

    admin = g.user("admin", email=f"admin@{DEMO_DOMAIN}", municipality="asker",
                   association="asker", name=("Ingrid", "Koble"))
    g.data.logins.append({"role": "admin", "email": admin["email"], "name": admin["name"],
                          "note": "associations, staff, engine weights"})
    for slug, (assoc_name, municipalities) in ASSOCIATIONS.items():
        staff = g.user("staff", email=f"staff.{slug}@{DEMO_DOMAIN}",
                       municipality=municipalities[0], association=slug)
        g.data.logins.append({"role": "staff", "email": staff["email"], "name": staff["name"],
                              "note": assoc_name})

    # Two founders and two investors made to fit each other: the ones to try first.
    featured_founders = []
    if pitches > 0:
        kari = g.user("founder", email=f"founder@{DEMO_DOMAIN}", municipality="asker",
                      name=("Kari", "Solberg"))
        plan = [("solar", "seed", "published"), ("battery", "pre_seed", "published"),
                ("hydrogen", "idea", "draft")]
        for key, stage, status in plan[:pitches]:
            g.pitch(kari, theme=THEME_BY_KEY[key], stage=stage, status=status)
        featured_founders.append((kari, "solar and battery pitches in Asker (one draft)"))
    if pitches > 3:
        emma = g.user("founder", lang="en", email=f"founder.en@{DEMO_DOMAIN}",
                      municipality="drammen", name=("Emma", "Wilson"))
        for key, stage in (("circular", "seed"), ("maritime", "series_a"))[:pitches - 3]:
            g.pitch(emma, theme=THEME_BY_KEY[key], stage=stage, status="published")
        featured_founders.append((emma, "English; circular and maritime pitches in Drammen"))
    g.data.logins += [{"role": "founder", "email": u["email"], "name": u["name"], "note": n}
                      for u, n in featured_founders]

    featured_investors = []
    if investors > 0:
        lars = g.user("investor", email=f"investor@{DEMO_DOMAIN}", municipality="baerum",
                      name=("Lars", "Haugen"))
        profile = g.investor(lars, investor_type="venture_fund", mandate="required",
                             themes=[THEME_BY_KEY[k] for k in ("solar", "battery", "building")],
                             stages=["pre_seed", "seed", "series_a"], scope="regional",
                             organisation="Grønn Fjord Kapital")
        profile.update(past_investments=18, stages_only=False)
        featured_investors.append((lars, "green-energy venture fund; fits founder@'s pitches"))
    if investors > 1:
        sophie = g.user("investor", lang="en", email=f"investor.en@{DEMO_DOMAIN}",
                        municipality="drammen", name=("Sophie", "Brown"))
        profile = g.investor(sophie, investor_type="family_office", mandate="preferred",
                             themes=[THEME_BY_KEY["circular"], THEME_BY_KEY["maritime"]],
                             stages=["seed", "series_a"], scope="national")
        profile["past_investments"] = 7
        featured_investors.append((sophie, "English; circular and maritime, fits founder.en@"))
    g.data.logins += [{"role": "investor", "email": u["email"], "name": u["name"], "note": n}
                      for u, n in featured_investors]

    # Everyone else: founders with one to three pitches each, spread over the region.
    association_cycle = list(ASSOCIATIONS)
    founders = 0
    while len(g.data.pitches) < pitches:
        lang = "nb" if rng.random() < 0.8 else "en"
        municipality = None
        if founders < len(association_cycle):  # every association has founders
            municipality = rng.choice(ASSOCIATIONS[association_cycle[founders]][1])
        founder = g.user("founder", lang=lang, municipality=municipality)
        founders += 1
        count = min(rng.choices((1, 2, 3), weights=(60, 28, 12))[0],
                    pitches - len(g.data.pitches))
        for n in range(count):
            # A founder's later pitches are more often still drafts.
            status = None if n == 0 else ("draft" if rng.random() < 0.35 else "published")
            g.pitch(founder, status=status)

    while len(g.data.investors) < investors:
        lang = "nb" if rng.random() < 0.8 else "en"
        g.investor(g.user("investor", lang=lang))
    return g.data


__all__ = ["DEMO_DOMAIN", "DEMO_PASSWORD", "DemoData", "generate"]
