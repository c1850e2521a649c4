"""On a 390 px phone the staff's table pages scroll their tables, never the whole page: the
menu bar, headings and buttons stay where the thumb is. A wide table scrolls inside its own
box, and nothing in it (a visually hidden column heading included) widens the page. Nothing
the pages ask for is missing: the browser's tab icon included. Their form controls are 16 px
text at least: iPhone Safari zooms the page in on a smaller one when it is tapped."""

from __future__ import annotations

from tests.browser.conftest import PHONE
from tests.browser.seed_server import STAFF_EMAIL, STAFF_PASSWORD
from tests.browser.support import DEMO_PASSWORD, tap_targets

ADMIN_EMAIL = "admin@demo.koble.no"  # the demo admin: its list holds long demo addresses

# The demo's first arena was held last month (schedule, attendance); the second is inviting.
STAFF_PAGES = (
    "/staff/dashboard?scope=all",
    "/staff/pitches",
    "/staff/arenas/1/invitations",
    "/staff/arenas/1/schedule",
    "/staff/arenas/1/attendance",
    "/staff/arenas/2/invitations",
    "/account/tokens",
    "/api/v1/docs",
)

_WIDER_THAN_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('main *')].filter(e => {
    const box = e.getBoundingClientRect();
    if (box.right <= width + 1) return false;
    for (let a = e.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return false;
    }
    return true;
  }).slice(0, 5).map(e => e.tagName + ' ' + (e.innerText || '').slice(0, 40));
  return {page: document.documentElement.scrollWidth, screen: width, wide};
}"""


# Text fields, lists and text areas shown with text under 16 px: Safari on an iPhone zooms in
# when one gets the focus (the schedule's table picker and slot/table fields were 14 px).
_SMALL_CONTROLS = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(e => !['checkbox', 'radio', 'hidden', 'submit', 'button', 'range', 'color', 'file',
                 'reset', 'image'].includes(e.type) && e.getClientRects().length
               && parseFloat(getComputedStyle(e).fontSize) < 16)
  .slice(0, 5).map(e => `${e.tagName} ${e.name} ${getComputedStyle(e).fontSize}`)"""


def test_staff_table_pages_do_not_scroll_sideways_on_a_phone(new_user):
    staff = new_user(PHONE, name="staff")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    first = staff.lang
    for lang in ("nb", "en"):
        staff.use_language(lang)
        for path in STAFF_PAGES:
            response = staff.goto(path)
            assert response.status == 200, (path, response.status)
            found = staff.page.evaluate(_WIDER_THAN_SCREEN)
            assert found["page"] <= found["screen"], f"{lang} {path} scrolls sideways: {found}"
            small = staff.page.evaluate(_SMALL_CONTROLS)
            assert not small, f"{lang} {path}: form controls under 16 px zoom a phone: {small}"
        staff.check(f"attendance-phone-{lang}")  # the last table page, as a phone shows it
    staff.use_language(first)
    # The browser asks for the tab icon itself (Playwright does not see that request): without
    # a <link rel="icon"> it asked for /favicon.ico on every first visit and got a 404.
    log = staff.server.log.read_text()
    assert "GET /static/favicon.svg" in log
    assert not [line for line in log.splitlines() if "GET /favicon.ico" in line]


def test_admin_pages_do_not_scroll_sideways_on_a_phone(new_user):
    """A person's page put a long e-mail address beside its label, past the screen's edge,
    and the engine page's 'data or weights changed' badge would not wrap."""
    admin = new_user(PHONE, name="admin")
    admin.login(ADMIN_EMAIL, DEMO_PASSWORD)
    first = admin.lang
    admin.goto("/admin/users?q=demo.koble.no")
    person = admin.page.locator("main table a[href^='/admin/users/']").first.get_attribute("href")
    for lang in ("nb", "en"):
        admin.use_language(lang)
        for path in ("/admin/users", person, "/admin/associations", "/admin/engine"):
            response = admin.goto(path)
            assert response.status == 200, (path, response.status)
            found = admin.page.evaluate(_WIDER_THAN_SCREEN)
            assert found["page"] <= found["screen"], f"{lang} {path} scrolls sideways: {found}"
    admin.use_language(first)


_FIRST_SCREEN = """(selector) => {
  const first = document.querySelector(selector);
  if (!first) return null;
  const heading = first.querySelector('h2, h3').getBoundingClientRect();
  return {bottom: heading.bottom, screen: window.innerHeight, scrolled: window.scrollY};
}"""


def test_lists_show_their_first_item_on_a_phone_first_screen(new_user):
    """The filter forms of the recommendations and the two browse lists filled a phone's
    first screen: now they fold behind a 'Filters' button, which opens them (and says so)."""
    for email, pages in (("investor@demo.koble.no", (("/matches", "main li.card"),
                                                     ("/pitches", "main li[data-pitch-id]"))),
                         ("founder@demo.koble.no", (("/investors",
                                                     "main li[data-profile-id]"),))):
        person = new_user(PHONE, name=email.split("@")[0])
        person.login(email, DEMO_PASSWORD)
        page = person.page
        for path, item in pages:
            person.goto(path)
            found = page.evaluate(_FIRST_SCREEN, item)
            assert found is not None, f"{path}: no {item}"
            assert found["scrolled"] == 0 and found["bottom"] <= found["screen"], (path, found)
            person.check(f"first-screen-{path.strip('/')}")
            toggle = page.locator("main").get_by_role("button", name=person.t("Filters"),
                                                      exact=True)
            assert toggle.get_attribute("aria-expanded") == "false"
            assert page.locator("main form[method=get]").first.is_hidden()
            toggle.focus()
            page.keyboard.press("Enter")
            page.locator("main form[method=get]").first.wait_for(state="visible")
            page.wait_for_function("b => b.getAttribute('aria-expanded') === 'true'",
                                   arg=toggle.element_handle())
            assert page.locator(f"#{toggle.get_attribute('aria-controls')} form").count() == 1


# The first checkbox of a form, its row (div.form-check, templates/_macros.html) and its label.
_CHECKBOX = {"input": "main .form-check > input[type=checkbox]",
             "row": "main .form-check:has(> input[type=checkbox])",
             "label": "main .form-check > input[type=checkbox] + label"}


def test_checkboxes_are_a_thumbs_target_on_a_phone(new_user):
    """The pitch form's checkboxes (sectors, support) were 16 px boxes in rows about 24 px
    apart on a 390 px phone. Now each box is at least 24 × 24 px (WCAG 2.5.8) and each row,
    its label filling it (a tap on the label ticks the box), at least 44 px high (2.5.5)."""
    founder = new_user(PHONE, name="founder-checkboxes")
    founder.login("founder@demo.koble.no", DEMO_PASSWORD)
    response = founder.goto("/pitches/new")
    assert response.status == 200
    found = {part: tap_targets(founder.page, selector, most=1)
             for part, selector in _CHECKBOX.items()}
    assert all(found.values()), f"no checkbox on the pitch form: {found}"
    box, row, label = (found[part][0] for part in ("input", "row", "label"))
    assert founder.page.evaluate("() => document.documentElement.clientWidth") <= 390
    assert min(box["width"], box["height"]) >= 24, found
    assert row["height"] >= 44 and label["height"] >= 44, found
    founder.page.locator("main .form-check input[type=checkbox]").first.scroll_into_view_if_needed()
    founder.check("pitch-form-checkboxes-phone")
