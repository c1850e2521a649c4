"""Founders and investors at the same arenas: every GET route (pages, exports, calendar
files, API answers, notices) a participant can open, with the ids of everyone's pitches,
profiles, invitations, meetings and requests filled in, carries the e-mail and phone of the
one they meet and of nobody else in the room: not of the person who asked them for a
meeting, not of the investor interested in their pitch, not of the others on "Who comes"
(DESIGN.md: contact details after mutual interest or a shared arena meeting only). The
checks of tests/app/security/test_contact_leaks.py took a fixed list of a participant's
pages; this takes every route."""

from __future__ import annotations

from app.extensions import db
from app.models import MeetingRequest, Notification
from app.services import interest, meeting_requests
from tests.app.security.test_contact_leaks import _every_get, _leaks, _person, _secrets
from tests.factories import (
    make_arena,
    make_arena_over,
    make_invitation,
    make_meeting,
    outbox_of,
)


def _room():
    """At an arena held yesterday A (founder) met B (investor); C (founder) and D (investor) are
    there too and meet nobody. At an arena still inviting, C asked B for a meeting (not yet
    answered). D marked A's pitch interesting (one-sided)."""
    people = {tag: _person(role, number) for tag, role, number in (
        ("A", "founder", "61111"), ("B", "investor", "62222"),
        ("C", "founder", "63333"), ("D", "investor", "64444"))}
    held = make_arena_over(title="Møterommet")  # met yesterday: contacts once met
    inviting = make_arena(status="inviting", title="Neste arena")
    invitations = {}
    for tag, (user, thing) in people.items():
        pitch_id = {"pitch_id": thing.id} if user.role == "founder" else {}
        invitations[tag] = make_invitation(held, user, "accepted", **pitch_id)
        make_invitation(inviting, user, "accepted", **pitch_id)
    meeting = make_meeting(held, invitations["A"], invitations["B"])
    db.session.commit()
    meeting_requests.request_meeting(people["C"][0], inviting.id, people["B"][0].id)
    interest.mark(people["D"][0], people["A"][1].id, people["D"][1].id, "interested")
    db.session.commit()
    ids = {
        "pitch": [people[t][1].id for t in "AC"],
        "investor_profile": [people[t][1].id for t in "BD"],
        "user": [people[t][0].id for t in "ABCD"],
        "arena": [held.id, inviting.id],
        "invitation": [i.id for i in invitations.values()],
        "meeting": [meeting.id],
        "meeting_request": list(db.session.scalars(db.select(MeetingRequest.id))),
        "notification": list(db.session.scalars(db.select(Notification.id))),
    }
    return people, ids


def test_a_participant_sees_the_contacts_of_the_one_they_meet_only(app):
    people, ids = _room()
    secrets = {tag: _secrets(*people[tag]) for tag in people}
    allowed = {"A": "B", "B": "A", "C": "", "D": ""}
    for viewer, user_and_thing in people.items():
        view = _every_get(app, user_and_thing[0], ids, "6")
        others = [s for tag in people if tag not in (viewer, *allowed[viewer])
                  for s in secrets[tag]]
        assert not _leaks(view, others), viewer
        # the pages did answer: the meeting's partner is named with contacts on the agenda
        if allowed[viewer]:
            assert any(s in text for s in secrets[allowed[viewer]] if s
                       for url, text in view.items() if url.endswith("/agenda")), viewer
    # C's request and D's interest reached B and A, by name only, on the pages and by mail
    b_view = _every_get(app, people["B"][0], ids, "6")
    assert any("Person 63333" in text for text in b_view.values())
    mails = outbox_of(app)
    assert {people["B"][0].email, people["A"][0].email} <= {to for m in mails for to in m.to}
    for mail in mails:
        body = mail.body + "".join(str(a[0]) for a in getattr(mail, "alternatives", []))
        reader = next(tag for tag in people if people[tag][0].email in mail.to)
        others = [s for tag in people if tag not in (reader, *allowed[reader])
                  for s in secrets[tag]]
        assert not _leaks({mail.subject: body}, others), reader
