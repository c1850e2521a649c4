"""Demo pitches: stage, ask, funding and a description written from the theme's phrases."""

from __future__ import annotations

from app.demo import phrases
from app.demo.people import home_municipality, place_name
from app.demo.phrases import THEMES, Theme
from app.demo.run import DEMO_DOMAIN, Run, log_uniform, nice_round, weighted
from app.demo.wording import capitalise, join_words, money, slugify, word_count
from app.vocabulary import GREEN_OBJECTIVES, STAGES, SUPPORT_KINDS

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

HIDDEN_REASONS = (
    "Pitchen mangler en beskrivelse av hva pengene skal brukes til.",
    "Pitchen inneholder kontaktinformasjon i beskrivelsen; fjern den og publiser på nytt.",
)


def pitch(run: Run, owner: dict, *, theme: Theme | None = None, stage: str | None = None,
          status: str | None = None) -> dict:
    """A pitch row of the owner (added to the run's data); what is not given is drawn."""
    rng = run.rng
    lang = owner["locale"]
    if theme is None or stage is None:
        # The first pitches walk every theme and stage, so small runs cover them all.
        i = run.free_pitches
        run.free_pitches += 1
        if i < len(THEMES):
            theme = theme or THEMES[i]
            stage = stage or STAGE_KEYS[i % len(STAGE_KEYS)]
        theme = theme or rng.choices(THEMES, weights=[t.weight for t in THEMES])[0]
        stage = stage or weighted(rng, STAGE_WEIGHTS)
    words: phrases.Words = getattr(theme, lang)

    brand = rng.choice(words.roots) + rng.choice(phrases.BRAND_ENDINGS[lang])
    product = rng.choice(words.products)
    customer = rng.choice(words.customers)
    benefit = rng.choice(words.benefits)
    title = f"{brand}: {product}" if rng.random() < 0.6 else capitalise(product)
    # ", helping" agrees with plural products ("electric workboats") as well as singular ones
    link = " som hjelper {c} med å {b}." if lang == "nb" else ", helping {c} {b}."
    summary = capitalise(product) + link.format(c=customer, b=benefit)

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
    funding = weighted(rng, FUNDING_BY_STAGE[stage])
    needs = ["capital"] if rng.random() < 0.9 else []
    needs += rng.sample([k for k in SUPPORT_KINDS if k != "capital"], rng.randint(0, 3))
    team = rng.randint(*TEAM_SIZES[stage])
    founded = run.now.year - rng.randint(*COMPANY_AGE[stage])
    municipality = (owner["municipality"] if rng.random() < 0.9
                    else home_municipality(run))

    sentences = [
        ("{b} tilbyr {p} til {c}." if lang == "nb" else "{b} offers {p} to {c}.")
        .format(b=brand, p=product, c=customer),
        rng.choice(words.problems),
        *rng.sample(words.solutions, min(len(words.solutions), rng.randint(1, 2))),
        *(phrases.GREEN_SENTENCES[lang][o] for o in objectives[:2]),
        phrases.TRACTION[lang][stage].format(
            n=rng.randint(3, 40), money=money(nice_round(ask * rng.uniform(0.3, 2)), lang)),
        phrases.TEAM[lang].format(n=team, background=rng.choice(phrases.BACKGROUNDS[lang])),
        phrases.LOCATION[lang].format(place=place_name(run, municipality)),
        phrases.ASK[lang].format(money=money(ask, lang),
                                 funding=phrases.FUNDING_WORDS[lang][funding],
                                 use=rng.choice(phrases.ASK_USES[lang])),
    ]
    extra = [phrases.SUPPORT_WORDS[lang][k] for k in needs if k != "capital"]
    if extra:
        sentences.append(phrases.NEEDS[lang].format(needs=join_words(extra, lang)))
    # Keep descriptions in the 60–150 word range a real pitch has.
    spare = [s for s in words.solutions + words.problems if s not in sentences]
    while word_count(" ".join(sentences)) < 60 and spare:
        sentences.insert(3, spare.pop())
    while word_count(" ".join(sentences)) > 150 and len(sentences) > 6:
        sentences.pop(3)

    if status is None:
        status = "published" if rng.random() < 0.85 else "draft"
    created_at = run.created(after=owner["created_at"])
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
        "published_at": (run.created(after=created_at)
                         if status == "published" else None),
    }
    run.data.pitches.append(row)
    return row
