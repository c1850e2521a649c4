"""A person's time at an arena: an invitee who accepted (seeded: the arena journey's own arena
is scheduled by now, which freezes the times) says when they arrive and leave and at most how
many meetings they want; leaving before arriving is refused with a message at the field,
announced, and nothing changes (in Norwegian)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP
from tests.browser.seed_server import JOURNEY_PASSWORD, TIMES_ARENA, TIMES_EMAIL


def test_participant_sets_times_and_a_bad_window_changes_nothing(new_user):
    me = new_user(DESKTOP, name="participant")
    page = me.page
    me.login(TIMES_EMAIL, JOURNEY_PASSWORD)
    me.use_language("nb")
    me.nav("My arenas")
    page.get_by_role("link", name=TIMES_ARENA).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TIMES_ARENA)
    times = page.get_by_role("region", name=me.t("Your time at the arena"))
    window = times.locator("#my-window")
    expect(window).to_contain_text("09:00–11:00")  # the whole arena until told otherwise
    arrive = times.get_by_label(me.t("Arrives at"))
    leave = times.get_by_label(me.t("Leaves at"))
    cap = times.get_by_label(me.t("At most this many meetings"))
    expect(arrive.locator("option", has_text=me.t("%(time)s (break)", time="10:00"))) \
        .to_have_count(1)  # the slots as clock times, the break named
    me.check("arena-times")

    arrive.select_option(label="09:15")
    leave.select_option(label="10:30")
    cap.fill("2")
    times.get_by_role("button", name=me.t("Save my times")).click()
    expect(page.get_by_role("status").first).to_contain_text(me.t("Your times are saved."))
    expect(page).to_have_url(re.compile(r"/arenas/\d+#times$"))
    times = page.get_by_role("region", name=me.t("Your time at the arena"))
    window = times.locator("#my-window")
    expect(window).to_contain_text("09:15–10:30")
    expect(window).to_contain_text("2")
    saved_sentence = window.inner_text()
    me.check("arena-times-saved")

    # Leaving before arriving: refused, said at the leaving field and announced.
    times.get_by_label(me.t("Arrives at")).select_option(label="10:30")
    times.get_by_label(me.t("Leaves at")).select_option(label="09:30")
    times.get_by_role("button", name=me.t("Save my times")).click()
    times = page.get_by_role("region", name=me.t("Your time at the arena"))
    message = me.t("The leaving time must be after the arrival time.")
    expect(times.get_by_role("alert")).to_contain_text(me.t("Please correct the marked fields."))
    leave = times.get_by_label(me.t("Leaves at"))
    expect(leave).to_have_attribute("aria-invalid", "true")
    expect(leave).to_have_accessible_description(message)
    expect(times.get_by_label(me.t("Arrives at"))).not_to_have_attribute("aria-invalid", "true")
    expect(times.locator("#my-window")).to_have_text(saved_sentence)
    # the message under one field does not push the labels out of line
    tops = {round(label.bounding_box()["y"]) for label in times.locator("form label").all()}
    assert len(tops) == 1, tops
    me.check("arena-times-error")

    # Nothing was stored: the page read afresh shows the saved window and cap.
    me.nav("My arenas")
    page.get_by_role("link", name=TIMES_ARENA).click()
    times = page.get_by_role("region", name=me.t("Your time at the arena"))
    expect(times.locator("#my-window")).to_have_text(saved_sentence)
    expect(times.get_by_label(me.t("Arrives at"))).to_have_value("1")
    expect(times.get_by_label(me.t("Leaves at"))).to_have_value("6")
    expect(times.get_by_label(me.t("At most this many meetings"))).to_have_value("2")
