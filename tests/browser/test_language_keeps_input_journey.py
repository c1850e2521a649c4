"""A founder halfway through a new pitch switches the language with the menu: the page comes
back in the other language with the title and summary they typed still in their fields
(static/language_keeps_input.js), both ways; a reload after that draws the empty form, and
so does the form opened afresh."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP
from tests.browser.support import DEMO_PASSWORD

FOUNDER = "founder@demo.koble.no"


def test_switching_language_keeps_what_was_typed(new_user):
    me = new_user(DESKTOP, name="founder")
    page = me.page
    me.login(FOUNDER, DEMO_PASSWORD)
    first = me.lang
    try:
        me.use_language("nb")
        for lang, title, summary in (("en", "Tidevannskraft fra Oslofjorden",
                                      "Strøm fra tidevannet, året rundt."),
                                     ("nb", "Tidal power from the Oslo fjord",
                                      "Power from the tides, all year round.")):
            me.goto("/pitches/new")
            page.get_by_label(me.t("Title")).fill(title)
            page.get_by_label(me.t("One-line summary")).fill(summary)

            me.use_language(lang)

            assert page.url.endswith("/pitches/new")
            expect(page.get_by_role("heading", level=1)).to_have_text(me.t("New pitch"))
            expect(page.get_by_label(me.t("Title"))).to_have_value(title)
            expect(page.get_by_label(me.t("One-line summary"))).to_have_value(summary)

            page.reload()
            page.wait_for_load_state("load")
            expect(page.get_by_label(me.t("Title"))).to_have_value("")
            expect(page.get_by_label(me.t("One-line summary"))).to_have_value("")
            me.goto("/pitches/new")
            expect(page.get_by_label(me.t("Title"))).to_have_value("")
    finally:
        me.use_language(first)  # as the other journeys found this account
