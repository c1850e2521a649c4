"""On a 390 px phone a message of what just happened stands at the top of the page's content,
in its flow, and covers no control. It was held over the window's bottom until closed, where
on a phone it lay over whatever was there (the staff's Search button after adding someone to
an arena). A laptop keeps it held at the bottom; the match-card pages keep it there on a
phone too (test_saved_pitches_journey)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.seed_server import STAFF_EMAIL, STAFF_PASSWORD

PHONE_390 = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}

# Every visible control's box, but the messages' own (their close buttons).
CONTROLS = """() => [...document.querySelectorAll('a, button, input, select, textarea')]
  .filter(e => !e.closest('#flashes') && e.getClientRects().length)
  .map(e => { const r = e.getBoundingClientRect();
              return {name: (e.innerText || e.value || e.name || '').trim().slice(0, 40),
                      top: r.top, bottom: r.bottom, left: r.left, right: r.right}; })
  .filter(r => r.bottom > 0 && r.top < window.innerHeight && r.right > r.left)"""


def _logged_out(new_user, viewport, name):
    """A person who has just logged out: the front page with its "You are logged out."."""
    me = new_user(viewport, name=name)
    me.login(STAFF_EMAIL, STAFF_PASSWORD)
    me.open_menu()
    me.page.get_by_role("button", name=me.t("Log out")).click()
    me.page.wait_for_load_state("load")
    message = me.page.locator("#flashes .alert")
    expect(message).to_contain_text(me.t("You are logged out."))
    return me, message


def test_on_a_phone_the_message_stands_above_the_content_and_covers_nothing(new_user):
    me, message = _logged_out(new_user, PHONE_390, "phone-390")
    box = message.bounding_box()
    heading = me.page.locator("main h1").first.bounding_box()
    assert box["y"] + box["height"] <= heading["y"], (box, heading)
    covered = [c for c in me.page.evaluate(CONTROLS)
               if c["top"] < box["y"] + box["height"] and c["bottom"] > box["y"]
               and c["left"] < box["x"] + box["width"] and c["right"] > box["x"]]
    assert covered == [], covered
    # still closable, and said as before (its region: test_flash_announce_journey)
    expect(message.get_by_role("button", name=me.t("Close message"))).to_be_visible()
    expect(message.locator("[role=status]")).to_contain_text(me.t("You are logged out."))
    me.check("phone-flash-in-flow")


def test_on_a_laptop_the_message_is_still_held_at_the_bottom(new_user):
    me, message = _logged_out(new_user, LAPTOP, "laptop")
    box = message.bounding_box()
    assert box["y"] + box["height"] > LAPTOP["height"] - 80, box
