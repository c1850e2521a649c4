"""A founder registers, writes and publishes a pitch, sees explained investor matches and
marks interest — in Norwegian, on a desktop and on a phone, and with the keyboard only."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.keyboard import Keyboard

PASSWORD = "Solceller-paa-laaven-2026"  # noqa: S105 - a test account
TITLE = "Solgården – solceller og batteri på gårdstak"
SUMMARY = "Vi monterer solcelletak med batterilager for bønder og borettslag i Asker."
DESCRIPTION = (
    "Strømprisene på Østlandet svinger kraftig, og mange takflater står ubrukt. "
    "Vi designer, finansierer og installerer solcellepaneler med batterilagring, og "
    "overvåker produksjonen i sanntid. Fornybar solkraft og energilagring for gårdsbygg, "
    "borettslag og næringsbygg."
)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_founder_registers_publishes_a_pitch_and_marks_interest_nb(new_user, viewport):
    me = new_user(viewport, name="founder")
    page = me.page
    variant = "phone" if viewport == PHONE else "desktop"

    me.goto("/", "home")
    assert me.lang == "nb"
    page.get_by_role("link", name=me.t("I am a founder")).click()
    me.check("register")
    expect(page.get_by_label(me.t("a founder"))).to_be_checked()

    # Form errors are shown and what was typed is kept.
    name, address = "Kari Nordmann", f"kari.nordmann.{variant}@example.no"
    page.get_by_label(me.t("Full name")).fill(name)
    page.get_by_label(me.t("E-mail")).fill(address)
    page.get_by_label(me.t("Municipality")).select_option(label="Asker")
    page.get_by_label(me.t("Password"), exact=True).fill(PASSWORD)
    page.get_by_label(me.t("Repeat password")).fill(PASSWORD + "x")
    page.get_by_role("button", name=me.t("Create account")).click()
    expect(page.get_by_role("alert")).to_contain_text(me.t("Please correct the marked fields."))
    expect(page.get_by_text(me.t("The passwords differ."))).to_be_visible()
    expect(page.get_by_label(me.t("Full name"))).to_have_value(name)
    expect(page.get_by_label(me.t("E-mail"))).to_have_value(address)
    expect(page.get_by_label(me.t("Municipality"))).to_have_value("asker")
    me.check("register-errors")

    page.get_by_label(me.t("Password"), exact=True).fill(PASSWORD)
    page.get_by_label(me.t("Repeat password")).fill(PASSWORD)
    page.get_by_role("button", name=me.t("Create account")).click()
    expect(page.get_by_role("status").first).to_contain_text(me.t("Welcome to Koble!"))
    me.check("home-founder")

    me.nav("My pitches")
    me.check("my-pitches-empty")
    page.get_by_role("link", name=me.t("New pitch")).click()
    me.check("pitch-new")

    # A pitch without a title is refused; the rest of the text is kept.
    page.get_by_label(me.t("One-line summary")).fill(SUMMARY)
    page.get_by_label(me.t("Description")).fill(DESCRIPTION)
    sectors = page.get_by_role("group", name=me.t("Sectors"))
    sectors.get_by_label(me.t("Energy"), exact=True).check()
    sectors.get_by_label(me.t("Construction & property")).check()
    page.get_by_label(me.t("Stage"), exact=True).select_option(label=me.t("Seed"))
    page.get_by_label(me.t("Funding ask (NOK)")).fill("4000000")
    page.get_by_label(me.t("Funding type")).select_option(label=me.t("Equity"))
    page.get_by_label(me.t("Municipality")).select_option(label="Asker")
    page.get_by_role("group", name=me.t("Green objectives")).get_by_label(
        me.t("Climate change mitigation")).check()
    page.get_by_role("group", name=me.t("Support needed")).get_by_label(me.t("Capital")).check()
    page.get_by_role("button", name=me.t("Save")).click()
    expect(page.get_by_role("alert")).to_contain_text(me.t("Please correct the marked fields."))
    expect(page.get_by_label(me.t("One-line summary"))).to_have_value(SUMMARY)
    expect(page.get_by_label(me.t("Description"))).to_have_value(DESCRIPTION)
    expect(sectors.get_by_label(me.t("Energy"), exact=True)).to_be_checked()
    expect(page.get_by_label(me.t("Funding ask (NOK)"))).to_have_value("4000000")
    me.check("pitch-errors")

    page.get_by_label(me.t("Title")).fill(TITLE)
    page.get_by_role("button", name=me.t("Save")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    me.check("pitch-draft")
    # Publishing waits for the address: the banner says where the link went.
    expect(page.locator("#confirm-email")).to_contain_text(me.t(
        "Confirm your e-mail address: we sent a link to %(email)s.", email=address))
    pitch_url = page.url
    # No Publish that would only refuse: where it goes (the draft's note at the top, a48e2c3,
    # and below the text) a line says it opens once confirmed and links to the notice.
    expect(page.get_by_role("button", name=me.t("Publish"))).to_have_count(0)
    waits = page.locator(".publish-after-confirm")
    expect(waits).to_have_count(2)
    expect(waits.first).to_contain_text(me.t(
        "You can publish once your e-mail address is confirmed:"))
    expect(waits.first.get_by_role("link", name=me.t("see the notice at the top of the page"))
           ).to_have_attribute("href", "#confirm-email")
    me.confirm_address(address)
    me.goto(pitch_url)
    page.get_by_role("button", name=me.t("Publish")).first.click()
    expect(page.get_by_role("status").first).to_contain_text(me.t("Your pitch is published."))
    me.check("pitch-published")

    # The engine scores a published pitch at once: ranked investors, each explained.
    me.nav("Matches")
    me.check("founder-overview")
    section = page.get_by_role("region", name=TITLE)
    section.get_by_role("link", name=me.t("All matching investors")).click()
    me.check("founder-matches")
    cards = page.locator("main ol > li.card")
    expect(cards.first).to_be_visible()
    assert cards.count() >= 3
    first = cards.first
    expect(first.get_by_label(me.t("Why this match"))).to_be_visible()
    expect(first.get_by_role("progressbar").first).to_have_attribute(
        "aria-valuetext", re.compile(r"\d+\s?%"))
    investor = first.get_by_role("heading", level=2).get_by_role("link").inner_text().strip()

    # each card's buttons say whose they are: "Interessert: <the investor>"
    first.get_by_role("button", name=me.t("Interested: %(name)s", name=investor),
                      exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text(
        me.t("You marked this as interesting."))
    card = page.locator("main ol > li.card").filter(
        has=page.get_by_role("heading", name=investor))
    expect(card.get_by_text(me.t("You are interested"))).to_be_visible()
    me.check("founder-marked-interest")


def test_founder_journey_with_the_keyboard_only(new_user):
    """Tab, Shift+Tab, Enter, Space, arrow keys and typing: no clicks at all."""
    me = new_user(DESKTOP, name="keyboard-founder")
    page = me.page
    keys = Keyboard(page)

    me.goto("/", "home")
    keys.activate(page.get_by_role("link", name=me.t("I am a founder")))
    page.wait_for_url("**/auth/register**")
    expect(page.get_by_label(me.t("a founder"))).to_be_checked()
    keys.type_into(page.get_by_label(me.t("Full name")), "Tastatur Tone")
    keys.type_into(page.get_by_label(me.t("E-mail")), "tastatur.tone@example.no")
    keys.choose(page.get_by_label(me.t("Municipality")), "Asker")
    keys.type_into(page.get_by_label(me.t("Password"), exact=True), PASSWORD)
    keys.type_into(page.get_by_label(me.t("Repeat password")), PASSWORD)
    keys.activate(page.get_by_role("button", name=me.t("Create account")))
    expect(page.get_by_role("status").first).to_contain_text(me.t("Welcome to Koble!"))
    me.goto(me.server.links_in_mails(r"/account/address/confirm/")["tastatur.tone@example.no"])
    keys.activate(page.get_by_role("button", name=me.t("Confirm my e-mail address")))
    expect(page.get_by_role("status").first).to_contain_text(me.t(
        "Your e-mail address %(email)s is confirmed.", email="tastatur.tone@example.no"))

    keys.activate(page.get_by_role("navigation", name=me.t("Main menu")).get_by_role(
        "link", name=me.t("My pitches"), exact=True))
    keys.activate(page.get_by_role("link", name=me.t("New pitch")))
    page.wait_for_url("**/pitches/new")
    keys.type_into(page.get_by_label(me.t("Title")), TITLE + " (tastatur)")
    keys.type_into(page.get_by_label(me.t("One-line summary")), SUMMARY)
    keys.type_into(page.get_by_label(me.t("Description")), DESCRIPTION)
    keys.toggle(page.get_by_role("group", name=me.t("Sectors")).get_by_label(
        me.t("Energy"), exact=True))
    keys.choose(page.get_by_label(me.t("Stage"), exact=True), me.t("Seed"))
    keys.type_into(page.get_by_label(me.t("Funding ask (NOK)")), "3500000")
    keys.toggle(page.get_by_role("group", name=me.t("Green objectives"))
                .get_by_label(me.t("Climate change mitigation")))
    keys.activate(page.get_by_role("button", name=me.t("Save")))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE + " (tastatur)")
    keys.activate(page.get_by_role("button", name=me.t("Publish")).first)
    expect(page.get_by_role("status").first).to_contain_text(me.t("Your pitch is published."))

    keys.activate(page.get_by_role("navigation", name=me.t("Main menu")).get_by_role(
        "link", name=me.t("Matches"), exact=True))
    keys.activate(page.get_by_role("link", name=me.t("All matching investors")).first)
    first = page.locator("main ol > li.card").first
    expect(first).to_be_visible()
    keys.activate(first.get_by_role(
        "button", name=re.compile("^" + re.escape(me.t("Interested: %(name)s", name="")))))
    expect(page.get_by_role("status").first).to_contain_text(
        me.t("You marked this as interesting."))
    me.check("keyboard-founder-marked-interest")
    assert keys.clicks == 0
