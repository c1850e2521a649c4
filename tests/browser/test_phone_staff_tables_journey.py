"""On a 375 px phone the staff's invitation list and meeting schedule show each row's buttons
on screen. Before, the tables scrolled sideways inside their boxes (656 px of table in a
351 px box): Remove, the move arrows and Move / Cancel meeting sat off-screen with nothing to
say they were there. Now each row is a card below md, its buttons under its text, and the
tables stay tables for screen readers."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.seed_server import DRAFT_ARENA, STAFF_EMAIL, STAFF_PASSWORD

PHONE_375 = {"width": 375, "height": 740}

# Each control matching the selector with the given text: where it is, and whether anything
# around it scrolls sideways (a box wider than itself that clips it).
_PLACES = """([selector, text]) => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll(selector)]
    .filter(e => e.innerText.trim() === text)
    .map(e => {
      const box = e.getBoundingClientRect();
      let scrolls = false;
      for (let a = e.parentElement; a; a = a.parentElement) {
        if (a.scrollWidth > a.clientWidth + 1 && getComputedStyle(a).overflowX !== 'visible') {
          scrolls = true;
        }
      }
      return {left: box.left, right: box.right, width: box.width, screen: width, scrolls};
    });
}"""


def _all_on_screen(person, selector: str, msgid: str) -> int:
    places = person.page.evaluate(_PLACES, [selector, person.t(msgid)])
    assert places, f"no {msgid!r} on {person.page.url}"
    for place in places:
        assert place["width"] > 0 and place["left"] >= 0, (msgid, place)
        assert place["right"] <= place["screen"], (msgid, place)
        assert not place["scrolls"], (msgid, place)
    return len(places)


def _no_sideways_page(person) -> None:
    page = person.page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert page[0] <= page[1], page


def test_staff_row_buttons_are_on_screen_on_a_375px_phone(new_user):
    staff = new_user(PHONE_375, name="staff-375")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    first = staff.lang
    for lang in ("nb", "en"):
        staff.use_language(lang)
        staff.goto("/staff/arenas/2/invitations")
        _no_sideways_page(staff)
        # a sent invitation's Remove is a link to a page that asks first
        assert _all_on_screen(staff, "main table :is(button, a.btn)", "Remove") >= 4
        # the table is still a table, with its column headers, for screen readers
        table = staff.page.get_by_role("table").first
        expect(table.get_by_role("columnheader", name=staff.t("State"))).to_have_count(1)
        assert table.get_by_role("row").count() > 1
    staff.check("invitations-375")

    # The seed's arena with a draft schedule: its rows have Move and Cancel meeting.
    staff.goto("/staff/arenas")
    schedule = staff.page.get_by_role("link", name=DRAFT_ARENA).get_attribute("href") + "/schedule"
    for lang in ("nb", "en"):
        staff.use_language(lang)
        staff.goto(schedule)
        _no_sideways_page(staff)
        assert _all_on_screen(staff, "main table button", "Move") >= 1
        assert _all_on_screen(staff, "main table a.btn", "Cancel meeting") >= 1
        table = staff.page.get_by_role("table").first
        expect(table.get_by_role("columnheader", name=staff.t("Founder"))).to_have_count(1)
    staff.check("schedule-375")
    staff.use_language(first)


def test_a_part_of_the_schedule_keeps_its_buttons_and_comes_back_on_a_375px_phone(new_user):
    """A big schedule opens at one slot (schedule_view): that part, and one person's, are
    cards with Move and Cancel meeting on screen, with their Table column; a change made
    in a person's part comes back to it, at the row."""
    staff = new_user(PHONE_375, name="staff-parts-375")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    staff.goto("/staff/arenas")
    schedule = staff.page.get_by_role("link", name=DRAFT_ARENA).get_attribute("href") + "/schedule"
    staff.goto(schedule + "?slot=2")
    _no_sideways_page(staff)
    assert _all_on_screen(staff, "main table button", "Move") == 1
    assert _all_on_screen(staff, "main table a.btn", "Cancel meeting") == 1
    table = staff.page.get_by_role("table").first
    expect(table.get_by_role("columnheader", name=staff.t("Table"), exact=True)).to_have_count(1)
    staff.check("schedule-slot-375")

    staff.page.locator("select[name=person]").select_option(index=0)
    staff.page.get_by_role("button", name=staff.t("Show the person's meetings")).click()
    staff.page.wait_for_load_state("load")
    assert "?person=" in staff.page.url
    _no_sideways_page(staff)
    assert _all_on_screen(staff, "main table button", "Move") == 1
    part = staff.page.url.split("#")[0]
    for step in ("Lock", "Unlock"):  # and back as it was: other journeys read this arena
        staff.page.locator("main table").get_by_role("button", name=staff.t(step),
                                                      exact=False).first.click()
        staff.page.wait_for_load_state("load")
        assert staff.page.url.startswith(part + "#meeting-"), staff.page.url
    staff.check("schedule-person-375")
