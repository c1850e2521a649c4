"""The account page: a founder follows their name in the menu, is refused a bad phone number
(nothing changes), then changes their name and language; the page and the menu switch to
English at once and the menu shows the new name. Then the "E-mail notifications" section:
the founder turns one group off and finds it kept; an investor is offered only the groups an
investor can receive, staff none."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP
from tests.browser.seed_server import (
    ACCOUNT_EMAIL,
    ACCOUNT_NAME,
    JOURNEY_PASSWORD,
    STAFF_EMAIL,
    STAFF_PASSWORD,
)
from tests.browser.support import DEMO_PASSWORD

NEW_NAME = "Kari Konto-Nordmann"
INVESTOR_EN = "investor.en@demo.koble.no"


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
    expect(page.get_by_text(me.t("Enter a phone number of 8 to 15 digits, "
                                 "e.g. +47 912 34 567."))) \
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


# The account page's e-mail groups (app/services/mail_preferences.py: LABELS, ROLE_GROUPS).
INTEREST = ("Interest and matches: someone is interested in you or your pitch, a mutual "
            "match")
ARENAS = ("Arenas and meetings: meeting requests and their answers, your agenda is ready or "
          "changed, a meeting moved, cancelled or back on, an arena moved or cancelled")
MODERATION = "Your pitches: the organisers hide a pitch or show it again"


def _mail_choices(me):
    """The account page's group of e-mail checkboxes."""
    me.goto("/account/")
    return me.page.get_by_role("group", name=me.t("Send me e-mails about"))


def test_founder_turns_off_one_group_of_notification_emails(new_user):
    me = new_user(DESKTOP, name="founder")
    page = me.page
    me.login(ACCOUNT_EMAIL, JOURNEY_PASSWORD)  # English, when the step above changed it
    choices = _mail_choices(me)
    expect(page.get_by_role("heading", name=me.t("E-mail notifications"))).to_be_visible()
    expect(choices.get_by_role("checkbox")).to_have_count(3)
    for label in (INTEREST, ARENAS, MODERATION):  # all on until the person says otherwise
        expect(choices.get_by_role("checkbox", name=me.t(label))).to_be_checked()

    choices.get_by_role("checkbox", name=me.t(MODERATION)).uncheck()
    page.get_by_role("button", name=me.t("Save e-mail choices")).click()
    saved = page.get_by_role("status").first
    expect(saved).to_contain_text(me.t("Your e-mail choices are saved."))
    me.check("account-email-saved")  # waits for the load, and so for any scroll to a #part
    expect(saved).to_be_in_viewport()  # not scrolled away to the section below it

    # The choice is stored: a fresh visit (not a reload, whose form Chromium may restore).
    choices = _mail_choices(me)
    expect(choices.get_by_role("checkbox", name=me.t(MODERATION))).not_to_be_checked()
    expect(choices.get_by_role("checkbox", name=me.t(INTEREST))).to_be_checked()
    expect(choices.get_by_role("checkbox", name=me.t(ARENAS))).to_be_checked()


def test_investor_and_staff_are_offered_only_what_they_can_receive(new_user):
    investor = new_user(DESKTOP, name="investor")
    investor.login(INVESTOR_EN, DEMO_PASSWORD)  # an English demo investor: only reads
    choices = _mail_choices(investor)
    assert investor.lang == "en"
    expect(choices.get_by_role("checkbox")).to_have_count(2)
    expect(choices.get_by_role("checkbox", name=INTEREST)).to_be_checked()
    expect(choices.get_by_role("checkbox", name=ARENAS)).to_be_checked()
    investor.check("account-email-investor")

    staff = new_user(DESKTOP, name="staff")
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    staff.use_language("nb")
    staff.goto("/account/")
    expect(staff.page.get_by_role("heading", name=staff.t("E-mail notifications"))) \
        .to_be_visible()
    expect(staff.page.get_by_text(staff.t(
        "Koble sends you no notification e-mails, so there is nothing to choose here. E-mails "
        "you need to act on, such as password resets, are always sent."))).to_be_visible()
    expect(staff.page.get_by_role("checkbox")).to_have_count(0)
    expect(staff.page.get_by_role("button", name=staff.t("Save e-mail choices"))) \
        .to_have_count(0)
    staff.check("account-email-staff")
