"""The audit log's detail column in the reader's language (nb and en): the trail stores
each detail language-neutral, as its writer records it, and the page says it in words;
a detail in no known shape is shown as recorded."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from app.extensions import db
from app.models import AuditEvent
from app.services import api_tokens
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_user


@pytest.fixture
def admin_client(app):
    client = app.test_client()
    log_in(client, make_user("admin", "sjef@koble.no", name="Ada Admin", association=None))
    return client


def _event(action: str, detail: str, target: str | None = None) -> AuditEvent:
    event = AuditEvent(action=action, target=target, detail=detail, at=datetime.now(UTC))
    db.session.add(event)
    db.session.commit()
    return event


def _detail_cell(client, event: AuditEvent, lang: str) -> str:
    html = client.get(f"/admin/audit?lang={lang}").get_data(as_text=True)
    row = re.search(rf'data-event-id="{event.id}"[^>]*>(.*?)</tr>', html, re.S).group(1)
    cell = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[-1]
    text = re.sub(r"<[^>]+>", " ", cell).replace("&#39;", "'").replace("&gt;", ">")
    return " ".join(text.split())


# As the writers record them (app/services/*: audit.record(..., detail=...)).
CASES = [
    ("meeting_moved", "meeting:12 slot=3 table=2",
     "Meeting 12, to time slot 3 at table 2", "Møte 12, til tidsluke 3 ved bord 2"),
    ("meeting_restored", "meeting:7 scheduled=yes",
     "Meeting 7; back in the schedule", "Møte 7; tilbake i møteplanen"),
    ("participation_cancelled", "left Koble, meetings freed=2",
     "Left Koble; meetings called off: 2", "Forlot Koble; møter avlyst: 2"),
    ("arena_edited", "meetings called off=1",
     "Meetings called off: 1", "Møter avlyst: 1"),
    ("arena_status", "inviting", "New status: Inviting", None),
    ("schedule_built", "mutual=2 one_sided=1 suggestion=3 total=6 locked=1",
     "Meetings placed: 6 (mutual interest: 2, asked for by one side: 1, suggested: 3); "
     "locked: 1", "Møter plassert: 6"),
    ("schedule_published", "with=8 without=2",
     "People with meetings: 8; without: 2", "Personer med møter: 8; uten: 2"),
    ("invitations_proposed", "founders=4 investors=5 k=3",
     "Founders: 4; investors: 5; good investors per founder: 3", "Gründere: 4"),
    ("invitations_sent", "5 invitations, 1 e-mails failed",
     "Invitations sent: 5; e-mails that failed: 1", "Invitasjoner sendt: 5"),
    ("invitations_reminded", "3 reminders, 0 e-mails failed",
     "Reminders sent: 3; e-mails that failed: 0", "Påminnelser sendt: 3"),
    ("members_imported", "created 4, updated 2, rejected 1",
     "Created: 4; updated: 2; refused: 1", "Opprettet: 4; oppdatert: 2; avvist: 1"),
    ("role_changed", "founder -> staff", "Founder → Staff", None),
    ("association_changed", "name, website", "Changed: name, website",
     "Endret: navn, nettsted"),
    ("login_failed", "(not an e-mail address)", "(not an e-mail address)",
     "(ikke en e-postadresse)"),
    ("email_change_requested", "ny@example.no", "New address: ny@example.no",
     "Ny adresse: ny@example.no"),
    ("engine_weights", "{'text': 1.0} -> {'text': 2.5}", "Description: 1 → 2.5",
     "2,5"),
]


@pytest.mark.parametrize(("action", "detail", "english", "bokmal"), CASES)
def test_the_detail_is_said_in_the_readers_language(admin_client, action, detail, english,
                                                    bokmal):
    event = _event(action, detail)
    en = _detail_cell(admin_client, event, "en")
    nb = _detail_cell(admin_client, event, "nb")
    assert en == english
    assert nb != en and (bokmal is None or bokmal in nb)
    stored = db.session.get(AuditEvent, event.id).detail
    assert stored == detail  # the trail itself stays language-neutral


def test_people_in_a_detail_are_named(admin_client):
    kari = make_user("founder", name="Kari Nordmann")
    arena = make_arena()
    attended = _event("attendance_marked", f"user:{kari.id} attended=False",
                      f"arena:{arena.id}")
    window = _event("availability_set",
                    f"user:{kari.id} arrive=09:00 leave=11:30 cap=2 meetings called off=1",
                    f"arena:{arena.id}")
    moved = _event("invitation_moved", "user:999999 up", f"arena:{arena.id}")
    assert _detail_cell(admin_client, attended, "nb") == "Kari Nordmann: møtte ikke"
    assert _detail_cell(admin_client, window, "en") == \
        "Kari Nordmann: from 09:00 to 11:30, at most 2 meetings; meetings called off: 1"
    assert _detail_cell(admin_client, moved, "en") == "Person 999999: one place up"


def test_staff_invited_names_the_association(admin_client):
    event = _event("staff_invited", "modum")
    assert _detail_cell(admin_client, event, "nb") == "Modum Næringsråd"


def test_a_token_made_by_the_service_is_described(app, admin_client):
    """The api_tokens writer's own detail, not a copy of its shape."""
    user = make_user("investor")
    api_tokens.create(user, "Mitt skript", "read-write", 30)
    event = db.session.scalar(db.select(AuditEvent).where(
        AuditEvent.action == "api_token_created"))
    assert _detail_cell(admin_client, event, "en") == "Read and write, valid for 30 days"
    assert _detail_cell(admin_client, event, "nb").endswith("gyldig i 30 dager")


@pytest.mark.parametrize(("action", "detail"), [
    ("meeting_moved", "something else entirely"),
    ("a_newer_action", "k=v"),
    ("pitch_hidden", "Reklame for noe annet"),
])
def test_a_detail_in_no_known_shape_is_shown_as_recorded(admin_client, action, detail):
    event = _event(action, detail)
    assert _detail_cell(admin_client, event, "nb") == detail


def test_a_persons_page_says_their_changes_in_the_readers_language(admin_client):
    kari = make_user("founder", name="Kari Nordmann", association="asker")
    for action, detail in (("role_changed", "founder -> staff"),
                           ("association_changed", "asker -> none")):
        db.session.add(AuditEvent(action=action, target=f"user:{kari.id}", detail=detail,
                                  at=datetime.now(UTC)))
    db.session.commit()
    html = admin_client.get(f"/admin/users/{kari.id}?lang=nb").get_data(as_text=True)
    assert "(Gründer → Ansatt)" in html
    assert "(Asker Næringsforening → ingen)" in html
    assert "founder -&gt; staff" not in html and "asker -&gt; none" not in html
