"""A word longer than a phone's screen that a founder writes (a web address pasted into the
description, a run-together title) breaks at the screen's edge: the pitch page used to
scroll sideways, the rest of each such line out of sight."""

from __future__ import annotations

import re

from tests.browser.conftest import PHONE
from tests.browser.support import DEMO_PASSWORD

FOUNDER = "founder.en@demo.koble.no"
TITLE = "Solcellepanelgjenvinningsanleggsutbyggingsprosjekt" * 2
ADDRESS = "https://example.com/rapporter/" + "solcellepanel-gjenvinning-" * 12 + "2026.pdf"


def test_a_long_word_in_a_pitch_breaks_at_the_edge_of_a_phone(new_user):
    me = new_user(PHONE, name="founder")
    page = me.page
    me.login(FOUNDER, DEMO_PASSWORD)
    me.goto("/pitches/new")
    page.get_by_label(me.t("Title")).fill(TITLE[:120])
    page.get_by_label(me.t("One-line summary")).fill("Gjenvinning av solcellepaneler.")
    page.get_by_label(me.t("Description")).fill(f"Les rapporten: {ADDRESS}")
    page.get_by_role("button", name=me.t("Save")).click()
    page.wait_for_url(re.compile(r"/pitches/\d+$"))
    assert ADDRESS in page.locator("main").inner_text().replace("\n", "")  # all of it shown
    wide = page.evaluate("document.documentElement.scrollWidth")
    screen = page.evaluate("document.documentElement.clientWidth")
    assert wide <= screen, f"the pitch page scrolls sideways: {wide} > {screen}"
