"""Saved pitches: an investor saves a recommended pitch, finds it on /matches/saved with its
card, and undoes the save there (in Norwegian)."""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.support import DEMO_PASSWORD

LARS = "investor@demo.koble.no"  # demo investor: green-energy fund
PHONE_SIDEWAYS = {"width": PHONE["height"], "height": PHONE["width"]}


def test_investor_saves_a_pitch_finds_it_and_undoes_the_save(new_user):
    me = new_user(DESKTOP, name="investor")
    page = me.page
    me.login(LARS, DEMO_PASSWORD)
    me.use_language("nb")
    me.nav("Recommended")
    ranked = page.locator("main ol > li.card")  # the ranked list, not "Interested in you"
    # the first recommended pitch Lars has not answered yet (another journey may have)
    save = re.compile("^" + re.escape(me.t("Save: %(name)s", name="")))
    card = ranked.filter(has=page.get_by_role("button", name=save)).first
    expect(card).to_be_visible()
    title = card.get_by_role("heading", level=2).get_by_role("link").inner_text().strip()
    card.get_by_role("button", name=me.t("Save: %(name)s", name=title), exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text(me.t("Saved."))
    page.wait_for_url(re.compile(r".*/matches#r-\d+-\d+$"))
    pair = page.url.split("#")[1].split("-", 1)[1]  # "<pitch>-<investor>": titles may repeat
    card = ranked.filter(has=page.locator("#r-" + pair))
    expect(card.get_by_text(me.t("Saved"), exact=True)).to_be_visible()

    page.get_by_role("link", name=me.t("Saved pitches"), exact=True).click()
    page.wait_for_url("**/matches/saved")
    expect(page.get_by_role("heading", level=1)).to_have_text(me.t("Saved pitches"))
    saved = page.locator("main ol > li.card").filter(has=page.locator("#s-" + pair))
    expect(saved).to_have_count(1)
    expect(saved.get_by_role("link", name=title, exact=True)).to_be_visible()
    expect(saved.get_by_text(me.t("Saved"), exact=True)).to_be_visible()
    expect(saved.get_by_label(me.t("Why this match"))).to_be_visible()  # the recommendation card
    count = page.locator("main p[role='status']")
    expect(count).to_have_text(re.compile(r"^\d+ "))
    before = int(count.inner_text().split()[0])
    me.check("saved-pitches")

    saved.get_by_role("button", name=me.t("Undo: %(name)s", name=title), exact=True).click()
    # back at the card's place in the list, not at the page's top
    page.wait_for_url(re.compile(r".*/matches/saved#s-\d+$"))
    expect(page.get_by_role("status").first).to_contain_text(me.t("Your answer was undone."))
    expect(page.locator("#s-" + pair)).to_have_count(0)
    if before == 1:
        expect(page.get_by_text(me.t(
            "You have not saved any pitches. Choose “Save” on a recommended pitch to come back "
            "to it here."))).to_be_visible()
    me.check("saved-pitches-undone")


def test_the_answer_on_a_card_far_down_is_confirmed_where_the_card_is(new_user):
    """The answer comes back to the card (#r-<pitch>-<investor>), far below the page's top on
    a phone: the message is held in view there, below the card's answer, and closes; at the
    page's top it leaves the menu bar and the opened menu uncovered."""
    me = new_user(PHONE, name="investor-phone")
    page = me.page
    me.login(LARS, DEMO_PASSWORD)
    me.use_language("nb")
    me.nav("Recommended")
    ranked = page.locator("main ol > li.card")
    save = re.compile("^" + re.escape(me.t("Save: %(name)s", name="")))
    card = ranked.filter(has=page.get_by_role("button", name=save)).last
    title = card.get_by_role("heading", level=2).get_by_role("link").inner_text().strip()
    card.get_by_role("button", name=me.t("Save: %(name)s", name=title), exact=True).click()
    page.wait_for_url(re.compile(r".*/matches#r-\d+-\d+$"))
    _wait_until_still(page)
    assert page.evaluate("() => window.scrollY") > PHONE["height"]  # far down the list
    # said in its live region, shown in its message box with the close button
    status = page.locator("#flashes .alert").filter(
        has=page.get_by_role("status").filter(has_text=me.t("Saved.")))
    expect(status).to_be_in_viewport(ratio=1)
    card = ranked.filter(has=page.locator("#" + page.url.split("#")[1]))  # titles may repeat
    heading = card.get_by_role("heading", level=2)
    answer = card.get_by_role("group")
    expect(answer.get_by_text(me.t("Saved"), exact=True)).to_be_visible()
    # The answer's new state and buttons, at the card's end, are in view above the message
    # (they were under it, or below the window); the title too when the card fits.
    expect(answer).to_be_in_viewport(ratio=1)
    box, message = answer.bounding_box(), status.bounding_box()
    assert box["y"] + box["height"] <= message["y"], (box, message)
    if card.bounding_box()["height"] <= message["y"]:
        expect(heading).to_be_in_viewport(ratio=1)
    me.check("answer-confirmed-at-the-card-phone")

    page.evaluate("window.scrollTo(0, 0)")
    me.open_menu()
    menu = page.get_by_role("navigation", name=me.t("Main menu")).bounding_box()
    message = status.bounding_box()
    assert menu["y"] + menu["height"] <= message["y"], (menu, message)

    status.get_by_role("button", name=me.t("Close message")).click()
    expect(page.locator("#flashes .alert")).to_have_count(0)
    # leave Lars's answers as they were, for the other journeys
    page.goto(page.url.split("#")[0])
    card.get_by_role("button", name=me.t("Undo: %(name)s", name=title), exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text(me.t("Your answer was undone."))


def test_a_card_taller_than_the_window_shows_its_answer_above_the_message(new_user):
    """A phone held sideways: a recommendation card is taller than the window's room above
    the message, and the page that came back to it (#r-…) showed its top, with the new
    answer and its buttons under the message or below the window. Its end, where the answer
    is, is shown instead, above the message."""
    me = new_user(PHONE_SIDEWAYS, name="investor-sideways")
    page = me.page
    me.login(LARS, DEMO_PASSWORD)
    me.use_language("nb")
    me.nav("Recommended")
    ranked = page.locator("main ol > li.card")
    save = re.compile("^" + re.escape(me.t("Save: %(name)s", name="")))
    # the tallest of the first unsaved cards: their height follows their reasons' wording
    # (a card one line shorter than the room above the message tested nothing here)
    unsaved = ranked.filter(has=page.get_by_role("button", name=save))
    card = max((unsaved.nth(i) for i in range(min(unsaved.count(), 6))),
               key=lambda c: c.bounding_box()["height"])
    title = card.get_by_role("heading", level=2).get_by_role("link").inner_text().strip()
    card.get_by_role("button", name=me.t("Save: %(name)s", name=title), exact=True).click()
    page.wait_for_url(re.compile(r".*/matches#r-\d+-\d+$"))
    _wait_until_still(page)
    status = page.locator("#flashes .alert").filter(
        has=page.get_by_role("status").filter(has_text=me.t("Saved.")))
    expect(status).to_be_in_viewport(ratio=1)
    # by the pair the page came back to: a founder's journey may have added a pitch of the
    # same title, which Lars is recommended too
    card = ranked.filter(has=page.locator("#" + page.url.split("#")[1]))
    # taller than the window's room above the message
    assert card.bounding_box()["height"] > status.bounding_box()["y"], (
        card.bounding_box(), status.bounding_box())
    answer = card.get_by_role("group")
    expect(answer.get_by_text(me.t("Saved"), exact=True)).to_be_in_viewport(ratio=1)
    box, message = answer.bounding_box(), status.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= message["y"], (box, message)
    me.check("answer-confirmed-at-a-tall-card-sideways")
    # leave Lars's answers as they were, for the other journeys
    page.goto(page.url.split("#")[0])
    card.get_by_role("button", name=me.t("Undo: %(name)s", name=title), exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text(me.t("Your answer was undone."))


def _wait_until_still(page, timeout: float = 10) -> None:
    """Until the page has stopped scrolling (the same position over 0.3 s)."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        now = page.evaluate("() => window.scrollY")
        if now == last and now > 0:
            return
        last = now
        page.wait_for_timeout(300)
    raise AssertionError(f"the page kept scrolling (at {last})")
