"""The account page: a founder follows their name in the menu, is refused a bad phone number
(nothing changes), then changes their name and language; the page and the menu switch to
English at once and the menu shows the new name."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP
from tests.browser.seed_server import ACCOUNT_EMAIL, ACCOUNT_NAME, JOURNEY_PASSWORD

NEW_NAME = "Kari Konto-Nordmann"


def test_user_changes_name_and_language_on_the_account_page(new_user):
    me = new_user(DESKTOP, name="founder")
    page = me.page
    me.login(ACCOUNT_EMAIL, JOURNEY_PASSWORD)
    assert me.lang == "nb"
    menu = page.get_by_role("navigation", name=me.t("Main menu"))
    menu.get_by_role("link", name=f"{ACCOUNT_NAME} – {me.t('your account')}").click()
    page.wait_for_url("**/account/")
    expect(page.get_by_role("heading", level=1)).to_have_text(me.t("Your account"))
    expect(page.get_by_label(me.t("Full name"))).to_have_value(ACCOUNT_NAME)
    expect(page.get_by_label(me.t("Language"))).to_have_value("nb")
    me.check("account")

    # A phone number without digits is refused, said at the field; nothing is stored.
    page.get_by_label(me.t("Full name")).fill(NEW_NAME)
    page.get_by_label(me.t("Phone")).fill("ring meg")
    page.get_by_role("button", name=me.t("Save"), exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(me.t("Please correct the marked fields."))
    expect(page.get_by_label(me.t("Phone"))).to_have_value("ring meg")
    expect(page.get_by_text(me.t("Enter a phone number with digits, spaces and +."))) \
        .to_be_visible()
    expect(menu.get_by_role("link", name=f"{ACCOUNT_NAME} – {me.t('your account')}")) \
        .to_be_visible()
    me.check("account-errors")

    page.get_by_label(me.t("Phone")).fill("+47 912 34 567")
    page.get_by_label(me.t("Language")).select_option("en")
    page.get_by_role("button", name=me.t("Save"), exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("status").first).to_contain_text("Your details are saved.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    menu = page.get_by_role("navigation", name="Main menu")
    expect(menu.get_by_role("link", name="My pitches", exact=True)).to_be_visible()
    expect(menu.get_by_role("link", name=f"{NEW_NAME} – your account")).to_be_visible()
    expect(page.get_by_label("Full name")).to_have_value(NEW_NAME)
    expect(page.get_by_label("Phone")).to_have_value("+47 912 34 567")
    me.check("account-saved-en")

    # The language is the account's now: the next page is English too.
    menu.get_by_role("link", name="My pitches", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My pitches")
