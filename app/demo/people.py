"""Demo people: names, phones, home municipalities and the user rows."""

from __future__ import annotations

from app.demo import phrases
from app.demo.run import DEMO_DOMAIN, Run, weighted
from app.demo.wording import slugify
from app.vocabulary import ASSOCIATIONS, MUNICIPALITIES, association_of

# Bigger places get more founders; the small ones still appear.
MUNICIPALITY_WEIGHTS = {
    "asker": 10, "baerum": 12, "drammen": 10, "lier": 5, "ovre_eiker": 4, "kongsberg": 6,
    "ringerike": 5, "hole": 2, "modum": 3, "sigdal": 1.5, "krodsherad": 1, "flesberg": 1,
    "rollag": 1, "nore_og_uvdal": 1, "elsewhere": 2, "abroad": 0.5,
}
PLACES_OUTSIDE = {"elsewhere": ("Oslo", "Bergen", "Trondheim", "Hamar"),
                  "abroad": ("Stockholm", "København", "Berlin", "London")}


def person(run: Run, lang: str) -> tuple[str, str]:
    """A first and last name, mostly from the person's own language."""
    rng = run.rng
    # A few English speakers have Norwegian names and the other way round.
    names_lang = lang if rng.random() < 0.85 else ("en" if lang == "nb" else "nb")
    return (rng.choice(phrases.FIRST_NAMES[names_lang]),
            rng.choice(phrases.LAST_NAMES[names_lang]))


def phone(run: Run) -> str:
    """A Norwegian mobile number."""
    rng = run.rng
    return (f"+47 {rng.choice('49')}{rng.randrange(10, 100)} {rng.randrange(10, 100)} "
            f"{rng.randrange(100, 1000)}")


def home_municipality(run: Run) -> str:
    """A home municipality, the bigger places more often."""
    return weighted(run.rng, MUNICIPALITY_WEIGHTS)


def user(run: Run, role: str, *, lang: str = "nb", email: str | None = None,
         municipality: str | None = None, association: str | None = None,
         name: tuple[str, str] | None = None) -> dict:
    """A user row (added to the run's data); what is not given is drawn."""
    first, last = name or person(run, lang)
    municipality = municipality or home_municipality(run)
    if email is None:
        email = f"{slugify(first)}.{slugify(last)}.{len(run.data.users) + 1}@{DEMO_DOMAIN}"
    assert email not in run.emails, email  # a bug in the generator, never user input
    run.emails.add(email)
    # none given: "Decide from my municipality", as most register (one outside the region
    # picks an association by name)
    follows = association is None and association_of(municipality) is not None
    association = (association or association_of(municipality)
                   or run.rng.choice(list(ASSOCIATIONS)))
    row = {
        "email": email,
        "name": f"{first} {last}",
        "role": role,
        "association": association,
        "association_from_municipality": follows,
        "municipality": municipality,
        "phone": phone(run),
        "locale": lang,
        "active": True,
        "created_at": run.created(),
    }
    run.data.users.append(row)
    return row


def place_name(run: Run, municipality: str) -> str:
    """The place a founder names: the municipality, or a city outside the region."""
    if municipality in PLACES_OUTSIDE:
        return run.rng.choice(PLACES_OUTSIDE[municipality])
    return str(MUNICIPALITIES[municipality])
