"""A Babel extractor: the English texts of the OpenAPI description that /api/v1/docs shows.

The summaries and descriptions live in docstrings and schema metadata, which Babel's Python
extractor cannot see. babel.cfg maps this file to `extract`, so `make messages` builds the
API once and collects every text `docs.page_context` passes through the catalogue: a new
endpoint's English gets into the catalogue (and tests/app/test_catalogues.py asks for its
bokmål) without anyone listing it by hand. This module holds no gettext calls of its own,
as Babel reads it with this extractor only.
"""

from __future__ import annotations

from collections.abc import Iterator


def page_texts() -> list[str]:
    """Every English text of the spec the docs page shows, as its catalogue msgid."""
    from app import create_app
    from app.api import docs

    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    found: list[str] = []

    def collect(english: str | None) -> str:
        if english:
            found.append(docs.plain(english))
        return english or ""

    with app.test_request_context():  # the page's examples read the request's address
        docs.page_context(app.extensions["koble_api"].spec.to_dict(), collect)
    return list(dict.fromkeys(found))


def extract(fileobj, keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel's extractor interface: (line, function, message, comments) per text."""
    for message in page_texts():
        yield 0, None, message, []
