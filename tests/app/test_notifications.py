"""Notifications: listed for their owner only, counted in the nav, marked read by POST."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Notification
from app.services import notifications
from tests.factories import make_user


@pytest.fixture
def user_with_notes():
    user = make_user("founder")
    for n in range(3):
        notifications.notify(user, "mutual_match", "/matches/mutual", other=f"Fond {n}",
                             pitch="Solcelletak")
    db.session.commit()
    return user


def test_unread_count_in_nav_and_list(client, auth, user_with_notes):
    auth.login(user_with_notes.email)
    html = client.get("/notifications").get_data(as_text=True)
    assert 'href="/notifications"' in html
    assert '<span class="badge text-bg-light">3</span>' in html
    assert html.count("Fond ") == 6  # each sentence, and in its Open button's name


def test_viewing_does_not_mark_read_but_post_does(client, auth, user_with_notes):
    auth.login(user_with_notes.email)
    client.get("/notifications")
    assert notifications.unread_count(user_with_notes) == 3
    assert client.post("/notifications/read").status_code == 303
    assert notifications.unread_count(user_with_notes) == 0


def test_opening_one_marks_it_read_and_follows_the_link(client, auth, user_with_notes):
    auth.login(user_with_notes.email)
    note = db.session.scalars(db.select(Notification)).first()
    response = client.post(f"/notifications/{note.id}/open")
    assert response.status_code == 303 and response.headers["Location"].endswith("/matches/mutual")
    assert notifications.unread_count(user_with_notes) == 2


def test_others_notifications_are_not_found(client, auth, user_with_notes):
    stranger = make_user("investor")
    auth.login(stranger.email)
    note = db.session.scalars(db.select(Notification)).first()
    assert client.post(f"/notifications/{note.id}/open").status_code == 404
    assert "Fond" not in client.get("/notifications").get_data(as_text=True)
    assert notifications.unread_count(user_with_notes) == 3


def test_notifications_need_login(client):
    assert client.get("/notifications").status_code == 302


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_menu_offers_notifications_only_when_they_have_some(client, auth, role):
    """Staff and admins get no notices; a menu item leading to an always empty page is
    noise. One kept from an earlier role keeps the item, so it can still be read."""
    person = make_user(role)
    auth.login(person.email)
    assert 'href="/notifications"' not in client.get("/arenas/mine").get_data(as_text=True)
    notifications.notify(person, "mutual_match", "/matches/mutual", other="Fond", pitch="Tak")
    db.session.commit()
    assert 'href="/notifications"' in client.get("/arenas/mine").get_data(as_text=True)


@pytest.mark.parametrize("role", ["founder", "investor"])
def test_founders_and_investors_always_have_notifications_in_the_menu(client, auth, role):
    person = make_user(role)
    auth.login(person.email)
    assert 'href="/notifications"' in client.get("/arenas/mine").get_data(as_text=True)
