"""What "My arenas" and "My meetings" in the main menu hold for each role.

Staff are never invited to an arena (it invites founders and investors), so their "My
arenas" was a page that always said "You have no arena invitations yet", beside "Arenas",
the list of the arenas they run. Their menu now has that one, and /arenas sends them there.
"""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models.user import utcnow
from tests.app.test_i18n import _client_in
from tests.factories import (
    make_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_user,
)

WORDS = {"nb": {"My arenas": "Mine arenaer", "My meetings": "Mine møter", "Arenas": "Arenaer"},
         "en": {"My arenas": "My arenas", "My meetings": "My meetings", "Arenas": "Arenas"}}


def _menu(html: str) -> list[str]:
    """The texts of the main menu's links."""
    menu = re.search(r'<nav class="navbar.*?</nav>', html, re.S).group(0)
    return [" ".join(re.sub(r"<[^>]+>", "", text).split())
            for text in re.findall(r"<a [^>]*>(.*?)</a>", menu, re.S)]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_menu_has_their_arenas_once(app, role, lang):
    staff = make_user(role, association="asker" if role == "staff" else None)
    client = _client_in(app, lang, staff)
    answer = client.get("/arenas")
    assert answer.status_code == 302
    assert answer.headers["Location"].endswith("/staff/arenas")
    menu = _menu(client.get("/staff/arenas").get_data(as_text=True))
    assert WORDS[lang]["Arenas"] in menu
    assert WORDS[lang]["My arenas"] not in menu
    assert WORDS[lang]["My meetings"] not in menu


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("role", ["founder", "investor"])
def test_participants_keep_their_arenas_and_meetings(app, role, lang):
    client = _client_in(app, lang, make_user(role))
    assert client.get("/arenas").status_code == 200
    menu = _menu(client.get("/arenas").get_data(as_text=True))
    assert WORDS[lang]["My arenas"] in menu
    assert WORDS[lang]["My meetings"] in menu
    assert WORDS[lang]["Arenas"] not in menu


# --- "My meetings": the meetings, not only the arenas ----------------------------------------
MEETINGS = {
    "en": {"table": "Table", "none": "You have no meetings at this arena: your agenda says why.",
           "draft": "Your meetings show here once the organisers publish the meeting schedule."},
    "nb": {"table": "Bord", "none": "Du har ingen møter på denne arenaen: agendaen din sier "
                                    "hvorfor.",
           "draft": "Møtene dine vises her når arrangørene har publisert møteplanen."},
}


def _card(page: str, arena) -> str:
    start = page.index(f'aria-labelledby="arena-{arena.id}"')
    return " ".join(page[start:page.index("</section>", start)].split())


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_my_meetings_lists_each_arenas_meetings(app, lang):
    """"My meetings" listed the arenas one comes to, each with links: the meetings were a
    click further, on each arena's agenda. Each arena now lists them, as the agenda does
    (agenda.agenda_meetings: none of a draft, none with someone who no longer comes)."""
    published = make_arena(status="scheduled", title="Solkraft i Asker")
    founder = make_participant(published, "founder")
    first, gone = make_participant(published, "investor"), make_participant(published, "investor")
    make_meeting(published, founder, first, slot=1, table=2)
    make_meeting(published, founder, gone, slot=0, table=0)
    gone.state = "declined"
    draft = make_arena(status="inviting", title="Havvind i Bærum")
    mine_there = make_invitation(draft, founder.user, state="accepted",
                                 pitch_id=founder.pitch_id)
    make_meeting(draft, mine_there, make_participant(draft, "investor"), published=False)
    empty = make_arena(status="scheduled", title="Kapital i Drammen",
                       schedule_published_at=utcnow())
    make_invitation(empty, founder.user, state="accepted", pitch_id=founder.pitch_id)
    db.session.commit()

    page = _client_in(app, lang, founder.user).get("/arenas/meetings").get_data(as_text=True)
    words = MEETINGS[lang]
    card = _card(page, published)
    assert (f"<li>09:15–09:30 · {words['table']} 3 · <strong>{first.user.name}</strong></li>"
            in card)
    assert gone.user.name not in card
    assert card.count("<li>09:") == 1
    draft_card = _card(page, draft)
    assert words["draft"] in draft_card and "<li>09:" not in draft_card
    assert words["none"] in _card(page, empty)
