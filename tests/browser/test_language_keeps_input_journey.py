"""A founder halfway through a new pitch switches the language with the menu: the page comes
back in the other language with the title and summary they typed still in their fields
(static/language_keeps_input.js), both ways; a reload after that draws the empty form, and
so does the form opened afresh."""

from __future__ import annotations

import re

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


EDITOR = "founder.en@demo.koble.no"  # demo founder in English, no activity to disturb


def test_switching_language_keeps_the_version_typed_on(new_user):
    """The founder edits a pitch; in another tab the same pitch is saved meanwhile; back in
    the first tab they switch the language and press Save: the page says someone changed the
    pitch and nothing was saved (the version they typed on is kept with the typed text), and
    the other tab's change is still there."""
    me = new_user(DESKTOP, name="founder")
    page = me.page
    me.login(EDITOR, DEMO_PASSWORD)
    first = me.lang
    try:
        me.use_language("en")
        me.goto("/pitches/new")
        page.get_by_label(me.t("Title")).fill("Wave power at Stad")
        page.get_by_label(me.t("One-line summary")).fill("Power from the waves.")
        page.get_by_label(me.t("Funding ask (NOK)")).fill("2 000 000")
        page.get_by_role("button", name=me.t("Save")).click()
        page.wait_for_url(re.compile(r"/pitches/\d+$"))
        edit = page.url + "/edit"

        me.goto(edit)
        page.get_by_label(me.t("Title")).fill("Wave power at Stad, typed here")

        other = page.context.new_page()
        other.goto(edit)
        other.get_by_label(me.t("One-line summary")).fill("Saved in the other tab.")
        other.get_by_role("button", name=me.t("Save")).click()
        other.wait_for_url(re.compile(r"/pitches/\d+$"))
        other.close()

        me.use_language("nb")
        expect(page.get_by_label(me.t("Title"))).to_have_value("Wave power at Stad, typed here")
        page.get_by_role("button", name=me.t("Save")).click()
        page.wait_for_load_state("load")

        expect(page.locator("main").get_by_role("alert")).to_contain_text(me.t(
            "Someone changed this pitch after you opened it (perhaps in another tab). "
            "Nothing was saved."))
        assert page.url == edit
        expect(page.get_by_label(me.t("Title"))).to_have_value("Wave power at Stad, typed here")
        me.goto(edit.removesuffix("/edit"))
        expect(page.locator("main")).to_contain_text("Saved in the other tab.")
    finally:
        me.use_language(first)
