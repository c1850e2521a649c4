"""Staff's "Remind those who have not answered" asks first, as sending the invitations does:
the list's button is a link to a page that says how many people get a reminder (and how
many more are left out, reminded in the last 24 hours), and only its "Yes, send N
reminders" e-mails them. Before, one click on the list mailed everyone not answered."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.extensions import db
from app.models import Invitation
from app.models.user import utcnow
from tests.factories import make_arena, make_arena_over, make_invitation, make_user, outbox_of

SAYS = {
    "nb": {"question": "Sende påminnelsene nå? 2 personer som ikke har svart, får en e-post "
                       "med lenken for å svare.",
           "recent": "1 til har ikke svart, men fikk en påminnelse det siste døgnet og får "
                     "ingen nå.",
           "button": "Ja, send 2 påminnelser", "back": "Nei, tilbake til listen",
           "label": "Send påminnelse til dem som ikke har svart",
           "sent": "Påminnelser sendt: 2.",
           "nobody": "Alle som ikke har svart, fikk en påminnelse det siste døgnet."},
    "en": {"question": "Send reminders now? 2 people who have not answered get an e-mail "
                       "with the link to answer.",
           "recent": "1 more has not answered but was reminded in the last 24 hours, and "
                     "gets no reminder now.",
           "button": "Yes, send 2 reminders", "back": "No, back to the list",
           "label": "Remind those who have not answered",
           "sent": "Reminders sent: 2.",
           "nobody": "Everyone who has not answered was reminded in the last 24 hours."},
}


@pytest.fixture(params=["nb", "en"])
def staff_lang(request):
    return request.param


def _waiting(arena, n: int) -> list[Invitation]:
    return [make_invitation(arena, make_user("founder"), state="invited") for _ in range(n)]


def _reminded(invitations) -> list:
    db.session.expire_all()
    return [db.session.get(Invitation, i.id).reminded_at for i in invitations]


def test_the_list_links_to_the_question_and_the_question_sends_nothing(
        app, client, staff, staff_lang):
    arena = make_arena(status="inviting")
    due = _waiting(arena, 2)
    (recent,) = _waiting(arena, 1)
    recent.reminded_at = utcnow() - timedelta(hours=2)
    db.session.commit()
    says = SAYS[staff_lang]
    url = f"/staff/arenas/{arena.id}/invitations/remind"

    listing = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert f'<a class="btn btn-outline-secondary" href="{url}">{says["label"]}</a>' in listing
    assert f'action="{url}"' not in listing  # no one-click form

    page = client.get(url)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert says["question"] in html and says["recent"] in html
    assert f'<form method="post" action="{url}">' in html and 'name="csrf_token"' in html
    assert says["button"] in html and says["back"] in html
    assert not outbox_of(app) and _reminded(due) == [None, None]

    done = client.post(url)  # "Yes, send 2 reminders"
    assert done.status_code == 302
    assert says["sent"] in client.get(done.location).get_data(as_text=True)
    assert sorted(m.to[0] for m in outbox_of(app)) == sorted(i.user.email for i in due)
    assert None not in _reminded(due)


def test_with_nobody_to_remind_the_question_is_not_asked(app, client, staff, staff_lang):
    arena = make_arena(status="inviting")
    (recent,) = _waiting(arena, 1)
    recent.reminded_at = utcnow() - timedelta(hours=2)
    db.session.commit()
    response = client.get(f"/staff/arenas/{arena.id}/invitations/remind")
    assert response.status_code == 302
    assert SAYS[staff_lang]["nobody"] in client.get(response.location).get_data(as_text=True)
    assert not outbox_of(app)


def test_a_held_arena_asks_nothing_and_sends_nothing(app, client, staff, staff_lang):
    arena = make_arena_over(status="inviting")
    _waiting(arena, 1)
    response = client.get(f"/staff/arenas/{arena.id}/invitations/remind")
    assert response.status_code == 302
    assert response.location.endswith(f"/staff/arenas/{arena.id}/invitations")
    assert not outbox_of(app)


def test_another_associations_arena_is_not_found(app, client, staff, staff_lang):
    arena = make_arena(("drammen",), status="inviting")
    _waiting(arena, 1)
    assert client.get(f"/staff/arenas/{arena.id}/invitations/remind").status_code == 404
    assert not outbox_of(app)
