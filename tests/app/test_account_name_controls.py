"""The account's name is cleaned of control characters by the service as by the form
(app/typed_text.py), not refused by a rule of its own.

account_details kept its own pattern and refused a name holding a control character with
"Enter your name (at most 120 characters).", which did not say why; the form, in front of
it, had already dropped them. Now both drop them; a name of nothing else is refused as an
empty one, nothing saved."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import User
from app.services import account_details
from app.services.errors import DomainError
from tests.app.security.checksum import checksum
from tests.app.test_i18n import _client_in
from tests.factories import make_user


def _name(user_id: int) -> str:
    db.session.expire_all()
    return db.session.scalar(select(User.name).where(User.id == user_id))


@pytest.mark.parametrize("typed", ["Ada\x01 Love\x1blace", "Ada\tLovelace\x7f",
                                   "\x0bAda Lovelace\x0c"])
def test_the_service_saves_a_name_without_its_control_characters(app, typed):
    user = make_user("founder", name="Kari", locale="nb")
    account_details.update_details(user, typed, None, "nb")
    assert _name(user.id) == "Ada Lovelace"


def test_a_name_of_control_characters_only_is_refused_unchanged(app):
    user = make_user("founder", name="Kari", locale="nb")
    before = checksum()
    with pytest.raises(DomainError) as refused:
        account_details.update_details(user, "\x01\x02\x1b", None, "nb")
    assert refused.value.field == "name"
    assert checksum() == before


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_form_and_the_service_agree(app, lang):
    """A guard: the form dropped them before too."""
    user = make_user("founder", name="Kari", locale=lang)
    client = _client_in(app, lang, user)
    response = client.post("/account/", data={"name": "Ada\x01 Lovelace", "phone": "",
                                              "locale": lang})
    assert response.status_code == 303
    assert _name(user.id) == "Ada Lovelace"
