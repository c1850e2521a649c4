"""On a 390 px phone the staff's moderation list, the admin's people list, the member import's
preview, the attendance page, the API tokens, the staff's arena list, the admin's
associations and the audit log show every row whole: its facts, its reasons and its buttons
inside the screen, with nothing scrolling sideways. Before, each table scrolled inside its
box: Hide sat at 537 px, a person's role at 436 px, the import's "Why" (the reasons a row is
rejected), the attendance's Present / Absent, a token's Revoke, an arena's status (from
504 px), an association's staff and arena counts and an event's details (from 402 px) past
the screen's edge. Now each row is a card below md (koble.css .table-stack, as the invitation
list and the schedule), and a desktop keeps the tables with their column headers. The import
preview's box is a tab stop only where it scrolls."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.seed_server import STAFF_EMAIL, STAFF_PASSWORD
from tests.browser.support import DEMO_PASSWORD
from tests.browser.test_phone_staff_tables_journey import _all_on_screen, _no_sideways_page

ADMIN_EMAIL = "admin@demo.koble.no"

# Every element matching the selector: where it is, and whether a box around it scrolls
# sideways (a box wider than itself that clips it).
_BOXES = """(selector) => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll(selector)].map(e => {
    const box = e.getBoundingClientRect();
    let scrolls = false;
    for (let a = e.parentElement; a; a = a.parentElement) {
      if (a.scrollWidth > a.clientWidth + 1 && getComputedStyle(a).overflowX !== 'visible') {
        scrolls = true;
      }
    }
    return {text: e.innerText.trim().slice(0, 40), left: box.left, right: box.right,
            width: box.width, screen: width, scrolls};
  });
}"""


def _every_cell_on_screen(person, selector: str = "main table tbody :is(td, th)") -> int:
    """Each body cell of the page's table (a row's facts, reasons and buttons) lies inside the
    screen, in no box that scrolls sideways."""
    boxes = person.page.evaluate(_BOXES, selector)
    assert boxes, f"no {selector!r} on {person.page.url}"
    for box in boxes:
        assert box["left"] >= 0 and box["right"] <= box["screen"], box
        assert not box["scrolls"], box
    return len(boxes)


def _still_a_table_on_a_desktop(person, header: str) -> None:
    """At 1280 px the table keeps its look: column headers in a row above the rows."""
    table = person.page.locator("main table").first
    expect(table.get_by_role("columnheader", name=person.t(header))).to_be_visible()
    assert table.evaluate("t => getComputedStyle(t).display") == "table"


def _on_a_phone_then_a_desktop(new_user, name: str, login: tuple[str, str], path: str,
                               header: str, on_the_phone) -> None:
    """The page at `path` on a phone, in bokmål and English: nothing scrolls sideways,
    `on_the_phone(person)` finds the row's facts and buttons on screen, and the table is
    still a table with the column `header`, for screen readers; then on a desktop it looks
    as it did. The phone's user gets its first language back, for the other journeys."""
    phone = new_user(PHONE, name=f"{name}-390")
    phone.login(*login)
    first = phone.lang
    for lang in ("nb", "en"):
        phone.use_language(lang)
        phone.goto(path)
        _no_sideways_page(phone)
        on_the_phone(phone)
        expect(phone.page.get_by_role("table").first.get_by_role(
            "columnheader", name=phone.t(header))).to_have_count(1)
        phone.check(f"{name}-390-{lang}")
    phone.use_language(first)
    desk = new_user(DESKTOP, name=f"{name}-desktop")
    desk.login(*login)
    desk.goto(path)
    _still_a_table_on_a_desktop(desk, header)
    desk.check(f"{name}-desktop")


STAFF = (STAFF_EMAIL, STAFF_PASSWORD)
ADMIN = (ADMIN_EMAIL, DEMO_PASSWORD)


def test_moderation_rows_and_hide_are_on_screen_on_a_phone(new_user):
    def hide_on_screen(staff):
        assert _all_on_screen(staff, "main table a.btn", "Hide") >= 5
        assert _every_cell_on_screen(staff) >= 5 * 5

    _on_a_phone_then_a_desktop(new_user, "moderation", STAFF, "/staff/pitches", "Status",
                               hide_on_screen)


def test_admin_people_rows_are_on_screen_on_a_phone(new_user):
    def people_on_screen(admin):
        # name (the link to the person), e-mail, role, association, active, last login
        assert _every_cell_on_screen(admin) >= 6 * 10
        assert _all_on_screen(admin, "main table td", "Administrator") >= 1

    _on_a_phone_then_a_desktop(new_user, "people", ADMIN, "/admin/users", "Role",
                               people_on_screen)


MEMBERS_CSV = ("email,name,role\n"
               "ny.grunder@example.no,Ny Gründer,founder\n"
               "ikke-en-adresse,Uten Adresse,founder\n"
               "rolle@example.no,Feil Rolle,partner\n").encode()


def _preview(person, viewport_name: str) -> None:
    person.goto("/staff/members/import")
    person.page.locator("main input[type=file]").set_input_files(
        files=[{"name": "medlemmer.csv", "mimeType": "text/csv", "buffer": MEMBERS_CSV}])
    person.page.locator("main form[enctype] button[type=submit]").click()
    person.page.wait_for_url("**/staff/members/import/preview")


def test_import_preview_reasons_are_on_screen_on_a_phone(new_user):
    staff = new_user(PHONE, name="import-390")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    first = staff.lang
    for lang in ("nb", "en"):
        staff.use_language(lang)
        _preview(staff, "phone")
        _no_sideways_page(staff)
        # the two rejected rows' reasons (the "Why" column) and their result
        reasons = staff.page.evaluate(_BOXES, "main tr.import-reject > td:last-child")
        assert len(reasons) == 2, reasons
        for reason in reasons:
            assert reason["text"] and not reason["scrolls"], reason
            assert reason["left"] >= 0 and reason["right"] <= reason["screen"], reason
        assert _all_on_screen(staff, "main table td", "Rejected") == 2
        assert _every_cell_on_screen(staff) == 3 * 6
        expect(staff.page.get_by_role("table").first.get_by_role(
            "columnheader", name=staff.t("Why"))).to_have_count(1)
        staff.check(f"import-preview-390-{lang}")
    staff.page.locator("main form[action$='/cancel'] button").click()
    staff.use_language(first)
    desk = new_user(DESKTOP, name="import-desktop")
    desk.login(STAFF_EMAIL, STAFF_PASSWORD)
    _preview(desk, "desktop")
    _still_a_table_on_a_desktop(desk, "Why")
    desk.check("import-preview-desktop")
    desk.page.locator("main form[action$='/cancel'] button").click()


def _open_attendance(person) -> str:
    """The staff's arena whose attendance can be marked now (the demo's arena held last
    month), found by its page, not by its id."""
    person.goto("/staff/arenas")
    links = person.page.locator("main table a").evaluate_all("as => as.map(a => a.href)")
    for link in links:
        person.goto(link + "/attendance")
        if not person.page.locator("#attendance-closed").count():
            return link + "/attendance"
    raise AssertionError("no arena whose attendance is open")


def test_attendance_buttons_are_on_screen_on_a_phone(new_user):
    staff = new_user(PHONE, name="attendance-390")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    first = staff.lang
    page = _open_attendance(staff)
    for lang in ("nb", "en"):
        staff.use_language(lang)
        staff.goto(page)
        _no_sideways_page(staff)
        present = _all_on_screen(staff, "main table button", "Present")
        assert present >= 2
        assert _all_on_screen(staff, "main table button", "Absent") == present
        assert _every_cell_on_screen(staff) == present * 5
        staff.check(f"attendance-390-{lang}")
    desk = new_user(DESKTOP, name="attendance-desktop")
    desk.login(STAFF_EMAIL, STAFF_PASSWORD)
    desk.goto(page)
    _still_a_table_on_a_desktop(desk, "Attendance")
    desk.check("attendance-desktop")
    staff.use_language(first)


def test_token_revoke_is_on_screen_on_a_phone(new_user):
    staff = new_user(PHONE, name="tokens-390")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    first = staff.lang
    staff.goto("/account/tokens")
    form = staff.page.locator("main form[method=post]").last
    form.get_by_label(staff.t("Name"), exact=True).fill("Telefonlista")
    form.get_by_label(staff.t("Your password")).fill(STAFF_PASSWORD)
    form.get_by_role("button", name=staff.t("Create token")).click()
    staff.page.wait_for_load_state("load")
    for lang in ("nb", "en"):
        staff.use_language(lang)
        staff.goto("/account/tokens")
        _no_sideways_page(staff)
        assert _all_on_screen(staff, "main table a.btn", "Revoke") >= 1
        assert _every_cell_on_screen(staff) >= 7
        staff.check(f"tokens-390-{lang}")
    desk = new_user(DESKTOP, name="tokens-desktop")
    desk.login(STAFF_EMAIL, STAFF_PASSWORD)
    desk.goto("/account/tokens")
    _still_a_table_on_a_desktop(desk, "Access")
    desk.check("tokens-desktop")
    staff.use_language(first)


def test_staff_arena_list_status_is_on_screen_on_a_phone(new_user):
    def status_on_screen(staff):
        # title (the link to the arena), when, theme, hosts, status
        arenas = staff.page.locator("main table tbody tr").count()
        assert arenas >= 3
        assert _every_cell_on_screen(staff) == arenas * 5
        status = staff.page.evaluate(_BOXES, "main table tbody td .badge")
        assert len(status) == arenas, status
        for badge in status:
            assert badge["left"] >= 0 and badge["right"] <= badge["screen"], badge

    _on_a_phone_then_a_desktop(new_user, "arenas", STAFF, "/staff/arenas", "Status",
                               status_on_screen)


def test_admin_association_counts_are_on_screen_on_a_phone(new_user):
    def counts_on_screen(admin):
        # name (the link to the association), contact, members, staff, arenas
        associations = admin.page.locator("main table tbody tr").count()
        assert associations >= 2
        assert _every_cell_on_screen(admin) == associations * 5
        # the staff count links to the association's staff in the people list
        staff = admin.page.evaluate(_BOXES, "main table tbody td a[href*='role=staff']")
        assert len(staff) == associations, staff
        for count in staff:
            assert count["left"] >= 0 and count["right"] <= count["screen"], count
        # a count reads from the left, after its label, as the other lines of the card do
        aligned = admin.page.locator("main table tbody td.text-end").evaluate_all(
            "cells => cells.map(c => getComputedStyle(c).textAlign)")
        assert set(aligned) == {"start"}, aligned

    _on_a_phone_then_a_desktop(new_user, "associations", ADMIN, "/admin/associations",
                               "Staff members", counts_on_screen)


def test_audit_log_details_are_on_screen_on_a_phone(new_user):
    def details_on_screen(admin):
        # when, who, what, subject, details (an event with no details has no "Details:" line)
        events = admin.page.locator("main table tbody tr").count()
        assert events >= 2
        assert _every_cell_on_screen(admin) >= events * 4
        # the logins above were recorded with their IP address, in the Details cell
        assert _every_cell_on_screen(admin, "main table tbody td:last-child") >= 2

    _on_a_phone_then_a_desktop(new_user, "audit", ADMIN, "/admin/audit", "Details",
                               details_on_screen)


# A row whose address is longer than a narrow desktop's column: the table scrolls in its box.
LONG_ADDRESS_CSV = (b"email,name,role\n"
                    b"styreleder.for.innovasjon.og.investering.i.regionen@"
                    b"asker-og-baerum-naeringsforening.example.no,Lang Adresse,founder\n")

_TAB_STOP = """() => {
  const box = document.querySelector('main [role=region][aria-labelledby=import-rows-caption]');
  return {stop: box.tabIndex === 0, scrolls: box.scrollWidth > box.clientWidth + 1};
}"""


def _focus_after_cancel(person) -> str:
    """Where Tab goes from the preview's Cancel, the last control before the rows."""
    person.page.locator("main form[action$='/cancel'] button").focus()
    person.page.keyboard.press("Tab")
    return person.page.evaluate(
        "() => document.activeElement.getAttribute('aria-labelledby') || ''")


def test_import_preview_box_is_a_tab_stop_only_where_it_scrolls(new_user):
    staff = new_user(PHONE, name="import-tab-390")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    _preview(staff, "phone")
    # on a phone the rows are cards: nothing scrolls, so Tab passes the box by
    assert staff.page.evaluate(_TAB_STOP) == {"stop": False, "scrolls": False}
    assert _focus_after_cancel(staff) != "import-rows-caption"
    staff.page.locator("main form[action$='/cancel'] button").click()
    # turned sideways (800 px) the rows are a table, and a long address makes it scroll
    staff.page.set_viewport_size({"width": 800, "height": 390})
    staff.goto("/staff/members/import")
    staff.page.locator("main input[type=file]").set_input_files(
        files=[{"name": "lang.csv", "mimeType": "text/csv", "buffer": LONG_ADDRESS_CSV}])
    staff.page.locator("main form[enctype] button[type=submit]").click()
    staff.page.wait_for_url("**/staff/members/import/preview")
    staff.page.wait_for_load_state("load")
    assert staff.page.evaluate(_TAB_STOP) == {"stop": True, "scrolls": True}
    assert _focus_after_cancel(staff) == "import-rows-caption"
    staff.check("import-preview-long-address-800")
    # back on the phone the same rows are cards again, and the box no stop
    staff.page.set_viewport_size(PHONE)
    staff.page.locator(
        "main [aria-labelledby=import-rows-caption]:not([tabindex])").wait_for(state="attached")
    _every_cell_on_screen(staff)
    staff.check("import-preview-long-address-390")
    staff.page.locator("main form[action$='/cancel'] button").click()
    # on a desktop wide enough for the table, nothing scrolls either
    desk = new_user(DESKTOP, name="import-tab-desktop")
    desk.login(STAFF_EMAIL, STAFF_PASSWORD)
    _preview(desk, "desktop")
    assert desk.page.evaluate(_TAB_STOP) == {"stop": False, "scrolls": False}
    desk.page.locator("main form[action$='/cancel'] button").click()
