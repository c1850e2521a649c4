"""Two tabs of the account page do not silently undo each other. Before, tab A saved a new
name and tab B, still showing the old one, saved a new phone with the old name, and the
name A saved was gone without a word (the same for the municipality and association). Now
each form sends back the version of what it showed: a save over values changed since is
refused (409), nothing saved, what was typed kept in the form with a link to the saved
version, and saving again replaces them on purpose. The same save sent twice is saved."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import User
from tests.app.form_tokens import token_in
from tests.app.security.principals import log_in
from tests.factories import make_user


@pytest.fixture
def app_overrides():
    return {"WTF_CSRF_ENABLED": True}


@pytest.fixture
def kari(client, app):
    user = make_user("founder", name="Kari Gammel", phone="+47 400 00 001", locale="en",
                     municipality="asker")
    log_in(client, user)
    return user


def _user(user_id: int) -> User:
    db.session.expire_all()
    return db.session.get(User, user_id)


def _shown(page: str, form_action: str = "") -> dict:
    """The fields of the account page's details form (or the form posting to
    `form_action`) as the page shows them, with its token: a tab's form."""
    if form_action:
        body = re.search(rf'<form method="post" action="{form_action}"[^>]*>(.*?)</form>',
                         page, re.S).group(1)
    else:
        body = re.search(r'<form method="post" novalidate>(.*?)</form>', page, re.S).group(1)
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', body))
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', body,
                                    re.S):
        chosen = re.search(r'<option (?:selected value="([^"]*)"|value="([^"]*)" selected)',
                           options)
        fields[name] = (chosen.group(1) or chosen.group(2)) if chosen else ""
    fields["csrf_token"] = token_in(page)
    return fields


def test_a_tab_showing_old_details_does_not_undo_another_tabs_save(client, kari):
    tab_a = _shown(client.get("/account/").get_data(as_text=True))
    tab_b = _shown(client.get("/account/").get_data(as_text=True))
    assert "version" in tab_a

    assert client.post("/account/", data={**tab_a, "name": "Kari Ny"}).status_code == 303
    answer = client.post("/account/", data={**tab_b, "phone": "+47 977 77 777"})

    assert answer.status_code == 409
    page = answer.get_data(as_text=True)
    assert ("Your account details were changed after you opened this page (perhaps in "
            "another tab). Nothing was saved.") in page
    assert 'value="+47 977 77 777"' in page  # what B typed is kept
    assert 'href="/account/" target="_blank"' in page  # the saved version, to compare
    saved = _user(kari.id)
    assert (saved.name, saved.phone) == ("Kari Ny", "+47 400 00 001")

    # saving the kept form again replaces the newer details, on purpose this time
    again = _shown(page)
    assert client.post("/account/", data=again).status_code == 303
    saved = _user(kari.id)
    assert (saved.name, saved.phone) == ("Kari Gammel", "+47 977 77 777")


def test_the_same_details_sent_twice_are_saved_not_a_conflict(client, kari):
    sent = {**_shown(client.get("/account/").get_data(as_text=True)), "name": "Kari Ny"}
    first = client.post("/account/", data=sent)
    second = client.post("/account/", data=sent)
    assert first.status_code == 303 and second.status_code == 303
    assert "Your details are saved." in client.get("/account/").get_data(as_text=True)
    assert _user(kari.id).name == "Kari Ny"


def test_a_tab_showing_an_old_municipality_does_not_undo_another_tabs_save(client, kari):
    action = "/account/municipality"
    tab_a = _shown(client.get("/account/").get_data(as_text=True), action)
    tab_b = _shown(client.get("/account/").get_data(as_text=True), action)

    assert client.post(action, data={**tab_a, "municipality": "drammen"}).status_code == 303
    answer = client.post(action, data={**tab_b, "association": "baerum"})

    assert answer.status_code == 409
    assert "Your account details were changed after you opened" in answer.get_data(as_text=True)
    saved = _user(kari.id)
    assert saved.municipality == "drammen" and saved.association.slug != "baerum"


def test_saving_one_form_is_no_conflict_for_the_other(client, kari):
    """Guard: the details and the municipality are separate forms; a tab that saves one
    does not make the other tab's save of the other a conflict."""
    page = client.get("/account/").get_data(as_text=True)
    details, place = _shown(page), _shown(page, "/account/municipality")
    assert client.post("/account/municipality",
                       data={**place, "municipality": "drammen"}).status_code == 303
    assert client.post("/account/", data={**details, "name": "Kari Ny"}).status_code == 303
    saved = _user(kari.id)
    assert (saved.name, saved.municipality) == ("Kari Ny", "drammen")


def test_the_conflict_is_said_in_norwegian_too(client, kari):
    kari.locale = "nb"
    db.session.commit()
    tab_a = _shown(client.get("/account/").get_data(as_text=True))
    tab_b = _shown(client.get("/account/").get_data(as_text=True))
    client.post("/account/", data={**tab_a, "name": "Kari Ny"})
    page = client.post("/account/", data={**tab_b, "phone": "+47 977 77 777"}).get_data(
        as_text=True)
    assert ("Kontoopplysningene dine ble endret etter at du åpnet denne siden (kanskje i en "
            "annen fane). Ingenting ble lagret.") in page
    assert "Åpne den lagrede versjonen i en ny fane" in page


def test_a_save_racing_another_to_the_commit_is_a_conflict_not_an_overwrite(app):
    """The other tab's save lands after this request read the account and before it
    writes: the write is conditional on what was read, so it changes nothing."""
    from sqlalchemy import update
    from sqlalchemy.orm.attributes import set_committed_value

    from app.services import account_details
    from app.services.errors import Conflict

    user = make_user("founder", name="Kari Gammel", phone="+47 400 00 001", locale="en")
    version = account_details.details_version(user)
    db.session.execute(update(User).where(User.id == user.id).values(name="Kari Ny"))
    db.session.commit()  # the other tab
    for key, value in (("name", "Kari Gammel"), ("phone", "+47 400 00 001"), ("locale", "en")):
        set_committed_value(user, key, value)  # as this request read it, before that

    with pytest.raises(Conflict):
        account_details.update_details(user, "Kari Gammel", "+47 977 77 777", "en", version)
    assert (_user(user.id).name, _user(user.id).phone) == ("Kari Ny", "+47 400 00 001")
