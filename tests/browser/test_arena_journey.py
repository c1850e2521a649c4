"""An arena from start to agenda, in Norwegian, each step one test (they run in order):

staff (made with `flask users create`) create an arena, take the engine's proposed
invitations and send them → an invitee accepts through the e-mailed link → participants
request a meeting and answer it → staff build the schedule → a participant downloads the
calendar file.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP
from tests.browser.seed_server import STAFF_EMAIL, STAFF_NAME, STAFF_PASSWORD
from tests.browser.support import DEMO_PASSWORD

TITLE = "Grønn kapital møter ideer – Asker"
VENUE = "Asker kulturhus, Strandveien 4"
FOUNDER = ("founder@demo.koble.no", "Kari Solberg")  # demo founder: solar pitches in Asker
INVESTOR = ("investor@demo.koble.no", "Lars Haugen")  # demo investor: fits Kari's pitches
STATE: dict = {}  # what one step hands the next
# The steps hand state to each other in this process: under pytest-xdist they must all run
# on one worker, which `--dist loadfile` (Makefile) guarantees; otherwise the later ones skip.


def _needs(*keys: str) -> None:
    missing = [key for key in keys if key not in STATE]
    if missing:
        pytest.skip(f"an earlier arena step did not finish ({', '.join(missing)})")


def _staff(new_user):
    me = new_user(DESKTOP, name="staff")
    me.login(STAFF_EMAIL, STAFF_PASSWORD)
    me.use_language("nb")
    return me


def test_staff_creates_arena_and_sends_the_proposed_invitations(new_user):
    me = _staff(new_user)
    page = me.page
    expect(page.get_by_role("button", name=me.t("Log out"))).to_be_visible()
    assert STAFF_NAME in page.get_by_role("navigation", name=me.t("Main menu")).inner_text()
    me.nav("Arenas")
    me.check("staff-arenas")
    page.get_by_role("link", name=me.t("New arena")).click()
    me.check("arena-new")

    # Without a title the arena is refused; what was typed stays.
    page.get_by_label(me.t("Description")).fill("Solkraft, batterier og bygg: møt kapitalen.")
    page.get_by_label(me.t("Theme")).select_option(label=me.t("Green transition"))
    page.get_by_label(me.t("Venue")).fill(VENUE)
    for label, value in (("Seats for founders", "5"), ("Seats for investors", "5"),
                         ("Minutes per meeting slot", "15"), ("Number of slots", "6"),
                         ("Number of tables", "4")):
        page.get_by_label(me.t(label)).fill(value)
    page.get_by_role("button", name=me.t("Save")).click()
    expect(page.get_by_role("alert")).to_contain_text(me.t("Please correct the marked fields."))
    expect(page.get_by_label(me.t("Venue"))).to_have_value(VENUE)
    expect(page.get_by_label(me.t("Seats for founders"))).to_have_value("5")
    me.check("arena-errors")
    page.get_by_label(me.t("Title")).fill(TITLE)
    page.get_by_role("button", name=me.t("Save")).click()
    expect(page.get_by_role("status").first).to_contain_text(
        me.t("The arena is saved as a draft."))
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    STATE["arena_id"] = int(re.search(r"/staff/arenas/(\d+)", page.url).group(1))
    me.check("arena-draft")

    page.get_by_role("link", name=me.t("Invitations"), exact=True).click()
    me.check("invitations-empty")
    page.get_by_role("button", name=me.t("Propose invitations")).click()
    said = me.t("The engine proposes %(founders)s and %(investors)s. Check the list, then send.",
                founders="\0", investors="\0").split("\0")
    expect(page.get_by_role("status").first).to_contain_text(said[0])
    expect(page.get_by_role("status").first).to_contain_text(said[-1])
    proposed = page.locator("tr[data-state='proposed']")
    expect(proposed.first).to_be_visible()
    me.check("invitations-proposed")

    # The two demo people the next steps log in as: add them when the engine left them out,
    # and move them up from the waiting list.
    for email, name in (FOUNDER, INVESTOR):
        row = page.locator("tr[data-invitation-id]").filter(has_text=name)
        if not row.count():
            search = page.get_by_role("search")
            search.get_by_label(me.t("Name or e-mail")).fill(email)
            search.get_by_role("button", name=me.t("Search")).click()
            page.get_by_role("button", name=me.t("Add %(name)s", name=name)).click()
            # A full list files them first on the waiting list, and says so with their name.
            said = re.compile(f"{re.escape(me.t('Added to the list.'))}|{re.escape(name)}")
            expect(page.get_by_role("status").first).to_contain_text(said)
        for _ in range(20):
            row = page.locator("tr[data-invitation-id]").filter(has_text=name)
            if row.get_attribute("data-state") != "waiting_list":
                break
            row.get_by_role("button", name=me.t("Move %(name)s up", name=name)).click()
            page.wait_for_load_state("load")
        expect(row).to_have_attribute("data-state", "proposed")
    STATE["proposed"] = page.locator("tr[data-state='proposed']").count()

    page.get_by_role("button", name=me.t("Send invitations to everyone proposed")).click()
    expect(page.get_by_role("status").first).to_contain_text(
        me.t("Invitations sent: %(n)d.", n=STATE["proposed"]))
    expect(page.locator("tr[data-state='proposed']")).to_have_count(0)
    me.check("invitations-sent")
    STATE["sent"] = True


def test_invitee_accepts_through_the_emailed_link(new_user, live_server):
    _needs("sent")
    links = live_server.links_in_mails(r"/arenas/rsvp/")
    assert len(links) == STATE["proposed"], "one e-mailed answer link per invitee"
    assert FOUNDER[0] in links and INVESTOR[0] in links

    me = new_user(DESKTOP, name="invitee")  # not logged in: the link is enough
    page = me.page
    me.goto(links[FOUNDER[0]], "rsvp")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    page.get_by_role("button", name=me.t("Yes, I will come")).click()
    expect(page.locator("#answer-state")).to_have_text(me.t("Accepted"))
    me.check("rsvp-accepted")

    # Everyone else invited says yes too, so that there is a room to schedule.
    for email, link in links.items():
        if email == FOUNDER[0]:
            continue
        page.goto(link)
        page.get_by_role("button", name=me.t("Yes, I will come")).click()
        expect(page.locator("#answer-state")).to_have_text(
            re.compile(f"{me.t('Accepted')}|{me.t('Waiting list')}"))
    STATE["accepted"] = True


def test_participants_request_and_accept_a_meeting(new_user):
    _needs("accepted", "arena_id")
    arena_id = STATE["arena_id"]
    founder = new_user(DESKTOP, name="founder")
    founder.login(FOUNDER[0], DEMO_PASSWORD)
    founder.use_language("nb")
    founder.nav("My arenas")
    founder.check("my-arenas")
    founder.page.get_by_role("link", name=TITLE).click()
    expect(founder.page.locator("#answer-state")).to_have_text(founder.t("Accepted"))
    founder.check("arena-participant")
    # The arena page has no link to the participants yet (reported): go by address.
    founder.goto(f"/arenas/{arena_id}/participants", "participants")
    card = founder.page.locator("main li.card").filter(
        has=founder.page.get_by_role("heading", name=INVESTOR[1]))
    card.get_by_role("button", name=founder.t("Ask to meet %(name)s", name=INVESTOR[1])).click()
    expect(founder.page.get_by_role("status").first).to_contain_text(
        founder.t("Your meeting request is sent."))
    founder.check("participants-requested")

    investor = new_user(DESKTOP, name="investor")
    investor.login(INVESTOR[0], DEMO_PASSWORD)
    investor.use_language("nb")
    investor.goto(f"/arenas/{arena_id}/participants")
    card = investor.page.locator("main li.card").filter(
        has=investor.page.get_by_role("heading", name=FOUNDER[1]))
    expect(card.get_by_text(investor.t("%(name)s asks to meet you.", name=FOUNDER[1])))\
        .to_be_visible()
    investor.check("participants-incoming")
    card.get_by_role("button", name=investor.t("Accept"), exact=True).click()
    expect(investor.page.get_by_role("status").first).to_contain_text(
        investor.t("You accepted the meeting."))
    card = investor.page.locator("main li.card").filter(
        has=investor.page.get_by_role("heading", name=FOUNDER[1]))
    expect(card.get_by_text(investor.t("You both want to meet."))).to_be_visible()
    STATE["requested"] = True


def test_staff_build_the_schedule(new_user):
    _needs("requested", "arena_id")
    me = _staff(new_user)
    page = me.page
    # The staff arena page does not link to the schedule yet (reported): go by address.
    me.goto(f"/staff/arenas/{STATE['arena_id']}/schedule", "schedule-empty")
    expect(page.get_by_text(me.t("No meetings are scheduled yet."))).to_be_visible()
    page.get_by_role("button", name=me.t("Build the schedule")).click()
    expect(page.get_by_role("heading", name=me.t("Per table"))).to_be_visible()
    mutual = page.locator("tr[id^='meeting-']").filter(has_text=FOUNDER[1]).filter(
        has_text=INVESTOR[1])
    expect(mutual).to_have_count(1)
    expect(mutual).to_contain_text(me.t("mutual"))
    me.check("arena-schedule")
    STATE["scheduled"] = True


def test_participant_downloads_the_calendar_file(new_user, tmp_path):
    _needs("scheduled", "arena_id")
    me = new_user(DESKTOP, name="founder")
    me.login(FOUNDER[0], DEMO_PASSWORD)
    me.use_language("nb")
    page = me.page
    me.goto(f"/arenas/{STATE['arena_id']}/agenda", "agenda")
    row = page.locator("tr[id^='meeting-']").filter(has_text=INVESTOR[1])
    expect(row).to_have_count(1)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=me.t("Calendar file (.ics)")).click()
    download = download_info.value
    assert download.suggested_filename == f"koble-arena-{STATE['arena_id']}.ics"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    text = path.read_text(encoding="utf-8").replace("\r\n ", "")
    assert text.startswith("BEGIN:VCALENDAR")
    assert text.count("BEGIN:VEVENT") >= 1
    assert INVESTOR[1] in text
    assert "STATUS:CONFIRMED" in text
