"""Revoking an API token asks first: it cannot be undone, and a tool using the token stops
working. The tokens list's Revoke is a link to a page that names the token and says so; the
page's button revokes, as the list's button did before."""

from __future__ import annotations

import html

import pytest

from app.extensions import db
from app.models import ApiToken
from app.models.user import utcnow
from app.services import api_tokens
from tests.factories import make_user


def _login(client, auth, lang: str):
    user = make_user("investor")
    auth.login(user.email)
    client.post("/language", data={"lang": lang})
    return user


@pytest.mark.parametrize(("lang", "question", "warning"), [
    ("nb", "Trekke tilbake nøkkelen «CRM-synk»?", "Dette kan ikke angres"),
    ("en", "Revoke the token “CRM-synk”?", "This cannot be undone"),
])
def test_revoke_asks_first_and_changes_nothing_until_confirmed(client, auth, lang, question,
                                                               warning):
    user = _login(client, auth, lang)
    new = api_tokens.create(user, "CRM-synk", "read", 30)
    db.session.commit()
    url = f"/account/tokens/{new.token.id}/revoke"
    listing = client.get("/account/tokens").get_data(as_text=True)
    assert f'href="{url}"' in listing  # a link to the question, not a form that revokes
    assert f'action="{url}"' not in listing
    page = client.get(url)
    assert page.status_code == 200
    text = html.unescape(page.get_data(as_text=True))
    assert question in text and warning in text and f"kbl_{new.token.prefix}_" in text
    assert f'action="{url}"' in text
    assert db.session.get(ApiToken, new.token.id).revoked_at is None
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {new.plain}"}
                      ).status_code == 200

    assert client.post(url).status_code == 303
    assert db.session.get(ApiToken, new.token.id).revoked_at is not None


def test_the_question_is_for_the_owner_and_a_live_token_only(client, auth):
    owner = make_user("investor")
    token = api_tokens.create(owner, "CRM", "read", 30).token
    db.session.commit()
    _login(client, auth, "en")
    assert client.get(f"/account/tokens/{token.id}/revoke").status_code == 404
    auth.logout()
    auth.login(owner.email)
    token.revoked_at = utcnow()
    db.session.commit()
    response = client.get(f"/account/tokens/{token.id}/revoke")
    assert response.status_code == 302 and response.location.endswith("/account/tokens")
