"""The main menu of every role fits, in bokmål and in English: from 1200 px each item on one
line, all of them on one row inside the bar; on a phone behind the toggler. The admin's own
pages sit in an "Administration" dropdown that works from the keyboard. The dashboard's bar
labels lie wholly inside their chart, on a desktop and on a phone."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.seed_server import STAFF_EMAIL, STAFF_PASSWORD
from tests.browser.support import DEMO_PASSWORD

ACCOUNTS = {
    "founder": ("founder@demo.koble.no", DEMO_PASSWORD),
    "investor": ("investor@demo.koble.no", DEMO_PASSWORD),
    "staff": (STAFF_EMAIL, STAFF_PASSWORD),
    "admin": ("admin@demo.koble.no", DEMO_PASSWORD),
}
WIDE = (1280, 1440)

# Each visible item of the expanded menu: its text, its height in lines of its own text, and
# its box; and the right edge of the bar's container.
_MENU_GEOMETRY = """nav => {
  const items = [...nav.querySelectorAll('.navbar-brand, .navbar-nav > .nav-item > .nav-link,'
                                       + ' .navbar-nav > .nav-item .btn')]
    .filter(e => e.getClientRects().length);
  return {
    right: nav.querySelector('.container').getBoundingClientRect().right,
    items: items.map(e => {
      const s = getComputedStyle(e), box = e.getBoundingClientRect();
      const inner = box.height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)
                    - parseFloat(s.borderTopWidth) - parseFloat(s.borderBottomWidth);
      return {text: e.innerText, lines: inner / parseFloat(s.lineHeight),
              top: box.top, bottom: box.bottom, right: box.right};
    }),
  };
}"""


def assert_menu_fits(person, label: str) -> None:
    """No item wraps, all sit on one row, none sticks out of the bar."""
    page = person.page
    expect(page.locator(".navbar-toggler")).to_be_hidden()
    geometry = page.locator("nav.navbar").evaluate(_MENU_GEOMETRY)
    items = geometry["items"]
    assert len(items) >= 6, (label, items)
    wrapped = [i["text"] for i in items if i["lines"] > 1.4]
    assert not wrapped, f"{label}: menu items over two lines: {wrapped}"
    assert max(i["top"] for i in items) < min(i["bottom"] for i in items), \
        f"{label}: the menu takes more than one row: {items}"
    outside = [i["text"] for i in items if i["right"] > geometry["right"] + 1]
    assert not outside, f"{label}: menu items beyond the bar: {outside}"


def test_every_roles_menu_fits_in_both_languages(new_user):
    for role, (address, password) in ACCOUNTS.items():
        person = new_user(DESKTOP, name=role)
        page = person.page
        person.login(address, password)
        first = person.lang
        for lang in ("nb", "en"):
            page.set_viewport_size(DESKTOP)
            person.use_language(lang)
            person.goto("/arenas")
            for width in WIDE:
                page.set_viewport_size({"width": width, "height": DESKTOP["height"]})
                assert_menu_fits(person, f"{role} {lang} {width} px")
                person.photograph(f"menu-{lang}-{width}")
            page.set_viewport_size(PHONE)
            toggler = page.locator(".navbar-toggler")
            expect(toggler).to_be_visible()
            person.open_menu()
            menu = page.get_by_role("navigation", name=person.t("Main menu"))
            # staff's arenas are the ones they run (they are never invited)
            arenas = "Arenas" if role in ("staff", "admin") else "My arenas"
            expect(menu.get_by_role("link", name=person.t(arenas), exact=True)) \
                .to_be_visible()
            expect(menu.get_by_role("button", name=person.t("Log out"))).to_be_in_viewport()
            person.photograph(f"menu-{lang}-phone")
            toggler.click()
        page.set_viewport_size(DESKTOP)
        person.use_language(first)  # as the other journeys found this account


# What the server renders for a person with a long name and unread notifications (the demo
# accounts have short names and may have read theirs): the account link's name, and the
# count in the Notifications link, as _nav_items.html writes it.
_LONG_NAME_AND_UNREAD = """nav => {
  const link = start => [...nav.querySelectorAll('a.nav-link')]
    .find(a => a.getAttribute('href').startsWith(start));
  link('/account').firstChild.textContent = 'Ingeborg Kristiansen-Haugland';
  const bell = link('/notifications');
  if (bell) {  // shown to those who have notifications (notifications_in_menu)
    bell.querySelector('.badge')?.remove();
    bell.insertAdjacentHTML('beforeend', ' <span class="badge text-bg-light">12</span>');
  }
}"""


def test_menu_fits_with_a_long_name_and_unread_notifications(new_user):
    """An English investor's menu at 1280 px had 29 px to spare: one unread notification
    ("Notifications 3") or a name longer than "Sophie Brown" moved the right-hand group
    (language, name, Log out) onto a second row."""
    for role in ("investor", "founder", "staff"):
        person = new_user(DESKTOP, name=role)
        page = person.page
        person.login(*ACCOUNTS[role])
        first = person.lang
        for lang in ("en", "nb"):
            person.use_language(lang)
            for width in (1200, 1280):
                page.set_viewport_size({"width": width, "height": DESKTOP["height"]})
                person.goto("/arenas")
                page.locator("nav.navbar").evaluate(_LONG_NAME_AND_UNREAD)
                assert_menu_fits(person, f"{role} {lang} {width} px, long name, 12 unread")
            page.set_viewport_size(DESKTOP)
        person.use_language(first)


def test_admin_pages_dropdown_works_from_the_keyboard(new_user):
    admin = new_user(DESKTOP, name="admin")
    page = admin.page
    admin.login(*ACCOUNTS["admin"])
    admin.use_language("nb")
    menu = page.get_by_role("navigation", name=admin.t("Main menu"))
    toggle = menu.get_by_role("button", name=admin.t("Administration"))
    people = menu.get_by_role("link", name=admin.t("People"), exact=True)
    expect(people).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(people).to_be_visible()
    admin.check("admin-menu-open")
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    expect(people).to_be_focused()  # the dropdown lists the pages as their tabs do
    page.keyboard.press("ArrowDown")
    expect(menu.get_by_role("link", name=admin.t("Associations"), exact=True)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(people).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/users")
    expect(page.get_by_role("heading", level=1)).to_have_text(admin.t("People"))


_LABELS_OUTSIDE = """svgs => svgs.flatMap(svg => {
  const frame = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('.chart-label')].filter(t => {
    const box = t.getBoundingClientRect();
    return box.left < frame.left - 0.5 || box.right > frame.right + 0.5
        || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5;
  }).map(t => t.textContent);
})"""


def test_dashboard_bar_labels_lie_inside_their_charts(new_user):
    staff = new_user(DESKTOP, name="staff")
    page = staff.page
    staff.login(*ACCOUNTS["staff"])
    first = staff.lang
    for lang in ("nb", "en"):
        for viewport, width_name in ((DESKTOP, "desktop"), (PHONE, "phone")):
            page.set_viewport_size(viewport)
            staff.use_language(lang)
            staff.goto("/staff/dashboard?scope=all")
            charts = page.locator("svg.chart-svg")
            expect(charts.first).to_be_visible()
            assert charts.count() >= 2
            labels = page.locator("svg.chart-svg .chart-label")
            expect(labels.filter(has_text=staff.t("Met an investor at an arena")).first) \
                .to_be_visible()
            outside = charts.evaluate_all(_LABELS_OUTSIDE)
            assert outside == [], f"{lang} {width_name}: labels cut off: {outside}"
            charts.first.scroll_into_view_if_needed()
            staff.check(f"dashboard-charts-{width_name}")
    page.set_viewport_size(DESKTOP)
    staff.use_language(first)
