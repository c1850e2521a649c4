"""Keyboard focus shows (WCAG 2.4.7): Tab to the green main button, the menu's links and
buttons on the green bar, and the buttons on a list's cards, and each wears a clearly
visible ring it does not wear unfocused (Bootstrap took the outline off .btn and .nav-link,
and its shadow for .btn-koble named a colour nobody defined). A refused form puts the focus
on its summary, whose links lead to the fields. Closing a message gives the focus back to the
match card the answer came back to. A move refused in its row of the staff schedule puts the
focus in the refused field."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP
from tests.browser.keyboard import Keyboard
from tests.browser.seed_server import DRAFT_ARENA, STAFF_EMAIL, STAFF_PASSWORD
from tests.browser.support import DEMO_PASSWORD

_RING = """el => {
  const s = getComputedStyle(el);
  return {outline: [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor],
          shadow: s.boxShadow};
}"""


def _ring(locator) -> dict:
    return locator.evaluate(_RING)


def _assert_focus_shows(keys: Keyboard, locator, what: str) -> None:
    locator.evaluate("el => el.blur()")
    resting = _ring(locator)
    keys.tab_to(locator)
    focused = _ring(locator)
    style, width, colour = focused["outline"]
    assert style not in ("none", "hidden") and width >= 2 and colour != "rgba(0, 0, 0, 0)", (
        f"{what}: no visible outline when focused: {focused}")
    assert focused != resting, f"{what}: looks the same focused and not: {focused}"


def test_tab_shows_where_the_focus_is(new_user):
    me = new_user(DESKTOP, name="visitor")
    page = me.page
    me.goto("/auth/login")
    keys = Keyboard(page)
    menu = page.get_by_role("navigation", name=me.t("Main menu"))
    _assert_focus_shows(keys, page.locator("main button.btn-koble"), "the green main button")
    _assert_focus_shows(keys, menu.get_by_role("link", name=me.t("Log in")), "a menu link")
    _assert_focus_shows(keys, menu.get_by_role("link", name=me.t("Register")),
                        "the menu's Register button")
    _assert_focus_shows(keys, menu.get_by_role("button", name="English"),
                        "the language button")
    _assert_focus_shows(keys, menu.get_by_role("link", name="Koble"), "the brand")

    me.login("investor@demo.koble.no", DEMO_PASSWORD)
    menu = page.get_by_role("navigation", name=me.t("Main menu"))
    _assert_focus_shows(keys, menu.get_by_role("button", name=me.t("Log out")),
                        "the menu's Log out button")
    card_button = page.locator("main li.card button").first
    _assert_focus_shows(keys, card_button, "a card's button")
    me.check("focus-ring")


def test_a_refused_form_puts_the_focus_on_its_summary(new_user):
    """Sent empty from the keyboard, the login form comes back with the focus on the
    summary; its links name the fields, and following one puts the focus in the field."""
    me = new_user(DESKTOP, name="visitor")
    page = me.page
    me.goto("/auth/login")
    keys = Keyboard(page)
    keys.activate(page.locator("main button.btn-koble"))
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(me.t("Please correct the marked fields."))
    expect(summary.get_by_role("link")).to_have_text([me.t("E-mail"), me.t("Password")])
    assert _ring(summary)["outline"][0] != "none"
    me.check("login-errors-focused")
    keys.tab_to(summary.get_by_role("link", name=me.t("Password")))
    page.keyboard.press("Enter")
    expect(page.get_by_label(me.t("Password"), exact=True)).to_be_focused()


def test_closing_a_message_puts_the_focus_on_the_answered_card(new_user):
    """An answer on a card comes back to the card (#r-12-34) with a message; closed from the
    keyboard, the message took the focus with it to <body>, and the next Tab went to the
    list's filters at the top of the page. Now the focus stays with the card, and the next
    Tab lands inside it."""
    me = new_user(DESKTOP, name="investor")
    page = me.page
    me.login("investor@demo.koble.no", DEMO_PASSWORD)
    keys = Keyboard(page)
    me.goto("/matches")
    save = re.compile(f"^{me.t('Save')}:")
    card = page.locator("main li.card[id^='r-']").filter(
        has=page.get_by_role("button", name=save)).first
    keys.activate(card.get_by_role("button", name=save))
    page.wait_for_url(re.compile(r"/matches#r-"))
    landing = page.url.split("#", 1)[1]
    keys.activate(page.locator("#flashes").get_by_role("button", name=me.t("Close message")))
    expect(page.locator("#flashes .alert")).to_have_count(0)
    assert page.evaluate("document.activeElement.id") == landing
    page.keyboard.press("Tab")
    assert page.evaluate(f"!!document.activeElement.closest('#{landing}')")
    me.check("message-closed-focus-on-card")
    # leave the demo's answers as they were for the other journeys
    keys.activate(page.locator(f"#{landing}").get_by_role(
        "button", name=re.compile(f"^{me.t('Undo')}:")))
    expect(page.locator("#flashes")).to_contain_text(me.t("Your answer was undone."))


def test_a_refused_move_puts_the_focus_in_its_field(new_user):
    """A meeting moved to a slot that does not exist comes back at its row with the reason
    under the fields (aria-describedby) and no summary: the focus was left on <body>. Now it
    is in the refused field, and the title says the page holds an error."""
    staff = new_user(DESKTOP, name="staff")
    page = staff.page
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    keys = Keyboard(page)
    staff.goto("/staff/arenas")
    keys.activate(page.get_by_role("link", name=DRAFT_ARENA))
    keys.activate(page.locator("main .nav-pills").get_by_role("link", name=staff.t("Schedule")))
    slot = page.locator("main input[name=slot]").first
    keys.type_into(slot, "99")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/schedule#meeting-\d+$"))
    page.wait_for_load_state("load")
    refused = page.locator("main input[name=slot][aria-invalid=true]")
    expect(refused).to_have_count(1)
    expect(refused).to_be_focused()
    expect(refused).to_have_value("99")
    assert page.title().startswith(staff.t("Error: %(title)s", title=""))
    staff.check("move-refused-focus-in-field")
