"""Demo investor profiles: what each investor type backs, and a thesis written from the
phrases of the themes it backs."""

from __future__ import annotations

from dataclasses import dataclass

from app.demo import phrases
from app.demo.people import phone
from app.demo.phrases import THEMES, Theme
from app.demo.pitches import STAGE_ASKS
from app.demo.run import DEMO_DOMAIN, Run, log_uniform, nice_round, weighted
from app.demo.wording import join_words, money, slugify, word_count
from app.vocabulary import (
    ASSOCIATIONS,
    GREEN_MANDATES,
    GREEN_OBJECTIVES,
    MUNICIPALITIES,
)


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


def theme_sectors() -> tuple[str, ...]:
    """Every sector a theme names (all of the vocabulary's sectors)."""
    return tuple(dict.fromkeys(s for t in THEMES for s in t.sectors))


def investor(run: Run, user: dict, *, investor_type: str | None = None,
             mandate: str | None = None, themes: list[Theme] | None = None,
             stages: list[str] | None = None, scope: str | None = None,
             organisation: str | None = None) -> dict:
    """The user's investor profile row (added to the run's data); what is not given is
    drawn."""
    rng = run.rng
    lang = user["locale"]
    # The kinds the demo can write (support partners are not among them yet).
    types, mandates = list(INVESTOR_KINDS), list(GREEN_MANDATES)
    if investor_type is None:
        # The first investors walk every type and mandate, so small runs cover them all.
        i = run.free_investors
        run.free_investors += 1
        investor_type = (types[i] if i < len(types) else
                         weighted(rng, {k: v.weight for k, v in INVESTOR_KINDS.items()}))
        if i < len(types):
            mandate = mandate or mandates[i % len(mandates)]
    mandate = mandate or weighted(rng, {"none": 35, "preferred": 40, "required": 25})
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
            list(theme_sectors()), rng.randint(3, 6))))

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

    scope = scope or weighted(rng, {"local": 50, "regional": 35, "national": 15})
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

    text = thesis(run, lang, investor_type, organisation, themes, generalist, stages,
                  ticket_min, ticket_max, mandate, scope, home, offers)
    past = rng.randint(*kind.past) if rng.random() < 0.65 else 0
    row = {
        "user": user["email"],
        "organisation": organisation,
        "investor_type": investor_type,
        "thesis": text,
        "sectors": sectors,
        "stages": stages,
        "stages_only": rng.random() < 0.25,
        "ticket_min": ticket_min,
        "ticket_max": ticket_max,
        # lenders keep to their sizes (decided without a draw: the demo's other draws stay)
        "ticket_only": investor_type == "bank" and ticket_max is not None,
        "regions": regions,
        "green_mandate": mandate,
        "green_objectives": objectives,
        "support_offers": list(dict.fromkeys(offers)),
        "funding_types": funding,
        "contact_email": f"{slugify(first)}.{slugify(last)}@"
                         f"{slugify(organisation).replace('.', '')[:40]}.{DEMO_DOMAIN}",
        "contact_phone": phone(run),
        "past_investments": past,
        "active": True,
        "created_at": user["created_at"],
        "updated_at": user["created_at"],
    }
    run.data.investors.append(row)
    return row


def thesis(run: Run, lang: str, investor_type: str, organisation: str, themes: list[Theme],
           generalist: bool, stages: list[str], ticket_min: int, ticket_max: int,
           mandate: str, scope: str, home: str, offers: list[str]) -> str:
    """The investor's thesis: who they are, the fields, tickets, green mandate, region and
    the help they offer, 60 words or more."""
    rng = run.rng
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
        if word_count(" ".join(sentences)) >= 60:
            break
        for sentence in getattr(theme, lang).thesis + getattr(theme, lang).solutions:
            if sentence not in sentences:
                sentences.insert(2, sentence)
                break
    return " ".join(sentences)
