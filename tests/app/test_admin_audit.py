"""The admin's audit log (/admin/audit): newest first, paged, filtered by who, action, dates
and subject; each row says who did what to what and when, in the reader's language, with
links to what still exists; nobody but an admin opens it, and what users typed is escaped."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from app.extensions import db
from app.models import AuditEvent
from app.services import audit_log
from app.services.erasure import anonymise
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_pitch, make_user


@pytest.fixture
def admin(app):
    """An admin and a client logged in as them."""
    user = make_user("admin", "sjef@koble.no", name="Ada Admin", association=None)
    client = app.test_client()
    log_in(client, user)
    return user, client


def _event(action: str, actor=None, target: str | None = None, detail: str | None = None,
           at: datetime | None = None, ip: str | None = None) -> AuditEvent:
    event = AuditEvent(action=action, actor_id=getattr(actor, "id", None), target=target,
                       detail=detail, ip=ip, at=at or datetime.now(UTC))
    db.session.add(event)
    db.session.commit()
    return event


def _ids(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'data-event-id="(\d+)"', html)]


def test_lists_events_newest_first_saying_who_did_what_to_what(admin):
    ada, client = admin
    kari = make_user("founder", name="Kari Nordmann")
    pitch = make_pitch(kari, title="Havvind på fjorden")
    arena = make_arena(title="Grønn kapital-arena")
    old = _event("login", kari, f"user:{kari.id}", at=datetime(2026, 3, 1, 13, 5, tzinfo=UTC),
                 ip="192.0.2.7")
    hidden = _event("pitch_hidden", ada, f"pitch:{pitch.id}", detail="Reklame",
                    at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    sent = _event("invitations_sent", ada, f"arena:{arena.id}",
                  at=datetime(2026, 3, 3, 16, 45, tzinfo=UTC))

    nb = client.get("/admin/audit?lang=nb")
    html = nb.get_data(as_text=True)
    assert nb.status_code == 200
    assert _ids(html) == [sent.id, hidden.id, old.id]
    assert "Skjulte en pitch" in html and "Logget inn" in html and "Sendte invitasjoner" in html
    # the 24-hour clock on the associations' time (UTC+1 in March), month in words
    assert "1. mars 2026, 14:05" in html
    assert f'href="/pitches/{pitch.id}">Pitch: Havvind på fjorden</a>' in html
    assert f'href="/staff/arenas/{arena.id}">Arena: Grønn kapital-arena</a>' in html
    assert f'href="/admin/users/{kari.id}">Kari Nordmann</a>' in html
    assert "192.0.2.7" in html and "Reklame" in html

    with client.session_transaction() as session:
        session["lang"] = "en"
    en = client.get("/admin/audit").get_data(as_text=True)
    assert "Hid a pitch" in en and "Logged in" in en and "Sent invitations" in en
    assert "Mar 1, 2026, 14:05" in en and "PM" not in re.sub(r'name="csrf_token"[^>]*', "", en)


def test_the_admin_menu_links_to_it(admin):
    _ada, client = admin
    html = client.get("/admin/users").get_data(as_text=True)
    assert html.count('href="/admin/audit"') == 2  # the menu's dropdown and the admin tabs


def test_a_deleted_subject_is_named_but_not_linked(admin):
    ada, client = admin
    _event("role_changed", ada, "user:999999", detail="founder -> staff")
    _event("pitch_hidden", ada, "pitch:888888")
    html = client.get("/admin/audit").get_data(as_text=True)
    assert "/admin/users/999999" not in html and "/pitches/888888" not in html
    assert "#999999" in html and "#888888" in html


def test_a_deleted_account_is_called_deleted_and_a_missing_one_unknown(admin):
    ada, client = admin
    gone = make_user("founder", name="Gunn Borte")
    anonymise(gone, actor=ada)
    db.session.commit()
    _event("role_changed", ada, f"user:{gone.id}", detail="founder -> investor")
    _event("role_changed", ada, "user:999999", detail="founder -> staff")
    nb = client.get("/admin/audit?lang=nb").get_data(as_text=True)
    assert f"#{gone.id}</span>" not in nb
    assert f"#{gone.id} <span class=\"text-body-secondary\">(slettet konto)</span>" in nb
    assert "#999999 <span class=\"text-body-secondary\">(ukjent)</span>" in nb
    en = client.get("/admin/audit?lang=en").get_data(as_text=True)
    assert f"#{gone.id} <span class=\"text-body-secondary\">(deleted account)</span>" in en
    assert "#999999 <span class=\"text-body-secondary\">(unknown)</span>" in en
    assert "Gunn Borte" not in en and f"/admin/users/{gone.id}\"" not in en


def test_filters_by_actor_action_dates_and_subject(admin):
    ada, client = admin
    kari = make_user("founder", "kari@grunder.no", name="Kari Nordmann")
    ola = make_user("investor", "ola@fond.no", name="Ola Hansen")
    arena = make_arena()
    a = _event("login", kari, f"user:{kari.id}", at=datetime(2026, 5, 1, 8, 0, tzinfo=UTC))
    b = _event("login", ola, f"user:{ola.id}", at=datetime(2026, 5, 2, 8, 0, tzinfo=UTC))
    c = _event("password_changed", kari, None, at=datetime(2026, 5, 3, 8, 0, tzinfo=UTC))
    d = _event("arena_created", ada, f"arena:{arena.id}",
               at=datetime(2026, 5, 4, 21, 30, tzinfo=UTC))  # 23:30 in Oslo, 4 May

    def shown(query: str) -> list[int]:
        response = client.get(f"/admin/audit?{query}")
        assert response.status_code == 200, response.get_data(as_text=True)
        return _ids(response.get_data(as_text=True))

    assert shown("actor=kari") == [c.id, a.id]
    assert shown("actor=FOND.no") == [b.id]
    assert shown("action=login") == [b.id, a.id]
    assert shown("since=2026-05-02&until=2026-05-03") == [c.id, b.id]
    assert shown("since=2026-05-04") == [d.id]
    assert shown("until=2026-05-03") == [c.id, b.id, a.id]
    assert shown("subject_kind=arena") == [d.id]
    assert shown(f"subject_kind=arena&subject_key={arena.id}") == [d.id]
    # a person's events include what they did without a target (their password change)
    assert shown(f"subject_kind=user&subject_key={kari.id}") == [c.id, a.id]
    assert shown("actor=nobody-like-this") == []


@pytest.mark.parametrize("query, field", [
    ("since=2026-05-04&until=2026-05-01", "until"),
    ("since=2026-02-30", "since"),
    ("action=drop_tables", "action"),
    ("subject_kind=planet", "subject_kind"),
    ("subject_key=12", "subject_kind"),
    ("subject_kind=user&subject_key=1%27%20or%201", "subject_key"),
])
def test_refused_filters_say_so_in_the_error_summary(admin, query, field):
    _ada, client = admin
    _event("login")
    response = client.get(f"/admin/audit?{query}")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "data-error-summary" in html and f'href="#{field}"' in html
    assert 'aria-invalid="true"' in html
    assert "data-event-id" not in html


def test_pages_through_the_log_keeping_the_filters(admin):
    _ada, client = admin
    kari = make_user("founder", name="Kari Nordmann")
    events = [_event("login", kari, f"user:{kari.id}") for _ in range(audit_log.PER_PAGE + 3)]
    _event("logout", kari)
    first = client.get("/admin/audit?action=login").get_data(as_text=True)
    assert _ids(first) == [e.id for e in reversed(events)][:audit_log.PER_PAGE]
    assert "/admin/audit?page=2&amp;action=login" in first
    second = client.get("/admin/audit?action=login&page=2").get_data(as_text=True)
    assert _ids(second) == [e.id for e in reversed(events)][audit_log.PER_PAGE:]
    past = client.get("/admin/audit?action=login&page=9")
    assert past.status_code == 302 and "page=2" in past.location


def test_only_admins_open_it(app, client):
    _event("login")
    assert client.get("/admin/audit").status_code == 302  # to the login page
    for role in ("founder", "investor", "staff"):
        other = app.test_client()
        log_in(other, make_user(role))
        response = other.get("/admin/audit")
        assert response.status_code == 403
        assert "data-event-id" not in response.get_data(as_text=True)


def test_what_users_typed_is_escaped(admin):
    _ada, client = admin
    mallory = make_user("founder", name="<script>alert('name')</script>")
    _event("login_failed", detail="<img src=x onerror=alert(1)>@x.no")
    _event("login", mallory, f"user:{mallory.id}")
    pitch = make_pitch(mallory, title="<b>bold</b>")
    _event("pitch_hidden", mallory, f"pitch:{pitch.id}", detail="<svg onload=alert(2)>")
    html = client.get("/admin/audit?subject_kind=").get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "<svg onload" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;@x.no" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
