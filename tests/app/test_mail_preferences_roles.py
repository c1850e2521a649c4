"""The account page offers each role only the e-mail groups whose notices it can receive:
a founder all three, an investor interest and arenas (they own no pitch to moderate), staff
and admins none (they are never invited, mark no interest and own no pitch), which the page
says instead of offering boxes that change nothing. Before, every role saw all three.
Saving refuses a group not offered to the role and keeps what is stored for the others."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import User
from tests.factories import make_user

NONE_EN = "Koble sends you no notification e-mails, so there is nothing to choose here."
NONE_NB = "Koble sender deg ingen varsler på e-post, så her er det ingenting å velge."


def _page(client, lang="en") -> str:
    client.post("/language", data={"lang": lang})
    return client.get("/account/").get_data(as_text=True)


def _boxes(page: str) -> list[str]:
    """The e-mail groups the page offers, in its order."""
    return re.findall(r'name="groups" id="[^"]*" value="([a-z]+)"', page)


@pytest.mark.parametrize("role, groups", [
    ("founder", ["interest", "arenas", "moderation"]),
    ("investor", ["interest", "arenas"]),
    ("staff", []),
    ("admin", []),
])
def test_each_role_is_offered_only_the_groups_it_can_receive(client, auth, role, groups):
    user = make_user(role)
    auth.login(user.email)
    page = _page(client)
    assert _boxes(page) == groups
    assert 'id="email-notifications"' in page  # the section stays, the e-mail footer links it
    if groups:
        assert 'action="/account/email-notifications"' in page and NONE_EN not in page
    else:
        assert 'action="/account/email-notifications"' not in page and NONE_EN in page
        assert NONE_NB in _page(client, "nb")


@pytest.mark.parametrize("role, forged", [("investor", ["moderation"]),
                                          ("investor", ["interest", "moderation"]),
                                          ("staff", ["arenas"]), ("admin", ["interest"])])
def test_a_group_not_offered_is_refused_and_changes_nothing(client, auth, role, forged):
    user = make_user(role, locale="en", notice_mail_off=["interest"])
    auth.login(user.email)
    client.post("/language", data={"lang": "en"})
    response = client.post("/account/email-notifications", data={"groups": forged})
    assert response.status_code == 422
    assert "Choose only from the listed options." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, user.id).notice_mail_off == ["interest"]


@pytest.mark.parametrize("stored, ticked, after", [
    ([], ["interest"], ["arenas"]),  # moderation, not shown, stays on
    (["moderation"], ["interest", "arenas"], ["moderation"]),  # and stays off
    (["interest", "moderation"], ["interest"], ["arenas", "moderation"]),
])
def test_saving_keeps_the_stored_value_of_groups_not_shown(client, auth, stored, ticked,
                                                           after):
    user = make_user("investor", notice_mail_off=stored)
    auth.login(user.email)
    response = client.post("/account/email-notifications", data={"groups": ticked})
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(User, user.id).notice_mail_off == after
    assert _boxes(_page(client)) == ["interest", "arenas"]
