"""The arena invitation e-mail to a founder names the pitch they are invited with
(Invitation.pitch), as the arena page and the agenda do: "Your pitch at the arena: <title>",
in the text and the HTML part, in the founder's language, and again in a reminder. Before,
a founder with two published pitches learnt which one the investors would read only after
opening the arena page. An investor's e-mail names no pitch."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Invitation
from app.services import rsvp
from tests.factories import make_arena, make_investor, make_pitch, make_user, outbox_of

LABEL = {"nb": "Pitchen din på arenaen", "en": "Your pitch at the arena"}
TITLES = ("Havvind i Asker", "Solcelletak i Lier")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_invitation_mail_names_the_founders_pitch(app, client, auth, lang):
    arena = make_arena(status="draft")
    founder = make_user("founder", locale=lang)
    for title in TITLES:
        make_pitch(founder, title=title)
    investor = make_investor(make_user("investor", locale=lang))
    auth.login(make_user("staff").email)
    for user_id in (founder.id, investor.user_id):
        client.post(f"/staff/arenas/{arena.id}/invitations/add", data={"user_id": user_id})
    client.post(f"/staff/arenas/{arena.id}/invitations/send")
    invitation = db.session.query(Invitation).filter_by(arena_id=arena.id,
                                                        user_id=founder.id).one()
    assert invitation.state == "invited" and invitation.pitch.title in TITLES
    mine = invitation.pitch.title
    other = next(title for title in TITLES if title != mine)
    by_to = {m.to[0]: m for m in outbox_of(app)}
    mail = by_to[founder.email]
    html = mail.alternatives[0][0]
    assert f"{LABEL[lang]}: {mine}" in mail.body
    assert f"{LABEL[lang]}: <strong>{mine}</strong>" in html
    assert other not in mail.body and other not in html
    to_investor = by_to[investor.user.email]
    assert LABEL[lang] not in to_investor.body
    assert LABEL[lang] not in to_investor.alternatives[0][0]

    with app.test_request_context():
        assert rsvp.mail_invitation(invitation, reminder=True)
    reminder = outbox_of(app)[-1]
    assert reminder.to == [founder.email] and f"{LABEL[lang]}: {mine}" in reminder.body
