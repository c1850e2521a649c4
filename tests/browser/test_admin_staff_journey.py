"""The admin's people and associations pages: the admin invites a staff member for an
association; the invitation e-mail carries a set-password link; the new staff member chooses
a password through it, logs in, lands among the staff pages and opens the dashboard, whose
platform funnel renders (in Norwegian)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP
from tests.browser.support import DEMO_PASSWORD

ADMIN = "admin@demo.koble.no"  # the demo admin, Ingrid Koble
NEW_STAFF = ("Tor Tilsatt", "tor.tilsatt@drammen.example.no")
ASSOCIATION = "Næringsforeningen i Drammensregionen"
PASSWORD = "Fjord-og-elv-i-Drammen-2026"  # noqa: S105 - a test account


def test_admin_invites_staff_who_sets_a_password_and_sees_the_dashboard(new_user, live_server):
    admin = new_user(DESKTOP, name="admin")
    page = admin.page
    admin.login(ADMIN, DEMO_PASSWORD)
    admin.use_language("nb")
    admin.nav("People")
    expect(page.get_by_role("heading", level=1)).to_have_text(admin.t("People"))
    expect(page.locator("main table caption")).to_have_text(re.compile(r"^\d+ \w+\.$"))
    expect(page.locator("main table tbody tr").first).to_be_visible()
    admin.check("admin-people")
    search = page.get_by_role("search")
    search.get_by_label(admin.t("Name or e-mail")).fill(ADMIN)
    search.get_by_role("button", name=admin.t("Search")).click()
    page.wait_for_url("**q=admin**")
    expect(page.locator("main table tbody tr")).to_have_count(1)
    expect(page.locator("main table").get_by_role("link", name="Ingrid Koble")).to_be_visible()

    admin.nav("Associations")
    # exact: the staff count's link is named "1 ansatt i …" after it
    expect(page.get_by_role("link", name=ASSOCIATION, exact=True)).to_be_visible()
    admin.check("admin-associations")

    admin.nav("People")
    page.get_by_role("link", name=admin.t("Invite a staff member")).click()
    page.wait_for_url("**/admin/users/invite")
    admin.check("admin-invite")
    name, address = NEW_STAFF
    page.get_by_label(admin.t("Name"), exact=True).fill(name)
    page.get_by_label(admin.t("E-mail")).fill(address)
    page.get_by_label(admin.t("Association")).select_option(label=ASSOCIATION)
    page.get_by_label(admin.t("Language")).select_option(label="Norsk bokmål")
    page.get_by_role("button", name=admin.t("Send invitation")).click()
    expect(page.get_by_role("status").first).to_contain_text(admin.t(
        "%(name)s is invited. The e-mail has a link to choose a password.", name=name))
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.locator("main dl")).to_contain_text(ASSOCIATION)
    admin.check("admin-user-invited")

    # The mail, in the chosen language, with a link to choose a password.
    [mail] = [m for m in live_server.mails() if m.to == address]
    assert mail.subject == f"Du er ansatt i {ASSOCIATION} på Koble"  # the staff role, named
    link = live_server.links_in_mails(r"/auth/reset/")[address]

    staff = new_user(DESKTOP, name="new-staff")  # not logged in: the link is enough
    spage = staff.page
    staff.goto(link, "set-password")
    spage.get_by_label(staff.t("New password"), exact=True).fill(PASSWORD)
    spage.get_by_label(staff.t("Repeat new password")).fill(PASSWORD)
    expect(spage.get_by_role("heading", level=1)).to_have_text(staff.t("Choose a new password"))
    spage.locator("main").get_by_role("button", name=staff.t("Save"), exact=True).click()
    expect(spage.get_by_role("status").first).to_contain_text(
        staff.t("Your password is changed. Log in with the new one."))
    staff.login(address, PASSWORD)
    menu = spage.get_by_role("navigation", name=staff.t("Main menu"))
    expect(menu).to_contain_text(name)
    expect(menu.get_by_role("link", name=staff.t("Dashboard"), exact=True)).to_be_visible()
    staff.nav("Arenas")
    expect(spage.get_by_role("heading", level=1)).to_have_text(staff.t("Arenas"))

    # The dashboard: the funnel of the staff member's own association, then of all.
    staff.nav("Dashboard")
    expect(spage.get_by_role("heading", name=staff.t("Platform funnel"))).to_be_visible()
    expect(spage.get_by_label(staff.t("Association"), exact=True)).to_have_value("drammen")
    pitches = spage.locator("table#funnel-pitches")
    expect(pitches).to_be_visible()
    expect(pitches.locator("caption")).to_contain_text(ASSOCIATION)
    staff.check("dashboard-funnel")
    spage.get_by_label(staff.t("Association"), exact=True).select_option("all")
    spage.get_by_role("button", name=staff.t("Show the numbers")).click()
    spage.wait_for_url("**scope=all**")
    expect(pitches.locator("caption")).to_contain_text(staff.t("All associations"))
    first = pitches.locator("tbody tr").first.locator("td").first
    assert int(first.inner_text()) > 0  # the demo's published pitches are counted
    staff.check("dashboard-funnel-all")
