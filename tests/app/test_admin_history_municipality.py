"""A person's own municipality change (audited as municipality_changed since 6ef02c6) shows
in the admin's history of that person, beside the association change it often comes with:
it was recorded but left out of the list, so an admin saw "Association changed" with no
word of the move behind it."""

from __future__ import annotations

import pytest

from app.services import account_details, admin_users
from tests.app.security.principals import log_in
from tests.factories import make_user


@pytest.mark.parametrize(("lang", "label", "place"), [
    ("en", "Changed municipality", "Asker → Drammen"),
    ("nb", "Endret kommune", "Asker → Drammen"),
])
def test_the_admin_sees_a_persons_own_municipality_change(app, lang, label, place):
    person = make_user("founder", name="Frida Flytter", municipality="asker",
                       association="asker")
    assert account_details.change_place(person, "drammen", "asker")
    assert [e.action for e, _actor, _detail in admin_users.history(person)] == [
        "municipality_changed"]
    admin = make_user("admin", "sjef@koble.no", name="Ada Admin", association=None,
                      locale=lang)
    client = app.test_client()
    log_in(client, admin)
    page = client.get(f"/admin/users/{person.id}").get_data(as_text=True)
    assert f"{label} ({place}) · Frida Flytter" in page
