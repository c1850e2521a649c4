"""One-sided interest reaches the other side: an investor (in English) marks interest on a
pitch's own page; the founder (in Norwegian) gets a notification, follows it to the
"Interested in this pitch" section and answers with the keyboard only; then, and not
before, each sees the other's contact details."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP
from tests.browser.keyboard import Keyboard
from tests.browser.support import DEMO_PASSWORD

EMMA = "founder.en@demo.koble.no"  # demo founder: circular and maritime pitches in Drammen
SOPHIE = "investor.en@demo.koble.no"  # demo investor (English) made to fit Emma's pitches
MAILTO = "a[href^='mailto:']"


def test_investor_interest_reaches_the_founder_who_answers_by_keyboard(new_user):
    emma = new_user(DESKTOP, name="founder")
    emma.login(EMMA, DEMO_PASSWORD)
    emma.use_language("nb")
    emma.nav("My pitches")
    published = emma.page.locator("main li").filter(has_text=emma.t("Published")).first
    link = published.get_by_role("heading").get_by_role("link").first
    title = link.inner_text().strip()
    pitch_path = link.get_attribute("href")
    pitch_id = int(re.search(r"/pitches/(\d+)", pitch_path).group(1))
    matches_path = f"/pitches/{pitch_id}/matches"
    emma.goto(matches_path)
    expect(emma.page.get_by_role("heading", level=1)).to_be_visible()
    expect(emma.page.locator("#interested")).to_have_count(0)  # nobody has said so yet

    # The investor answers on the pitch's own page; the founder's contacts stay hidden.
    sophie = new_user(DESKTOP, name="investor")
    sophie.login(SOPHIE, DEMO_PASSWORD)
    sophie.use_language("en")
    sophie.nav("My profile")
    organisation = sophie.page.get_by_label("Organisation").input_value().strip()
    assert organisation
    sophie.goto(pitch_path, "pitch-answer-investor")
    answer = sophie.page.get_by_role("group", name="Your answer")
    answer.get_by_role("button", name="Interested", exact=True).click()
    expect(sophie.page.get_by_role("status").first).to_contain_text(
        "You marked this as interesting.")
    expect(sophie.page).to_have_url(re.compile(rf"/pitches/{pitch_id}$"))
    answer = sophie.page.get_by_role("group", name="Your answer")
    expect(answer.get_by_text("You are interested")).to_be_visible()
    expect(sophie.page.locator("main").get_by_text(EMMA)).to_have_count(0)
    sophie.check("pitch-answered-investor")

    # The founder's menu counts the unread notice; the notice names the investor.
    emma.goto("/")
    menu = emma.page.get_by_role("navigation", name=emma.t("Main menu"))
    bell = menu.get_by_role("link", name=re.compile("^" + re.escape(emma.t("Notifications"))))
    expect(bell).to_contain_text(re.compile(r"\d"))
    expect(bell).to_contain_text(emma.t("unread"))
    bell.click()
    emma.page.wait_for_url("**/notifications")
    note = emma.page.locator("main li.list-group-item").filter(has_text=title)
    expect(note).to_have_count(1)
    expect(note).to_contain_text(emma.t(
        "%(other)s is interested in your pitch “%(pitch)s”. If you are interested too, you "
        "will see each other's contact details.", other=organisation, pitch=title))
    emma.check("notifications-interest")
    note.get_by_role("button").click()
    emma.page.wait_for_url(re.compile(rf"{re.escape(matches_path)}#interested$"))

    # The "Interested in this pitch" section: the investor, no contact details yet.
    section = emma.page.get_by_role("region", name=emma.t("Interested in this pitch"))
    card = section.locator("li.card").filter(
        has=emma.page.get_by_role("link", name=organisation, exact=True))
    expect(card).to_have_count(1)
    expect(card.get_by_text(emma.t("This investor is interested in your pitch."))).to_be_visible()
    expect(card.locator(MAILTO)).to_have_count(0)
    expect(emma.page.get_by_role("link", name=SOPHIE)).to_have_count(0)
    emma.check("founder-interested-section")
    emma.page.evaluate("window.scrollTo(0, 0)")
    emma.photograph("founder-interested-top")  # docs/screenshots/founder-interested.png

    # The founder answers with the keyboard only: Tab to "Interessert", Enter.
    keys = Keyboard(emma.page)
    keys.activate(card.get_by_role(
        "button", name=emma.t("Interested: %(name)s", name=organisation), exact=True))
    expect(emma.page.get_by_role("status").first).to_contain_text(
        emma.t("It's a match! You are both interested; contact details are now shown."))
    assert keys.clicks == 0 and keys.presses >= 2
    section = emma.page.get_by_role("region", name=emma.t("Interested in this pitch"))
    card = section.locator("li.card").filter(
        has=emma.page.get_by_role("link", name=organisation, exact=True))
    expect(card.get_by_text(emma.t("Mutual interest."))).to_be_visible()
    expect(card.locator(MAILTO)).to_have_count(1)
    emma.check("founder-interested-mutual")

    # The investor's own page says so too, with the contact, for this pitch.
    card.get_by_role("link", name=organisation, exact=True).click()
    expect(emma.page.get_by_role("heading", level=1)).to_have_text(organisation)
    expect(emma.page.locator("main dl").locator(MAILTO)).to_have_count(1)
    yours = emma.page.get_by_role("region", name=emma.t("Your answer"))
    mine = yours.locator("li").filter(has=emma.page.get_by_role("link", name=title, exact=True))
    expect(mine.get_by_text(emma.t("Mutual interest."))).to_be_visible()
    emma.check("investor-page-founder")

    # The investor now sees the founder's name and e-mail on the pitch's page.
    sophie.goto(pitch_path)
    answer_section = sophie.page.get_by_role("region", name="Your answer")
    expect(answer_section.get_by_text("Mutual interest.")).to_be_visible()
    expect(answer_section.get_by_role("link", name=EMMA)).to_be_visible()
    expect(answer_section).to_contain_text("Emma Wilson")
    sophie.check("pitch-mutual-investor")
