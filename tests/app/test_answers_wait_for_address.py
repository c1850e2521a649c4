"""Until a self-registered address is confirmed, marking interest and asking for or answering
arena meetings are refused (40d1344), yet the match cards still offered "Interested" and
the arena's Who comes page "Ask to meet" and Accept/Decline, buttons that only said no once
pressed. In their place a line now says when that opens and links to the notice at the top
of the page, which holds "Send it again" once per page (as b979b7d did for Publish). Save
and "Not for me", which tell nobody, stay. A confirmed person sees the buttons as before."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.services import meeting_requests
from tests.app.test_i18n import _client_in
from tests.factories import make_arena, make_participant

NOTICE = {"en": "see the notice at the top of the page", "nb": "se meldingen øverst på siden"}
INTEREST = {"en": "You can show interest once your e-mail address is confirmed:",
            "nb": "Du kan vise interesse når e-postadressen din er bekreftet:"}
ASK = {"en": "You can ask for meetings once your e-mail address is confirmed:",
       "nb": "Du kan be om møter når e-postadressen din er bekreftet:"}
ANSWER = {"en": "You can answer once your e-mail address is confirmed:",
          "nb": "Du kan svare når e-postadressen din er bekreftet:"}


def _marks(page: str, kind: str) -> int:
    return len(re.findall(rf'formaction="/matches/\d+/\d+/mark/{kind}', page))


def _waits(page: str, lang: str, line: dict) -> int:
    return page.count(f'{line[lang]} <a href="#confirm-email">{NOTICE[lang]}</a>.')


def _unconfirmed(user):
    user.email_confirmed_at = None
    db.session.commit()
    return user


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_unconfirmed_investor_is_told_instead_of_offered_interested(app, market, lang):
    investor = market["solar_investor"]
    _unconfirmed(investor.user)
    client = _client_in(app, lang, investor.user)
    client.post(f"/matches/{market['health'].id}/{investor.id}/mark/saved")
    for path in ("/matches", "/matches/saved", f"/pitches/{market['solar'].id}"):
        page = client.get(path).get_data(as_text=True)
        assert 'id="confirm-email"' in page, path  # the notice the line points at
        assert _marks(page, "interested") == 0, path
        assert _waits(page, lang, INTEREST) >= 1, path
        assert _marks(page, "not_for_me") >= 1, path  # telling nobody stays open


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_unconfirmed_founder_is_told_instead_of_offered_interested(app, market, lang):
    founder, solar = market["solar_founder"], market["solar"]
    _unconfirmed(founder)
    client = _client_in(app, lang, founder)
    for path in (f"/pitches/{solar.id}/matches",
                 f"/investors/{market['solar_investor'].id}"):
        page = client.get(path).get_data(as_text=True)
        assert _marks(page, "interested") == 0, path
        assert _waits(page, lang, INTEREST) >= 1, path
        assert _marks(page, "saved") >= 1, path


def test_a_confirmed_person_still_gets_interested(app, market):
    """Guard: the buttons as before, and no line."""
    investor, founder = market["solar_investor"], market["solar_founder"]
    for user, path in ((investor.user, "/matches"),
                       (founder, f"/pitches/{market['solar'].id}/matches")):
        page = _client_in(app, "en", user).get(path).get_data(as_text=True)
        assert _marks(page, "interested") >= 1, path
        assert "interest-after-confirm" not in page, path


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_who_comes_says_asking_and_answering_wait_for_the_address(app, lang):
    arena = make_arena(status="inviting")
    founder = make_participant(arena, "founder")
    asker, other = make_participant(arena, "investor"), make_participant(arena, "investor")
    db.session.commit()
    meeting_requests.request_meeting(asker.user, arena.id, founder.user_id)
    _unconfirmed(founder.user)
    client = _client_in(app, lang, founder.user)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert f'action="/arenas/{arena.id}/requests"' not in page  # no "Ask to meet"
    assert 'name="answer" value="accept"' not in page  # no Accept / Decline
    assert _waits(page, lang, ASK) == 1  # the one not asked yet
    assert _waits(page, lang, ANSWER) == 1  # the one who asked
    assert other.user.name in page


def test_who_comes_still_offers_a_confirmed_person_the_buttons(app):
    """Guard."""
    arena = make_arena(status="inviting")
    founder = make_participant(arena, "founder")
    asker, _other = make_participant(arena, "investor"), make_participant(arena, "investor")
    db.session.commit()
    meeting_requests.request_meeting(asker.user, arena.id, founder.user_id)
    page = _client_in(app, "en", founder.user).get(
        f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert f'action="/arenas/{arena.id}/requests"' in page
    assert 'name="answer" value="accept"' in page
    assert "after-confirm" not in page
