"""The row of links on an arena's pages (a participant's "Who comes", "My agenda", the
calendar file; staff's "Schedule", "Attendance", the CSV files) marks the page shown
(aria-current="page", a filled pill): on the agenda, "My agenda" read as one more link to
follow, and nothing said which of the pills was this page."""

from __future__ import annotations

import re

import pytest

from tests.app.test_i18n import _client_in
from tests.factories import make_arena, make_participant, make_user

WORDS = {"nb": {"Who comes": "Hvem som kommer", "My agenda": "Min agenda",
                "Schedule": "Møteplan", "Attendance": "Oppmøte"},
         "en": {"Who comes": "Who comes", "My agenda": "My agenda",
                "Schedule": "Schedule", "Attendance": "Attendance"}}


def _current(html: str) -> list[str]:
    """The texts of the pills (inside <main>) marked as the page shown."""
    main = html.split('<main', 1)[1]
    pills = re.findall(r'<ul class="nav nav-pills.*?</ul>', main, re.S)
    assert pills, "no row of links on the page"
    return [text for row in pills
            for text in re.findall(r'<a [^>]*aria-current="page"[^>]*>([^<]*)</a>', row)]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_participants_links_mark_the_page_shown(app, lang):
    arena = make_arena()
    me = make_participant(arena, "founder")
    make_participant(arena, "investor")
    client = _client_in(app, lang, me.user)

    assert _current(client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)) == [
        WORDS[lang]["My agenda"]]
    assert _current(client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)) == [
        WORDS[lang]["Who comes"]]
    assert _current(client.get(f"/arenas/{arena.id}").get_data(as_text=True)) == []


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_staffs_links_mark_the_page_shown(app, lang):
    arena = make_arena()
    make_participant(arena, "founder")
    client = _client_in(app, lang, make_user("staff", association="asker"))

    assert _current(client.get(f"/staff/arenas/{arena.id}/schedule").get_data(
        as_text=True)) == [WORDS[lang]["Schedule"]]
    assert _current(client.get(f"/staff/arenas/{arena.id}/attendance").get_data(
        as_text=True)) == [WORDS[lang]["Attendance"]]
    assert _current(client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)) == []
