"""A founder about to delete their own account reads what that ends at the arenas not yet
held before typing the password: their invitation (a seat goes to the waiting list), the
meeting requests still waiting (the other side is told). The page said only that names and
texts are removed, while the admin's page for the same deletion counted these; a founder
going to an arena next week deleted without being told their place and requests end."""

from __future__ import annotations

import pytest

from app.extensions import db
from tests.app.security.principals import log_in
from tests.factories import make_user

ENDS = {
    "nb": ("Sletting avslutter også:",
           "Invitasjonen din til 1 arena som ennå ikke er holdt; en plass du hadde der, går "
           "til den neste på ventelisten.",
           "2 møteforespørsler som venter på svar, trekkes tilbake; den andre parten i hver "
           "av dem får beskjed."),
    "en": ("Deleting also ends:",
           "Your invitation to 1 arena not yet held; a seat you had there goes to the next on "
           "the waiting list.",
           "2 meeting requests waiting for an answer are withdrawn; the other side of each is "
           "told."),
}


def _text(client) -> str:
    response = client.get("/account/delete")
    assert response.status_code == 200
    return " ".join(response.get_data(as_text=True).split())


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_delete_page_counts_the_arena_and_requests_it_ends(app, waiting_requests, lang):
    founder = waiting_requests["founder"]
    founder.locale = lang
    db.session.commit()
    client = app.test_client()
    log_in(client, founder)
    page = _text(client)
    for sentence in ENDS[lang]:
        assert sentence in page
    assert 'href="/arenas"' in page


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_without_arenas_the_page_says_nothing_more(app, lang):
    client = app.test_client()
    log_in(client, make_user("founder", locale=lang))
    assert ENDS[lang][0] not in _text(client)
