"""The page a password-reset link opens says whose password is chosen there. It said only
"Choose a new password": someone with two accounts, or a browser logged in as somebody else
(seen on the demo: investor@ logged in, founder.en@'s link opened), could not tell which
account the new password was for."""

from __future__ import annotations

import pytest

from app.services.tokens import make_reset_token
from tests.app.security.principals import log_in
from tests.factories import make_user

WORDS = {"nb": "For kontoen {}.", "en": "For the account {}."}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_reset_page_names_the_account(app, lang):
    user = make_user("founder", locale=lang)
    page = app.test_client().get(f"/auth/reset/{make_reset_token(user)}")
    assert page.status_code == 200
    assert WORDS[lang].format(user.email) in page.get_data(as_text=True)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_logged_in_as_another_the_page_names_the_links_account(app, lang):
    owner, other = make_user("founder", locale=lang), make_user("investor", locale=lang)
    client = app.test_client()
    log_in(client, other)
    page = client.get(f"/auth/reset/{make_reset_token(owner)}").get_data(as_text=True)
    assert WORDS[lang].format(owner.email) in page and other.email not in page
