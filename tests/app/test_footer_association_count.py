"""The footer and the home page say how many associations run Koble, counted in the
database: they said "six business associations" / "seks næringsforeninger" as fixed text,
and still did after an admin added a seventh ("Add an association"). The count is kept with
the site-wide page version, so a page reads the associations once per change, not per page."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import delete, event

from app.extensions import db
from app.models import Association
from app.services import reference
from tests.app.security.principals import log_in
from tests.factories import make_user

FOOTER = {
    "nb": ("Koble drives av 6 næringsforeninger vest for Oslo.",
           "Koble drives av 7 næringsforeninger vest for Oslo."),
    "en": ("Koble is run by 6 business associations west of Oslo.",
           "Koble is run by 7 business associations west of Oslo."),
}
LEAD = {
    "nb": "Tjenesten drives av 7 næringsforeninger for medlemsbedriftene deres: Asker "
          "Næringsforening, Bærum Næringsråd, Hallingdal Næringsforening,",
    "en": "It is run by 7 business associations for their member companies: Asker "
          "Næringsforening, Bærum Næringsråd, Hallingdal Næringsforening,",
}


def _page(client, path: str = "/") -> str:
    response = client.get(path)
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


def _visitor(app, lang: str):
    client = app.test_client()
    client.post("/language", data={"lang": lang})
    return client


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_seventh_association_is_counted_on_every_page(app, lang):
    admin = app.test_client()
    log_in(admin, make_user("admin", association=None, locale=lang))
    founder = app.test_client()
    log_in(founder, make_user("founder", locale=lang))
    visitor = _visitor(app, lang)
    six, seven = FOOTER[lang]
    assert six in _page(visitor) and six in _page(founder, "/pitches/mine")
    assert six in _page(admin, "/admin/associations")

    response = admin.post("/admin/associations/new", data={
        "name": "Hallingdal Næringsforening", "contact_email": "", "website": ""})
    assert response.status_code == 303

    for client, path in ((admin, "/admin/associations"), (founder, "/pitches/mine"),
                         (visitor, "/auth/login"), (visitor, "/")):
        page = _page(client, path)
        assert seven in page and six not in page, path
    assert LEAD[lang] in _page(visitor)
    assert LEAD[lang] in _page(founder)


@pytest.mark.parametrize(("lang", "footer", "lead"), [
    ("nb", "Koble drives av 1 næringsforening vest for Oslo.",
     "Tjenesten drives av 1 næringsforening for medlemsbedriftene: Modum Næringsråd."),
    ("en", "Koble is run by 1 business association west of Oslo.",
     "It is run by 1 business association for its member companies: Modum Næringsråd."),
])
def test_one_association_is_singular(app, lang, footer, lead):
    db.session.execute(delete(Association).where(Association.slug != "modum"))
    db.session.commit()
    reference.forget_running_associations()  # as if kept no longer
    page = _page(_visitor(app, lang))
    assert footer in page and lead in page


def test_a_logged_in_page_sees_an_association_added_elsewhere_at_once(app):
    """Added by another process (the command line, another worker): this process's kept
    count is not forgotten, but the site-wide page version it was kept under has moved."""
    founder = app.test_client()
    log_in(founder, make_user("founder", locale="en"))
    assert FOOTER["en"][0] in _page(founder, "/pitches/mine")
    db.session.add(Association(slug="hallingdal", name="Hallingdal Næringsforening"))
    db.session.commit()
    assert FOOTER["en"][1] in _page(founder, "/pitches/mine")


def test_the_count_costs_no_statement_once_kept(app):
    founder = app.test_client()
    log_in(founder, make_user("founder"))
    visitor = app.test_client()
    statements = []

    def seen(_conn, _cursor, statement, *_args):
        statements.append(statement)

    _page(founder, "/pitches/mine"), _page(visitor)  # the first read keeps them
    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        for client, path in ((founder, "/pitches/mine"), (founder, "/"), (visitor, "/"),
                             (visitor, "/auth/login")):
            statements.clear()
            _page(client, path)
            assert not [s for s in statements if "FROM association" in s], path
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
