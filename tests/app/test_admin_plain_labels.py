"""Two labels of the admin pages in words an association's administrator knows: the engine
page said "Loaded by this process" / "Lastet av denne prosessen" (a web server's inner
workings) of the index version this server uses, and the audit log's filter asked for the
"Subject's id" / "Id for det den gjelder", a database word, without saying where to find it."""

from __future__ import annotations

import html

import pytest

from app.services import engine_index
from tests.app.security.principals import log_in
from tests.factories import make_investor, make_pitch, make_user

WORDS = {
    "nb": {"engine": "Versjonen denne serveren bruker", "key": "Nummer eller kortnavn",
           "hint": "Nummeret står sist i adressen til siden (f.eks. /admin/users/42); en "
                   "forening skriver du med kortnavnet (f.eks. asker).",
           "old": ("Lastet av denne prosessen", "Id for det den gjelder")},
    "en": {"engine": "Version this server uses", "key": "Number or short name",
           "hint": "The number is at the end of its page's address (e.g. /admin/users/42); an "
                   "association goes by its short name (e.g. asker).",
           "old": ("Loaded by this process", "Subject's id")},
}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_admin_pages_say_it_plainly(app, lang):
    make_pitch(make_user("founder"))
    make_investor(make_user("investor"))
    engine_index.rebuild()
    client = app.test_client()
    log_in(client, make_user("admin", association=None, locale=lang))
    words = WORDS[lang]

    engine = html.unescape(client.get("/admin/engine").get_data(as_text=True))
    audit = html.unescape(client.get("/admin/audit").get_data(as_text=True))

    assert f'{words["engine"]}</dt>' in engine
    assert f'for="subject_key">{words["key"]}' in audit and words["hint"] in audit
    for old in words["old"]:
        assert old not in engine and old not in audit
