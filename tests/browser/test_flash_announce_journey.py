"""A message of what just happened is said by a screen reader: it is in the page when the page
loads, and a live region is announced when it changes, not for what it held at the load. So
each message's live region comes empty and static/flash_announce.js moves the words in after
the load, while the message shows all along and the focus stays where the page put it. Without
scripts the message stands at the page's top with its words."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP
from tests.browser.support import DEMO_PASSWORD, Person

LARS = "investor@demo.koble.no"  # demo investor: green-energy fund

# Before the page's own scripts: what the message regions held when the document was read
# and at the load event, what the message showed at the load, and whether the words came
# into a region after the load.
_WATCH = """
window.__flash = {atReady: null, atLoad: null, shownAtLoad: null, filledAfterLoad: null};
document.addEventListener("DOMContentLoaded", () => {
  const regions = [...document.querySelectorAll("#flashes [data-flash-say]")];
  window.__flash.atReady = regions.map((r) => r.textContent);
  let loaded = false;
  window.addEventListener("load", () => {
    loaded = true;
    window.__flash.atLoad = regions.map((r) => r.textContent);
    window.__flash.shownAtLoad = [...document.querySelectorAll("#flashes .alert")]
      .map((a) => a.innerText.trim());
  });
  const seen = new MutationObserver(() => {
    if (window.__flash.filledAfterLoad === null && regions.some((r) => r.textContent.trim())) {
      window.__flash.filledAfterLoad = loaded;
    }
  });
  regions.forEach((r) => seen.observe(r, {childList: true, subtree: true, characterData: true}));
});
"""


def _save_first_unsaved(me: Person) -> tuple[str, str]:
    """Save the first recommended pitch Lars has not answered; its title and the id of the
    card the page came back to."""
    page = me.page
    me.nav("Recommended")
    ranked = page.locator("main ol > li.card")
    save = re.compile("^" + re.escape(me.t("Save: %(name)s", name="")))
    card = ranked.filter(has=page.get_by_role("button", name=save)).first
    title = card.get_by_role("heading", level=2).get_by_role("link").inner_text().strip()
    card.get_by_role("button", name=me.t("Save: %(name)s", name=title), exact=True).click()
    page.wait_for_url(re.compile(r".*/matches#r-\d+-\d+$"))
    page.wait_for_load_state("load")
    return title, page.url.split("#")[1]


def _undo(me: Person, saved: tuple[str, str]) -> None:
    """Leave Lars's answers as they were, for the other journeys: Undo on the saved card (a
    pitch interested in him shows a second card of it above the list)."""
    page = me.page
    title, card = saved
    page.goto(page.url.split("#")[0])
    page.locator(f"#{card}").get_by_role(
        "button", name=me.t("Undo: %(name)s", name=title), exact=True).click()
    expect(page.locator("#flashes .alert")).to_contain_text(me.t("Your answer was undone."))


def test_a_message_is_put_into_its_live_region_after_the_load(new_user):
    me = new_user(DESKTOP, name="investor")
    page = me.page
    page.context.add_init_script(_WATCH)
    me.login(LARS, DEMO_PASSWORD)
    me.use_language("nb")
    saved = _save_first_unsaved(me)

    said = page.locator("#flashes [data-flash-say]")
    expect(said).to_have_count(1)
    expect(said).to_have_attribute("role", "status")
    expect(said).to_have_text(me.t("Saved."))  # moved in, shortly after the load
    expect(page.get_by_role("status").filter(has_text=me.t("Saved."))).to_be_visible()
    watched = page.evaluate("window.__flash")
    assert watched["atReady"] == [""] and watched["atLoad"] == [""], watched
    assert watched["shownAtLoad"] == [me.t("Saved.")], watched  # seen all along
    assert watched["filledAfterLoad"] is True, watched
    expect(page.locator("#flashes [data-flash-words]")).to_have_count(0)
    # the focus is left where the page put it, not taken into the message
    assert page.evaluate("!document.activeElement.closest('#flashes')")
    me.check("message-said-after-load")
    _undo(me, saved)


def test_without_scripts_the_message_stands_with_its_words(browser, live_server, request):
    context = browser.new_context(base_url=live_server.base_url, viewport=DESKTOP,
                                  java_script_enabled=False, reduced_motion="reduce")
    context.set_default_timeout(15_000)
    try:
        me = Person(context.new_page(), live_server, test=request.node.name, who="no-scripts")
        page = me.page
        me.login(LARS, DEMO_PASSWORD)
        me.use_language("nb")
        saved = _save_first_unsaved(me)
        message = page.locator("#flashes .alert")
        expect(message).to_have_count(1)
        expect(message).to_be_visible()
        expect(message.locator("[data-flash-words]")).to_have_text(me.t("Saved."))
        expect(message.locator("[data-flash-say]")).to_have_text("")
        # at the page's top (koble.css holds it at the window's bottom only with scripts)
        assert message.bounding_box()["y"] < page.locator("main h1").bounding_box()["y"]
        _undo(me, saved)
    finally:
        context.close()
