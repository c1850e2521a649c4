"""Staff see how many who accepted are still to be marked, at the door and in the outcome.

Checking people in on the day, the attendance page listed everyone with "Not marked" and no
count, and once the arena was done its page read "Attended 2, Meetings held 1" as the
outcome while seven of the ten who accepted had never been marked: their meetings were
silently left out (exploratory test as Asker staff, 8 Dec: three marked, then "Move to
Done"). Now the attendance page counts present, absent and not marked, and the held arena's
page says how many are not marked and that their meetings do not count as held yet."""

from __future__ import annotations

import html

import pytest
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _

from tests.factories import make_done_arena, make_meeting, make_participant

TALLY = ("%(present)d present, %(absent)d absent and %(unmarked)d not marked, of the "
         "%(total)d who accepted.")
UNMARKED = ("%(num)d of the %(total)d who accepted is not marked present or absent yet: "
            "until they are, their meetings do not count as held.",
            "%(num)d of the %(total)d who accepted are not marked present or absent yet: "
            "until they are, their meetings do not count as held.")


@pytest.fixture(params=("nb", "en"))
def staff_lang(request):
    return request.param


def _arena_with_marks():
    """A done arena: two present, one absent, three not marked."""
    arena = make_done_arena()
    founder = make_participant(arena, "founder", attended=True)
    investor = make_participant(arena, "investor", attended=True)
    make_meeting(arena, founder, investor, slot=0, table=0)
    make_participant(arena, "founder", attended=False)
    for role in ("founder", "investor", "investor"):
        make_participant(arena, role)
    return arena


def test_the_attendance_page_counts_the_marks(app, client, staff, staff_lang):
    arena = _arena_with_marks()
    page = client.get(f"/staff/arenas/{arena.id}/attendance").get_data(as_text=True)
    with force_locale(staff_lang):
        said = _(TALLY, present=2, absent=1, unmarked=3, total=6)
    assert f'<p id="attendance-tally">{html.escape(said, quote=False)}</p>' in page


def test_the_held_arena_says_who_is_not_marked(app, client, staff, staff_lang):
    arena = _arena_with_marks()
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    with force_locale(staff_lang):
        said = ngettext(*UNMARKED, 3, total=6)
        link = f'<a href="/staff/arenas/{arena.id}/attendance">{_("Attendance")}</a>'
    assert f'<p id="unmarked-attendance">{html.escape(said, quote=False)} {link}</p>' in page


def test_everyone_marked_needs_no_note(app, client, staff, staff_lang):
    arena = make_done_arena()
    make_meeting(arena, make_participant(arena, "founder", attended=True),
                 make_participant(arena, "investor", attended=False))
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert 'id="unmarked-attendance"' not in page
    assert 'id="no-attendance"' not in page
    roll = client.get(f"/staff/arenas/{arena.id}/attendance").get_data(as_text=True)
    with force_locale(staff_lang):
        said = _(TALLY, present=1, absent=1, unmarked=0, total=2)
    assert html.escape(said, quote=False) in roll
