"""The audit log's subject filter takes a number for a person, a pitch, an arena or an API
token, and says so. A long number (`subject_kind=user&subject_key=` and 30 nines, what a
paste of the wrong thing gives) was a 500: SQLite cannot hold it to compare with the actor's
id. Now a number larger than any id finds nothing; a word where a number belongs is refused
with "Enter a number." (it found nothing, silently); a number with leading zeros is the
number."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import AuditEvent
from tests.app.security.principals import log_in
from tests.factories import make_user


@pytest.fixture
def client(app):
    client = app.test_client()
    log_in(client, make_user("admin", association=None, locale="en"))
    return client


def _ids(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'data-event-id="(\d+)"', html)]


@pytest.mark.parametrize("kind", ["user", "pitch", "arena", "api_token"])
def test_a_number_larger_than_any_id_finds_nothing(client, kind):
    response = client.get(f"/admin/audit?subject_kind={kind}&subject_key={'9' * 30}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "0 events." in page and not _ids(page)


def test_a_word_where_a_number_belongs_is_refused(client):
    response = client.get("/admin/audit?subject_kind=user&subject_key=kari")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Enter a number." in page and 'href="#subject_key"' in page


def test_leading_zeros_find_the_subject(client):
    kari = make_user("founder")
    event = AuditEvent(action="role_changed", target=f"user:{kari.id}",
                       detail="founder -> investor")
    db.session.add(event)
    db.session.commit()
    page = client.get(f"/admin/audit?subject_kind=user&subject_key=00{kari.id}")
    assert _ids(page.get_data(as_text=True)) == [event.id]


def test_an_associations_short_name_still_works(client):
    event = AuditEvent(action="association_changed", target="association:modum",
                       detail="name")
    db.session.add(event)
    db.session.commit()
    page = client.get("/admin/audit?subject_kind=association&subject_key=modum")
    assert _ids(page.get_data(as_text=True)) == [event.id]
