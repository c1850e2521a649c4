"""A meeting request and its answer are in-app notices too, not only an e-mail: someone who
turned off the 'arenas and meetings' e-mails learned of a request only by opening the list
of who comes, and an asker never learned that their request was accepted or declined. The
person asked gets a notice and the request's own e-mail (one e-mail, not a notice e-mail
besides); the asker gets a notice and its e-mail when the answer comes, in their language."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from app.extensions import db
from app.services import meeting_requests, notifications
from app.services.errors import DomainError
from tests.app.test_staff_change_notices import mails_to, speaks, told, uids
from tests.factories import make_arena, make_participant


@pytest.fixture
def pair():
    """A founder (English) and an investor (bokmål) who both said yes to 'Grønn arena'."""
    arena = make_arena(status="scheduled")
    founder = speaks(make_participant(arena, "founder"), "en")
    investor = speaks(make_participant(arena, "investor"), "nb")
    founder.user.name, investor.user.name = "Kari Nordmann", "Per Hansen"
    db.session.commit()
    return arena, founder, investor


def _text(note, locale: str) -> str:
    with force_locale(locale):
        return notifications.text(note)


def test_a_request_is_a_notice_for_the_person_asked_and_one_e_mail(app, client, auth, pair):
    arena, founder, investor = pair
    auth.login(founder.user.email)
    client.post(f"/arenas/{arena.id}/requests", data={"to_user_id": investor.user_id})

    notes = told()
    assert set(notes) == uids(investor)  # not the asker
    (note,) = notes[investor.user_id]
    assert note.kind == "meeting_request"
    # at the asker's card, where Accept and Decline are, not the top of a long list
    assert note.link == f"/arenas/{arena.id}/participants#person-{founder.user_id}"
    assert _text(note, "nb") == ("Kari Nordmann vil gjerne møte deg på «Grønn arena». Takk ja "
                                 "eller nei på listen over hvem som kommer.")
    assert _text(note, "en") == ("Kari Nordmann asks to meet you at “Grønn arena”. Accept or "
                                 "decline on the list of who comes.")
    (mail,) = mails_to(app, investor)  # the request's own e-mail, no notice e-mail besides
    assert mail.subject == "Kari Nordmann vil gjerne møte deg på Grønn arena"
    assert f"/arenas/{arena.id}/participants#person-{founder.user_id}" in mail.body
    assert mails_to(app, founder) == []


def test_with_arena_e_mails_off_the_request_still_arrives_as_a_notice(app, pair):
    arena, founder, investor = pair
    investor.user.notice_mail_off = ["arenas"]
    db.session.commit()
    meeting_requests.request_meeting(founder.user, arena.id, investor.user_id)
    assert [n.kind for n in told()[investor.user_id]] == ["meeting_request"]
    assert mails_to(app, investor) == []


@pytest.mark.parametrize("answer, kind, sentence, subject", [
    ("accept", "meeting_request_accepted", "Per Hansen said yes to meeting you at “Grønn "
     "arena”.", "Per Hansen said yes to meeting you at Grønn arena"),
    ("decline", "meeting_request_declined", "Per Hansen declined your request to meet at "
     "“Grønn arena”.", "Per Hansen declined your meeting request at Grønn arena"),
])
def test_the_answer_tells_the_asker_in_their_language(app, client, auth, pair, answer, kind,
                                                       sentence, subject):
    arena, founder, investor = pair
    req = meeting_requests.request_meeting(founder.user, arena.id, investor.user_id)
    before = len(mails_to(app, investor))
    auth.login(investor.user.email)
    url = f"/arenas/{arena.id}/requests/{req.id}/answer"
    assert client.post(url, data={"answer": answer}).status_code == 302

    notes = told()
    assert [n.kind for n in notes[founder.user_id]] == [kind]  # the answerer is not told
    assert [n.kind for n in notes[investor.user_id]] == ["meeting_request"]
    (note,) = notes[founder.user_id]
    assert note.link == f"/arenas/{arena.id}/participants#person-{investor.user_id}"
    assert _text(note, "en") == sentence
    (mail,) = mails_to(app, founder)
    assert mail.subject == subject
    assert sentence in mail.body
    assert len(mails_to(app, investor)) == before

    client.post(url, data={"answer": answer})  # the same answer again tells nobody again
    assert len(told()[founder.user_id]) == 1 and len(mails_to(app, founder)) == 1


def test_asking_back_accepts_and_tells_the_first_asker(app, pair):
    arena, founder, investor = pair
    meeting_requests.request_meeting(founder.user, arena.id, investor.user_id)
    meeting_requests.request_meeting(investor.user, arena.id, founder.user_id)
    assert [n.kind for n in told()[founder.user_id]] == ["meeting_request_accepted"]
    assert [n.kind for n in told()[investor.user_id]] == ["meeting_request"]
    (mail,) = mails_to(app, founder)
    assert mail.subject == "Per Hansen said yes to meeting you at Grønn arena"


def test_a_request_sent_again_or_refused_tells_nobody_again(app, pair):
    arena, founder, investor = pair
    sent = meeting_requests.request_meeting(founder.user, arena.id, investor.user_id)
    # sent twice (a double click): the same request, said sent, told once
    assert meeting_requests.request_meeting(founder.user, arena.id, investor.user_id) == sent
    meeting_requests.answer_request(investor.user, arena.id, sent.id, accept=False)
    with pytest.raises(DomainError):  # answered: asking again is refused
        meeting_requests.request_meeting(founder.user, arena.id, investor.user_id)
    assert [n.kind for n in told()[investor.user_id]] == ["meeting_request"]
    assert len(mails_to(app, investor)) == 1


def test_the_notice_e_mail_sets_its_link_apart_from_the_sentence_and_the_signature(app, pair):
    """The link stood between the sentence and 'Koble – matchmaking …' with no blank line,
    so a mail reader ran it into the signature line."""
    import re

    arena, founder, investor = pair
    req = meeting_requests.request_meeting(founder.user, arena.id, investor.user_id)
    meeting_requests.answer_request(investor.user, arena.id, req.id, accept=True)
    (mail,) = mails_to(app, founder)
    assert re.search(rf"“Grønn arena”\.\n\nhttps?://\S+/arenas/{arena.id}/participants"
                     rf"#person-{investor.user_id}\n\n"
                     r"Koble – matchmaking", mail.body), mail.body
