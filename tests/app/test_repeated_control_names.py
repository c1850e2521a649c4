"""Buttons and links repeated on every row of a list say whose row they act on. A screen
reader user tabbing through /staff/pitches heard "Skjul" twenty times, the arena's invitation
list "Fjern" once per person, /exports "CSV" and "Excel" nine times each, and the staff
counts of /admin/associations were all links named "1": nothing told one from the next.
Each such control now has an accessible name that begins with its visible word (as the
schedule's "Move the meeting of …" does). The check on every page: no accessible name leads
to two different places (links by href, buttons by form action and value)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

from app.extensions import db
from app.models import MeetingRequest
from app.services import api_tokens, notifications
from tests.factories import (
    make_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_pitch,
    make_user,
)


class _Controls(HTMLParser):
    """Every button and link of a page: its accessible name (aria-label, else its text),
    its visible text and where it goes."""

    def __init__(self, html: str):
        super().__init__()
        self.controls: list[dict] = []
        self._form = ""
        self._current: dict | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self._form = attributes.get("action") or ""
        if tag in ("a", "button"):
            target = (attributes.get("href") if tag == "a"
                      else f"{self._form} {attributes.get('value') or ''}")
            self._current = {"label": attributes.get("aria-label"), "text": "",
                             "target": target}

    def handle_data(self, data):
        if self._current is not None:
            self._current["text"] += data

    def handle_endtag(self, tag):
        if tag in ("a", "button") and self._current is not None:
            self._current["text"] = " ".join(self._current["text"].split())
            self._current["name"] = self._current["label"] or self._current["text"]
            self.controls.append(self._current)
            self._current = None


def _named(client, url: str, word: str, whole_page: bool = True) -> list[str]:
    """The accessible names of the page's controls showing `word`: distinct, each beginning
    with the word; and (whole_page) no name on the page leads to two places."""
    response = client.get(url)
    assert response.status_code == 200, url
    controls = _Controls(response.get_data(as_text=True)).controls
    if whole_page:
        targets = defaultdict(set)
        for control in controls:
            targets[control["name"]].add(control["target"])
        repeated = {name: len(places) for name, places in targets.items() if len(places) > 1}
        assert not repeated, f"{url}: {repeated}"
    names = [c["name"] for c in controls if c["text"] == word]
    assert len(set(names)) == len(names), names
    assert all(name.startswith(word) for name in names), names
    return names


def test_moderation_list_names_each_hide_button_by_its_pitch(client, staff):
    kari, ola = make_user("founder", name="Kari Nord"), make_user("founder", name="Ola Sør")
    make_pitch(kari, title="Solceller på tak")
    make_pitch(ola, title="Havvind i Drammen")
    make_pitch(kari, title="Tang fra fjorden", hidden=True, hidden_reason="Reklame")
    assert sorted(_named(client, "/staff/pitches", "Hide")) == [
        "Hide “Havvind i Drammen” by Ola Sør", "Hide “Solceller på tak” by Kari Nord"]
    assert _named(client, "/staff/pitches", "Unhide") == ["Unhide “Tang fra fjorden” by Kari Nord"]
    # The same title by another founder: the founder's name tells the buttons apart (the
    # title links are the pitches' own names, alike as the titles are).
    make_pitch(ola, title="Solceller på tak")
    assert "Hide “Solceller på tak” by Ola Sør" in _named(client, "/staff/pitches", "Hide",
                                                          whole_page=False)


def test_invitation_list_names_each_remove_button_by_its_person(client, staff):
    arena = make_arena()
    for state in ("proposed", "invited", "accepted"):
        make_participant(arena, "founder", state=state)
        make_participant(arena, "investor", state=state)
    names = _named(client, f"/staff/arenas/{arena.id}/invitations", "Remove")
    assert len(names) == 6 and all(name.startswith("Remove ") for name in names)


def test_notifications_name_each_open_button_by_its_notice(client, auth):
    user = make_user("founder")
    for fund in ("Fjordkapital", "Vestavind Invest", "Grønn Vekst"):
        notifications.notify(user, "mutual_match", "/matches/mutual", other=fund,
                             pitch="Solceller på tak")
    db.session.commit()
    auth.login(user.email)
    names = _named(client, "/notifications", "Open")
    assert len(names) == 3
    assert any(name.startswith("Open: Mutual interest: Vestavind Invest") for name in names)


def test_exports_name_each_csv_and_excel_link_by_what_it_downloads(client, staff):
    arena = make_arena(title="Grønn arena i Asker")
    make_participant(arena, "founder")
    csv = _named(client, "/exports", "CSV")
    assert len(csv) == 6 and "CSV: Pitches" in csv
    assert "CSV: invitations of Grønn arena i Asker" in csv
    assert "Excel: answers of Grønn arena i Asker" in _named(client, "/exports", "Excel")


def test_association_staff_counts_say_which_association(client, auth):
    for slug in ("asker", "baerum"):
        make_user("staff", association=slug)
    auth.login(make_user("admin", association=None).email)
    names = _named(client, "/admin/associations", "1")
    assert "1 staff member of Asker Næringsforening" in names and len(names) >= 2


def test_founder_overview_names_each_all_investors_link_by_its_pitch(client, auth):
    founder = make_user("founder")
    for title in ("Solceller på tak", "Tang fra fjorden"):
        make_pitch(founder, title=title)
    auth.login(founder.email)
    assert sorted(_named(client, "/matches/pitches", "All matching investors")) == [
        "All matching investors for “Solceller på tak”",
        "All matching investors for “Tang fra fjorden”"]


def test_meeting_requests_name_accept_and_decline_by_who_asks(client, auth):
    arena = make_arena(investor_capacity=6)
    founder = make_participant(arena, "founder")
    for _ in range(3):
        investor = make_participant(arena, "investor")
        db.session.add(MeetingRequest(arena_id=arena.id, from_user_id=investor.user_id,
                                      to_user_id=founder.user_id, state="pending"))
    db.session.commit()
    auth.login(founder.user.email)
    url = f"/arenas/{arena.id}/participants"
    assert len(_named(client, url, "Accept")) == 3
    assert len(_named(client, url, "Decline")) == 3


def test_agenda_names_each_save_answer_button_by_the_meeting(client, auth):
    arena = make_arena(date=(datetime.now(UTC) - timedelta(days=2)).date(),
                       rsvp_deadline=datetime.now(UTC) - timedelta(days=9),
                       status="scheduled")
    founder = make_participant(arena, "founder")
    for slot in (0, 1):
        make_meeting(arena, founder, make_participant(arena, "investor"), slot=slot)
    auth.login(founder.user.email)
    names = _named(client, f"/arenas/{arena.id}/agenda", "Save answer")
    assert len(names) == 2


def test_api_tokens_name_each_revoke_button_by_its_token(client, auth):
    user = make_user("investor")
    for name in ("CRM", "CRM"):  # a name may repeat; the prefix tells them apart
        api_tokens.create(user, name, "read", 30)
    db.session.commit()
    auth.login(user.email)
    names = _named(client, "/account/tokens", "Revoke")
    assert len(names) == 2 and all(n.startswith("Revoke the token “CRM”") for n in names)


def test_the_names_are_in_norwegian_too(client, staff):
    make_pitch(make_user("founder", name="Kari Nord"), title="Solceller på tak")
    arena = make_arena()
    make_invitation(arena, make_user("investor", name="Per Fond"), "proposed")
    client.post("/language", data={"lang": "nb"})
    assert _named(client, "/staff/pitches", "Skjul") == ["Skjul «Solceller på tak» av Kari Nord"]
    assert _named(client, f"/staff/arenas/{arena.id}/invitations", "Fjern") == ["Fjern Per Fond"]
    assert "CSV: Pitcher" in _named(client, "/exports", "CSV")


def test_my_meetings_name_each_arena_link_by_its_arena(client, auth):
    """/arenas/meetings lists every arena the person comes to, each with the same three
    links: "Who comes", "My agenda" and the calendar file named the arena's title too."""
    first = make_arena(title="Solkraft i Asker")
    mine = make_participant(first, "investor")
    make_invitation(make_arena(title="Havvind i Drammen"), mine.user, state="accepted")
    auth.login(mine.user.email)
    assert sorted(_named(client, "/arenas/meetings", "Who comes")) == [
        "Who comes: Havvind i Drammen", "Who comes: Solkraft i Asker"]
    assert len(_named(client, "/arenas/meetings", "My agenda")) == 2
    assert sorted(_named(client, "/arenas/meetings",
                         "Add to calendar (file for Outlook, Google, Apple)")) == [
        "Add to calendar (file for Outlook, Google, Apple): Havvind i Drammen",
        "Add to calendar (file for Outlook, Google, Apple): Solkraft i Asker"]
    client.post("/language", data={"lang": "nb"})
    assert "Hvem som kommer: Solkraft i Asker" in _named(client, "/arenas/meetings",
                                                          "Hvem som kommer")
    # the arena's own pages keep the plain words: the page says which arena
    own = client.get(f"/arenas/{first.id}/agenda").get_data(as_text=True)
    assert "Hvem som kommer:" not in own and ">Hvem som kommer</a>" in own
