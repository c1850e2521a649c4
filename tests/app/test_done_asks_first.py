"""Marking a held arena "Done" asks first, on a page of its own, as cancelling it does: the
staff arena page's "Move to “Done”" was a button that did it at one tap, though a done arena
can no longer be edited or cancelled and never goes back, and staff read its outcome
(attended, meetings held) from then on while most who came could still be unmarked (QA as
Asker staff, 8 Dec: three of ten marked, then one tap). The page says what done means and
how many who accepted are not marked yet; only its Yes, a CSRF-checked POST, does it."""

from __future__ import annotations

import html
import re

import pytest
from flask_babel import force_locale, ngettext
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent
from app.models.user import utcnow
from tests.app.status_moves import offers, stored_status
from tests.factories import make_arena, make_arena_over, make_participant

ASKS = {
    "nb": ("Sette «Grønn arena» til «Gjennomført»? Etterpå kan arenaen ikke lenger redigeres "
           "eller avlyses, og den kan ikke settes tilbake."),
    "en": ("Move “Grønn arena” to “Done”? After that the arena can no longer be edited or "
           "cancelled, and it cannot be moved back."),
}
UNMARKED = ("%(num)d of the %(total)d who accepted is not marked present or absent yet: "
            "until they are, their meetings do not count as held.",
            "%(num)d of the %(total)d who accepted are not marked present or absent yet: "
            "until they are, their meetings do not count as held.")
STILL = {"nb": "Oppmøte kan fortsatt registreres etterpå.",
         "en": "Attendance can still be marked afterwards."}


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture
def held():
    """A held arena with a published schedule: one present, one absent, two not marked."""
    arena = make_arena_over(schedule_published_at=utcnow(), scheduled_at=utcnow())
    make_participant(arena, "founder", attended=True)
    make_participant(arena, "investor", attended=False)
    make_participant(arena, "founder")
    make_participant(arena, "investor")
    return arena


def _nothing_happened(arena) -> None:
    assert stored_status(arena) == "scheduled"
    assert not db.session.scalar(select(AuditEvent).filter_by(action="arena_status"))


def test_the_arena_page_offers_no_one_tap_done(client, staff, held):
    page = client.get(f"/staff/arenas/{held.id}").get_data(as_text=True)
    assert 'name="to" value="done"' not in page
    assert f'href="/staff/arenas/{held.id}/done"' in page and offers(page, "done")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_done_page_says_what_done_means_and_who_is_not_marked(client, staff, held, lang):
    client.post("/language", data={"lang": lang})
    response = client.get(f"/staff/arenas/{held.id}/done")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    with force_locale(lang):
        unmarked = ngettext(*UNMARKED, 2, total=4)
    said = _text(page)
    assert ASKS[lang] in said
    assert f"{unmarked} {STILL[lang]}" in said
    assert f'href="/staff/arenas/{held.id}/attendance"' in page
    assert f'action="/staff/arenas/{held.id}/status"' in page
    assert 'name="to" value="done"' in page and 'name="csrf_token"' in page
    _nothing_happened(held)


def test_yes_on_the_done_page_marks_it_done(client, staff, held):
    client.get(f"/staff/arenas/{held.id}/done")
    client.post(f"/staff/arenas/{held.id}/status", data={"to": "done"})
    assert stored_status(held) == "done"


def test_everyone_marked_is_said_so(client, staff):
    arena = make_arena_over(schedule_published_at=utcnow(), scheduled_at=utcnow())
    make_participant(arena, "founder", attended=True)
    make_participant(arena, "investor", attended=False)
    client.post("/language", data={"lang": "en"})
    page = client.get(f"/staff/arenas/{arena.id}/done").get_data(as_text=True)
    assert "Everyone who accepted is marked present or absent." in page
    assert "not marked present or absent yet" not in page


def test_an_arena_that_cannot_be_done_yet_goes_back_with_why(client, staff):
    arena = make_arena(status="scheduled", schedule_published_at=utcnow(),
                       scheduled_at=utcnow(), schedule_sequence=1)
    client.post("/language", data={"lang": "nb"})
    response = client.get(f"/staff/arenas/{arena.id}/done")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/staff/arenas/{arena.id}")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Arenaen kan settes til «Gjennomført» når den har funnet sted." in page
    _nothing_happened(arena)


def test_no_attendance_to_count_when_the_schedule_was_never_published(client, staff):
    """Guard: held while still inviting, nobody can be marked, so no count is promised."""
    arena = make_arena_over(status="inviting")
    make_participant(arena, "founder")
    page = client.get(f"/staff/arenas/{arena.id}/done").get_data(as_text=True)
    assert 'id="done-question"' in page and 'id="done-attendance"' not in page
