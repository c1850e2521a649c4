"""On a 390 px phone the staff's arena page shows how many said yes and no without sideways
scrolling. Before, its Answers table had a column per state: on a phone it scrolled inside
its box and "Accepted" and "Declined" sat off-screen. Now a state is a row, a side a column."""

from __future__ import annotations

from tests.browser.seed_server import STAFF_EMAIL, STAFF_PASSWORD
from tests.browser.test_phone_staff_tables_journey import _all_on_screen, _no_sideways_page

PHONE_390 = {"width": 390, "height": 844}


def test_the_answers_are_on_screen_on_a_390px_phone(new_user):
    staff = new_user(PHONE_390, name="staff-390")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    first = staff.lang
    for lang in ("nb", "en"):
        staff.use_language(lang)
        staff.goto("/staff/arenas/2")
        _no_sideways_page(staff)
        for state in ("Accepted", "Declined", "Invited, no answer yet"):
            assert _all_on_screen(staff, "main table th", state) == 1
        for side in ("Founders", "Investors"):
            assert _all_on_screen(staff, "main table th", side) == 1
        # every count is on screen too, not only the row names
        cells = staff.page.evaluate("""() => [...document.querySelectorAll('main table td')]
            .map(e => e.getBoundingClientRect().right)""")
        assert cells and max(cells) <= PHONE_390["width"], cells
    staff.check("arena-390")
    staff.use_language(first)
