"""The page a confirmation link opens does not also show the "Confirm your e-mail address: we
sent a link … Send it again" notice. On the walk a new founder, logged in, opened the mailed
link and read that notice above the page's own "Confirm my e-mail address" button, as if the
link had not worked; "Send it again" there mails yet another link. Every other page keeps the
notice until the address is confirmed."""

from __future__ import annotations

import pytest

from tests.app.test_email_confirmation_at_signup import (
    BANNER,
    _kari,
    _link,
    _path,
    _register,
    app_overrides,  # noqa: F401 - CSRF on, as there
)
from tests.factories import outbox_of

CONFIRM = {"en": "Confirm my e-mail address", "nb": "Bekreft e-postadressen min"}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_confirmation_page_shows_its_button_without_the_notice(app, client, lang):
    assert _register(client, lang).status_code == 302
    (mail,) = outbox_of(app)

    page = client.get(_path(_link(mail))).get_data(as_text=True)

    assert CONFIRM[lang] in page
    assert BANNER[lang] not in page and 'action="/account/address/send"' not in page
    assert _kari().email_confirmed_at is None


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_other_pages_keep_the_notice(app, client, lang):
    assert _register(client, lang).status_code == 302

    for path in ("/account/", "/pitches/new", "/matches/pitches"):
        page = client.get(path).get_data(as_text=True)
        assert BANNER[lang] in page and 'action="/account/address/send"' in page, path
