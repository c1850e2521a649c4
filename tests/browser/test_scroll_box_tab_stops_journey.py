"""The staff dashboard's number tables and the member import's column list sit in boxes that
scroll sideways where the table is wider than the screen. Each box was a tab stop at every
width (tabindex="0"): on a desktop, where every table fits, Tab landed on box after box and
nothing moved. As the import preview's box (230bf23), each is now a tab stop only while it
scrolls (static/scroll_box.js), so the keyboard can still scroll a wide table on a phone, and
axe's scrollable-region-focusable still passes at both widths."""

from __future__ import annotations

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.seed_server import STAFF_EMAIL, STAFF_PASSWORD

# Every scroll box of the page: its name, whether it is a tab stop and whether it scrolls.
_STOPS = """() => [...document.querySelectorAll('main .table-responsive[role=region]')].map(
  box => ({name: box.getAttribute('aria-labelledby'),
           stop: box.hasAttribute('tabindex') && box.tabIndex === 0,
           scrolls: box.scrollWidth > box.clientWidth + 1}))"""

PAGES = [("/staff/dashboard", "dashboard"), ("/staff/members/import", "import-columns")]


def _stops(person) -> list[dict]:
    person.page.wait_for_load_state("load")
    boxes = person.page.evaluate(_STOPS)
    assert boxes, f"no scroll box on {person.page.url}"
    return boxes


def _tab_lands_on_a_box_that_does_not_scroll(person) -> list[str]:
    """Tab through the page's main part: the boxes it stops on that do not scroll."""
    person.page.locator("main").focus()
    idle = []
    for _step in range(200):
        person.page.keyboard.press("Tab")
        here = person.page.evaluate("""() => {
          const e = document.activeElement;
          if (!e || !e.closest('main')) return null;
          return {region: e.matches('.table-responsive[role=region]'),
                  name: e.getAttribute('aria-labelledby'),
                  scrolls: e.scrollWidth > e.clientWidth + 1};
        }""")
        if here is None:
            break
        if here["region"] and not here["scrolls"]:
            idle.append(here["name"])
    return idle


def test_a_scroll_box_is_a_tab_stop_only_where_it_scrolls(new_user):
    staff = new_user(PHONE, name="boxes-390")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    first = staff.lang
    scrolling_on_phone = 0
    for lang in ("nb", "en"):
        staff.use_language(lang)
        for path, name in PAGES:
            staff.goto(path)
            boxes = _stops(staff)
            for box in boxes:
                assert box["stop"] == box["scrolls"], (path, lang, box)
            scrolling_on_phone += sum(box["scrolls"] for box in boxes)
            staff.check(f"{name}-boxes-390-{lang}")
    # a wide table still scrolls on a phone, and its box is still a stop
    assert scrolling_on_phone >= 1
    staff.use_language(first)
    desk = new_user(DESKTOP, name="boxes-desktop")
    desk.login(STAFF_EMAIL, STAFF_PASSWORD)
    for path, name in PAGES:
        desk.goto(path)
        boxes = _stops(desk)
        # every table fits a desktop: no box scrolls, and none is a stop
        assert boxes == [dict(box, stop=False, scrolls=False) for box in boxes], (path, boxes)
        assert _tab_lands_on_a_box_that_does_not_scroll(desk) == [], path
        desk.check(f"{name}-boxes-desktop")
