"""Back after saving a new pitch, then Save again: Chromium brings the form back filled in,
with its one-time token, and the second Save leads to the pitch saved the first time, with a
message, instead of making a twin draft."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP
from tests.browser.support import DEMO_PASSWORD

FOUNDER = "founder.en@demo.koble.no"  # demo founder in English, no activity to disturb
TITLE = "Back-button biogas"
SAVED = re.compile(r"/pitches/\d+$")


def test_back_then_save_again_makes_no_second_pitch(new_user):
    me = new_user(DESKTOP, name="founder")
    page = me.page
    me.login(FOUNDER, DEMO_PASSWORD)
    me.goto("/pitches/new")
    page.get_by_label(me.t("Title")).fill(TITLE)
    page.get_by_label(me.t("One-line summary")).fill("Biogas from farm waste.")
    page.get_by_label(me.t("Funding ask (NOK)")).fill("1 500 000")
    page.get_by_role("button", name=me.t("Save")).click()
    page.wait_for_url(SAVED)
    saved_at = page.url
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)

    page.go_back()
    expect(page.get_by_label(me.t("Title"))).to_have_value(TITLE)
    page.get_by_role("button", name=me.t("Save")).click()
    page.wait_for_url(SAVED)

    assert page.url == saved_at
    expect(page.get_by_role("status").first).to_contain_text(
        me.t("This pitch was saved already, so it was not saved again. Here it is: "
             "change it with Edit."))
    me.goto("/pitches/mine")
    expect(page.locator("main").get_by_text(TITLE)).to_have_count(1)
