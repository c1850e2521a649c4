"""A founder is invited to an arena through one of their published pitches (Invitation.pitch):
the one the investors they meet there read. The arena page and the agenda now name it, as
"Your pitch at the arena", a link to it when logged in and its title alone through the
e-mailed answer link. Before, neither page said which pitch, and a founder with two published
pitches could not tell which one to prepare. An investor's pages name no pitch of theirs."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.services import rsvp
from tests.app.test_i18n import _client_in
from tests.factories import make_arena, make_meeting, make_participant, make_pitch

LABEL = {"nb": "Pitchen din på arenaen", "en": "Your pitch at the arena"}


def _founder_with_two_pitches(arena):
    """A founder invited through "Havvind i Asker", who also has "Solcelletak i Lier"."""
    me = make_participant(arena, "founder")
    me.pitch.title = "Havvind i Asker"
    make_pitch(me.user, title="Solcelletak i Lier")
    db.session.commit()
    return me


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_arena_page_names_the_pitch_the_founder_is_invited_with(app, client, lang):
    arena = make_arena()
    me = _founder_with_two_pitches(arena)
    me.user.locale = lang
    db.session.commit()
    html = _client_in(app, lang, me.user).get(f"/arenas/{arena.id}").get_data(as_text=True)
    assert LABEL[lang] in html
    assert f'<a href="/pitches/{me.pitch_id}">Havvind i Asker</a>' in html
    assert "Solcelletak i Lier" not in html
    by_link = client.get(f"/arenas/rsvp/{rsvp.make_token(me)}").get_data(as_text=True)
    assert LABEL[lang] in by_link and "Havvind i Asker" in by_link
    assert f'href="/pitches/{me.pitch_id}"' not in by_link  # not logged in: the title alone


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_agenda_names_the_pitch_the_meetings_are_about(app, lang):
    arena = make_arena(status="scheduled")
    me = _founder_with_two_pitches(arena)
    investor = make_participant(arena, "investor")
    make_meeting(arena, me, investor)
    html = _client_in(app, lang, me.user).get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert f'{LABEL[lang]}: <a href="/pitches/{me.pitch_id}">Havvind i Asker</a>' in html
    assert "Solcelletak i Lier" not in html


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_investor_is_named_no_pitch(app, lang):
    """A guard: the line is a founder's."""
    arena = make_arena(status="scheduled")
    investor = make_participant(arena, "investor")
    make_meeting(arena, make_participant(arena, "founder"), investor)
    client = _client_in(app, lang, investor.user)
    for path in (f"/arenas/{arena.id}", f"/arenas/{arena.id}/agenda"):
        page = client.get(path)
        assert page.status_code == 200 and LABEL[lang] not in page.get_data(as_text=True), path
