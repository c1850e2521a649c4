"""The staff schedule page's per-row buttons say whose meeting they act on, and cancelling a
meeting (which tells both people) asks first, on a page of its own, as deleting a pitch
does. Before, a screen reader tabbing through the rows heard 'Move', 'Lock', 'Cancel
meeting' forty times over with nothing to tell them apart, and one click on 'Cancel
meeting' cancelled the meeting and mailed both people at once."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from app.extensions import db
from app.models import InvestorProfile, Meeting, Notification
from tests.factories import (
    make_arena,
    make_investor,
    make_meeting,
    make_participant,
    make_user,
    outbox_of,
)


class _Controls(HTMLParser):
    """Every button and link: (tag, accessible name, visible text, href), and the action of
    every form."""

    def __init__(self, html: str):
        super().__init__()
        self.controls: list[dict] = []
        self.forms: list[str] = []
        self._current: dict | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append(attributes.get("action") or "")
        if tag in ("button", "a"):
            self._current = {"tag": tag, "label": attributes.get("aria-label"),
                             "href": attributes.get("href"), "text": ""}

    def handle_data(self, data):
        if self._current is not None:
            self._current["text"] += data

    def handle_endtag(self, tag):
        if tag in ("button", "a") and self._current is not None:
            self._current["text"] = " ".join(self._current["text"].split())
            self._current["name"] = self._current["label"] or self._current["text"]
            self.controls.append(self._current)
            self._current = None


@pytest.fixture
def scheduled():
    """Two meetings at 09:00, one of them locked, and one cancelled by staff."""
    arena = make_arena(status="scheduled", schedule_sequence=1)
    kari = make_participant(arena, "founder")
    kari.user.name = "Kari Nordmann"
    fund = make_participant(arena, "investor")
    fund.user.name = "Per Hansen"
    ola, eva = make_participant(arena, "founder"), make_participant(arena, "investor")
    ola.user.name, eva.user.name = "Ola Berg", "Eva Lie"
    for invitation, organisation in ((fund, "Fjordinvest"), (eva, "")):  # an angel: none
        db.session.scalars(db.select(InvestorProfile).where(
            InvestorProfile.user_id == invitation.user_id)).one().organisation = organisation
    db.session.commit()
    first = make_meeting(arena, kari, fund, slot=0, table=1)
    second = make_meeting(arena, ola, eva, slot=0, table=0, locked=True)
    gone = make_meeting(arena, kari, eva, slot=1, table=0, state="cancelled_by_staff")
    return arena, first, second, gone


def _schedule(client, arena) -> _Controls:
    return _Controls(client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True))


def test_each_row_button_names_the_pair_and_begins_with_its_visible_words(client, staff,
                                                                           scheduled):
    arena, first, second, gone = scheduled
    names = [c["name"] for c in _schedule(client, arena).controls]
    for name in ("Move the meeting of Kari Nordmann and Per Hansen (Fjordinvest)",
                 "Lock the meeting of Kari Nordmann and Per Hansen (Fjordinvest)",
                 "Cancel meeting of Kari Nordmann and Per Hansen (Fjordinvest)",
                 "Move the meeting of Ola Berg and Eva Lie",
                 "Unlock the meeting of Ola Berg and Eva Lie",
                 "Cancel meeting of Ola Berg and Eva Lie",
                 "Restore the meeting of Kari Nordmann and Eva Lie"):
        assert name in names
    for bare in ("Move", "Lock", "Unlock", "Cancel meeting", "Restore"):
        assert bare not in names  # not one button the screen reader cannot tell apart
    for control in _schedule(client, arena).controls:
        if control["label"]:  # speech input: the visible words are in the name
            assert control["label"].startswith(control["text"])


def test_the_names_are_in_the_staff_members_language(client, staff, scheduled):
    arena, *_ = scheduled
    client.post("/language", data={"lang": "nb"})
    names = [c["name"] for c in _schedule(client, arena).controls]
    assert "Avlys møtet mellom Kari Nordmann og Per Hansen (Fjordinvest)" in names
    assert "Flytt møtet mellom Ola Berg og Eva Lie" in names


def test_cancel_meeting_opens_a_page_that_asks_first_and_changes_nothing(app, client, staff,
                                                                         scheduled):
    arena, first, *_ = scheduled
    page = _schedule(client, arena)
    confirm = f"/staff/arenas/{arena.id}/meetings/{first.id}/cancel"
    assert confirm not in page.forms  # no one-click cancel from the schedule
    (link,) = [c for c in page.controls if c["href"] == confirm]
    assert link["tag"] == "a"

    response = client.get(confirm)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert ("Cancel the meeting of Kari Nordmann and Per Hansen (Fjordinvest) at 09:00, table 2? "
            "Both are told in the app and by e-mail.") in html
    asks = _Controls(html)
    assert confirm in asks.forms
    (no,) = [c for c in asks.controls if c["text"] == "No, keep the meeting"]
    assert no["href"] == f"/staff/arenas/{arena.id}/schedule#meeting-{first.id}"
    db.session.expire_all()
    assert db.session.get(Meeting, first.id).state == "scheduled"
    assert not db.session.scalars(db.select(Notification)).all() and not outbox_of(app)

    assert client.post(confirm).status_code == 302  # "Yes, cancel the meeting"
    db.session.expire_all()
    assert db.session.get(Meeting, first.id).state == "cancelled_by_staff"
    assert len(outbox_of(app)) == 2


def test_the_question_is_not_asked_of_a_meeting_that_cannot_be_cancelled(client, auth, staff,
                                                                         scheduled):
    arena, _first, _second, gone = scheduled
    response = client.get(f"/staff/arenas/{arena.id}/meetings/{gone.id}/cancel")
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    assert "Only scheduled meetings can be cancelled." in page
    other = make_arena(("drammen",), status="scheduled")
    stranger = make_meeting(other, make_participant(other, "founder"),
                            make_participant(other, "investor"))
    assert client.get(f"/staff/arenas/{other.id}/meetings/{stranger.id}/cancel"
                      ).status_code == 404  # another association's arena
    assert client.get(f"/staff/arenas/{arena.id}/meetings/{stranger.id}/cancel"
                      ).status_code == 404
    auth.logout()
    investor = make_user("investor")
    make_investor(investor)
    auth.login(investor.email)
    assert client.get(f"/staff/arenas/{arena.id}/meetings/{_first.id}/cancel"
                      ).status_code == 403


class _Fields(HTMLParser):
    """Every text field of the move forms: its name attribute, its accessible name (its
    aria-label, else the words of the label around it) and the label's visible words."""

    def __init__(self, html: str):
        super().__init__()
        self.fields: list[dict] = []
        self._label: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "label":
            self._label = []
        if tag == "input" and attributes.get("name") in ("slot", "table"):
            self.fields.append({"field": attributes["name"], "label": attributes.get(
                "aria-label"), "visible": self._label})

    def handle_data(self, data):
        if self._label is not None:
            self._label.append(data)

    def handle_endtag(self, tag):
        if tag == "label" and self._label is not None:
            words = " ".join("".join(self._label).split())
            for field in self.fields:
                if field["visible"] is self._label:
                    field["visible"] = words
                    field["name"] = field["label"] or words
            self._label = None


@pytest.mark.parametrize("lang, names", [
    ("en", ("Slot for the meeting of Kari Nordmann and Per Hansen (Fjordinvest)",
            "Table for the meeting of Kari Nordmann and Per Hansen (Fjordinvest)",
            "Slot for the meeting of Ola Berg and Eva Lie",
            "Table for the meeting of Ola Berg and Eva Lie")),
    ("nb", ("Tidsluke for møtet mellom Kari Nordmann og Per Hansen (Fjordinvest)",
            "Bord for møtet mellom Ola Berg og Eva Lie")),
])
def test_each_rows_slot_and_table_fields_name_the_pair_and_keep_the_visible_label(
        client, staff, scheduled, lang, names):
    """The move form's fields were 'Slot' and 'Table' in every row."""
    arena, *_ = scheduled
    client.post("/language", data={"lang": lang})
    html = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    fields = _Fields(html).fields
    assert len(fields) == 4  # two scheduled meetings, a slot and a table field each
    found = [f["name"] for f in fields]
    assert len(set(found)) == len(found)  # no two fields a screen reader cannot tell apart
    for name in names:
        assert name in found
    visible = {"en": {"slot": "Slot", "table": "Table"},
               "nb": {"slot": "Tidsluke", "table": "Bord"}}[lang]
    for field in fields:
        assert field["visible"] == visible[field["field"]]  # the visible label stays
        assert field["name"].startswith(field["visible"])  # speech input says what it sees


@pytest.mark.parametrize(("status", "says"), [
    ("done", "The arena has taken place: this schedule is its record and can no longer be "
             "changed."),
    ("cancelled", "The arena is cancelled: this schedule is kept as a record and can no "
                  "longer be changed."),
])
def test_a_held_or_cancelled_arenas_schedule_offers_no_change(client, staff, scheduled,
                                                              status, says):
    """The server refuses every change to a done or cancelled arena's meetings
    (meeting_changes._check_changeable), but the page still offered Lock, Move with its
    Slot and Table fields, and Cancel meeting on every row."""
    arena, first, second, gone = scheduled
    db.session.get(type(arena), arena.id).status = status
    db.session.commit()
    html = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    page = _Controls(html)
    assert [f for f in page.forms if f"/staff/arenas/{arena.id}/" in f] == []
    assert _Fields(html).fields == []
    assert not [c for c in page.controls if "/meetings/" in (c["href"] or "")]
    assert says in html
    # the record itself is all there: both meetings and the pair cancelled by staff
    for name in ("Kari Nordmann", "Per Hansen", "Ola Berg", "Eva Lie"):
        assert name in html
    assert f'id="meeting-{first.id}"' in html and f'id="cancelled-{gone.id}"' in html


def test_an_open_arenas_schedule_says_nothing_of_a_record(client, staff, scheduled):
    arena, *_ = scheduled
    html = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    assert 'id="schedule-read-only"' not in html
    assert len(_Fields(html).fields) == 4


def test_a_refused_move_lands_on_the_schedule_at_the_row_with_what_was_typed(client, staff,
                                                                             scheduled):
    """A refused move rendered the page at /meetings/<id>/move, so a reload posted the move
    again, and the message stood at the page's top, away from the row of forty it meant."""
    arena, first, second, gone = scheduled
    response = client.post(f"/staff/arenas/{arena.id}/meetings/{first.id}/move",
                           data={"slot": "1", "table": "1"})  # Ola and Eva sit there
    assert response.status_code == 303
    assert response.location == f"/staff/arenas/{arena.id}/schedule#meeting-{first.id}"

    html = client.get(response.location).get_data(as_text=True)
    message = "Table 1 is already taken in slot 1."
    fields = {f["name"]: f for f in _Fields(html).fields}
    assert html.count(message) == 2  # at the top, and under the row's fields
    row = html[html.index(f'id="meeting-{first.id}"'):]
    row = row[: row.index("</tr>")]
    assert f'id="move-error-{first.id}"' in row and message in row
    assert row.count(f'aria-describedby="move-error-{first.id}"') == 2  # Slot and Table
    assert 'name="slot" size="3" inputmode="numeric" value="1"' in row  # as typed
    assert "Slot for the meeting of Kari Nordmann and Per Hansen (Fjordinvest)" in fields
    top = _Controls(html[html.index('id="move-error"'):])
    assert top.controls[0]["href"] == f"#meeting-{first.id}"
    assert top.controls[0]["name"] == ("Go to the meeting of Kari Nordmann and Per Hansen "
                                       "(Fjordinvest)")
    other = html[html.index(f'id="meeting-{second.id}"'):]
    assert "aria-invalid" not in other[: other.index("</tr>")]

    again = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    assert message not in again  # said once; a reload shows the schedule as it is
    db.session.expire_all()
    assert (db.session.get(Meeting, first.id).slot, db.session.get(Meeting, first.id).table
            ) == (0, 1)
