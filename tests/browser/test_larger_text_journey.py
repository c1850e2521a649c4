"""With a larger text size (a phone's or browser's font setting at 150 %, WCAG 1.4.4) the
match and pitch lists stay within a phone's screen: a card's title with a long word beside
its score badge, a tag Bootstrap kept on one line ("Begrensning av klimaendringer") and a
match's chart (a label of 10.5em beside its bar) pushed the page sideways. Between 576 and
767 px, where the chart has two columns, its bars keep a width one can read. On a desktop at
twice the text size a founder's menu wraps inside its bar instead of running past the
screen. A staff member's arena page and schedule keep their tables in boxes of their own,
which scroll (and are tab stops) only then."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.seed_server import STAFF_EMAIL, STAFF_PASSWORD
from tests.browser.support import DEMO_PASSWORD

# A font-size on the root element is what a larger default text size amounts to for the
# rem- and em-sized layout (Bootstrap's); set through the CSSOM, which the CSP allows.
_LARGER_TEXT = "size => { document.documentElement.style.fontSize = size; }"
_WIDTHS = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
_NARROWEST_BAR = """() => Math.min(...[...document.querySelectorAll('main .match-chart .progress')]
  .slice(0, 40).map(bar => bar.getBoundingClientRect().width))"""


def test_lists_stay_within_a_phone_with_larger_text(new_user):
    investor = new_user(PHONE, name="investor")
    investor.login("investor@demo.koble.no", DEMO_PASSWORD)
    first = investor.lang
    for lang in ("nb", "en"):
        investor.use_language(lang)
        for path in ("/matches", "/pitches", "/matches/saved"):
            investor.goto(path)
            investor.page.evaluate(_LARGER_TEXT, "150%")
            wide, screen = investor.page.evaluate(_WIDTHS)
            assert wide <= screen, f"{lang} {path} scrolls sideways with larger text: {wide}"
    investor.page.set_viewport_size({"width": 700, "height": 900})
    investor.goto("/matches")
    assert investor.page.evaluate(_NARROWEST_BAR) >= 100  # 33 px beside their labels before
    investor.use_language(first)


def test_the_menu_wraps_at_twice_the_text_size_on_a_desktop(new_user):
    founder = new_user(DESKTOP, name="founder")
    founder.login("founder@demo.koble.no", DEMO_PASSWORD)
    for lang in ("nb", "en"):
        founder.use_language(lang)
        founder.goto("/account/")
        founder.page.evaluate(_LARGER_TEXT, "200%")
        wide, screen = founder.page.evaluate(_WIDTHS)
        assert wide <= screen, f"{lang}: the menu runs past the screen at 200 % text: {wide}"
        founder.page.get_by_role("link", name=founder.t("My arenas"), exact=True).click()
        founder.page.wait_for_url("**/arenas")
    founder.use_language("nb")


def test_staff_arena_tables_scroll_in_their_own_boxes_with_larger_text(new_user):
    staff = new_user(PHONE, name="staff")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    first = staff.lang
    for lang in ("nb", "en"):
        staff.use_language(lang)
        for path in ("/staff/arenas/1", "/staff/arenas/2", "/staff/arenas/1/schedule?all=1"):
            staff.goto(path)
            staff.page.evaluate(_LARGER_TEXT, "150%")
            wide, screen = staff.page.evaluate(_WIDTHS)
            assert wide <= screen, f"{lang} {path} scrolls sideways with larger text: {wide}"
        # the answers' box now scrolls: a tab stop for the keyboard to scroll it
        staff.goto("/staff/arenas/2")
        staff.page.evaluate(_LARGER_TEXT, "150%")
        box = staff.page.locator("[data-tab-stop-if-scrolls]").first
        expect(box).to_have_attribute("tabindex", "0")
    staff.check("arena-larger-text")
    staff.use_language(first)
