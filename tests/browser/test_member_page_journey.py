"""Staff follow a founder's name on the moderation list to the member's page
(/staff/members/<id>), and from there an arena's link; on a 390 px phone, in bokmål and
English, the page scrolls nothing sideways and its arena rows lie inside the screen, and
axe-core finds nothing serious on it (the journey's check)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.seed_server import STAFF_EMAIL, STAFF_PASSWORD
from tests.browser.test_phone_staff_lists_journey import _every_cell_on_screen
from tests.browser.test_phone_staff_tables_journey import _no_sideways_page


def test_staff_reach_a_member_from_the_moderation_list(new_user):
    desk = new_user(DESKTOP, name="member-desktop")
    desk.login(STAFF_EMAIL, STAFF_PASSWORD)
    desk.goto("/staff/pitches")
    # the founder of a pitch with an arena: the page has its arenas table to look at
    links = desk.page.locator('main table a[href^="/staff/members/"]')
    assert links.count() >= 1
    paths = []
    for index in range(links.count()):
        href = links.nth(index).get_attribute("href")
        if href not in paths:
            paths.append(href)
    path = next(p for p in paths if desk.page.request.get(p).text().count("data-arena-id") > 0)
    desk.goto(path)
    expect(desk.page.get_by_role("heading", level=2, name=desk.t("Arenas"))).to_be_visible()
    desk.check("member-desktop")
    desk.page.locator("main table tbody a").first.click()
    desk.page.wait_for_url("**/staff/arenas/*")
    phone = new_user(PHONE, name="member-390")
    phone.login(STAFF_EMAIL, STAFF_PASSWORD)
    first = phone.lang
    for lang in ("nb", "en"):
        phone.use_language(lang)
        phone.goto(path)
        _no_sideways_page(phone)
        assert _every_cell_on_screen(phone) >= 4
        expect(phone.page.get_by_role("heading", level=2, name=phone.t("Arenas"))).to_be_visible()
        phone.check(f"member-390-{lang}")
    phone.use_language(first)
