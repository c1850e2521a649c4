"""An arena from start to agenda, in Norwegian, each step one test (they run in order):

staff (made with `flask users create`) create an arena, take the engine's proposed
invitations and send them → an invitee accepts through the e-mailed link → participants
request a meeting and answer it → staff build the schedule → staff cancel one meeting
(after a page that asks) and restore it, and a participant reads both notices → a participant
downloads the calendar file.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
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

    # Sending mails everyone at once: the link opens a page that asks first, with how many
    # get an e-mail and, for a draft, that the arena starts inviting.
    page.get_by_role("link", name=me.t("Send invitations to everyone proposed")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(me.t("Send invitations"))
    expect(page.locator("#send-question")).to_contain_text(str(STATE["proposed"]))
    expect(page.locator("#send-status")).to_contain_text(me.t("Inviting"))
    me.check("send-question")
    page.locator("form[action$='/invitations/send']").get_by_role("button").click()
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
    card.get_by_role("button", name=investor.t("Accept the meeting with %(name)s",
                                               name=FOUNDER[1]), exact=True).click()
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
    page.get_by_role("button", name=me.t("Build a draft schedule")).click()
    expect(page.get_by_role("heading", name=me.t("Per table"))).to_be_visible()
    mutual = page.locator("tr[id^='meeting-']").filter(has_text=FOUNDER[1]).filter(
        has_text=INVESTOR[1])
    expect(mutual).to_have_count(1)
    expect(mutual).to_contain_text(me.t("mutual"))
    # A draft only staff see: nobody is told until it is published, after a page that asks.
    expect(page.locator("#schedule-state")).to_contain_text(me.t(
        "Draft: only staff see this schedule. Re-run it, move, lock and cancel meetings as "
        "you like; nobody is told until you publish it."))
    me.check("arena-schedule")
    page.get_by_role("link", name=me.t("Publish the schedule…")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(me.t("Publish the schedule"))
    me.check("schedule-publish-confirm")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#schedule-state")).to_contain_text(me.t(
        "Published: the participants see their agendas. A re-run, a move or a cancellation "
        "now tells those whose meetings change, in the app and by e-mail."))
    STATE["scheduled"] = True


def _pair(me, row) -> dict:
    """The founder and investor as the schedule row's controls name them: the investor with
    their organisation, when the row shows one."""
    org = row.locator("td").nth(3).locator("small")
    investor = f"{INVESTOR[1]} ({org.inner_text()})" if org.count() else INVESTOR[1]
    return {"founder": FOUNDER[1], "investor": investor}


def test_staff_cancel_a_meeting_after_confirming_and_restore_it(new_user):
    _needs("scheduled", "arena_id")
    me = _staff(new_user)
    page = me.page
    me.goto(f"/staff/arenas/{STATE['arena_id']}/schedule")
    row = page.locator("tr[id^='meeting-']").filter(has_text=FOUNDER[1]).filter(
        has_text=INVESTOR[1])
    expect(row).to_have_count(1)
    pair = _pair(me, row)

    # Keyboard and screen reader: the move form's fields say whose meeting they move, and
    # Tab goes Slot → Table → Move within the row.
    slot = page.get_by_role("textbox", exact=True,
                            name=me.t("Slot for the meeting of %(founder)s and %(investor)s",
                                      **pair))
    table = page.get_by_role("textbox", exact=True,
                             name=me.t("Table for the meeting of %(founder)s and %(investor)s",
                                       **pair))
    expect(slot).to_have_count(1)
    expect(table).to_have_count(1)
    expect(row.locator("td").first).to_contain_text(slot.input_value())
    STATE["time"] = row.locator("td").nth(1).inner_text().strip()
    STATE["table"] = int(table.input_value())
    slot.focus()
    page.keyboard.press("Tab")
    expect(table).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", exact=True, name=me.t(
        "Move the meeting of %(founder)s and %(investor)s", **pair))).to_be_focused()

    # "Cancel meeting" asks first, on a page of its own that names the pair, time and table.
    page.get_by_role("link", exact=True, name=me.t(
        "Cancel meeting of %(founder)s and %(investor)s", **pair)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(me.t("Cancel meeting"))
    question = me.t("Cancel the meeting of %(founder)s and %(investor)s at %(time)s, table "
                    "%(table)d? Both are told in the app and by e-mail. You can restore it "
                    "afterwards.", **pair, time=STATE["time"], table=STATE["table"])
    expect(page.locator("main")).to_contain_text(question)
    me.check("meeting-cancel-confirm")
    page.get_by_role("button", name=me.t("Yes, cancel the meeting")).click()
    expect(page.get_by_role("status").first).to_contain_text(me.t(
        "The meeting is cancelled and both people are told. A re-run leaves the pair out "
        "until you restore it."))
    cancelled = page.get_by_role("region", name=me.t("Cancelled by the organisers"))
    expect(cancelled).to_contain_text(f"{FOUNDER[1]} – {INVESTOR[1]}")
    expect(row).to_have_count(0)
    me.check("schedule-meeting-cancelled")

    cancelled.get_by_role("button", exact=True, name=me.t(
        "Restore the meeting of %(founder)s and %(investor)s", **pair)).click()
    expect(page.get_by_role("status").first).to_contain_text(
        me.t("The meeting is back in its slot and both people are told."))
    expect(page.get_by_role("region", name=me.t("Cancelled by the organisers"))) \
        .to_have_count(0)
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(1)).to_have_text(STATE["time"])
    STATE["restored"] = True


def test_participant_reads_that_the_meeting_was_cancelled_and_is_back(new_user):
    _needs("restored", "time", "table")
    me = new_user(DESKTOP, name="investor")
    me.login(INVESTOR[0], DEMO_PASSWORD)
    me.use_language("nb")
    me.goto("/notifications", "notifications-meeting-restored")
    notes = me.page.locator("main li.list-group-item")
    # One notice each, naming the founder, the arena and the time (and the table it is back at).
    expect(notes.filter(has_text=me.t(
        "The organisers cancelled your meeting with %(who)s at “%(arena)s” (%(time)s).",
        who=FOUNDER[1], arena=TITLE, time=STATE["time"]))).to_have_count(1)
    expect(notes.filter(has_text=me.t(
        "Your meeting with %(who)s at “%(arena)s” is back on: %(time)s, table %(table)s.",
        who=FOUNDER[1], arena=TITLE, time=STATE["time"], table=STATE["table"]))) \
        .to_have_count(1)


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
        page.get_by_role("link", name=me.t("Add to calendar (file for Outlook, Google, "
                                           "Apple)")).click()
    download = download_info.value
    assert download.suggested_filename == f"koble-arena-{STATE['arena_id']}.ics"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    text = path.read_text(encoding="utf-8").replace("\r\n ", "")
    assert text.startswith("BEGIN:VCALENDAR")
    assert text.count("BEGIN:VEVENT") >= 1
    assert INVESTOR[1] in text
    assert "STATUS:CONFIRMED" in text


def test_participant_reads_the_agenda_on_a_phone(new_user):
    """On the event day people open the agenda on a phone: each meeting reads top to bottom as
    a card (time, table, who, why) within the screen's width. Before, it was a 4-column table
    ~711 px wide in a sideways scroller at 390 px, 'Why you match' off the screen."""
    _needs("scheduled", "arena_id")
    me = new_user(PHONE, name="founder")
    me.login(FOUNDER[0], DEMO_PASSWORD)
    me.use_language("nb")
    page = me.page
    me.goto(f"/arenas/{STATE['arena_id']}/agenda", "agenda-phone")
    row = page.locator("tr[id^='meeting-']").filter(has_text=INVESTOR[1])
    expect(row).to_have_count(1)
    width = page.evaluate("document.documentElement.clientWidth")
    for cell in row.locator("td").all():
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (cell.inner_text(), box)
    # stacked: the time above the table, above the person, above the reason
    tops = [cell.bounding_box()["y"] for cell in row.locator("td").all()]
    assert tops == sorted(tops) and len(set(tops)) == len(tops), tops
    # still a table for screen readers: the cells keep their column headings
    table = page.get_by_role("table", name=me.t("Your meetings, in time order"))
    expect(table.get_by_role("columnheader", name=me.t("Why you match"))).to_have_count(1)
    expect(table.get_by_role("cell").filter(has_text=INVESTOR[1])).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
